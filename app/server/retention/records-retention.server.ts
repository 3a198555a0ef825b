import { localDate } from "~/domain/deadlines/time-zone";
import { ENDED_STATUSES, isPastRetention, retainedUntil } from "~/domain/retention";
import type { RuleSet } from "~/domain/rule-profiles";
import { audit } from "../audit.server";
import { db } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { AppError, notFound } from "../errors.server";
import type { Actor } from "../request-context.server";

const RETENTION_JOB: Actor = { userId: null, email: null, ip: null, userAgent: "records retention job" };
/** Ended cases read at a time; the job goes through all of them in batches. */
const BATCH = 500;
/** The audit row of a run names at most this many cases; its counts cover all of them. */
const LISTED_AT_MOST = 200;

export interface RetainedCase {
  id: string;
  reference: string;
  statusEnded: string;
  endedOn: string;
  retainedUntil: string;
  legalHold: { at: Date; reason: string | null } | null;
  archivedAt: Date | null;
}

/**
 * Ended cases (not archived, or all with `archived`), with when they ended:
 * closing, or the change that ended them (ineligible, withdrawn, reversed),
 * and the last day their profile keeps them.
 */
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
    select: {
      id: true,
      reference: true,
      status: true,
      closedAt: true,
      archivedAt: true,
      legalHoldAt: true,
      legalHoldReason: true,
      ruleProfile: { select: { rules: true } },
      events: { where: { toStatus: { in: [...ENDED_STATUSES] } }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  const cases = rows.flatMap((row) => {
    const ended = row.closedAt ?? row.events[0]?.createdAt;
    const rules = row.ruleProfile?.rules as unknown as RuleSet | undefined;
    if (!ended || !rules?.recordRetention) return [];
    const endedOn = localDate(ended, timeZone);
    return [
      {
        id: row.id,
        reference: row.reference!,
        statusEnded: row.status,
        endedOn,
        retainedUntil: retainedUntil(endedOn, rules.recordRetention),
        legalHold: row.legalHoldAt ? { at: row.legalHoldAt, reason: row.legalHoldReason } : null,
        archivedAt: row.archivedAt,
      },
    ];
  });
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
 * The daily job: archives every ended case past its profile's retention
 * that is not under a legal hold. Idempotent (an archived case is not read
 * again), so a retry, a run after a restart or two workers at once archive
 * nothing twice. Each run that archives or finds a hold in the way is
 * audited ("retention.archived"), naming the cases.
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

/** What the administrator's retention page shows: cases past retention (held or about to be archived), held cases, and the archived ones. */
export async function retentionOverview(now = new Date()) {
  const { timeZone } = await organizationCalendar();
  const today = localDate(now, timeZone);
  const due: RetainedCase[] = [];
  const held: RetainedCase[] = [];
  for await (const kase of allEnded(true)) {
    if (kase.legalHold) held.push(kase);
    else if (!kase.archivedAt && isPastRetention(kase.retainedUntil, today)) due.push(kase);
  }
  const archived = await db.case.count({ where: { archivedAt: { not: null } } });
  return { today, due, held, archived };
}

/** An administrator places or lifts a legal hold on a case, with the reason; audited. */
export async function setLegalHold(input: { actor: Actor; reference: string; hold: boolean; reason: string; at?: Date }): Promise<void> {
  const at = input.at ?? new Date();
  const kase = await db.case.findUnique({ where: { reference: input.reference }, select: { id: true, legalHoldAt: true, archivedAt: true } });
  if (!kase) throw notFound(`Case ${input.reference}`);
  if (input.hold === (kase.legalHoldAt !== null))
    throw new AppError("BAD_REQUEST", input.hold ? "This case is already under a legal hold." : "This case is not under a legal hold.", { field: "reference" });
  await db.$transaction(async (tx) => {
    await tx.case.update({
      where: { id: kase.id },
      data: input.hold ? { legalHoldAt: at, legalHoldReason: input.reason } : { legalHoldAt: null, legalHoldReason: null },
    });
    await audit(
      input.actor,
      {
        action: input.hold ? "case.legal_hold_placed" : "case.legal_hold_lifted",
        objectType: "case",
        objectId: kase.id,
        detail: { reference: input.reference, reason: input.reason },
        at,
      },
      tx,
    );
  });
}
