import { describeDeadline, formatDeadlineTime, timeLeftText } from "~/domain/deadlines/case-deadlines";
import { DEADLINE_LABELS, type ResponsibleParty } from "~/domain/deadlines/lifecycle";
import { reminderSchedule, remindersDue, type ReminderKind } from "~/domain/deadlines/reminders";
import { ROLE_HOMES } from "~/domain/roles";
import type { DeadlineKind as DbDeadlineKind } from "~/.server/prisma/enums";
import { changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import { db, type Tx } from "../db.server";
import { AppError } from "../errors.server";
import { log } from "../log.server";
import { queueEmail } from "../outbox.server";
import { queueWebhookEvent } from "../webhooks/queue-webhook.server";
import { organizationCalendar } from "./calendar.server";
import { KIND_OF_DB } from "./case-clocks.server";
import { translateMessage, translator } from "~/i18n/i18n";
import { noticeLocale, type Locale } from "~/i18n/locales";

const BATCH = 500;
// Reminders fall at half time or later, or within the last days before the
// due time; clocks earlier than both are skipped without loading them.
const EARLIEST_REMINDER_DAYS_BEFORE_DUE = 4;

interface OpenClock {
  id: string;
  caseId: string;
  kind: DbDeadlineKind;
  responsible: ResponsibleParty;
  responsibleUserId: string | null;
  startedAt: Date;
  dueAt: Date;
}

/** Who is reminded for a clock: the responsible party's addresses. */
/** Who a reminder goes to; the applicant reads it in their case's notice language, everyone else in English. */
async function recipients(tx: Tx, clock: OpenClock): Promise<{ email: string; home: string; locale?: Locale }[]> {
  const kase = await tx.case.findUniqueOrThrow({
    where: { id: clock.caseId },
    select: {
      preferredLanguage: true,
      applicant: { select: { email: true } },
      coordinator: { select: { email: true } },
      plan: { select: { id: true, contactEmail: true } },
    },
  });
  switch (clock.responsible) {
    case "APPLICANT":
      return [{ email: kase.applicant.email, home: ROLE_HOMES.APPLICANT, locale: noticeLocale(kase.preferredLanguage) }];
    case "PLAN": {
      if (!kase.plan) return [];
      const users = await tx.user.findMany({ where: { planId: kase.plan.id, roles: { has: "PLAN" }, disabledAt: null }, select: { email: true } });
      const emails = new Set([kase.plan.contactEmail, ...users.map((user) => user.email)]);
      return [...emails].map((email) => ({ email, home: ROLE_HOMES.PLAN }));
    }
    case "REVIEWER": {
      if (!clock.responsibleUserId) return [];
      const reviewer = await tx.user.findUnique({ where: { id: clock.responsibleUserId }, select: { email: true } });
      return reviewer ? [{ email: reviewer.email, home: ROLE_HOMES.REVIEWER }] : [];
    }
    case "ORGANIZATION": {
      if (kase.coordinator) return [{ email: kase.coordinator.email, home: ROLE_HOMES.COORDINATOR }];
      return (await coordinators(tx)).map((email) => ({ email, home: ROLE_HOMES.COORDINATOR }));
    }
  }
}

async function coordinators(tx: Tx): Promise<string[]> {
  const rows = await tx.user.findMany({ where: { roles: { has: "COORDINATOR" }, disabledAt: null }, select: { email: true } });
  return rows.map((row) => row.email);
}

/** Records reminder kinds; returns those this call recorded (another worker may have been first). */
async function record(tx: Tx, deadlineId: string, kinds: readonly string[]): Promise<Set<string>> {
  const recorded = new Set<string>();
  for (const kind of kinds) {
    const rows = await tx.$queryRaw<{ kind: string }[]>`
      INSERT INTO "DeadlineReminder" (id, "deadlineId", kind) VALUES (gen_random_uuid(), ${deadlineId}::uuid, ${kind})
      ON CONFLICT ("deadlineId", kind) DO NOTHING RETURNING kind`;
    if (rows.length) recorded.add(kind);
  }
  return recorded;
}

async function remind(clock: OpenClock, kinds: ReminderKind[], send: ReminderKind, now: Date, timeZone: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const recorded = await record(tx, clock.id, kinds);
    if (!recorded.has(send)) return false;
    const kase = await tx.case.findUniqueOrThrow({ where: { id: clock.caseId }, select: { reference: true, planId: true } });
    const label = DEADLINE_LABELS[KIND_OF_DB[clock.kind]];
    if (clock.responsible === "PLAN" && kase.planId) {
      await queueWebhookEvent(tx, {
        planId: kase.planId,
        type: "deadline.reminder",
        caseId: clock.caseId,
        at: now,
        data: { reference: kase.reference, deadline: clock.kind, label, dueAt: clock.dueAt.toISOString(), reminder: send },
      });
    }
    for (const recipient of await recipients(tx, clock)) {
      const locale = recipient.locale ?? "en";
      const t = translator(locale);
      const deadline = translateMessage(t, label);
      await queueEmail(tx, {
        template: "case-update",
        to: recipient.email,
        locale: recipient.locale,
        caseId: clock.caseId,
        dedupeKey: `reminder:${clock.id}:${send}:${recipient.email}`,
        props: {
          organizationName: config().organizationName,
          reference: kase.reference ?? "Your request",
          headline: t("Reminder: {deadline} due soon", { deadline: deadline.toLowerCase() }),
          action: t("{deadline} due by {time} — {left}. Please sign in to the portal and take the next step before then.", {
            deadline,
            time: formatDeadlineTime(clock.dueAt, timeZone, locale),
            left: timeLeftText(clock.dueAt, now, t),
          }),
          link: `${config().appUrl}${recipient.home}`,
        },
      });
    }
    return true;
  });
}

class AlreadyEscalated extends Error {}

/**
 * A clock ran out while still open: the case is flagged and every
 * coordinator alerted, once, in one transaction with the timeline event. The
 * clock stays open (overdue) until the transition that ends it records it as
 * missed.
 */
async function escalate(clock: OpenClock, now: Date, timeZone: string): Promise<boolean> {
  const kase = await db.case.findUniqueOrThrow({ where: { id: clock.caseId }, select: { version: true, flaggedAt: true } });
  const label = DEADLINE_LABELS[KIND_OF_DB[clock.kind]];
  try {
    await changeCase({
      caseId: clock.caseId,
      expectedVersion: kase.version,
      actor: { userId: null, email: null, ip: null, userAgent: "deadline worker", roles: ["WORKER"] },
      action: "missDeadline",
      event: { type: "deadline_missed", data: { deadline: clock.kind, dueAt: clock.dueAt.toISOString(), responsible: clock.responsible } },
      update: kase.flaggedAt ? {} : { flaggedAt: now },
      work: async (tx) => {
        // Another worker escalated first: roll this attempt back entirely.
        if (!(await record(tx, clock.id, ["missed"])).has("missed")) throw new AlreadyEscalated();
        return coordinators(tx);
      },
      emails: (before, coordinatorEmails) =>
        coordinatorEmails.map((email) => ({
          template: "case-update" as const,
          to: email,
          dedupeKey: `missed:${clock.id}:${email}`,
          props: {
            organizationName: config().organizationName,
            reference: before.reference ?? "A case",
            headline: `Deadline missed: ${label.toLowerCase()}`,
            action: `${describeDeadline(clock.dueAt, now, timeZone, label)}. The case is flagged on the dashboard; decide what happens next.`,
            link: `${config().appUrl}${ROLE_HOMES.COORDINATOR}`,
          },
        })),
    });
    return true;
  } catch (error) {
    if (error instanceof AlreadyEscalated) return false;
    // Someone changed the case at the same moment: the next sweep tries again.
    if (error instanceof AppError && error.code === "CONFLICT") return false;
    throw error;
  }
}

export interface SweepResult {
  reminded: number;
  escalated: number;
}

/**
 * Looks at every open clock: sends the reminders that came due and escalates
 * the ones that ran out. Idempotent: what was sent is recorded in
 * DeadlineReminder (unique per clock and kind) in the same transaction as
 * the emails, so restarts, retries and several workers send nothing twice;
 * a reminder that fell due while the app was down goes out at the next sweep.
 */
export async function sweepDeadlines(now = new Date()): Promise<SweepResult> {
  const calendar = await organizationCalendar();
  const result: SweepResult = { reminded: 0, escalated: 0 };
  let cursor: string | undefined;
  for (;;) {
    const clocks = await db.$queryRaw<(OpenClock & { track: "STANDARD" | "EXPEDITED"; recorded: string[] })[]>`
      SELECT d.id, d."caseId", d.kind, d.responsible, d."responsibleUserId", d."startedAt", d."dueAt", c.track,
             coalesce(array_agg(r.kind) FILTER (WHERE r.kind IS NOT NULL), '{}') AS recorded
        FROM "CaseDeadline" d
        JOIN "Case" c ON c.id = d."caseId"
        LEFT JOIN "DeadlineReminder" r ON r."deadlineId" = d.id
       WHERE d.status = 'OPEN'
         AND (d."startedAt" + (d."dueAt" - d."startedAt") / 2 <= ${now}
              OR d."dueAt" - make_interval(days => ${EARLIEST_REMINDER_DAYS_BEFORE_DUE}) <= ${now})
         AND (${cursor ?? null}::uuid IS NULL OR d.id > ${cursor ?? null}::uuid)
       GROUP BY d.id, c.track
       ORDER BY d.id
       LIMIT ${BATCH}`;
    for (const clock of clocks) {
      try {
        if (clock.dueAt.getTime() < now.getTime()) {
          if (!clock.recorded.includes("missed") && (await escalate(clock, now, calendar.timeZone))) result.escalated += 1;
          continue;
        }
        const schedule = reminderSchedule(clock, clock.track === "EXPEDITED" ? "expedited" : "standard", calendar);
        const due = remindersDue(schedule, now, new Set(clock.recorded));
        if (due.send && (await remind(clock, due.record, due.send, now, calendar.timeZone))) result.reminded += 1;
      } catch (error) {
        log.warn("deadline sweep could not handle a clock", { deadlineId: clock.id, error: (error as Error).message });
      }
    }
    if (clocks.length < BATCH) break;
    cursor = clocks.at(-1)?.id;
  }
  return result;
}
