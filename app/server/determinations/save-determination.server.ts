import type { DeterminationInput } from "~/schemas/determination";
import { audit } from "../audit.server";
import { db } from "../db.server";
import { conflict } from "../errors.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import {
  assertCitationsOnCase,
  assertDocumentsOnCase,
  determinationColumns,
  lockAssignment,
  ownAssignment,
  writableDetermination,
} from "./writable-determination.server";

export const NEWER_DRAFT_MESSAGE = "A newer draft was saved from another window or tab. Reload the page to continue from it.";

/**
 * "Save draft": keeps what the reviewer wrote so far, complete or not, from
 * the button or from the page saving on its own while they type. A save
 * written from an older draft than the one stored (`input.draftVersion` not
 * past it: another tab, or a request overtaken by a later one) is refused,
 * so a newer draft is never lost. A determination sent back stays RETURNED
 * until it is submitted again. Audited, not on the timeline: drafts are the
 * reviewer's own until submitted.
 */
export async function saveDeterminationDraft(options: {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  input: DeterminationInput;
  at?: Date;
}): Promise<{ savedAt: Date; draftVersion: number }> {
  const assignment = await ownAssignment(options.user, options.caseId, { actor: options.actor, page: "reviewer determination" });
  const at = options.at ?? new Date();
  return db.$transaction(async (tx) => {
    await lockAssignment(tx, assignment.id);
    const kase = await tx.case.findUniqueOrThrow({ where: { id: options.caseId }, select: { status: true } });
    const determination = await writableDetermination(tx, assignment, kase.status);
    const stored = determination?.draftVersion ?? 0;
    const { draftVersion: sent } = options.input;
    if (sent !== null && sent <= stored) throw conflict(NEWER_DRAFT_MESSAGE);
    await assertCitationsOnCase(tx, options.caseId, options.input.citations);
    await assertDocumentsOnCase(tx, options.caseId, options.input.documentsConsidered);
    const draftVersion = sent ?? stored + 1;
    const columns = { ...determinationColumns(options.input), draftVersion, updatedAt: at };
    const saved = determination
      ? await tx.determination.update({ where: { id: determination.id }, data: columns, select: { id: true } })
      : await tx.determination.create({
          data: { caseId: options.caseId, assignmentId: assignment.id, status: "DRAFT", ...columns, createdAt: at },
          select: { id: true },
        });
    await audit(
      options.actor,
      {
        action: "determination.draft_saved",
        objectType: "Determination",
        objectId: saved.id,
        detail: { caseId: options.caseId, draftVersion, automatic: options.input.intent === "saveDraft" },
        at,
      },
      tx,
    );
    return { savedAt: at, draftVersion };
  });
}
