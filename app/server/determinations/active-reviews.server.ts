import { deadlineLine, type DeadlineLineState, type DeadlinePart } from "~/domain/next-steps";
import { caseStatusesShowing } from "~/domain/reviewer-access";
import { reviewerDueText } from "~/domain/reviewer-due-date";
import { openingAssignmentWhere } from "../cases/case-access.server";
import { db } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";

/** How many decided cases the reviewer's home lists. */
const DECIDED_LISTED = 50;

type DeterminationProgress = "not_started" | "draft" | "submitted" | "returned";

export interface ActiveReview {
  caseId: string;
  reference: string;
  track: "STANDARD" | "EXPEDITED";
  progress: DeterminationProgress;
  /** e.g. "Decision due by Tue 6 Jan 2027, 11:59 PM ET — 12 days left"; null before the clock starts. */
  deadline: { text: string; parts: DeadlinePart[]; state: DeadlineLineState } | null;
  /** The coordinator's internal date for the determination ("Due to us by Mon 4 Jan 2027"); null when none is set. */
  internalDue: string | null;
}

/**
 * The cases a reviewer is working on now (accepted and attested, in review or
 * awaiting quality review), earliest decision deadline first. Only their own
 * assignments: nothing about any other case.
 */
export async function activeReviews(reviewerId: string, now = new Date()): Promise<ActiveReview[]> {
  const [assignments, calendar] = await Promise.all([
    db.reviewerAssignment.findMany({
      where: { ...openingAssignmentWhere(reviewerId), status: "ACCEPTED", case: { status: { in: ["IN_REVIEW", "DETERMINED"] } } },
      select: {
        internalDueAt: true,
        determination: { select: { status: true } },
        case: {
          select: {
            id: true,
            reference: true,
            track: true,
            deadlines: {
              where: { kind: "DECISION", status: "OPEN" },
              orderBy: { dueAt: "asc" },
              take: 1,
              select: { status: true, responsible: true, startedAt: true, dueAt: true, closedAt: true },
            },
          },
        },
      },
    }),
    organizationCalendar(),
  ]);
  const rows = assignments.map((assignment): ActiveReview & { dueAt: number } => {
    const clock = assignment.case.deadlines[0];
    const line = clock ? deadlineLine({ ...clock, kind: "decision" }, now, calendar.timeZone) : null;
    const status = assignment.determination?.status;
    return {
      caseId: assignment.case.id,
      reference: assignment.case.reference ?? "Case",
      track: assignment.case.track,
      progress: status === "SUBMITTED" ? "submitted" : status === "RETURNED" ? "returned" : status === "DRAFT" ? "draft" : "not_started",
      deadline: line ? { text: line.text, parts: line.parts, state: line.state } : null,
      internalDue: assignment.internalDueAt ? reviewerDueText(assignment.internalDueAt, calendar.timeZone) : null,
      dueAt: clock?.dueAt.getTime() ?? Number.POSITIVE_INFINITY,
    };
  });
  return rows.sort((a, b) => a.dueAt - b.dueAt).map(({ dueAt: _dueAt, ...row }) => row);
}

/**
 * The decided and closed cases a reviewer worked on to the end, newest
 * decision first: what is left to them there is their determination and the
 * letter (app/domain/reviewer-access.ts). At most DECIDED_LISTED.
 */
export async function decidedReviews(reviewerId: string): Promise<{ caseId: string; reference: string }[]> {
  const rows = await db.reviewerAssignment.findMany({
    where: { ...openingAssignmentWhere(reviewerId), case: { status: { in: caseStatusesShowing("outcome") } } },
    select: { case: { select: { id: true, reference: true } } },
    orderBy: { case: { decidedAt: "desc" } },
    take: DECIDED_LISTED,
  });
  return rows.map((row) => ({ caseId: row.case.id, reference: row.case.reference ?? "Case" }));
}
