import { z } from "zod";

/** Form schemas of matching and offers, shared by the browser and the actions. */

const NAME_MAX_LENGTH = 200;
const IDENTIFIER_MAX_LENGTH = 40;
const REASON_MAX_LENGTH = 2_000;

const maxLength = (max: number) => `Use at most ${max.toLocaleString("en-US")} characters.`;

/** The case version the person saw: a change by someone else in between is caught, not overwritten. */
const version = z.coerce.number({ error: "Reload the page and try again." }).int().min(0);

/** Optional text: trimmed, and empty means not recorded. */
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, maxLength(max))
    .nullish()
    .transform((value) => (value ? value : null));

const reason = (required: string) => z.string({ error: required }).trim().min(1, required).max(REASON_MAX_LENGTH, maxLength(REASON_MAX_LENGTH));

const npi = optional(20)
  .refine((value) => value === null || /^\d{10}$/.test(value.replace(/[\s-]/g, "")), "An NPI has 10 digits. Leave it empty if you do not know it.")
  .transform((value) => value?.replace(/[\s-]/g, "") ?? null);

/** The specialty the case needs: who qualifies follows it. */
export const specialtySchema = z.object({
  intent: z.literal("specialty"),
  version,
  specialtyNeeded: z.string({ error: "Choose the specialty the case needs." }).trim().min(1, "Choose the specialty the case needs."),
});

/** What the coordinator records to find reviewers with no tie to anyone in the dispute. */
export const matchingFactsSchema = z.object({
  intent: z.literal("facts"),
  version,
  providerName: optional(NAME_MAX_LENGTH),
  providerNpi: npi,
  treatingGroupName: optional(NAME_MAX_LENGTH),
  treatingGroupIdentifier: optional(IDENTIFIER_MAX_LENGTH),
  providerFacility: optional(NAME_MAX_LENGTH),
  facilityIdentifier: optional(IDENTIFIER_MAX_LENGTH),
  manufacturerName: optional(NAME_MAX_LENGTH),
  manufacturerIdentifier: optional(IDENTIFIER_MAX_LENGTH),
});
export type MatchingFactsInput = z.output<typeof matchingFactsSchema>;
export type SpecialtyInput = z.output<typeof specialtySchema>;

const DATE_MESSAGE = "Enter the date as a day, month and year.";

/** A day as the date field sends it; whether it fits the case's deadlines is the operation's check. */
const internalDueOn = z
  .string({ error: DATE_MESSAGE })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, DATE_MESSAGE);

/** One reviewer (a button on their row) or several (a panel's checkboxes), with the internal due date when one is set. */
export const offerSchema = z.object({
  intent: z.literal("offer"),
  version,
  internalDueOn: z
    .union([z.literal(""), internalDueOn])
    .nullish()
    .transform((value) => (value ? value : null)),
  reviewerIds: z
    .array(z.uuid({ error: "Choose reviewers from the suggestions." }), { error: "Choose at least one reviewer to offer the case to." })
    .min(1, "Choose at least one reviewer to offer the case to."),
});

/** The date the organization wants a reviewer's determination by, set or changed after the offer. */
export const reviewerDueDateSchema = z.object({
  intent: z.literal("dueDate"),
  version,
  assignmentId: z.uuid({ error: "Reload the page and try again." }),
  internalDueOn,
});

export const replaceSchema = z.object({
  intent: z.literal("replace"),
  version,
  assignmentId: z.uuid({ error: "Reload the page and try again." }),
  reason: reason("Say why the reviewer is replaced: it stays on the case's history."),
});

/** A coordinator clears a reviewer's possible conflict: the reason is kept and audited. */
export const clearConflictSchema = z.object({
  intent: z.literal("clear"),
  version,
  reviewerId: z.uuid({ error: "Reload the page and try again." }),
  reason: reason("Say why this is no conflict: it is kept with the case and in the audit log."),
});

const ticked = z
  .union([z.boolean(), z.string()])
  .nullish()
  .refine((value) => value === true || value === "yes" || value === "on", "Tick the box to attest that you have no conflict of interest in this case.");

export const acceptOfferSchema = z.object({
  intent: z.literal("accept"),
  attest: ticked,
  signature: z.string({ error: "Type your full name to sign." }).trim().min(1, "Type your full name to sign.").max(NAME_MAX_LENGTH, maxLength(NAME_MAX_LENGTH)),
});

export const declineOfferSchema = z.object({
  intent: z.literal("decline"),
  reason: reason("Say why you decline, so the coordinator can find someone else."),
});
