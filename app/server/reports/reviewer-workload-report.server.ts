import { OPEN_STATUSES } from "~/domain/case-status";
import { reviewerWorkload } from "~/domain/reports/reviewer-workload";
import type { DateRange } from "~/domain/reports/timeliness";
import { db } from "../db.server";
import { reportRange } from "./report-range.server";

/**
 * Each reviewer's offers made from `range.from` to `range.to` (by default
 * the last full month) and how they were answered, the determinations they
 * submitted in the range and how long they took, what they hold now, and
 * the minutes they logged in the range (by when each entry was logged), for
 * billing. Reviewers with nothing in the range and nothing held are left out.
 */
export async function reviewerWorkloadReport(range?: DateRange, now = new Date()) {
  const { start, end, ...period } = await reportRange(range, now);
  const inRange = (date: Date) => date >= start && date < end;
  const [reviewers, load, logged] = await Promise.all([
    db.user.findMany({
      where: { reviewerProfile: { isNot: null } },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        reviewerProfile: { select: { primarySpecialty: true, capacity: true } },
        assignments: {
          where: { OR: [{ offeredAt: { gte: start, lt: end } }, { determination: { submittedAt: { gte: start, lt: end } } }] },
          select: { status: true, offeredAt: true, respondedAt: true, attestedAt: true, determination: { select: { submittedAt: true } } },
        },
      },
    }),
    db.reviewerAssignment.groupBy({
      by: ["reviewerId"],
      where: { status: { in: ["OFFERED", "ACCEPTED"] }, case: { status: { in: [...OPEN_STATUSES] } } },
      _count: { _all: true },
    }),
    db.timeEntry.groupBy({ by: ["reviewerId"], where: { at: { gte: start, lt: end } }, _sum: { minutes: true } }),
  ]);
  const held = new Map(load.map((row) => [row.reviewerId, row._count._all]));
  const minutes = new Map(logged.map((row) => [row.reviewerId, row._sum.minutes ?? 0]));
  const rows = reviewers
    .map((reviewer) =>
      reviewerWorkload(
        {
          reviewerId: reviewer.id,
          name: reviewer.name,
          specialty: reviewer.reviewerProfile!.primarySpecialty,
          capacity: reviewer.reviewerProfile!.capacity,
          currentLoad: held.get(reviewer.id) ?? 0,
          offers: reviewer.assignments.map(({ determination, ...offer }) => ({ ...offer, submittedAt: determination?.submittedAt ?? null })),
          minutesLogged: minutes.get(reviewer.id) ?? 0,
        },
        inRange,
      ),
    )
    .filter((row) => row.offered > 0 || row.determinations > 0 || row.currentLoad > 0 || row.minutesLogged > 0);
  return { ...period, reviewers: rows };
}
