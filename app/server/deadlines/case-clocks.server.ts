import { computeDeadline, decisionClockToStart, type DeadlineKind, type Dispute, type Track } from "~/domain/deadlines/case-deadlines";
import { RESPONSIBLE, type DeadlineEffects, mergeEffects, type ResponsibleParty } from "~/domain/deadlines/lifecycle";
import type { RuleSet } from "~/domain/rule-profiles";
import type { DeadlineKind as DbDeadlineKind } from "~/.server/prisma/enums";
import { type Tx } from "../db.server";
import { organizationCalendar } from "./calendar.server";

export const DB_KIND: Record<DeadlineKind, DbDeadlineKind> = {
  eligibility: "ELIGIBILITY",
  planCaseFile: "PLAN_CASE_FILE",
  applicantInformation: "APPLICANT_INFORMATION",
  informationForwarding: "INFORMATION_FORWARDING",
  assignment: "ASSIGNMENT",
  opinions: "OPINIONS",
  decision: "DECISION",
  writtenConfirmation: "WRITTEN_CONFIRMATION",
  compliance: "COMPLIANCE",
  publication: "PUBLICATION",
};

/** The domain's name for each stored kind. */
export const KIND_OF_DB: Record<DbDeadlineKind, DeadlineKind | "offerResponse"> = {
  ...(Object.fromEntries(Object.entries(DB_KIND).map(([kind, dbKind]) => [dbKind, kind])) as Record<Exclude<DbDeadlineKind, "OFFER_RESPONSE">, DeadlineKind>),
  OFFER_RESPONSE: "offerResponse",
};

/** 80% of the time allowed has gone at this instant: from then on the clock is "at risk". */
export function atRiskInstant(start: Date, due: Date): Date {
  return new Date(start.getTime() + 0.8 * (due.getTime() - start.getTime()));
}

export interface ClockStart {
  kind: DeadlineKind;
  /** Overrides the party the kind normally belongs to (a request for information to the plan). */
  responsible?: ResponsibleParty;
  subjectId?: string;
}

/**
 * Applies a change's clock effects inside its transaction: meets and stops
 * open clocks, starts new ones from the case's rule profile version, then
 * keeps the case's "next deadline" columns current.
 */
export async function applyDeadlineEffects(tx: Tx, caseId: string, effects: DeadlineEffects & { startWith?: ClockStart[] }, at: Date): Promise<void> {
  const merged = mergeEffects(effects);
  if (merged.meet.length) {
    // Ended in time: met. Ended late: missed, with the time it finally ended.
    const kinds = { in: merged.meet.map((kind) => DB_KIND[kind]) };
    await tx.caseDeadline.updateMany({ where: { caseId, status: "OPEN", kind: kinds, dueAt: { gte: at } }, data: { status: "MET", closedAt: at } });
    await tx.caseDeadline.updateMany({ where: { caseId, status: "OPEN", kind: kinds, dueAt: { lt: at } }, data: { status: "MISSED", closedAt: at } });
  }
  if (merged.stopOthers) {
    // A clock already past due when the review ends was missed, not stopped:
    // nothing more is due, but the deadline ran out first and the reports count it.
    // The publication review follows the decision and outlives the case's closing.
    const review = { caseId, status: "OPEN" as const, kind: { not: "PUBLICATION" as const } };
    await tx.caseDeadline.updateMany({ where: { ...review, dueAt: { lt: at } }, data: { status: "MISSED", closedAt: at } });
    await tx.caseDeadline.updateMany({ where: review, data: { status: "STOPPED", closedAt: at } });
  }
  const starts: ClockStart[] = [...merged.start.map((kind) => ({ kind })), ...(effects.startWith ?? [])];
  if (starts.length) {
    const kase = await tx.case.findUniqueOrThrow({
      where: { id: caseId },
      select: { track: true, disputeType: true, ruleProfile: { select: { rules: true } } },
    });
    if (!kase.ruleProfile) throw new Error(`Case ${caseId} has no rule profile: clocks cannot start`);
    const rules = kase.ruleProfile.rules as unknown as RuleSet;
    const track = kase.track.toLowerCase() as Track;
    const dispute = (kase.disputeType?.toLowerCase() ?? "medical_necessity") as Dispute;
    const calendar = await organizationCalendar(tx);
    const existing = starts.some((clock) => clock.kind === "decision")
      ? new Set((await tx.caseDeadline.findMany({ where: { caseId }, select: { kind: true } })).map((row) => KIND_OF_DB[row.kind]))
      : new Set<never>();
    for (const start of starts) {
      const kind = start.kind === "decision" ? decisionClockToStart(rules, dispute, existing) : start.kind;
      if (kind === null) continue;
      const clock = { ...start, kind };
      const dueAt = computeDeadline(clock.kind, rules, track, dispute, at, calendar);
      await tx.caseDeadline.create({
        data: {
          caseId,
          kind: DB_KIND[clock.kind],
          responsible: clock.responsible ?? RESPONSIBLE[clock.kind],
          subjectId: clock.subjectId ?? null,
          startedAt: at,
          dueAt,
          atRiskAt: atRiskInstant(at, dueAt),
        },
      });
    }
  }
  await refreshNextDeadline(tx, caseId);
}

/** Copies the earliest open clock onto the case, for the dashboard. */
export async function refreshNextDeadline(tx: Tx, caseId: string): Promise<void> {
  const next = await tx.caseDeadline.findFirst({
    where: { caseId, status: "OPEN" },
    orderBy: { dueAt: "asc" },
    select: { kind: true, dueAt: true, atRiskAt: true },
  });
  await tx.case.update({
    where: { id: caseId },
    data: { nextDeadlineKind: next?.kind ?? null, nextDeadlineDueAt: next?.dueAt ?? null, nextDeadlineAtRiskAt: next?.atRiskAt ?? null },
  });
}
