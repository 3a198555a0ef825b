/**
 * The demo reviewer roster: full profiles for the six demo reviewers, and
 * more reviewers who each show one reason matching leaves a reviewer out
 * (README, "Demo logins"), plus a few who qualify. Dates count from the day
 * of seeding (`now`). Idempotent by email: a reviewer whose profile already
 * lists a specialty keeps it as it is, so changes made in the demo are not
 * undone.
 */
import type { AffiliationKind, LicenseStatus } from "~/domain/matching";
import { hashPassword } from "~/server/auth/password.server";
import type { Db } from "~/server/db.server";
import { ensureSpecialties } from "~/server/reviewers/specialties.server";
import { DEMO_PASSWORD, openedAt } from "./demo-accounts";

interface RosterSeed {
  email: string;
  /** For reviewers the demo roster adds; the six demo reviewers have theirs already. */
  name?: string;
  credentials?: string;
  /** Specialty codes, the primary one first. */
  specialties: string[];
  years: number;
  /** Days before seeding that credentials were verified. */
  verifiedDaysAgo: number;
  capacity: number;
  disciplinary?: string;
  certifications: { code: string; certifiedDaysAgo: number; expiresInDays: number | null }[];
  licenses: { state: string; number: string; expiresInDays: number; status?: LicenseStatus }[];
  unavailable?: { fromDays: number; toDays: number; note: string }[];
  affiliations?: { kind: AffiliationKind; name: string; identifier?: string; plan?: string }[];
}

const YEAR = 365;

/** One current certification and license, for reviewers whose point is elsewhere. */
const inGoodStanding = (code: string, state: string, number: string) => ({
  certifications: [{ code, certifiedDaysAgo: 12 * YEAR, expiresInDays: 3 * YEAR }],
  licenses: [{ state, number, expiresInDays: 2 * YEAR }],
});

export const DEMO_ROSTER: readonly RosterSeed[] = [
  // The six demo reviewers.
  {
    email: "cardiology@reviewers.example",
    specialties: ["cardiovascular-disease", "interventional-cardiology"],
    years: 18,
    verifiedDaysAgo: 400,
    capacity: 4,
    certifications: [
      { code: "cardiovascular-disease", certifiedDaysAgo: 16 * YEAR, expiresInDays: 4 * YEAR },
      { code: "interventional-cardiology", certifiedDaysAgo: 12 * YEAR, expiresInDays: 2 * YEAR },
    ],
    licenses: [
      { state: "CA", number: "A128734", expiresInDays: 500 },
      { state: "NY", number: "271455", expiresInDays: 300 },
    ],
    affiliations: [{ kind: "MEDICAL_GROUP", name: "Bay Cardiology Associates", identifier: "1487653290" }],
  },
  {
    email: "oncology@reviewers.example",
    specialties: ["medical-oncology", "hematology"],
    years: 22,
    verifiedDaysAgo: 200,
    capacity: 3,
    certifications: [
      { code: "medical-oncology", certifiedDaysAgo: 20 * YEAR, expiresInDays: 3 * YEAR },
      { code: "hematology", certifiedDaysAgo: 20 * YEAR, expiresInDays: 3 * YEAR },
    ],
    licenses: [{ state: "NY", number: "248113", expiresInDays: 700 }],
  },
  {
    // Due for re-verification within 30 days: shows on the coordinators' home.
    email: "orthopaedics@reviewers.example",
    specialties: ["orthopaedic-surgery", "orthopaedic-sports-medicine"],
    years: 15,
    verifiedDaysAgo: 3 * YEAR - 20,
    capacity: 3,
    certifications: [
      { code: "orthopaedic-surgery", certifiedDaysAgo: 14 * YEAR, expiresInDays: 5 * YEAR },
      { code: "orthopaedic-sports-medicine", certifiedDaysAgo: 9 * YEAR, expiresInDays: 1 * YEAR },
    ],
    licenses: [{ state: "WA", number: "MD60412877", expiresInDays: 400 }],
  },
  {
    // A license expiring within 30 days: flagged on the roster, still qualified today.
    email: "psychiatry@reviewers.example",
    specialties: ["psychiatry", "addiction-psychiatry"],
    years: 12,
    verifiedDaysAgo: YEAR,
    capacity: 3,
    certifications: [{ code: "psychiatry", certifiedDaysAgo: 11 * YEAR, expiresInDays: 2 * YEAR }],
    licenses: [{ state: "MA", number: "262290", expiresInDays: 20 }],
  },
  {
    email: "neurology@reviewers.example",
    specialties: ["neurology", "vascular-neurology"],
    years: 20,
    verifiedDaysAgo: 2 * YEAR,
    capacity: 3,
    certifications: [{ code: "neurology", certifiedDaysAgo: 19 * YEAR, expiresInDays: 3 * YEAR }],
    licenses: [{ state: "IL", number: "036.118842", expiresInDays: 800 }],
  },
  {
    email: "endocrinology@reviewers.example",
    specialties: ["endocrinology-diabetes-and-metabolism"],
    years: 9,
    verifiedDaysAgo: 300,
    capacity: 2,
    ...inGoodStanding("endocrinology-diabetes-and-metabolism", "MN", "57721"),
  },

  // One reason to be left out each.
  {
    email: "cardiology.expired-license@reviewers.example",
    name: "Dr. Elena Vasquez",
    credentials: "MD, board certified in cardiovascular disease",
    specialties: ["cardiovascular-disease"],
    years: 14,
    verifiedDaysAgo: 500,
    capacity: 3,
    certifications: [{ code: "cardiovascular-disease", certifiedDaysAgo: 13 * YEAR, expiresInDays: 2 * YEAR }],
    licenses: [{ state: "CA", number: "A119047", expiresInDays: -45 }],
  },
  {
    email: "oncology.restricted-license@reviewers.example",
    name: "Dr. Martin Greer",
    credentials: "MD, board certified in medical oncology",
    specialties: ["medical-oncology"],
    years: 19,
    verifiedDaysAgo: 600,
    capacity: 3,
    certifications: [{ code: "medical-oncology", certifiedDaysAgo: 17 * YEAR, expiresInDays: 2 * YEAR }],
    licenses: [{ state: "TX", number: "L4471", expiresInDays: 400, status: "RESTRICTED" }],
  },
  {
    email: "cardiology.lapsed-certification@reviewers.example",
    name: "Dr. Nadia Petrov",
    credentials: "MD, formerly board certified in cardiovascular disease",
    specialties: ["cardiovascular-disease"],
    years: 25,
    verifiedDaysAgo: 700,
    capacity: 3,
    certifications: [{ code: "cardiovascular-disease", certifiedDaysAgo: 20 * YEAR, expiresInDays: -60 }],
    licenses: [{ state: "NJ", number: "25MA08812300", expiresInDays: 600 }],
  },
  {
    email: "oncology.early-career@reviewers.example",
    name: "Dr. Kevin Osei",
    credentials: "MD, board certified in medical oncology",
    specialties: ["medical-oncology"],
    years: 3,
    verifiedDaysAgo: 100,
    capacity: 3,
    certifications: [{ code: "medical-oncology", certifiedDaysAgo: 2 * YEAR, expiresInDays: 8 * YEAR }],
    licenses: [{ state: "PA", number: "MD472219", expiresInDays: 700 }],
  },
  {
    email: "cardiology.stale-verification@reviewers.example",
    name: "Dr. Ruth Lindqvist",
    credentials: "MD, board certified in cardiovascular disease",
    specialties: ["cardiovascular-disease"],
    years: 21,
    verifiedDaysAgo: 3 * YEAR + 90,
    capacity: 3,
    ...inGoodStanding("cardiovascular-disease", "OR", "MD31877"),
  },
  {
    email: "oncology.disciplinary@reviewers.example",
    name: "Dr. Paul Brennan",
    credentials: "MD, board certified in medical oncology",
    specialties: ["medical-oncology"],
    years: 17,
    verifiedDaysAgo: 400,
    capacity: 3,
    disciplinary: "State medical board accusation filed over prescribing records; hearing pending.",
    ...inGoodStanding("medical-oncology", "FL", "ME118204"),
  },
  {
    email: "cardiology.at-capacity@reviewers.example",
    name: "Dr. Irene Cho",
    credentials: "MD, board certified in cardiovascular disease",
    specialties: ["cardiovascular-disease"],
    years: 11,
    verifiedDaysAgo: 250,
    // Offers paused while she finishes other work.
    capacity: 0,
    ...inGoodStanding("cardiovascular-disease", "WA", "MD60533120"),
  },
  {
    email: "oncology.on-leave@reviewers.example",
    name: "Dr. Tomas Herrera",
    credentials: "MD, board certified in medical oncology",
    specialties: ["medical-oncology"],
    years: 16,
    verifiedDaysAgo: 350,
    capacity: 3,
    unavailable: [{ fromDays: -7, toDays: 21, note: "Sabbatical" }],
    ...inGoodStanding("medical-oncology", "AZ", "41762"),
  },
  {
    email: "cardiology.evergreen@reviewers.example",
    name: "Dr. Sofia Marchetti",
    credentials: "MD, board certified in cardiovascular disease",
    specialties: ["cardiovascular-disease"],
    years: 23,
    verifiedDaysAgo: 150,
    capacity: 3,
    affiliations: [{ kind: "HEALTH_PLAN", name: "Evergreen Health Plan", plan: "Evergreen Health Plan" }],
    ...inGoodStanding("cardiovascular-disease", "CO", "DR.0049981"),
  },
  {
    email: "oncology.manufacturer@reviewers.example",
    name: "Dr. Daniel Whitaker",
    credentials: "MD, board certified in medical oncology",
    specialties: ["medical-oncology"],
    years: 18,
    verifiedDaysAgo: 220,
    capacity: 3,
    affiliations: [{ kind: "MANUFACTURER", name: "Northwind Biologics, Inc.", identifier: "84-2219375" }],
    ...inGoodStanding("medical-oncology", "MA", "251876"),
  },

  // Qualified, so the suggestions have more than one name.
  {
    email: "cardiology2@reviewers.example",
    name: "Dr. Hannah Brooks",
    credentials: "MD, board certified in cardiovascular disease and clinical cardiac electrophysiology",
    specialties: ["cardiovascular-disease", "clinical-cardiac-electrophysiology"],
    years: 13,
    verifiedDaysAgo: 90,
    capacity: 3,
    certifications: [
      { code: "cardiovascular-disease", certifiedDaysAgo: 12 * YEAR, expiresInDays: 3 * YEAR },
      { code: "clinical-cardiac-electrophysiology", certifiedDaysAgo: 9 * YEAR, expiresInDays: 4 * YEAR },
    ],
    licenses: [{ state: "CA", number: "A131920", expiresInDays: 900 }],
  },
  {
    email: "oncology2@reviewers.example",
    name: "Dr. Ahmed Karimi",
    credentials: "MD, board certified in medical oncology",
    specialties: ["medical-oncology"],
    years: 10,
    verifiedDaysAgo: 60,
    capacity: 4,
    // Only like the maker on EHP-DEMO-1005 (Helix Genomics Laboratories): a possible conflict there, no tie elsewhere.
    affiliations: [{ kind: "MANUFACTURER", name: "Helix Genomics Labs, LLC" }],
    ...inGoodStanding("medical-oncology", "NY", "266031"),
  },
  {
    email: "hematology@reviewers.example",
    name: "Dr. Grace Nakamura",
    credentials: "MD, board certified in hematology",
    specialties: ["hematology"],
    years: 15,
    verifiedDaysAgo: 180,
    capacity: 3,
    ...inGoodStanding("hematology", "IL", "036.121404"),
  },
];

/** A calendar date `days` from the day of `now` (UTC), as date columns hold it. */
function dayFrom(now: Date, days: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
}

export async function seedDemoRoster(db: Db, now = new Date()): Promise<{ reviewers: number }> {
  await db.$transaction((tx) => ensureSpecialties(tx));
  const specialties = new Map((await db.specialty.findMany({ select: { code: true, name: true, board: true } })).map((row) => [row.code, row]));
  const plans = new Map((await db.healthPlan.findMany({ select: { id: true, name: true } })).map((plan) => [plan.name, plan.id]));
  let passwordHash: string | undefined;
  for (const seed of DEMO_ROSTER) {
    let user = await db.user.findUnique({ where: { email: seed.email }, select: { id: true } });
    if (!user) {
      if (!seed.name) throw new Error(`The demo reviewer ${seed.email} must be seeded before the roster`);
      passwordHash ??= await hashPassword(DEMO_PASSWORD);
      user = await db.user.create({
        data: { email: seed.email, name: seed.name, roles: ["REVIEWER"], passwordHash, emailVerifiedAt: openedAt(now), createdAt: openedAt(now) },
        select: { id: true },
      });
    }
    const reviewerId = user.id;
    const seeded = await db.reviewerSpecialty.count({ where: { reviewerId } });
    if (seeded > 0) continue;
    const [primary] = seed.specialties;
    const details = {
      primarySpecialty: (primary && specialties.get(primary)?.name) ?? "",
      yearsInPractice: seed.years,
      credentialsVerifiedOn: dayFrom(now, -seed.verifiedDaysAgo),
      openDisciplinaryAction: seed.disciplinary ?? null,
      capacity: seed.capacity,
    };
    await db.$transaction(async (tx) => {
      await tx.reviewerProfile.upsert({
        where: { userId: reviewerId },
        create: { userId: reviewerId, credentials: seed.credentials ?? "", ...details },
        update: seed.credentials ? { ...details, credentials: seed.credentials } : details,
      });
      await tx.reviewerSpecialty.createMany({ data: seed.specialties.map((code, index) => ({ reviewerId, specialtyCode: code, primary: index === 0 })) });
      await tx.boardCertification.createMany({
        data: seed.certifications.map((certification) => ({
          reviewerId,
          specialtyCode: certification.code,
          board: specialties.get(certification.code)?.board ?? "",
          certifiedOn: dayFrom(now, -certification.certifiedDaysAgo),
          expiresOn: certification.expiresInDays === null ? null : dayFrom(now, certification.expiresInDays),
        })),
      });
      await tx.reviewerLicense.createMany({
        data: seed.licenses.map((license) => ({
          reviewerId,
          state: license.state,
          number: license.number,
          expiresOn: dayFrom(now, license.expiresInDays),
          status: license.status ?? "ACTIVE",
        })),
      });
      await tx.reviewerUnavailability.createMany({
        data: (seed.unavailable ?? []).map((period) => ({
          reviewerId,
          startsOn: dayFrom(now, period.fromDays),
          endsOn: dayFrom(now, period.toDays),
          note: period.note,
        })),
      });
      await tx.reviewerAffiliation.createMany({
        data: (seed.affiliations ?? []).map((affiliation) => ({
          reviewerId,
          kind: affiliation.kind,
          name: affiliation.name,
          identifier: affiliation.identifier ?? null,
          planId: affiliation.plan ? (plans.get(affiliation.plan) ?? null) : null,
        })),
      });
    });
  }
  return { reviewers: DEMO_ROSTER.length };
}
