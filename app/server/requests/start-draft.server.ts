import { audit } from "../audit.server";
import { db } from "../db.server";
import type { Actor } from "../request-context.server";
import type { Applicant } from "./request-draft.server";

/** Starts an empty request for the applicant; they fill it in step by step. */
export async function startDraft(user: Applicant, actor: Actor, at: Date = new Date()): Promise<{ caseId: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.case.create({
      data: { applicantId: user.id, status: "DRAFT", draftStep: "filer", createdAt: at, updatedAt: at },
      select: { id: true },
    });
    await audit(actor, { action: "case.draft_started", objectType: "Case", objectId: row.id, at }, tx);
    return { caseId: row.id };
  });
}
