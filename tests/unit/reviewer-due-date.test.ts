import { describe, expect, it } from "vitest";
import { organizationHolidays } from "~/domain/deadlines/holidays";
import { reviewerDueAt, reviewerDueDateProblem, reviewerDueText, suggestedReviewerDueDate } from "~/domain/reviewer-due-date";

const ZONE = "America/New_York";
const calendar = { timeZone: ZONE, holidays: organizationHolidays([], []) };
// Monday 23 November 2026, 10:00 in New York; Thanksgiving is Thursday 26 November.
const MONDAY = new Date("2026-11-23T15:00:00Z");
/** The end (23:59:59 local) of a day in New York, as a day-based deadline ends. */
const endOf = (date: string) => reviewerDueAt(date, ZONE);

describe("the suggested internal due date", () => {
  it("is two business days before the decision is due", () => {
    // Due Friday 4 December: Thursday 3 and Wednesday 2 are the two business days before.
    expect(suggestedReviewerDueDate(endOf("2026-12-04"), MONDAY, calendar)).toBe("2026-12-02");
    // Due Monday 7 December: the weekend does not count.
    expect(suggestedReviewerDueDate(endOf("2026-12-07"), MONDAY, calendar)).toBe("2026-12-03");
  });

  it("skips the organization's holidays", () => {
    // Due Monday 30 November: Friday 27 is a business day, Thanksgiving on the 26th is not.
    expect(suggestedReviewerDueDate(endOf("2026-11-30"), MONDAY, calendar)).toBe("2026-11-25");
  });

  it("is today when two business days before has passed, and none when even today is too late", () => {
    // An expedited case due Wednesday 25 November at 15:00.
    expect(suggestedReviewerDueDate(new Date("2026-11-25T20:00:00Z"), MONDAY, calendar)).toBe("2026-11-23");
    // Due this Monday evening: the day's end is after it.
    expect(suggestedReviewerDueDate(new Date("2026-11-23T23:00:00Z"), MONDAY, calendar)).toBeNull();
  });
});

describe("checking a chosen date", () => {
  const decisionDue = endOf("2026-12-04");

  it("accepts a date from today to the day before the decision is due", () => {
    expect(reviewerDueDateProblem("2026-11-23", decisionDue, MONDAY, ZONE)).toBeNull();
    expect(reviewerDueDateProblem("2026-12-03", decisionDue, MONDAY, ZONE)).toBeNull();
  });

  it("refuses the decision's own day or later, naming it", () => {
    const message = "Choose a date before the decision is due (Fri 4 Dec 2026): the internal date leaves time for quality review and the letter.";
    expect(reviewerDueDateProblem("2026-12-04", decisionDue, MONDAY, ZONE)).toBe(message);
    expect(reviewerDueDateProblem("2027-01-15", decisionDue, MONDAY, ZONE)).toBe(message);
  });

  it("refuses a day already past, and what is not a date", () => {
    expect(reviewerDueDateProblem("2026-11-22", decisionDue, MONDAY, ZONE)).toBe("Choose today or a later date.");
    expect(reviewerDueDateProblem("2026-02-30", decisionDue, MONDAY, ZONE)).toBe("Enter the date as a day, month and year.");
  });

  it("is due by the end of its day, and reads as the organization's date", () => {
    expect(endOf("2026-12-02").toISOString()).toBe("2026-12-03T04:59:59.000Z");
    expect(reviewerDueText(endOf("2026-12-02"), ZONE)).toBe("Due to us by Wed 2 Dec 2026");
  });
});
