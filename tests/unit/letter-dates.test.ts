import { describe, expect, it } from "vitest";
import { letterDateContradictions, type LetterDates } from "~/domain/letter-dates";

const TIME_ZONE = "America/New_York";
const dates: LetterDates = {
  receivedAt: new Date("2026-10-05T14:00:00Z"),
  decidedAt: new Date("2026-10-22T15:00:00Z"),
  opinions: [{ number: 1, submittedAt: new Date("2026-10-20T16:00:00Z") }],
};

describe("a letter's dates", () => {
  it("agree when the case is received, accepted, reviewed and decided in that order", () => {
    expect(letterDateContradictions(dates, TIME_ZONE)).toEqual([]);
    // An opinion submitted the moment the decision is issued is not after it.
    expect(letterDateContradictions({ ...dates, opinions: [{ number: 1, submittedAt: dates.decidedAt }] }, TIME_ZONE)).toEqual([]);
  });

  it("contradict each other when an opinion is dated after the decision, naming the panel member", () => {
    const late = new Date("2026-10-23T13:00:00Z");
    expect(letterDateContradictions({ ...dates, opinions: [{ number: 1, submittedAt: late }] }, TIME_ZONE)).toEqual([
      "The reviewer's opinion (Fri 23 Oct 2026, 9:00 AM ET) is dated after the decision (Thu 22 Oct 2026, 11:00 AM ET).",
    ]);
    const panel = [1, 2, 3].map((number) => ({ number, submittedAt: number === 2 ? late : dates.opinions[0]!.submittedAt }));
    expect(letterDateContradictions({ ...dates, opinions: panel }, TIME_ZONE)).toEqual([
      "Reviewer 2's opinion (Fri 23 Oct 2026, 9:00 AM ET) is dated after the decision (Thu 22 Oct 2026, 11:00 AM ET).",
    ]);
  });

  it("contradict each other when the decision comes before the case was received", () => {
    const early = new Date("2026-10-01T12:00:00Z");
    expect(letterDateContradictions({ ...dates, decidedAt: early, opinions: [] }, TIME_ZONE)).toEqual([
      "The decision (Thu 1 Oct 2026, 8:00 AM ET) would be dated before the case was received (Mon 5 Oct 2026, 10:00 AM ET).",
    ]);
  });
});
