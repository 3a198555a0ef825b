import { assertCaseAction, changeCase } from "../cases/change-case.server";
import { db } from "../db.server";
import { AppError, notFound } from "../errors.server";
import { explainingConflicts } from "../intake/intake-case.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { assignWhere } from "./assignment-case.server";
import { checkedReviewerDueAt } from "./reviewer-due-date.server";

export interface SetReviewerDueDate {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  assignmentId: string;
  /** The local date ("YYYY-MM-DD"), due by its end. */
  internalDueOn: string;
  at?: Date;
}

/**
 * Sets or changes the date the organization wants a reviewer's
 * determination by. It must fall before the case's decision is due. The
 * change, from what to what, goes on the timeline (which only the
 * organization sees) and in the audit log; the reviewer reads the new date
 * on their pages.
 */
export async function setReviewerDueDate(input: SetReviewerDueDate): Promise<void> {
  const kase = await db.case.findFirst({ where: assignWhere(input.user, input.caseId), select: { id: true, status: true } });
  if (!kase) throw notFound("This case");
  // Refused for the state before the date is weighed: no field message about a case that takes none.
  assertCaseAction("setReviewerDueDate", kase.status, input.user.roles);
  const at = input.at ?? new Date();
  const assignment = await db.reviewerAssignment.findFirst({
    where: { id: input.assignmentId, caseId: kase.id, status: { in: ["OFFERED", "ACCEPTED"] } },
    select: { id: true, internalDueAt: true, reviewer: { select: { name: true } } },
  });
  if (!assignment) throw new AppError("CONFLICT", "This reviewer is no longer on the case. Reload the page to see its reviewers.");
  const dueAt = await checkedReviewerDueAt(db, kase.id, input.internalDueOn, at);
  await explainingConflicts(kase.id, input.expectedVersion, () =>
    changeCase({
      caseId: kase.id,
      expectedVersion: input.expectedVersion,
      actor: { ...input.actor, roles: input.user.roles },
      action: "setReviewerDueDate",
      event: {
        type: "reviewer_due_date_set",
        data: {
          assignmentId: assignment.id,
          reviewerName: assignment.reviewer.name,
          from: assignment.internalDueAt?.toISOString() ?? null,
          to: dueAt.toISOString(),
        },
      },
      at,
      work: async (tx) => {
        const updated = await tx.reviewerAssignment.updateMany({
          where: { id: assignment.id, status: { in: ["OFFERED", "ACCEPTED"] } },
          data: { internalDueAt: dueAt },
        });
        if (updated.count !== 1) throw new AppError("CONFLICT", `${assignment.reviewer.name} is no longer on this case. Reload the page to see its reviewers.`);
      },
    }),
  );
}
