import { audit } from "../audit.server";
import { db } from "../db.server";
import { conflict } from "../errors.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { ownAssignment } from "./writable-determination.server";

/**
 * A private note on the reviewer's own assignment: listed only to its author,
 * never in the letter or to coordinators. The audit row records that a note
 * was added, not what it says.
 */
export async function addReviewerNote(options: { user: SessionUser; actor: Actor; caseId: string; text: string }): Promise<void> {
  const assignment = await ownAssignment(options.user, options.caseId, { actor: options.actor, page: "reviewer note" });
  if (assignment.status !== "ACCEPTED") throw conflict("Your work on this case has ended, so notes can no longer be added.");
  await db.$transaction(async (tx) => {
    const note = await tx.reviewerNote.create({ data: { assignmentId: assignment.id, text: options.text }, select: { id: true } });
    await audit(options.actor, { action: "reviewer_note.added", objectType: "ReviewerNote", objectId: note.id, detail: { caseId: options.caseId } }, tx);
  });
}
