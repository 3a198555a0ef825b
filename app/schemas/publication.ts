import { z } from "zod";

/** The coordinator's review of a decision's publication draft, shared by the form and the action. */

export const PUBLICATION_LIMITS = { findings: 20_000, relatives: 20, relativeName: 100 } as const;

/** The case version the coordinator saw: a change by someone else in between is caught, not overwritten. */
const version = z.coerce.number({ error: "Reload the page and try again." }).int().min(0);

/** What the coordinator types; the button pressed (save or approve) comes with the post, not from a field. */
export const publicationFields = z.object({
  version,
  findings: z
    .string({ error: "Write the findings to publish." })
    .trim()
    .min(1, "Write the findings to publish: the library shows them.")
    .max(PUBLICATION_LIMITS.findings, `Keep the findings under ${PUBLICATION_LIMITS.findings.toLocaleString("en-US")} characters.`),
  relativeNames: z
    .string()
    .max(PUBLICATION_LIMITS.relatives * (PUBLICATION_LIMITS.relativeName + 1), "Give at most 20 names, one per line.")
    .default("")
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((name) => name.trim())
        .filter(Boolean),
    )
    .refine((names) => names.length <= PUBLICATION_LIMITS.relatives, "Give at most 20 names, one per line.")
    .refine((names) => names.every((name) => name.length <= PUBLICATION_LIMITS.relativeName), "A name is shorter than 100 characters: one name per line."),
});

export const publicationSchema = publicationFields.extend({
  /** "save" keeps the draft; "approve" approves it for the library. */
  intent: z.enum(["save", "approve"], { error: "Choose to save the draft or approve it." }),
});
export type PublicationInput = z.output<typeof publicationSchema>;
