import type { DeadlineKind } from "~/domain/deadlines/case-deadlines";
import type { Tx } from "../db.server";
import { DB_KIND, refreshNextDeadline } from "./case-clocks.server";

/**
 * Ends the open clock of `kind` about one subject (a request for
 * information, an offer) when a case has several of that kind: met if in
 * time, missed if late. Returns how it ended, or null when no such clock was
 * running. Runs inside the change's transaction.
 */
export async function meetDeadlineOf(tx: Tx, clock: { caseId: string; kind: DeadlineKind; subjectId: string }, at: Date): Promise<"MET" | "MISSED" | null> {
  const where = { caseId: clock.caseId, kind: DB_KIND[clock.kind], subjectId: clock.subjectId, status: "OPEN" as const };
  const met = await tx.caseDeadline.updateMany({ where: { ...where, dueAt: { gte: at } }, data: { status: "MET", closedAt: at } });
  const missed = await tx.caseDeadline.updateMany({ where: { ...where, dueAt: { lt: at } }, data: { status: "MISSED", closedAt: at } });
  if (met.count + missed.count === 0) return null;
  await refreshNextDeadline(tx, clock.caseId);
  return met.count ? "MET" : "MISSED";
}
