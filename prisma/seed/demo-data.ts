/**
 * Demo data for trying the portal: every role has a login (README, "Demo
 * logins"). Idempotent: running it again updates the same rows by email or
 * name and creates nothing twice. Rule profiles and holidays are reference
 * data every installation gets (server/reference-data.server.ts).
 */
import { createApiKey, hashApiKey } from "~/server/api/api-keys.server";
import { isStaff, type Role } from "~/domain/roles";
import type { Db } from "~/server/db.server";
import { seedDemoLibrary } from "./demo-library";
import { demoPeople } from "./demo-people";
import { hashPassword } from "~/server/auth/password.server";
import { seedDemoCases } from "./demo-cases";
import { setUpAuthenticatorWithSecret } from "~/server/auth/second-factor.server";
import { DEMO_AUTHENTICATOR_SECRET, DEMO_PASSWORD, openedAt } from "./demo-accounts";
import { DEMO_ROSTER, seedDemoRoster } from "./demo-roster";

interface DemoUser {
  email: string;
  name: string;
  roles: Role[];
  plan?: string;
  reviewer?: { specialty: string; credentials: string };
  /** The language of an applicant's pages and emails; English unless said. */
  language?: "en" | "es";
}

export const DEMO_PLANS = [
  { name: "Evergreen Health Plan", ruleProfileCode: "naic", contactEmail: "appeals@evergreen-health.example" },
  { name: "Pacific Coast Health", ruleProfileCode: "california", contactEmail: "imr@pacific-coast-health.example" },
] as const;

export const DEMO_USERS: readonly DemoUser[] = [
  { email: "admin@imr.example", name: "Alex Morgan", roles: ["ADMIN"] },
  { email: "coordinator@imr.example", name: "Dana Whitfield", roles: ["COORDINATOR"] },
  { email: "coordinator2@imr.example", name: "Marcus Bell", roles: ["COORDINATOR"] },
  {
    email: "cardiology@reviewers.example",
    name: "Dr. Priya Raman",
    roles: ["REVIEWER"],
    reviewer: { specialty: "Cardiology", credentials: "MD, board certified in cardiovascular disease, 18 years in practice" },
  },
  {
    email: "oncology@reviewers.example",
    name: "Dr. Samuel Okafor",
    roles: ["REVIEWER"],
    reviewer: { specialty: "Medical oncology", credentials: "MD, board certified in medical oncology, 22 years in practice" },
  },
  {
    email: "orthopaedics@reviewers.example",
    name: "Dr. Helen Park",
    roles: ["REVIEWER"],
    reviewer: { specialty: "Orthopaedic surgery", credentials: "MD, board certified in orthopaedic surgery, 15 years in practice" },
  },
  {
    email: "psychiatry@reviewers.example",
    name: "Dr. Jonah Feld",
    roles: ["REVIEWER"],
    reviewer: { specialty: "Psychiatry", credentials: "MD, board certified in psychiatry, 12 years in practice" },
  },
  {
    email: "neurology@reviewers.example",
    name: "Dr. Amara Nwosu",
    roles: ["REVIEWER"],
    reviewer: { specialty: "Neurology", credentials: "MD, board certified in neurology, 20 years in practice" },
  },
  {
    email: "endocrinology@reviewers.example",
    name: "Dr. Lars Eriksen",
    roles: ["REVIEWER"],
    reviewer: { specialty: "Endocrinology, diabetes and metabolism", credentials: "MD, board certified in endocrinology, 9 years in practice" },
  },
  { email: "plan@evergreen-health.example", name: "Grace Liu", roles: ["PLAN"], plan: "Evergreen Health Plan" },
  { email: "plan@pacific-coast-health.example", name: "Omar Haddad", roles: ["PLAN"], plan: "Pacific Coast Health" },
  { email: "maria.lopez@example.com", name: "Maria Lopez", roles: ["APPLICANT"] },
  { email: "james.carter@example.com", name: "James Carter", roles: ["APPLICANT"] },
  { email: "lucia.hernandez@example.com", name: "Lucía Hernández", roles: ["APPLICANT"], language: "es" },
];

/** Seeds the demo as if it were `now`: the demo's history counts back from it. */
export async function seedDemoData(db: Db, now = new Date()): Promise<{ users: number; plans: number; cases: number }> {
  const opened = openedAt(now);
  const planIds = new Map<string, string>();
  for (const plan of DEMO_PLANS) {
    const row = await db.healthPlan.upsert({ where: { name: plan.name }, create: { ...plan, createdAt: opened }, update: {}, select: { id: true } });
    planIds.set(plan.name, row.id);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of DEMO_USERS) {
    const data = {
      name: user.name,
      roles: user.roles,
      planId: user.plan ? (planIds.get(user.plan) ?? null) : null,
      language: user.language ?? "en",
    };
    const row = await db.user.upsert({
      where: { email: user.email },
      create: { ...data, email: user.email, passwordHash, emailVerifiedAt: opened, createdAt: opened },
      update: data,
      select: { id: true },
    });
    if (user.reviewer) {
      const profile = { primarySpecialty: user.reviewer.specialty, credentials: user.reviewer.credentials };
      await db.reviewerProfile.upsert({ where: { userId: row.id }, create: { userId: row.id, ...profile }, update: profile });
    }
  }
  await seedDemoRoster(db, now);
  await setUpDemoAuthenticators(db, opened);
  const cases = await seedDemoCases(db, now);
  await seedDemoLibrary(db, demoPeople(db), now);
  await seedDemoApiKey(db, planIds.get("Evergreen Health Plan")!);
  return { users: DEMO_USERS.length, plans: DEMO_PLANS.length, cases };
}

/** Every demo staff account signs in with the published authenticator secret; the applicants have no second factor, as applicants start. */
async function setUpDemoAuthenticators(db: Db, opened: Date): Promise<void> {
  const emails = [...DEMO_USERS.filter((user) => isStaff(user.roles)), ...DEMO_ROSTER].map((user) => user.email);
  const staff = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true } });
  await setUpAuthenticatorWithSecret(
    staff.map((user) => user.id),
    DEMO_AUTHENTICATOR_SECRET,
    opened,
  );
}

/** The README gives this key, so anyone can try the API at once. Never use it outside a demo. */
const DEMO_API_KEY = "imr_Evergrn1_demo-key-for-trying-the-api-2026-11";

async function seedDemoApiKey(db: Db, planId: string): Promise<void> {
  if (await db.apiKey.findUnique({ where: { keyHash: hashApiKey(DEMO_API_KEY) }, select: { id: true } })) return;
  await createApiKey(planId, "Demo key (README)", { userId: null, email: "demo data", ip: null, userAgent: "demo data" }, undefined, DEMO_API_KEY);
}
