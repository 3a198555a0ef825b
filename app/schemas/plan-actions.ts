import { z } from "zod";
import { CASE_FILE_ITEM_KEYS, type CaseFileItemKey } from "~/domain/plan-case-file";

/**
 * What a health plan does on one of its cases: mark its case file complete
 * (saying, in its own words, why it denied the service), confirm compliance
 * with an overturn, reverse its own denial. The portal's
 * forms and the API (/api/v1) parse with these same schemas; the API bodies
 * carry no version, the forms add the one the page showed.
 */

const COMPLIANCE_NOTE_MAX_LENGTH = 2_000;
const AUTHORIZATION_NUMBER_MAX_LENGTH = 100;
const REVERSAL_NOTE_MAX_LENGTH = 2_000;
/** The decision letter quotes it in a row of its own that is never split across pages: a paragraph, not a file. */
export const PLAN_DENIAL_REASON_MAX_LENGTH = 1_000;

const maxLength = (max: number) => `Use at most ${max.toLocaleString("en-US")} characters.`;

/** The case version the person saw: a change by someone else in between is caught, not overwritten. */
const version = z.coerce.number({ error: "Reload the page and try again." }).int().min(0);

const caseFileItem = z.enum(CASE_FILE_ITEM_KEYS as [CaseFileItemKey, ...CaseFileItemKey[]], {
  error: `Choose checklist items: ${CASE_FILE_ITEM_KEYS.join(", ")}.`,
});

const DENIAL_REASON_MESSAGE = "Say why your plan denied the service, in its own words (as in its denial letter).";

/** Why the plan denied the service, in its own words: the decision letter quotes it. */
const denialReason = z
  .string({ error: DENIAL_REASON_MESSAGE })
  .trim()
  .min(1, DENIAL_REASON_MESSAGE)
  .max(PLAN_DENIAL_REASON_MAX_LENGTH, maxLength(PLAN_DENIAL_REASON_MAX_LENGTH));

/**
 * The API's body. Plans' systems written before the reason was asked for
 * still complete their file without it (the /api/v1 contract stays): the
 * letter then says the plan's file gave no reason and quotes the applicant's
 * account, labelled as theirs.
 */
export const completeCaseFileBody = z.object({
  /** Checklist items the plan does not have (e.g. it received no expert opinion). */
  notApplicable: z.array(caseFileItem).default([]),
  denialReason: denialReason
    .nullish()
    .transform((value) => value ?? null)
    .meta({
      description:
        "Why the plan denied the service, in its own words (as in its denial letter): the decision letter quotes it. Send it: without it the letter can only quote the applicant's account.",
    }),
});

/** The portal's form, where the plan states its reason before the file counts as complete. */
export const completeCaseFileForm = completeCaseFileBody.extend({ denialReason, version });

/** Today's date in UTC: never earlier than the organization's local date in the Americas, so no real date is refused. */
const latestDate = () => new Date().toISOString().slice(0, 10);

export const complianceBody = z.object({
  implementedOn: z.iso
    .date({ error: "Enter the date the decision was implemented, as YYYY-MM-DD." })
    .refine((date) => date <= latestDate(), "The date implemented cannot be in the future."),
  authorizationNumber: z
    .string({ error: "Enter the authorization or claim number." })
    .trim()
    .min(1, "Enter the authorization or claim number.")
    .max(AUTHORIZATION_NUMBER_MAX_LENGTH, maxLength(AUTHORIZATION_NUMBER_MAX_LENGTH)),
  note: z
    .string()
    .trim()
    .max(COMPLIANCE_NOTE_MAX_LENGTH, maxLength(COMPLIANCE_NOTE_MAX_LENGTH))
    .nullish()
    .transform((value) => value || null),
});

/** The portal form: the same fields; a second confirmation is refused whatever the page showed. */
export const complianceForm = complianceBody;

export const reversalBody = z.object({
  note: z
    .string({ error: "Say what the plan approved, e.g. the service and its authorization number." })
    .trim()
    .min(1, "Say what the plan approved, e.g. the service and its authorization number.")
    .max(REVERSAL_NOTE_MAX_LENGTH, maxLength(REVERSAL_NOTE_MAX_LENGTH)),
});

export const reversalForm = reversalBody.extend({ version });
