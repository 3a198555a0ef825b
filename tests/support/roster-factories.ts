/**
 * Reviewers on the roster, for the integration tests and the end-to-end
 * tests alike (the latter against the e2e server's database).
 */
import { addDaysToLocalDate, localDate } from "~/domain/deadlines/time-zone";
import { db } from "~/server/db.server";
import { createUser } from "./factories";

type AffiliationKind = "FACILITY" | "HEALTH_PLAN" | "MEDICAL_GROUP" | "MANUFACTURER";

/** A date column's value for a calendar date. */
const dateColumn = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * A reviewer who qualifies in `specialty` on the day of `at`: a current
 * license (two years left, unless given) and board certification, ten years
 * of practice, credentials verified a month before, room for `capacity` cases.
 */
export async function createQualifiedReviewer(options: {
  name: string;
  specialty: string;
  at?: Date;
  capacity?: number;
  licenseExpiresOn?: string;
  affiliations?: { kind: AffiliationKind; name: string; planId?: string }[];
}) {
  const today = localDate(options.at ?? new Date(), "America/New_York");
  const user = await createUser({ roles: ["REVIEWER"], name: options.name });
  await db.reviewerProfile.create({
    data: {
      userId: user.id,
      primarySpecialty: options.specialty,
      credentials: "MD, test reviewer",
      yearsInPractice: 10,
      credentialsVerifiedOn: dateColumn(addDaysToLocalDate(today, -30)),
      capacity: options.capacity ?? 5,
      specialties: { create: [{ specialtyCode: options.specialty, primary: true }] },
      certifications: {
        create: [
          {
            specialtyCode: options.specialty,
            board: "Test board",
            certifiedOn: dateColumn(addDaysToLocalDate(today, -10 * 365)),
            expiresOn: dateColumn(addDaysToLocalDate(today, 3 * 365)),
          },
        ],
      },
      licenses: {
        create: [{ state: "CA", number: `T${user.id.slice(0, 8)}`, expiresOn: dateColumn(options.licenseExpiresOn ?? addDaysToLocalDate(today, 2 * 365)) }],
      },
      affiliations: { create: (options.affiliations ?? []).map((affiliation) => ({ ...affiliation, planId: affiliation.planId ?? null })) },
    },
  });
  return user;
}
