import { ASSIGNMENT_ENDINGS } from "~/domain/assignment-endings";
import type { CaseActionName } from "~/domain/case-actions";
import type { Tx } from "../db.server";

/**
 * Ends the case's open offers and accepted assignments when `action` ends the
 * review (ASSIGNMENT_ENDINGS), inside the change's transaction. The offers'
 * answer clocks end with the case's other clocks.
 */
export async function endAssignments(tx: Tx, caseId: string, action: CaseActionName, at: Date): Promise<void> {
  const ending = ASSIGNMENT_ENDINGS[action];
  if (!ending) return;
  await tx.reviewerAssignment.updateMany({
    where: { caseId, status: "OFFERED" },
    data: { status: "CANCELLED", endedAt: at, reason: ending.reason },
  });
  await tx.reviewerAssignment.updateMany({
    where: { caseId, status: "ACCEPTED" },
    data: { status: ending.accepted, endedAt: at, ...(ending.accepted === "CANCELLED" ? { reason: ending.reason } : {}) },
  });
}
