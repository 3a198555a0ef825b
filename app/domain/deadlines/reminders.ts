/**
 * When the party responsible for a clock is reminded (issue "Deadlines"):
 * when half and four fifths of the time have gone, and one business day
 * before it runs out; an expedited clock instead 24 hours and 6 hours before.
 */
import { isBusinessDay, type DeadlineCalendar } from "./calendar";
import { addDaysToLocalDate, instantAt, localDate, MS_PER_HOUR } from "./time-zone";

export type ReminderKind = "half" | "four-fifths" | "business-day-before" | "24-hours-before" | "6-hours-before";

export interface ScheduledReminder {
  kind: ReminderKind;
  at: Date;
}

/** The morning hour, local time, of the "one business day before" reminder. */
const MORNING_HOUR = 9;

function previousBusinessDayMorning(due: Date, calendar: DeadlineCalendar): Date {
  let day = addDaysToLocalDate(localDate(due, calendar.timeZone), -1);
  while (!isBusinessDay(day, calendar.holidays)) day = addDaysToLocalDate(day, -1);
  return instantAt(day, MORNING_HOUR, 0, 0, calendar.timeZone);
}

/** Every reminder of one clock, in time order; none at or before its start, none after it is due. */
export function reminderSchedule(clock: { startedAt: Date; dueAt: Date }, track: "standard" | "expedited", calendar: DeadlineCalendar): ScheduledReminder[] {
  const start = clock.startedAt.getTime();
  const due = clock.dueAt.getTime();
  const span = due - start;
  const reminders: ScheduledReminder[] = [
    { kind: "half", at: new Date(start + span * 0.5) },
    { kind: "four-fifths", at: new Date(start + span * 0.8) },
  ];
  if (track === "expedited") {
    reminders.push({ kind: "24-hours-before", at: new Date(due - 24 * MS_PER_HOUR) });
    reminders.push({ kind: "6-hours-before", at: new Date(due - 6 * MS_PER_HOUR) });
  } else {
    reminders.push({ kind: "business-day-before", at: previousBusinessDayMorning(clock.dueAt, calendar) });
  }
  return reminders.filter((reminder) => reminder.at.getTime() > start && reminder.at.getTime() < due).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The reminders that have come due by `now` and were not recorded yet. Only
 * the latest one is worth an email: after downtime, three stale reminders at
 * once would be noise, so the earlier ones are recorded as passed.
 */
export function remindersDue(
  schedule: readonly ScheduledReminder[],
  now: Date,
  recorded: ReadonlySet<string>,
): { record: ReminderKind[]; send: ReminderKind | null } {
  const passed = schedule.filter((reminder) => reminder.at.getTime() <= now.getTime() && !recorded.has(reminder.kind));
  return { record: passed.map((reminder) => reminder.kind), send: passed.at(-1)?.kind ?? null };
}
