import { can } from "~/domain/case-actions";
import { localDate } from "~/domain/deadlines/time-zone";
import {
  ENDED_STATUSES,
  isPastRetention,
  RETENTION_LIST_LIMIT,
  retainedUntil,
  retentionStage,
  type RetentionFacts,
  type RetentionStage,
} from "~/domain/retention";
import type { RuleSet } from "~/domain/rule-profiles";
import { audit } from "../audit.server";
import { db, type Prisma } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { AppError, notFound } from "../errors.server";
import type { Actor } from "../request-context.server";

export const RETENTION_JOB: Actor = { userId: null, email: null, ip: null, userAgent: "records retention job" };
/** Ended cases read at a time; the job goes through all of them in batches. */
export const BATCH = 500;
/** The audit row of a run names at most this many cases; its counts cover all of them. */
export const LISTED_AT_MOST = 200;

export interface RetainedCase {
  id: string;
  reference: string;
  statusEnded: string;
  endedOn: string;
  retainedUntil: string;
  legalHold: { at: Date; reason: string | null } | null;
  archivedAt: Date | null;
  purgeConfirmedAt: Date | null;
}

/** What the retention rules read of a case (toRetainedCase). */
export const RETAINED_CASE_SELECT = {
  id: true,
  reference: true,
  status: true,
  closedAt: true,
  archivedAt: true,
  legalHoldAt: true,
  legalHoldReason: true,
  purgeConfirmedAt: true,
  ruleProfile: { select: { rules: true } },
  events: { where: { toStatus: { in: [...ENDED_STATUSES] } }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
} satisfies Prisma.CaseSelect;

/**
 * A case as retention sees it: when it ended (closing, or the change that
 * ended it: ineligible, withdrawn, reversed) and the last day its profile
 * keeps it; null for a case that has not ended or whose profile keeps no
 * records.
 */
export function toRetainedCase(row: Prisma.CaseGetPayload<{ select: typeof RETAINED_CASE_SELECT }>, timeZone: string): RetainedCase | null {
  const ended = row.closedAt ?? row.events[0]?.createdAt;
  const rules = row.ruleProfile?.rules as unknown as RuleSet | undefined;
  if (!row.reference || !can("keepRecords", row.status, ["WORKER"]) || !ended || !rules?.recordRetention) return null;
  const endedOn = localDate(ended, timeZone);
  return {
    id: row.id,
    reference: row.reference,
    statusEnded: row.status,
    endedOn,
    retainedUntil: retainedUntil(endedOn, rules.recordRetention),
    legalHold: row.legalHoldAt ? { at: row.legalHoldAt, reason: row.legalHoldReason } : null,
    archivedAt: row.archivedAt,
    purgeConfirmedAt: row.purgeConfirmedAt,
  };
}

/** What the rules of app/domain/retention.ts decide on. */
export function retentionFacts(kase: RetainedCase): RetentionFacts {
  return { keptUntil: kase.retainedUntil, archived: kase.archivedAt !== null, held: kase.legalHold !== null, purgeConfirmed: kase.purgeConfirmedAt !== null };
}

/** Ended cases (not archived, or all with `archived`), BATCH at a time. */
async function endedCases(options: { archived: boolean; after?: string }): Promise<{ cases: RetainedCase[]; lastId: string | null }> {
  const { timeZone } = await organizationCalendar();
  const rows = await db.case.findMany({
    where: {
      status: { in: [...ENDED_STATUSES] },
      reference: { not: null },
      ...(options.archived ? {} : { archivedAt: null }),
      ...(options.after ? { id: { gt: options.after } } : {}),
    },
    orderBy: { id: "asc" },
    take: BATCH,
    select: RETAINED_CASE_SELECT,
  });
  const cases = rows.flatMap((row) => toRetainedCase(row, timeZone) ?? []);
  return { cases, lastId: rows.length === BATCH ? rows[BATCH - 1]!.id : null };
}

async function* allEnded(archived: boolean) {
  let after: string | undefined;
  for (;;) {
    const { cases, lastId } = await endedCases({ archived, after });
    yield* cases;
    if (!lastId) return;
    after = lastId;
  }
}

/**
 * The daily job's first step: archives every ended case past its profile's
 * retention that is not under a legal hold. Idempotent (an archived case is
 * not read again), so a retry, a run after a restart or two workers at once
 * archive nothing twice. Each run that archives or finds a hold in the way
 * is audited ("retention.archived"), naming the cases.
 */
export async function archiveCasesPastRetention(now: Date): Promise<{ archived: string[]; held: string[] }> {
  const { timeZone } = await organizationCalendar();
  const today = localDate(now, timeZone);
  const archived: string[] = [];
  const held: string[] = [];
  for await (const kase of allEnded(false)) {
    if (!isPastRetention(kase.retainedUntil, today)) continue;
    if (kase.legalHold) {
      held.push(kase.reference);
      continue;
    }
    const changed = await db.case.updateMany({ where: { id: kase.id, archivedAt: null, legalHoldAt: null }, data: { archivedAt: now } });
    if (changed.count === 1) archived.push(kase.reference);
  }
  if (archived.length || held.length)
    await audit(RETENTION_JOB, {
      action: "retention.archived",
      detail: { archived: archived.length, heldBack: held.length, references: archived.slice(0, LISTED_AT_MOST), held: held.slice(0, LISTED_AT_MOST) },
      at: now,
    });
  return { archived, held };
}

/** The page shows this many of the latest tombstones; the count covers all. */
const TOMBSTONES_LISTED = 50;

function listed<T>(rows: T[]): { rows: T[]; total: number } {
  return { rows: rows.slice(0, RETENTION_LIST_LIMIT), total: rows.length };
}

/**
 * What the administrator's retention page shows, each case in its stage at
 * `now`: past retention and about to be archived, archived and awaiting a
 * confirmation to purge, confirmed and purged at the next run, under a legal
 * hold; the latest tombstones of purged cases; and how many are archived.
 */
export async function retentionOverview(now = new Date()) {
  const { timeZone } = await organizationCalendar();
  const today = localDate(now, timeZone);
  const stages: Record<Exclude<RetentionStage, "kept">, RetainedCase[]> = { "due-to-archive": [], "due-for-purge": [], "purge-confirmed": [], held: [] };
  for await (const kase of allEnded(true)) {
    const stage = retentionStage(retentionFacts(kase), today);
    if (stage !== "kept") stages[stage].push(kase);
  }
  const [archived, purgedTotal, purged] = await Promise.all([
    db.case.count({ where: { archivedAt: { not: null } } }),
    db.purgedCase.count(),
    db.purgedCase.findMany({ orderBy: [{ purgedAt: "desc" }, { reference: "desc" }], take: TOMBSTONES_LISTED }),
  ]);
  return {
    today,
    due: listed(stages["due-to-archive"]),
    dueForPurge: listed(stages["due-for-purge"]),
    purgeConfirmed: listed(stages["purge-confirmed"]),
    held: listed(stages.held),
    archived,
    purged: { rows: purged, total: purgedTotal },
  };
}

/**
 * An administrator places or lifts a legal hold on a case, with the reason;
 * audited. A hold also withdraws a confirmed purge: once it is lifted, the
 * purge needs a new confirmation.
 */
export async function setLegalHold(input: { actor: Actor; reference: string; hold: boolean; reason: string; at?: Date }): Promise<void> {
  const at = input.at ?? new Date();
  const kase = await db.case.findUnique({ where: { reference: input.reference }, select: { id: true, legalHoldAt: true, purgeConfirmedAt: true } });
  if (!kase) {
    if (await db.purgedCase.findUnique({ where: { reference: input.reference }, select: { id: true } }))
      throw new AppError("BAD_REQUEST", "This case was purged: nothing of it is left to hold.", { field: "reference" });
    throw notFound(`Case ${input.reference}`);
  }
  if (input.hold === (kase.legalHoldAt !== null))
    throw new AppError("BAD_REQUEST", input.hold ? "This case is already under a legal hold." : "This case is not under a legal hold.", { field: "reference" });
  await db.$transaction(async (tx) => {
    // A purge holding the row finishes first; then there is no case to hold.
    const changed = await tx.case.updateMany({
      where: { id: kase.id },
      data: input.hold
        ? { legalHoldAt: at, legalHoldReason: input.reason, purgeConfirmedAt: null, purgeConfirmedById: null }
        : { legalHoldAt: null, legalHoldReason: null },
    });
    if (changed.count === 0) throw new AppError("BAD_REQUEST", "This case was purged: nothing of it is left to hold.", { field: "reference" });
    await audit(
      input.actor,
      {
        action: input.hold ? "case.legal_hold_placed" : "case.legal_hold_lifted",
        objectType: "Case",
        objectId: kase.id,
        detail: { reference: input.reference, reason: input.reason, ...(input.hold && kase.purgeConfirmedAt ? { purgeConfirmationWithdrawn: true } : {}) },
        at,
      },
      tx,
    );
  });
}
