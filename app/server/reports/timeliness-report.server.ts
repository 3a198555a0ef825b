import { DEADLINE_LABELS } from "~/domain/deadlines/lifecycle";
import { addDaysToLocalDate, instantAt, localDate } from "~/domain/deadlines/time-zone";
import { RESPONSIBLE_PARTY_LABELS } from "~/domain/reports/labels";
import { type DateRange, type DecidedCase, lastFullMonth, timelinessByGroup, timelinessFigures, yearToDate } from "~/domain/reports/timeliness";
import { db } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { KIND_OF_DB } from "../deadlines/case-clocks.server";

const KIND_ORDER = Object.keys(KIND_OF_DB);

/**
 * The timeliness report for decisions made from `range.from` to `range.to`
 * (local dates, both included; by default the last full month), with the
 * deadlines due in the range that were missed or are overdue.
 */
export async function timelinessReport(range?: DateRange, now = new Date()) {
  const { timeZone } = await organizationCalendar();
  const today = localDate(now, timeZone);
  const chosen = range ?? lastFullMonth(today);
  const start = instantAt(chosen.from, 0, 0, 0, timeZone);
  const end = instantAt(addDaysToLocalDate(chosen.to, 1), 0, 0, 0, timeZone);

  const [decided, deadlines, profiles] = await Promise.all([
    db.case.findMany({
      where: { decidedAt: { gte: start, lt: end } },
      select: {
        track: true,
        disputeType: true,
        acceptedAt: true,
        decidedAt: true,
        ruleProfile: { select: { code: true } },
        // Where the profile splits an experimental decision, the review's time runs from the opinions clock's start.
        deadlines: { where: { kind: { in: ["OPINIONS", "DECISION"] } }, orderBy: { startedAt: "asc" }, select: { kind: true, startedAt: true, status: true } },
      },
    }),
    db.caseDeadline.groupBy({
      by: ["kind", "responsible", "status"],
      where: { dueAt: { gte: start, lt: end }, OR: [{ status: "MISSED" }, { status: "OPEN", dueAt: { lt: now } }] },
      _count: { _all: true },
    }),
    db.ruleProfile.findMany({ orderBy: { version: "asc" }, select: { code: true, name: true } }),
  ]);

  const cases: DecidedCase[] = decided.map((kase) => {
    const first = kase.deadlines[0];
    const decision = kase.deadlines.findLast((clock) => clock.kind === "DECISION");
    // Late if either of the review's clocks was missed: the reviewers' opinions or the decision itself.
    const missed = kase.deadlines.some((clock) => clock.status === "MISSED");
    return {
      profileCode: kase.ruleProfile?.code ?? "none",
      track: kase.track,
      disputeType: kase.disputeType,
      clockStartedAt: first?.startedAt ?? kase.acceptedAt,
      decidedAt: kase.decidedAt!,
      decisionClock: missed ? "MISSED" : decision?.status === "MET" ? "MET" : null,
    };
  });
  // The newest version's name stands for the code.
  const profileNames = new Map(profiles.map((profile) => [profile.code, profile.name]));

  const missed = new Map<string, { deadline: string; responsible: string; missed: number; overdue: number; order: number }>();
  for (const row of deadlines) {
    const id = `${row.kind}|${row.responsible}`;
    const entry = missed.get(id) ?? {
      deadline: DEADLINE_LABELS[KIND_OF_DB[row.kind]],
      responsible: RESPONSIBLE_PARTY_LABELS[row.responsible],
      missed: 0,
      overdue: 0,
      order: KIND_ORDER.indexOf(row.kind),
    };
    if (row.status === "MISSED") entry.missed += row._count._all;
    else entry.overdue += row._count._all;
    missed.set(id, entry);
  }

  return {
    range: chosen,
    timeZone,
    presets: { lastFullMonth: lastFullMonth(today), yearToDate: yearToDate(today) },
    overall: timelinessFigures(cases),
    groups: timelinessByGroup(cases).map((group) => ({ ...group, profileName: profileNames.get(group.profileCode) ?? "No rule profile" })),
    missedDeadlines: [...missed.values()]
      .sort((a, b) => a.order - b.order || a.responsible.localeCompare(b.responsible))
      .map(({ order: _order, ...entry }) => entry),
  };
}
