import type { DeterminationInput } from "~/schemas/determination";
import { audit } from "../audit.server";
import { db } from "../db.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { assertDocumentsOnCase, determinationColumns, lockAssignment, ownAssignment, writableDetermination } from "./writable-determination.server";

/**
 * "Save draft": keeps what the reviewer wrote so far, complete or not. A
 * determination sent back stays RETURNED until it is submitted again.
 */
export async function saveDeterminationDraft(options: {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  input: DeterminationInput;
  at?: Date;
}): Promise<void> {
  const assignment = await ownAssignment(options.user, options.caseId, { actor: options.actor, page: "reviewer determination" });
  const at = options.at ?? new Date();
  await db.$transaction(async (tx) => {
    await lockAssignment(tx, assignment.id);
    const kase = await tx.case.findUniqueOrThrow({ where: { id: options.caseId }, select: { status: true } });
    const determination = await writableDetermination(tx, assignment, kase.status);
    await assertDocumentsOnCase(tx, options.caseId, options.input.documentsConsidered);
    const columns = { ...determinationColumns(options.input), updatedAt: at };
    const saved = determination
      ? await tx.determination.update({ where: { id: determination.id }, data: columns, select: { id: true } })
      : await tx.determination.create({
          data: { caseId: options.caseId, assignmentId: assignment.id, status: "DRAFT", ...columns, createdAt: at },
          select: { id: true },
        });
    await audit(
      options.actor,
      { action: "determination.draft_saved", objectType: "Determination", objectId: saved.id, detail: { caseId: options.caseId }, at },
      tx,
    );
  });
}
