import { describe, expect, it } from "vitest";
import {
  addDaysToLocalDate,
  civilFromDays,
  daysFromCivil,
  formatOffsetIso,
  instantAt,
  isRealLocalDate,
  localDate,
  localDateTime,
  offsetMinutes,
  parseLocalDate,
  weekdayOfLocalDate,
} from "~/domain/deadlines/time-zone";

const NY = "America/New_York";
const LA = "America/Los_Angeles";

describe("civil calendar helpers", () => {
  it("counts days from 1970-01-01 both ways, across leap days and before the epoch", () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(1970, 1, 2)).toBe(1);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    // 2000 is a leap year (divisible by 400): Feb 28 → Feb 29 → Mar 1.
    expect(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 28)).toBe(2);
    // 2100 is not (divisible by 100, not 400).
    expect(daysFromCivil(2100, 3, 1) - daysFromCivil(2100, 2, 28)).toBe(1);
    expect(civilFromDays(-1)).toEqual({ year: 1969, month: 12, day: 31 });
    expect(civilFromDays(daysFromCivil(2028, 2, 29))).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it("knows weekdays (2026-01-01 Thursday, 2027-01-06 Wednesday)", () => {
    expect(weekdayOfLocalDate("2026-01-01")).toBe(4);
    expect(weekdayOfLocalDate("2027-01-06")).toBe(3);
    expect(weekdayOfLocalDate("1969-12-28")).toBe(0);
  });

  it("adds days across month and year ends", () => {
    expect(addDaysToLocalDate("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDaysToLocalDate("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDaysToLocalDate("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("rejects malformed or impossible dates", () => {
    expect(() => parseLocalDate("2026-02-29")).toThrow(RangeError);
    expect(() => parseLocalDate("2026-2-3")).toThrow(RangeError);
    expect(() => parseLocalDate("2026-13-01")).toThrow(RangeError);
    expect(parseLocalDate("2028-02-29")).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it("tells a date a person can type from anything else, without throwing", () => {
    expect(["2028-02-29", "1900-01-01", "9999-12-31"].filter(isRealLocalDate)).toHaveLength(3);
    expect(["-1", "2026-02-30", "0000-00-00", "+275760-09-13", "-000001-01-01", "2026-1-01", "", "2026-01-01T00:00"].filter(isRealLocalDate)).toEqual([]);
  });
});

describe("localDate", () => {
  it("is the New York date when UTC is already the next day (23:30 EST = 04:30Z)", () => {
    expect(localDate(new Date("2026-11-24T04:30:00Z"), NY)).toBe("2026-11-23");
    expect(localDate(new Date("2026-11-24T04:30:00Z"), "UTC")).toBe("2026-11-24");
    expect(localDate(new Date("2026-11-24T05:00:00Z"), NY)).toBe("2026-11-24"); // exactly local midnight
  });

  it("uses daylight time in summer (20:00 PDT = 03:00Z next day)", () => {
    expect(localDate(new Date("2026-04-01T03:00:00Z"), LA)).toBe("2026-03-31");
    expect(localDate(new Date("2026-04-01T07:00:00Z"), LA)).toBe("2026-04-01");
  });

  it("refuses an invalid Date and an unknown zone", () => {
    expect(() => localDate(new Date(Number.NaN), NY)).toThrow(RangeError);
    expect(() => localDate(new Date(), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("offsets around New York's DST changes", () => {
  it("2026-03-08: EST until 07:00:00Z (2:00 local), EDT from then", () => {
    expect(offsetMinutes(new Date("2026-03-08T06:59:59Z"), NY)).toBe(-300);
    expect(offsetMinutes(new Date("2026-03-08T07:00:00Z"), NY)).toBe(-240);
  });

  it("2026-11-01: EDT until 06:00:00Z (2:00 EDT), EST from then", () => {
    expect(offsetMinutes(new Date("2026-11-01T05:59:59Z"), NY)).toBe(-240);
    expect(offsetMinutes(new Date("2026-11-01T06:00:00Z"), NY)).toBe(-300);
    // Asked again in reverse order: the cached day must give the same answers.
    expect(offsetMinutes(new Date("2026-11-01T23:00:00Z"), NY)).toBe(-300);
    expect(offsetMinutes(new Date("2026-11-01T00:00:00Z"), NY)).toBe(-240);
  });

  it("agrees with Intl for many instants across decades and zones (the cache is not the source of truth)", () => {
    const zones = [NY, LA, "Europe/London", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata", "Pacific/Chatham"];
    const check = new Map(
      zones.map((tz) => [
        tz,
        new Intl.DateTimeFormat("en-US", {
          timeZone: tz,
          hourCycle: "h23",
          year: "numeric",
          month: "2-digit",
          day: "2-digit",
          hour: "2-digit",
          minute: "2-digit",
          second: "2-digit",
        }),
      ]),
    );
    // A fixed pseudo-random walk so the test is repeatable.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const from = Date.UTC(1990, 0, 1);
    const to = Date.UTC(2045, 0, 1);
    for (let i = 0; i < 3000; i++) {
      const tz = zones[i % zones.length] ?? NY;
      const instant = new Date(Math.floor((from + next() * (to - from)) / 1000) * 1000);
      const parts = Object.fromEntries((check.get(tz)?.formatToParts(instant) ?? []).map((p) => [p.type, p.value]));
      const expected = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
      expect(formatOffsetIso(instant, tz).slice(0, 19), `${tz} ${instant.toISOString()}`).toBe(expected);
    }
  });
});

describe("instantAt", () => {
  it("finds ordinary wall-clock times in winter and summer", () => {
    expect(instantAt("2027-01-06", 23, 59, 59, NY).toISOString()).toBe("2027-01-07T04:59:59.000Z");
    expect(instantAt("2026-07-09", 23, 59, 59, NY).toISOString()).toBe("2026-07-10T03:59:59.000Z");
    expect(instantAt("2026-07-09", 9, 0, 0, LA).toISOString()).toBe("2026-07-09T16:00:00.000Z");
  });

  it("moves a time skipped by spring forward (02:30 on 2026-03-08) forward by the gap by default", () => {
    // 02:30 EST would be 07:30Z, which is already 03:30 EDT.
    expect(instantAt("2026-03-08", 2, 30, 0, NY).toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(instantAt("2026-03-08", 2, 30, 0, NY, "later").toISOString()).toBe("2026-03-08T07:30:00.000Z");
    // Read with the EDT offset instead: 06:30Z, i.e. 01:30 EST.
    expect(instantAt("2026-03-08", 2, 30, 0, NY, "earlier").toISOString()).toBe("2026-03-08T06:30:00.000Z");
    expect(() => instantAt("2026-03-08", 2, 30, 0, NY, "reject")).toThrow(RangeError);
  });

  it("takes the first of a time repeated by fall back (01:30 on 2026-11-01) by default", () => {
    expect(instantAt("2026-11-01", 1, 30, 0, NY).toISOString()).toBe("2026-11-01T05:30:00.000Z"); // EDT
    expect(instantAt("2026-11-01", 1, 30, 0, NY, "earlier").toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(instantAt("2026-11-01", 1, 30, 0, NY, "later").toISOString()).toBe("2026-11-01T06:30:00.000Z"); // EST
    expect(() => instantAt("2026-11-01", 1, 30, 0, NY, "reject")).toThrow(RangeError);
  });

  it("is unambiguous on either side of the change on DST days", () => {
    expect(instantAt("2026-03-08", 1, 59, 59, NY).toISOString()).toBe("2026-03-08T06:59:59.000Z");
    expect(instantAt("2026-03-08", 3, 0, 0, NY).toISOString()).toBe("2026-03-08T07:00:00.000Z");
    expect(instantAt("2026-11-01", 0, 59, 59, NY).toISOString()).toBe("2026-11-01T04:59:59.000Z");
    expect(instantAt("2026-11-01", 2, 0, 0, NY).toISOString()).toBe("2026-11-01T07:00:00.000Z");
  });

  it("handles a zone whose spring-forward skips midnight (Santiago, 2026-09-06 00:00 → 01:00)", () => {
    expect(formatOffsetIso(instantAt("2026-09-06", 0, 0, 0, "America/Santiago"), "America/Santiago")).toBe("2026-09-06T01:00:00-03:00");
  });

  it("refuses impossible times of day", () => {
    expect(() => instantAt("2026-01-01", 24, 0, 0, NY)).toThrow(RangeError);
    expect(() => instantAt("2026-01-01", 12, 60, 0, NY)).toThrow(RangeError);
    expect(() => instantAt("2026-01-01", 12, 0, 1.5, NY)).toThrow(RangeError);
  });
});

describe("formatOffsetIso", () => {
  it("writes the local time with its offset: -05:00 in winter, -04:00 in summer", () => {
    expect(formatOffsetIso(new Date("2027-01-07T04:59:59Z"), NY)).toBe("2027-01-06T23:59:59-05:00");
    expect(formatOffsetIso(new Date("2026-07-10T03:59:59Z"), NY)).toBe("2026-07-09T23:59:59-04:00");
  });

  it("handles half- and quarter-hour offsets and UTC", () => {
    expect(formatOffsetIso(new Date("2026-01-15T12:00:00Z"), "Asia/Kolkata")).toBe("2026-01-15T17:30:00+05:30");
    // Chatham is +12:45 in standard time, +13:45 in its (southern) summer.
    expect(formatOffsetIso(new Date("2026-01-15T12:00:00Z"), "Pacific/Chatham")).toBe("2026-01-16T01:45:00+13:45");
    expect(formatOffsetIso(new Date("2026-01-15T12:00:00Z"), "UTC")).toBe("2026-01-15T12:00:00+00:00");
  });

  it("shows milliseconds only when there are some", () => {
    expect(formatOffsetIso(new Date("2026-01-15T12:00:00.007Z"), NY)).toBe("2026-01-15T07:00:00.007-05:00");
  });

  it("reads the local wall clock at the instant", () => {
    expect(localDateTime(new Date("2026-11-24T04:30:00Z"), NY)).toEqual({
      year: 2026,
      month: 11,
      day: 23,
      date: "2026-11-23",
      hour: 23,
      minute: 30,
      second: 0,
      millisecond: 0,
      weekday: 1,
      offsetMinutes: -300,
    });
  });
});
