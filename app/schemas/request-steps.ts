/**
 * The request form's schemas, one per step, shared by the browser
 * (react-hook-form) and the step's action. Each step has two: `complete`
 * for "Save and continue" (every answer the step needs), and `draft` for
 * "Back" and "Save and finish later" (only what was typed must make sense,
 * so nothing is lost by leaving a step half done).
 */
import { z } from "zod";
import { isRealLocalDate, type LocalDate } from "~/domain/deadlines/time-zone";
import { missingFields } from "~/domain/requests/completeness";
import {
  APPEAL_NOT_NEEDED_REASONS,
  APPEAL_STATUSES,
  DISPUTE_TYPES,
  FILED_BY,
  LANGUAGES,
  PATIENT_SEXES,
  REFERRAL_SOURCES,
  REPRESENTATIVE_RELATIONSHIPS,
  TRACKS,
} from "~/domain/requests/options";
import type { FilingContext, RequestDraft } from "~/domain/requests/request-draft";
import type { EditStep } from "~/domain/requests/steps";
import { msg } from "~/i18n/msg";

// Form fields arrive as strings (or null for an unticked radio in the browser).
const input = z.string().nullish();

// Messages are catalog keys (msg), translated where they are shown: one per length a field allows.
const TOO_LONG = {
  10: msg("Use at most 10 characters."),
  20: msg("Use at most 20 characters."),
  36: msg("Use at most 36 characters."),
  40: msg("Use at most 40 characters."),
  50: msg("Use at most 50 characters."),
  100: msg("Use at most 100 characters."),
  200: msg("Use at most 200 characters."),
  254: msg("Use at most 254 characters."),
  500: msg("Use at most 500 characters."),
  1000: msg("Use at most 1,000 characters."),
  4000: msg("Use at most 4,000 characters."),
  20_000: msg("Use at most 20,000 characters."),
} as const;

function text(max: keyof typeof TOO_LONG) {
  return input
    .transform((value) => value?.trim() ?? "")
    .pipe(
      z
        .string()
        .max(max, TOO_LONG[max])
        .transform((value) => value || null),
    );
}

function choice<T extends readonly [string, ...string[]]>(options: T, message: string) {
  return input.transform((value) => value || null).pipe(z.enum(options, message).nullable());
}

/** A field checked by `check` when filled: it returns the message, or null when the value is fine. */
function checked(max: keyof typeof TOO_LONG, check: (value: string) => string | null) {
  return text(max).superRefine((value, ctx) => {
    const problem = value === null ? null : check(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

function dateField(options: { notAfter?: LocalDate; futureMessage?: string } = {}) {
  return checked(10, (value) => {
    if (!isRealLocalDate(value)) return msg("Enter a real date: day, month and year.");
    if (value < "1900-01-01") return msg("Check the year: it looks too long ago.");
    if (options.notAfter && value > options.notAfter) return options.futureMessage ?? msg("This date cannot be in the future.");
    return null;
  });
}

const checkbox = z
  .union([z.boolean(), z.string()])
  .nullish()
  .transform((value) => value === true || value === "true" || value === "on");

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const email = checked(254, (value) => (EMAIL_RE.test(value) ? null : msg("Enter an email address like name@example.com.")));

const phone = checked(40, (value) => {
  if (!/^[0-9+().\-\s]+(\s*(ext\.?|x)\s*\d+)?$/i.test(value)) return msg("Use only digits, spaces and + ( ) -, like (555) 010-2345.");
  const digits = value.replace(/ext.*$|x.*$/i, "").replace(/\D/g, "").length;
  return digits >= 7 && digits <= 15 ? null : msg("Enter the whole phone number, with its area code.");
});

/** CPT (5 digits, or 4 digits and F/T/U) and HCPCS level II (a letter A–V and 4 digits). */
const PROCEDURE_CODE_RE = /^(\d{4}[0-9FTU]|[A-V]\d{4})$/;
/** ICD-10-CM: a letter, a digit, a digit or letter, then up to 4 more after the dot. */
const DIAGNOSIS_CODE_RE = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

function codeList(normalise: (code: string) => string, valid: RegExp, mistake: string) {
  return input
    .transform((value) =>
      (value ?? "")
        .split(/[,;\s]+/)
        .map((code) => code.trim().toUpperCase())
        .filter(Boolean)
        .map(normalise),
    )
    .superRefine((codes, ctx) => {
      const wrong = codes.filter((code) => !valid.test(code));
      if (wrong.length) ctx.addIssue({ code: "custom", message: mistake });
      if (codes.length > 20) ctx.addIssue({ code: "custom", message: msg("Enter at most 20 codes.") });
    });
}

const procedureCodes = codeList(
  (code) => code,
  PROCEDURE_CODE_RE,
  msg("Check the codes: procedure codes look like 99213 or J1234. Leave it empty if you are not sure."),
);
// People often leave out the dot (E119 for E11.9): put it back.
const diagnosisCodes = codeList(
  (code) => (/^[A-Z][0-9][0-9A-Z][0-9A-Z]{1,4}$/.test(code) ? `${code.slice(0, 3)}.${code.slice(3)}` : code),
  DIAGNOSIS_CODE_RE,
  msg("Check the codes: diagnosis codes look like E11.9 or M54.5. Leave it empty if you are not sure."),
);

const npi = checked(20, (value) =>
  /^\d{10}$/.test(value.replace(/[\s-]/g, "")) ? null : msg("An NPI has 10 digits. Leave it empty if you do not have it."),
).transform((value) => value?.replace(/[\s-]/g, "") ?? null);

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const certificationAnswer = input.transform((value) => (value === "true" ? true : value === "false" ? false : null));

/** Each step's fields, checked for what is typed; whether they are all there is `complete`'s business. */
function stepFields(step: EditStep, context: FilingContext) {
  switch (step) {
    case "filer":
      return z.object({
        filedBy: choice(FILED_BY, msg("Choose one of the answers.")),
        representativeRelationship: choice(REPRESENTATIVE_RELATIONSHIPS, msg("Choose one of the relationships listed.")),
        referralSource: choice(REFERRAL_SOURCES, msg("Choose one of the answers.")),
      });
    case "patient":
      return z.object({
        patientName: text(200),
        patientBirthDate: dateField({ notAfter: context.today, futureMessage: msg("A date of birth cannot be in the future.") }),
        patientSex: choice(PATIENT_SEXES, msg("Choose one of the answers.")),
        patientAddress: text(500),
        patientPhone: phone,
        patientEmail: email,
        preferredLanguage: choice(LANGUAGES, msg("Choose one of the languages listed.")),
        memberId: text(50),
        groupNumber: text(50),
      });
    case "plan":
      return z.object({ planId: checked(36, (value) => (UUID_RE.test(value) ? null : msg("Choose one of the plans listed."))) });
    case "denial":
      return z.object({
        denialDate: dateField({ notAfter: context.today, futureMessage: msg("The denial date cannot be in the future. Check the date on the letter.") }),
        planDenialReference: text(100),
        serviceDescription: text(1000),
        serviceDate: dateField(),
        procedureCodes,
        diagnosisCodes,
        providerName: text(200),
        providerNpi: npi,
        providerFacility: text(200),
        notifyProvider: checkbox,
        providerEmail: email,
        denialReason: text(4000),
        disputeType: choice(DISPUTE_TYPES, msg("Choose one of the reasons listed.")),
        lateFilingReason: text(4000),
      });
    case "appeal":
      return z.object({
        appealStatus: choice(APPEAL_STATUSES, msg("Choose one of the answers.")),
        appealCompletedDate: dateField({ notAfter: context.today, futureMessage: msg("The appeal decision date cannot be in the future.") }),
        appealNotNeededReason: choice(APPEAL_NOT_NEEDED_REASONS, msg("Choose one of the reasons listed.")),
      });
    case "urgency":
      return z.object({
        track: choice(TRACKS, msg("Choose one of the answers.")),
        expeditedReason: text(4000),
        certificationToFollow: certificationAnswer,
      });
    case "statement":
      return z.object({ applicantStatement: text(20_000) });
    case "documents":
      return z.object({});
  }
}

type StepOutput = Partial<RequestDraft>;

/** Answers that only count with another answer are dropped with it, so the draft never keeps a stale one. */
function consistent(step: EditStep, values: StepOutput): StepOutput {
  switch (step) {
    case "filer":
      return { ...values, representativeRelationship: values.filedBy === "REPRESENTATIVE" ? (values.representativeRelationship ?? null) : null };
    case "denial":
      return { ...values, providerEmail: values.notifyProvider ? (values.providerEmail ?? null) : null };
    case "appeal":
      return {
        ...values,
        appealCompletedDate: values.appealStatus === "COMPLETED" ? (values.appealCompletedDate ?? null) : null,
        appealNotNeededReason: values.appealStatus === "NOT_NEEDED" ? (values.appealNotNeededReason ?? null) : null,
      };
    case "urgency":
      return values.track === "EXPEDITED" ? values : { ...values, expeditedReason: null, certificationToFollow: null };
    default:
      return values;
  }
}

/**
 * The schemas of one step. `context` carries today's date and the plan's
 * filing window: the browser gets both from the loader, so it checks exactly
 * what the server checks.
 */
export function requestStepSchemas(step: EditStep, context: FilingContext) {
  const fields = stepFields(step, context);
  const draft = fields.transform((values) => consistent(step, values as StepOutput));
  // Checked on the object, not after the transform: it runs even when a field is malformed, so
  // every message shows at once ("the phone number is too short" and "enter the member ID").
  const complete = fields
    .superRefine((values, ctx) => {
      for (const missing of missingFields(step, values as StepOutput, context))
        ctx.addIssue({ code: "custom", path: [missing.field], message: missing.message });
    })
    .transform((values) => consistent(step, values as StepOutput));
  return { draft, complete };
}

const dateText = (value: LocalDate | null) => value ?? "";

/** The draft's answers for one step as the form shows them (the form's default values). */
export function stepFormValues(step: EditStep, d: RequestDraft): Record<string, string | boolean> {
  switch (step) {
    case "filer":
      return { filedBy: d.filedBy ?? "", representativeRelationship: d.representativeRelationship ?? "", referralSource: d.referralSource ?? "" };
    case "patient":
      return {
        patientName: d.patientName ?? "",
        patientBirthDate: dateText(d.patientBirthDate),
        patientSex: d.patientSex ?? "",
        patientAddress: d.patientAddress ?? "",
        patientPhone: d.patientPhone ?? "",
        patientEmail: d.patientEmail ?? "",
        preferredLanguage: d.preferredLanguage ?? "en",
        memberId: d.memberId ?? "",
        groupNumber: d.groupNumber ?? "",
      };
    case "plan":
      return { planId: d.planId ?? "" };
    case "denial":
      return {
        denialDate: dateText(d.denialDate),
        planDenialReference: d.planDenialReference ?? "",
        serviceDescription: d.serviceDescription ?? "",
        serviceDate: dateText(d.serviceDate),
        procedureCodes: d.procedureCodes.join(", "),
        diagnosisCodes: d.diagnosisCodes.join(", "),
        providerName: d.providerName ?? "",
        providerNpi: d.providerNpi ?? "",
        providerFacility: d.providerFacility ?? "",
        notifyProvider: d.notifyProvider,
        providerEmail: d.providerEmail ?? "",
        denialReason: d.denialReason ?? "",
        disputeType: d.disputeType ?? "",
        lateFilingReason: d.lateFilingReason ?? "",
      };
    case "appeal":
      return {
        appealStatus: d.appealStatus ?? "",
        appealCompletedDate: dateText(d.appealCompletedDate),
        appealNotNeededReason: d.appealNotNeededReason ?? "",
      };
    case "urgency":
      return {
        track: d.track ?? "",
        expeditedReason: d.expeditedReason ?? "",
        certificationToFollow: d.certificationToFollow === null ? "" : String(d.certificationToFollow),
      };
    case "statement":
      return { applicantStatement: d.applicantStatement ?? "" };
    case "documents":
      return {};
  }
}

/** What a step's buttons ask for: the next step, the previous one, or to stop here for now. */
const STEP_INTENTS = ["continue", "back", "later"] as const;
export type StepIntent = (typeof STEP_INTENTS)[number];

/** The button pressed; none is the form's first button, "continue" (Enter in a field). Null for a value no button sends. */
export function stepIntent(value: FormDataEntryValue | null): StepIntent | null {
  if (value === null) return "continue";
  return STEP_INTENTS.find((intent) => intent === value) ?? null;
}

/** The consent and signature on the review page. */
export const signAndSubmitSchema = z.object({
  consentName: z.string().trim().min(1, msg("Type your full name to sign.")).max(200, TOO_LONG[200]),
  consentAgreed: z
    .union([z.boolean(), z.string()])
    .nullish()
    .refine((value) => value === true || value === "true" || value === "on", msg("Tick the box to authorize the release of medical records.")),
});

/** The server also needs the version of the draft the applicant reviewed (a hidden field, not a question). */
export const submitRequestSchema = signAndSubmitSchema.extend({ version: z.coerce.number().int().min(0) });
