import { z } from "zod";
import { categoryProblem } from "~/domain/reports/regulator-categories";
import { answerProblem, ELIGIBILITY_CRITERIA, type CriterionAnswer, type EligibilityCriterion } from "~/domain/eligibility";

/** Form schemas of the review organization's intake, shared by the browser and the actions. */

const NOTE_MAX_LENGTH = 2_000;
const TEXT_MAX_LENGTH = 4_000;

/** The case version the person saw: a change by someone else in between is caught, not overwritten. */
const version = z.coerce.number({ error: "Reload the page and try again." }).int().min(0);

const maxLength = (max: number) => `Use at most ${max.toLocaleString("en-US")} characters.`;
const text = (required: string, max = TEXT_MAX_LENGTH) => z.string({ error: required }).trim().min(1, required).max(max, maxLength(max));

const met = z.enum(["yes", "no"], { error: "Answer yes or no." });
const note = z.string().trim().max(NOTE_MAX_LENGTH, maxLength(NOTE_MAX_LENGTH)).default("");

/** Field names of one criterion's answer (flat, so the browser and FormData agree). */
export const metField = (criterion: EligibilityCriterion) => `met_${criterion}` as const;
export const noteField = (criterion: EligibilityCriterion) => `note_${criterion}` as const;

/**
 * The five criteria, each answered yes or no with a note. A note is needed
 * for a "no", and for a late request accepted as filed in time (the good cause).
 */
export function eligibilitySchema(filing: { filedLate: boolean }) {
  return z
    .object({
      intent: z.literal("eligibility"),
      version,
      met_ENROLLED: met,
      note_ENROLLED: note,
      met_COVERED_BENEFIT: met,
      note_COVERED_BENEFIT: note,
      met_APPEAL_EXHAUSTED: met,
      note_APPEAL_EXHAUSTED: note,
      met_FILED_IN_TIME: met,
      note_FILED_IN_TIME: note,
      met_COMPLETE: met,
      note_COMPLETE: note,
    })
    .superRefine((value, ctx) => {
      for (const criterion of ELIGIBILITY_CRITERIA) {
        const problem = answerProblem(criterion, value[metField(criterion)] === "yes", value[noteField(criterion)], filing);
        if (problem) ctx.addIssue({ code: "custom", path: [noteField(criterion)], message: problem });
      }
    })
    .transform((value) => ({
      version: value.version,
      answers: Object.fromEntries(
        ELIGIBILITY_CRITERIA.map((criterion) => [criterion, { met: value[metField(criterion)] === "yes", note: value[noteField(criterion)] || null }]),
      ) as Record<EligibilityCriterion, CriterionAnswer>,
    }));
}

const chosen = (what: string) =>
  z
    .string({ error: `Choose the ${what}.` })
    .trim()
    .min(1, `Choose the ${what}.`)
    .max(100, maxLength(100));

/** Accepting records the categories regulators publish, chosen from their lists (regulator-categories.ts). */
export const acceptSchema = z
  .object({
    intent: z.literal("accept"),
    version,
    diagnosisCategory: chosen("diagnosis category"),
    diagnosisSubcategory: chosen("diagnosis subcategory"),
    treatmentCategory: chosen("treatment category"),
    treatmentSubcategory: chosen("treatment subcategory"),
  })
  .superRefine((form, ctx) => {
    for (const kind of ["diagnosis", "treatment"] as const) {
      const problem = categoryProblem(kind, form[`${kind}Category`], form[`${kind}Subcategory`]);
      if (problem) ctx.addIssue({ code: "custom", path: [problem.field === "category" ? `${kind}Category` : `${kind}Subcategory`], message: problem.message });
    }
  })
  .transform(({ version, ...categories }) => ({
    version,
    categories: {
      diagnosis: { category: categories.diagnosisCategory, subcategory: categories.diagnosisSubcategory },
      treatment: { category: categories.treatmentCategory, subcategory: categories.treatmentSubcategory },
    },
  }));

export const ineligibleSchema = z.object({
  intent: z.literal("ineligible"),
  version,
  reason: text("Say why the request is not eligible: the notice to the applicant and the plan quotes it."),
});

const INFORMATION_PARTIES = ["APPLICANT", "PLAN"] as const;
export type InformationParty = (typeof INFORMATION_PARTIES)[number];

export const informationRequestSchema = z.object({
  intent: z.literal("information"),
  version,
  addressedTo: z.enum(INFORMATION_PARTIES, { error: "Choose who is asked: the applicant or the plan." }),
  question: text("Say what is needed, in words the person asked will understand."),
});

export const lookAfterSchema = z.object({ intent: z.literal("lookAfter"), version });

export const proceedWithoutCaseFileSchema = z.object({
  intent: z.literal("proceedWithoutCaseFile"),
  version,
  reason: text("Say why the review goes ahead without the plan's case file."),
});

/** The plan's objection to the request's eligibility. */
export const objectionSchema = z.object({
  version,
  reason: text("Say why the plan thinks the request is not eligible."),
});

export const CONFLICT_MESSAGE = "This case changed while you were looking — reload to see the latest";

/** The intake queue's page number; anything else shows the first page. */
export const queueQuerySchema = z.object({ page: z.coerce.number().int().min(1).catch(1).default(1) });

/** The coordinator's correction of how the request was filed: the dispute type and the track, with the reason. */
export const correctClassificationSchema = z.object({
  intent: z.literal("correctClassification"),
  version,
  disputeType: z.enum(["MEDICAL_NECESSITY", "EXPERIMENTAL_INVESTIGATIONAL", "URGENT_CARE"], { error: "Choose the type of dispute." }),
  track: z.enum(["STANDARD", "EXPEDITED"], { error: "Choose standard or expedited." }),
  reason: text("Say why the dispute type or the track is corrected."),
});
