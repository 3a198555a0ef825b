import { describe, expect, it } from "vitest";
import { formatInstant, formatTableInstant } from "~/domain/format-instant";

describe("formatInstant", () => {
  const at = new Date("2026-12-05T19:04:31Z");

  it("shows the instant in the organization's zone, naming the zone whenever a time is shown", () => {
    expect(formatInstant(at, "America/New_York")).toBe("Dec 5, 2026, 2:04 PM EST");
    expect(formatInstant(at, "America/Los_Angeles")).toBe("Dec 5, 2026, 11:04 AM PST");
    expect(formatInstant(at, "America/New_York", "dateTimeSeconds")).toBe("Dec 5, 2026, 2:04:31 PM EST");
  });

  it("gives the date of the zone, which is not always the date in UTC", () => {
    const lateEvening = new Date("2026-12-06T03:30:00Z");
    expect(formatInstant(lateEvening, "America/New_York", "date")).toBe("Dec 5, 2026");
    expect(formatInstant(lateEvening, "UTC", "date")).toBe("Dec 6, 2026");
  });

  it("follows daylight saving time", () => {
    expect(formatInstant("2026-07-04T16:00:00Z", "America/New_York")).toBe("Jul 4, 2026, 12:00 PM EDT");
  });
});

describe("formatTableInstant", () => {
  const NEW_YORK = "America/New_York";
  const requestedIn2026 = new Date("2026-06-15T16:00:00Z");

  it("is short within the year of the reference, and in full (year and zone) in its title", () => {
    expect(formatTableInstant("2026-12-06T04:59:59Z", NEW_YORK, requestedIn2026)).toEqual({
      text: "Sat 5 Dec, 11:59 PM",
      title: "Sat 5 Dec 2026, 11:59 PM EST",
    });
    expect(formatTableInstant("2026-03-02T14:05:00Z", NEW_YORK, requestedIn2026).text).toBe("Mon 2 Mar, 9:05 AM");
  });

  it("gives the year when the instant is not in the reference's year, before or after it", () => {
    expect(formatTableInstant("2025-12-29T14:00:00Z", NEW_YORK, requestedIn2026).text).toBe("Mon 29 Dec 2025, 9:00 AM");
    expect(formatTableInstant("2027-01-04T17:30:00Z", NEW_YORK, requestedIn2026).text).toBe("Mon 4 Jan 2027, 12:30 PM");
  });

  it("reads both years in the organization's zone: the last evening of a year is still that year in New York", () => {
    const newYearsEve = new Date("2027-01-01T03:00:00Z"); // Dec 31, 10 PM in New York
    const newYearsDay = new Date("2027-01-01T15:00:00Z");
    expect(formatTableInstant(newYearsEve, NEW_YORK, newYearsDay).text).toBe("Thu 31 Dec 2026, 10:00 PM");
    expect(formatTableInstant(newYearsEve, NEW_YORK, new Date("2026-12-31T12:00:00Z")).text).toBe("Thu 31 Dec, 10:00 PM");
    expect(formatTableInstant(newYearsEve, "UTC", newYearsDay)).toEqual({ text: "Fri 1 Jan, 3:00 AM", title: "Fri 1 Jan 2027, 3:00 AM UTC" });
  });

  it("follows daylight saving time, on the days it starts and ends", () => {
    // Sunday March 8, 2026: 2 AM EST becomes 3 AM EDT.
    expect(formatTableInstant("2026-03-08T06:59:00Z", NEW_YORK, requestedIn2026).title).toBe("Sun 8 Mar 2026, 1:59 AM EST");
    expect(formatTableInstant("2026-03-08T07:00:00Z", NEW_YORK, requestedIn2026).title).toBe("Sun 8 Mar 2026, 3:00 AM EDT");
    // Sunday November 1, 2026: 1 AM happens twice, first in EDT, then in EST.
    expect(formatTableInstant("2026-11-01T05:30:00Z", NEW_YORK, requestedIn2026).title).toBe("Sun 1 Nov 2026, 1:30 AM EDT");
    expect(formatTableInstant("2026-11-01T06:30:00Z", NEW_YORK, requestedIn2026).title).toBe("Sun 1 Nov 2026, 1:30 AM EST");
  });

  it("keeps the seconds in the full form of a log's entry", () => {
    expect(formatTableInstant("2026-12-05T19:04:31Z", NEW_YORK, requestedIn2026, "second")).toEqual({
      text: "Sat 5 Dec, 2:04 PM",
      title: "Sat 5 Dec 2026, 2:04:31 PM EST",
    });
  });

  it("shows noon and midnight as 12, in other zones too", () => {
    expect(formatTableInstant("2026-07-04T19:00:00Z", "America/Los_Angeles", requestedIn2026)).toEqual({
      text: "Sat 4 Jul, 12:00 PM",
      title: "Sat 4 Jul 2026, 12:00 PM PDT",
    });
    expect(formatTableInstant("2026-02-09T23:00:00Z", "Europe/Paris", requestedIn2026)).toEqual({
      text: "Tue 10 Feb, 12:00 AM",
      title: "Tue 10 Feb 2026, 12:00 AM GMT+1",
    });
  });
});

describe("in Spanish", () => {
  const NEW_YORK = "America/New_York";
  const deadline = new Date("2026-12-06T04:59:00Z");

  it("writes a deadline as a Spanish-speaking reader in the United States expects, in the same zone", () => {
    expect(formatInstant(deadline, NEW_YORK, "dateTime", "es")).toBe("sáb 5 dic 2026, 11:59 p. m. ET");
    expect(formatInstant(deadline, NEW_YORK, "date", "es")).toBe("5 dic 2026");
    expect(formatInstant("2026-07-04T13:05:09Z", NEW_YORK, "dateTimeSeconds", "es")).toBe("sáb 4 jul 2026, 9:05:09 a. m. ET");
    expect(formatInstant("2026-07-04T16:00:00Z", "America/Los_Angeles", "time", "es")).toBe("9:00 a. m. PT");
  });

  it("keeps a table's short form, with the year only outside the reference's", () => {
    expect(formatTableInstant(deadline, NEW_YORK, new Date("2026-06-15T16:00:00Z"), "minute", "es")).toEqual({
      text: "sáb 5 dic, 11:59 p. m.",
      title: "sáb 5 dic 2026, 11:59 p. m. ET",
    });
    expect(formatTableInstant(deadline, NEW_YORK, new Date("2027-01-15T16:00:00Z"), "minute", "es").text).toBe("sáb 5 dic 2026, 11:59 p. m.");
  });
});
