import { reviewerDueAt, reviewerDueDateProblem } from "~/domain/reviewer-due-date";
import type { Tx } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { AppError } from "../errors.server";

/**
 * The regulatory deadline the reviewers' work must come before: the
 * earliest open clock of the decision (or of the panel's opinions, where the
 * rules split the decision). Null while none runs.
 */
export async function decisionDueOf(client: Tx, caseId: string): Promise<Date | null> {
  const clock = await client.caseDeadline.findFirst({
    where: { caseId, kind: { in: ["OPINIONS", "DECISION"] }, status: "OPEN" },
    orderBy: { dueAt: "asc" },
    select: { dueAt: true },
  });
  return clock?.dueAt ?? null;
}

/**
 * The instant a reviewer's internal due date ends, once checked against the
 * case's decision deadline at `now`; a date that does not fit is refused by
 * the form's field.
 */
export async function checkedReviewerDueAt(client: Tx, caseId: string, date: string, now: Date): Promise<Date> {
  const [decisionDue, { timeZone }] = await Promise.all([decisionDueOf(client, caseId), organizationCalendar(client)]);
  if (!decisionDue)
    throw new AppError("BAD_REQUEST", "The decision clock of this case is not running, so there is no date to set one before.", { field: "internalDueOn" });
  const problem = reviewerDueDateProblem(date, decisionDue, now, timeZone);
  if (problem) throw new AppError("BAD_REQUEST", problem, { field: "internalDueOn" });
  return reviewerDueAt(date, timeZone);
}
