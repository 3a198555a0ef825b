/**
 * Rows for integration tests, written with the app's own Prisma client (so
 * into the test file's database). Every call makes unique emails and names.
 */
import crypto from "node:crypto";
import type { CaseStatus } from "~/domain/case-status";
import { INITIAL_RULE_PROFILES, type RuleProfileCode } from "~/domain/rule-profiles";
import type { Prisma } from "~/server/db.server";
import type { Role } from "~/domain/roles";
import { hashPassword } from "~/server/auth/password.server";
import { db } from "~/server/db.server";
import type { Actor } from "~/server/request-context.server";
import type { SessionUser } from "~/server/session.server";

export const PASSWORD = "correct horse battery staple";

const unique = () => crypto.randomBytes(4).toString("hex");

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${unique()}@example.test`;
}

/** A distinct client address, so per-IP rate limits of one test do not touch another. */
export function uniqueIp(): string {
  const bytes = crypto.randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

export function actorFor(user: { id: string; email: string } | null, ip = uniqueIp()): Actor {
  return { userId: user?.id ?? null, email: user?.email ?? null, ip, userAgent: "vitest" };
}

let cachedHash: Promise<string> | undefined;

export async function createUser(
  options: {
    roles?: Role[];
    email?: string;
    name?: string;
    password?: string | null;
    verified?: boolean;
    planId?: string | null;
  } = {},
) {
  const password = options.password === undefined ? PASSWORD : options.password;
  // Hashing costs ~50 ms; the shared password's hash is made once.
  const passwordHash = password === null ? null : password === PASSWORD ? await (cachedHash ??= hashPassword(PASSWORD)) : await hashPassword(password);
  return db.user.create({
    data: {
      email: options.email ?? uniqueEmail(options.roles?.[0]?.toLowerCase() ?? "applicant"),
      name: options.name ?? "Test Person",
      roles: options.roles ?? ["APPLICANT"],
      passwordHash,
      emailVerifiedAt: options.verified === false ? null : new Date(),
      planId: options.planId ?? null,
    },
  });
}

/** The shape the session code hands to access checks. */
export function sessionUserOf(user: { id: string; email: string; name: string; roles: Role[]; planId: string | null; language?: string }): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    planId: user.planId,
    language: user.language ?? "en",
    sessionId: crypto.randomUUID(),
  };
}

export async function createPlan(name = `Plan ${unique()}`) {
  return db.healthPlan.create({ data: { name, ruleProfileCode: "naic", contactEmail: `${unique()}@plan.test` } });
}

let referenceCounter = 0;

/** Version 1 of a seeded rule profile (created once per database). */
async function ruleProfile(code: RuleProfileCode = "naic") {
  const seed = INITIAL_RULE_PROFILES.find((profile) => profile.code === code)!;
  return db.ruleProfile.upsert({
    where: { code_version: { code, version: 1 } },
    create: { ...seed, version: 1, effectiveFrom: new Date("2024-01-01T05:00:00Z"), rules: seed.rules as unknown as Prisma.InputJsonValue },
    update: {},
  });
}

export async function createCase(options: {
  applicantId: string;
  planId?: string | null;
  status?: CaseStatus;
  version?: number;
  profile?: RuleProfileCode;
  track?: "STANDARD" | "EXPEDITED";
  disputeType?: "MEDICAL_NECESSITY" | "EXPERIMENTAL_INVESTIGATIONAL" | "URGENT_CARE";
  coordinatorId?: string;
}) {
  const status = options.status ?? "SUBMITTED";
  const profile = await ruleProfile(options.profile);
  const submitted = status !== "DRAFT";
  referenceCounter += 1;
  return db.case.create({
    data: {
      applicantId: options.applicantId,
      planId: options.planId ?? null,
      status,
      version: options.version ?? 0,
      reference: submitted ? `IMR-2099-${String(referenceCounter).padStart(6, "0")}-${unique()}` : null,
      submittedAt: submitted ? new Date() : null,
      serviceDescription: "Test service",
      ruleProfileId: profile.id,
      track: options.track ?? "STANDARD",
      disputeType: options.disputeType ?? "MEDICAL_NECESSITY",
      coordinatorId: options.coordinatorId ?? null,
    },
  });
}

export async function createAssignment(options: {
  caseId: string;
  reviewerId: string;
  status?: "OFFERED" | "ACCEPTED" | "DECLINED" | "EXPIRED" | "REPLACED" | "COMPLETED" | "CANCELLED";
  attested?: boolean;
}) {
  const status = options.status ?? "OFFERED";
  return db.reviewerAssignment.create({
    data: {
      caseId: options.caseId,
      reviewerId: options.reviewerId,
      status,
      respondedAt: status === "OFFERED" ? null : new Date(),
      attestedAt: options.attested ? new Date() : null,
    },
  });
}

/** The `name=value` part of a Set-Cookie header, ready for a Cookie header. */
export function cookieHeaderFrom(setCookie: string): string {
  return setCookie.split(";")[0]!;
}

export function requestWithCookie(setCookie: string | null, path = "/x", ip = uniqueIp()): Request {
  const headers = new Headers({ "x-imr-client-ip": ip, "user-agent": "vitest" });
  if (setCookie) headers.set("Cookie", cookieHeaderFrom(setCookie));
  return new Request(`http://portal.test${path}`, { headers });
}

/** The newest queued email to `address` of this template, if any. */
export async function latestEmailTo(address: string, template: string) {
  return db.outboxMessage.findFirst({ where: { toAddress: address, template }, orderBy: { createdAt: "desc" } });
}

/** The single-use token in a queued email's link. */
export function tokenFromEmail(message: { props: unknown } | null): string {
  const link = (message?.props as { link?: string } | undefined)?.link;
  const token = link ? new URL(link).searchParams.get("token") : null;
  if (!token) throw new Error(`no token in the email's link: ${String(link)}`);
  return token;
}

/** A reviewer with a profile (specialty and credentials, as the letter shows them). */
export async function createReviewer(options: { name?: string; specialty?: string; credentials?: string } = {}) {
  const user = await createUser({ roles: ["REVIEWER"], name: options.name ?? "Dr. Test Reviewer" });
  await db.reviewerProfile.create({
    data: { userId: user.id, primarySpecialty: options.specialty ?? "Cardiology", credentials: options.credentials ?? "MD, board certified" },
  });
  return user;
}
