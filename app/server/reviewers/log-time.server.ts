import type { CaseStatus } from "~/domain/case-status";
import { can, CASE_ACTIONS } from "~/domain/case-actions";
import { entryRefusal, timeLogOpen } from "~/domain/time-entries";
import { audit } from "../audit.server";
import { db, type Tx } from "../db.server";
import { AppError, conflict } from "../errors.server";
import { lockAssignment, ownAssignment } from "../determinations/writable-determination.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";

/**
 * The reviewer's time log on a case, for the organization's billing: only the
 * reviewer who holds the case logs, changes or removes their own entries,
 * and only until the decision is issued (app/domain/time-entries.ts). Each
 * change is audited with the minutes; it is not a timeline event (the
 * applicant and the plan never see it).
 */
interface Acting {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  at?: Date;
}

/** The reviewer's assignment on the case, locked, once the case allows time to be logged. */
async function openTimeLog(tx: Tx, options: Acting) {
  // Read access, so a decided case answers "locked for billing" rather than 404.
  const assignment = await ownAssignment(options.user, options.caseId, { actor: options.actor, page: "reviewer time log" }, { action: "case:read", tx });
  await lockAssignment(tx, assignment.id);
  const row = await tx.reviewerAssignment.findUniqueOrThrow({ where: { id: assignment.id }, select: { status: true, case: { select: { status: true } } } });
  const status = row.case.status as CaseStatus;
  if (!timeLogOpen(status, row.status)) {
    // A decided case's assignment is completed: the case says why (locked for billing) before the assignment does.
    throw conflict(
      can("logTime", status, ["REVIEWER"]) ? "Your work on this case has ended, so its time can no longer be changed." : CASE_ACTIONS.logTime.refusal(status),
    );
  }
  return assignment;
}

/** The minutes on the reviewer's other entries on the case, for the case's limit. */
async function otherMinutes(tx: Tx, assignmentId: string, exceptEntryId?: string): Promise<number> {
  const sum = await tx.timeEntry.aggregate({ where: { assignmentId, ...(exceptEntryId ? { id: { not: exceptEntryId } } : {}) }, _sum: { minutes: true } });
  return sum._sum.minutes ?? 0;
}

function assertEntryFits(minutes: number, others: number): void {
  const refusal = entryRefusal(minutes, others);
  if (refusal) throw new AppError("BAD_REQUEST", refusal, { field: "minutes" });
}

/** One of the reviewer's own entries on this assignment; anyone else's is "not found". */
async function ownEntry(tx: Tx, assignmentId: string, entryId: string) {
  const entry = await tx.timeEntry.findFirst({ where: { id: entryId, assignmentId }, select: { id: true, minutes: true, activity: true } });
  if (!entry) throw new AppError("CONFLICT", "This entry is no longer on the case. Reload the page to see your time log.");
  return entry;
}

export async function logTime(options: Acting & { minutes: number; activity: string | null }): Promise<{ entryId: string }> {
  const at = options.at ?? new Date();
  return db.$transaction(async (tx) => {
    const assignment = await openTimeLog(tx, options);
    assertEntryFits(options.minutes, await otherMinutes(tx, assignment.id));
    const entry = await tx.timeEntry.create({
      data: {
        assignmentId: assignment.id,
        caseId: options.caseId,
        reviewerId: options.user.id,
        minutes: options.minutes,
        activity: options.activity,
        at,
        createdAt: at,
        updatedAt: at,
      },
      select: { id: true },
    });
    await audit(
      options.actor,
      { action: "time_entry.logged", objectType: "TimeEntry", objectId: entry.id, detail: { caseId: options.caseId, minutes: options.minutes }, at },
      tx,
    );
    return { entryId: entry.id };
  });
}

export async function changeTimeEntry(options: Acting & { entryId: string; minutes: number; activity: string | null }): Promise<void> {
  const at = options.at ?? new Date();
  await db.$transaction(async (tx) => {
    const assignment = await openTimeLog(tx, options);
    const entry = await ownEntry(tx, assignment.id, options.entryId);
    assertEntryFits(options.minutes, await otherMinutes(tx, assignment.id, entry.id));
    await tx.timeEntry.update({ where: { id: entry.id }, data: { minutes: options.minutes, activity: options.activity, updatedAt: at } });
    await audit(
      options.actor,
      {
        action: "time_entry.changed",
        objectType: "TimeEntry",
        objectId: entry.id,
        detail: { caseId: options.caseId, minutes: options.minutes, previousMinutes: entry.minutes },
        at,
      },
      tx,
    );
  });
}

export async function removeTimeEntry(options: Acting & { entryId: string }): Promise<void> {
  const at = options.at ?? new Date();
  await db.$transaction(async (tx) => {
    const assignment = await openTimeLog(tx, options);
    const entry = await ownEntry(tx, assignment.id, options.entryId);
    await tx.timeEntry.delete({ where: { id: entry.id } });
    await audit(
      options.actor,
      { action: "time_entry.removed", objectType: "TimeEntry", objectId: entry.id, detail: { caseId: options.caseId, minutes: entry.minutes }, at },
      tx,
    );
  });
}
