import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import { audit } from "../audit.server";
import { db } from "../db.server";
import type { Actor } from "../request-context.server";
import type { Applicant } from "./request-draft.server";

/**
 * Starts an empty request for the applicant; they fill it in step by step.
 * Its notices start in the language the applicant reads the form in
 * (`language`), which the patient step asks them to confirm.
 */
export async function startDraft(user: Applicant, actor: Actor, options: { language?: Locale; at?: Date } = {}): Promise<{ caseId: string }> {
  const at = options.at ?? new Date();
  return db.$transaction(async (tx) => {
    const row = await tx.case.create({
      data: {
        applicantId: user.id,
        status: "DRAFT",
        draftStep: "filer",
        preferredLanguage: options.language ?? DEFAULT_LOCALE,
        createdAt: at,
        updatedAt: at,
      },
      select: { id: true },
    });
    await audit(actor, { action: "case.draft_started", objectType: "Case", objectId: row.id, at }, tx);
    return { caseId: row.id };
  });
}
