import { describe, expect, it } from "vitest";
import { federalHolidayDates } from "~/domain/deadlines/holidays";
import { reminderSchedule, remindersDue } from "~/domain/deadlines/reminders";

const calendar = { timeZone: "America/New_York", holidays: federalHolidayDates(2026, 2027) };
const iso = (schedule: ReturnType<typeof reminderSchedule>) => schedule.map((reminder) => `${reminder.kind} ${reminder.at.toISOString()}`);

describe("reminder schedule", () => {
  it("standard: half, four fifths, and 9:00 on the business day before the due date", () => {
    // Started Tue 24 Nov 2026 9:00 EST, due end of Wed 2 Dec (EST).
    const schedule = reminderSchedule({ startedAt: new Date("2026-11-24T14:00:00Z"), dueAt: new Date("2026-12-03T04:59:59Z") }, "standard", calendar);
    expect(iso(schedule)).toEqual([
      "half 2026-11-28T21:29:59.500Z",
      "four-fifths 2026-12-01T11:35:59.200Z",
      "business-day-before 2026-12-01T14:00:00.000Z", // Tue 1 Dec, 9:00 EST
    ]);
  });

  it("standard: the business day before a Tuesday after a Monday holiday is the Friday", () => {
    // Due end of Tue 19 Jan 2027; Mon 18 Jan is Martin Luther King Jr. Day.
    const schedule = reminderSchedule({ startedAt: new Date("2027-01-04T14:00:00Z"), dueAt: new Date("2027-01-20T04:59:59Z") }, "standard", calendar);
    expect(schedule.find((reminder) => reminder.kind === "business-day-before")?.at.toISOString()).toBe("2027-01-15T14:00:00.000Z");
  });

  it("standard: the business day before in summer time is 9:00 EDT", () => {
    // Due end of Mon 13 Jul 2026 (EDT); the business day before is Fri 10 Jul.
    const schedule = reminderSchedule({ startedAt: new Date("2026-07-01T14:00:00Z"), dueAt: new Date("2026-07-14T03:59:59Z") }, "standard", calendar);
    expect(schedule.find((reminder) => reminder.kind === "business-day-before")?.at.toISOString()).toBe("2026-07-10T13:00:00.000Z");
  });

  it("expedited 72 hours: half, 24 hours before, four fifths, 6 hours before, through a weekend", () => {
    // Fri 27 Nov 2026 23:00Z to Mon 30 Nov 23:00Z.
    const schedule = reminderSchedule({ startedAt: new Date("2026-11-27T23:00:00Z"), dueAt: new Date("2026-11-30T23:00:00Z") }, "expedited", calendar);
    expect(iso(schedule)).toEqual([
      "half 2026-11-29T11:00:00.000Z",
      "24-hours-before 2026-11-29T23:00:00.000Z",
      "four-fifths 2026-11-30T08:36:00.000Z",
      "6-hours-before 2026-11-30T17:00:00.000Z",
    ]);
  });

  it("expedited 24 hours: no '24 hours before' reminder, it would be the start itself", () => {
    const schedule = reminderSchedule({ startedAt: new Date("2026-11-27T12:00:00Z"), dueAt: new Date("2026-11-28T12:00:00Z") }, "expedited", calendar);
    expect(schedule.map((reminder) => reminder.kind)).toEqual(["half", "6-hours-before", "four-fifths"]);
  });
});

describe("reminders due now", () => {
  const schedule = reminderSchedule({ startedAt: new Date("2026-11-27T23:00:00Z"), dueAt: new Date("2026-11-30T23:00:00Z") }, "expedited", calendar);

  it("sends nothing before the first reminder", () => {
    expect(remindersDue(schedule, new Date("2026-11-29T10:59:59Z"), new Set())).toEqual({ record: [], send: null });
  });

  it("after downtime, records every passed reminder but emails only the latest", () => {
    expect(remindersDue(schedule, new Date("2026-11-30T09:00:00Z"), new Set())).toEqual({
      record: ["half", "24-hours-before", "four-fifths"],
      send: "four-fifths",
    });
  });

  it("never repeats a reminder already recorded", () => {
    expect(remindersDue(schedule, new Date("2026-11-30T09:00:00Z"), new Set(["half", "24-hours-before", "four-fifths"]))).toEqual({ record: [], send: null });
  });
});
