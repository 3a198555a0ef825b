import { z } from "zod";
import { parseLocalDate } from "~/domain/deadlines/time-zone";
import { AFFILIATION_KINDS, LICENSE_STATUSES, ROSTER_FLAGS, US_STATE_CODES } from "~/domain/roster";

/**
 * The reviewer roster's forms, shared by the browser and the actions. Field
 * names differ between the forms of one page (the profile editor has seven),
 * so each input keeps its own id and label.
 */

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const BAD_DATE = "Enter a real date, like 2027-01-31.";

function isDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  try {
    const { year } = parseLocalDate(value);
    return year >= 1940 && year <= 2100;
  } catch {
    return false;
  }
}

const requiredDate = (missing: string) => z.string().trim().min(1, missing).refine(isDate, BAD_DATE);

const optionalDate = z
  .string()
  .trim()
  .optional()
  .refine((value) => !value || isDate(value), BAD_DATE)
  .transform((value) => value || null);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((value) => value || null);

const wholeNumber = (missing: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .regex(/^\d+$/, "Enter a whole number, like 3.")
    .transform(Number)
    .pipe(z.number().int().max(max, `Enter ${max} or less.`));

export const practiceFormSchema = z.object({
  credentials: z
    .string()
    .trim()
    .min(1, "Enter the qualifications as a decision letter should state them, like MD, board certified in cardiovascular disease.")
    .max(300, "Use at most 300 characters."),
  yearsInPractice: wholeNumber("Enter the years of clinical practice, 0 if none.", 70),
  credentialsVerifiedOn: optionalDate,
  openDisciplinaryAction: optionalText(1000),
});
export type PracticeForm = z.output<typeof practiceFormSchema>;

export const capacityFormSchema = z.object({
  capacity: wholeNumber("Enter how many cases the reviewer may hold at once, 0 to pause offers.", 50),
});

export const specialtyFormSchema = z.object({
  specialtyCode: z.string().trim().min(1, "Choose a specialty or sub-specialty."),
});

export const certificationFormSchema = z
  .object({
    certificationSpecialtyCode: z.string().trim().min(1, "Choose the specialty the board certified."),
    board: optionalText(200),
    certifiedOn: optionalDate,
    certificationExpiresOn: optionalDate,
  })
  .refine((form) => !form.certifiedOn || !form.certificationExpiresOn || form.certificationExpiresOn > form.certifiedOn, {
    path: ["certificationExpiresOn"],
    message: "The expiry must be after the date of certification.",
  });
export type CertificationForm = z.output<typeof certificationFormSchema>;

export const licenseFormSchema = z.object({
  state: z.enum(US_STATE_CODES, { message: "Choose the state that issued the license." }),
  number: z
    .string()
    .trim()
    .min(1, "Enter the license number.")
    .max(40, "Use at most 40 characters.")
    .regex(/^[A-Za-z0-9 .\-/]+$/, "Use letters, digits, spaces, dots, hyphens or slashes, as the board prints it."),
  licenseExpiresOn: requiredDate("Enter the date the license expires."),
  status: z.enum(LICENSE_STATUSES, { message: "Choose the license's status." }),
});
export type LicenseForm = z.output<typeof licenseFormSchema>;

export const unavailabilityFormSchema = z
  .object({
    startsOn: requiredDate("Enter the first day away."),
    endsOn: requiredDate("Enter the last day away."),
    note: optionalText(200),
  })
  .refine((form) => form.endsOn >= form.startsOn, { path: ["endsOn"], message: "The last day must be on or after the first day." });
export type UnavailabilityForm = z.output<typeof unavailabilityFormSchema>;

export const affiliationFormSchema = z
  .object({
    kind: z.enum(AFFILIATION_KINDS, { message: "Choose what kind of tie this is." }),
    name: optionalText(200),
    identifier: z
      .string()
      .trim()
      .max(40, "Use at most 40 characters.")
      .regex(/^[A-Za-z0-9 .\-/]*$/, "Use letters, digits, spaces, dots, hyphens or slashes, like 1234567893 or 12-3456789.")
      .optional()
      .transform((value) => value || null),
    planId: z
      .union([z.literal(""), z.uuid("Choose a plan from the list.")])
      .optional()
      .transform((value) => value || null),
  })
  .superRefine((form, ctx) => {
    if (form.planId && form.kind !== "HEALTH_PLAN") {
      ctx.addIssue({
        code: "custom",
        path: ["planId"],
        message: "Only a health-plan tie can name one of the plans we serve: choose Health plan above, or leave this empty.",
      });
    }
    if (!form.name && !form.planId) {
      ctx.addIssue({
        code: "custom",
        path: ["name"],
        message:
          form.kind === "HEALTH_PLAN"
            ? "Enter the plan's name, or choose it from the plans we serve."
            : "Enter the name of the group, facility, maker or physician.",
      });
    }
  });
export type AffiliationForm = z.output<typeof affiliationFormSchema>;

export const similarPairFormSchema = z
  .object({
    specialtyCode: z.string().trim().min(1, "Choose a specialty."),
    similarCode: z.string().trim().min(1, "Choose the specialty close to it."),
  })
  .refine((form) => form.specialtyCode !== form.similarCode, {
    path: ["similarCode"],
    message: "Choose a different specialty: a specialty always matches itself.",
  });
export type SimilarPairForm = z.output<typeof similarPairFormSchema>;

export const specialtyRowSchema = z.object({ specialtyCode: z.string().trim().min(1).max(100) });

/** Changes to a reviewer's profile, each a small form of its own (the button's `intent`). */
export type RosterIntent =
  | "save-practice"
  | "save-capacity"
  | "add-specialty"
  | "make-primary"
  | "remove-specialty"
  | "add-certification"
  | "remove-certification"
  | "add-license"
  | "remove-license"
  | "add-unavailability"
  | "remove-unavailability"
  | "add-affiliation"
  | "remove-affiliation"
  | "request-affiliation-removal"
  | "approve-affiliation-removal"
  | "reject-affiliation-removal";

/**
 * What only administrators change (credentials:manage): what qualifies a
 * reviewer, and taking a declared affiliation away (a reviewer asks, an
 * administrator approves). Coordinators see these read-only.
 */
export const CREDENTIAL_INTENTS = [
  "save-practice",
  "add-certification",
  "remove-certification",
  "add-license",
  "remove-license",
  "remove-affiliation",
  "approve-affiliation-removal",
  "reject-affiliation-removal",
] as const satisfies readonly RosterIntent[];

export function isCredentialIntent(intent: unknown): boolean {
  return (CREDENTIAL_INTENTS as readonly unknown[]).includes(intent);
}

/** What reviewers keep up to date themselves; removing an affiliation is a request an administrator approves. */
const SELF_SERVICE_INTENTS = [
  "add-unavailability",
  "remove-unavailability",
  "add-affiliation",
  "request-affiliation-removal",
] as const satisfies readonly RosterIntent[];
export const selfServiceIntentSchema = z.enum(SELF_SERVICE_INTENTS);

export const rosterFilterSchema = z.object({
  specialty: z.string().trim().min(1).max(100).optional().catch(undefined),
  flag: z.enum(ROSTER_FLAGS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type RosterFilter = z.output<typeof rosterFilterSchema>;
