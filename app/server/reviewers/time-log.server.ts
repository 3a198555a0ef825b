import { formatInstant } from "~/domain/format-instant";
import { formatMinutes, totalMinutes } from "~/domain/time-entries";
import { db } from "../db.server";

/** The reviewer's own entries on their assignment, newest first, with their total: what their case page lists. */
export async function assignmentTimeLog(assignmentId: string, timeZone: string) {
  const entries = await db.timeEntry.findMany({
    where: { assignmentId },
    orderBy: [{ at: "desc" }, { id: "asc" }],
    select: { id: true, minutes: true, activity: true, at: true },
  });
  const total = totalMinutes(entries);
  return {
    entries: entries.map((entry) => ({ ...entry, logged: formatInstant(entry.at, timeZone), duration: formatMinutes(entry.minutes) })),
    totalMinutes: total,
    total: formatMinutes(total),
  };
}

/**
 * The time each reviewer logged on a case, for the coordinator: one row per
 * reviewer who logged any (a replaced reviewer's time stays billable), in
 * the order they were assigned.
 */
export async function caseTimeByReviewer(caseId: string) {
  const assignments = await db.reviewerAssignment.findMany({
    where: { caseId, timeEntries: { some: {} } },
    orderBy: { offeredAt: "asc" },
    select: { id: true, status: true, reviewer: { select: { id: true, name: true } }, timeEntries: { select: { minutes: true } } },
  });
  const byReviewer = new Map<string, { reviewerId: string; name: string; minutes: number; entries: number }>();
  for (const assignment of assignments) {
    const row = byReviewer.get(assignment.reviewer.id) ?? { reviewerId: assignment.reviewer.id, name: assignment.reviewer.name, minutes: 0, entries: 0 };
    row.minutes += totalMinutes(assignment.timeEntries);
    row.entries += assignment.timeEntries.length;
    byReviewer.set(row.reviewerId, row);
  }
  return [...byReviewer.values()].map((row) => ({ ...row, total: formatMinutes(row.minutes) }));
}
