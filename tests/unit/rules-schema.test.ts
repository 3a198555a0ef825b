import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "~/forms/form-data";
import { describeDuration, describeRule, formatLocalDate, INITIAL_RULE_PROFILES, RULE_DEFINITIONS, RULE_DURATION_SLOTS } from "~/domain/rule-profiles";
import { holidaySchema, ruleVersionFormValues, ruleVersionSchema, timeZoneSchema } from "~/schemas/rules";

const california = INITIAL_RULE_PROFILES.find((profile) => profile.code === "california")!;
const limits = { today: "2026-05-12", latest: { version: 1, effectiveDate: "2026-06-01" } };
const schema = ruleVersionSchema(limits);
const filledIn = (): Record<string, string> => ({ ...ruleVersionFormValues(california), effectiveDate: "2026-07-01" });

function errorsOf(values: Record<string, unknown>) {
  const result = schema.safeParse(values);
  if (result.success) throw new Error("expected the form to be refused");
  return zodFieldErrors(result.error);
}

describe("rules in plain words", () => {
  it("says amounts and units as people do", () => {
    expect(describeDuration({ amount: 5, unit: "business_days" })).toBe("5 business days");
    expect(describeDuration({ amount: 1, unit: "business_days" })).toBe("1 business day");
    expect(describeDuration({ amount: 72, unit: "hours" })).toBe("72 hours");
    expect(describeDuration({ amount: 6, unit: "months" })).toBe("6 months");
  });

  it("gives both tracks of a rule that has them", () => {
    const decision = RULE_DEFINITIONS.find((rule) => rule.key === "decision")!;
    expect(describeRule(california.rules, decision)).toBe("Standard: 30 calendar days; expedited: 72 hours");
    const filing = RULE_DEFINITIONS.find((rule) => rule.key === "filingWindow")!;
    expect(describeRule(california.rules, filing)).toBe("6 months");
  });

  it("formats a local date with its weekday", () => {
    expect(formatLocalDate("2026-07-03")).toBe("Fri 3 Jul 2026");
  });
});

describe("a new version of a rule profile", () => {
  it("starts from the latest version, field by field, and reads back into the same rules", () => {
    const values = filledIn();
    expect(values["decision-standard-amount"]).toBe("30");
    expect(values["decision-standard-unit"]).toBe("calendar_days");
    expect(values["filingWindow-amount"]).toBe("6");
    const parsed = schema.parse({ ...values, regulatorName: "  DMHC  " });
    expect(parsed).toEqual({
      effectiveDate: "2026-07-01",
      regulatorName: "DMHC",
      regulatorContact: california.regulatorContact,
      rules: california.rules,
    });
  });

  it("has one amount and one unit per rule, and per track where the rule has tracks", () => {
    expect(RULE_DURATION_SLOTS).toHaveLength(12 + 5);
  });

  it("leaves the experimental opinions out when both tracks are blank, and keeps them when filled in", () => {
    // California has no opinions clock of its own: its form starts blank and its rule set stays without one.
    expect(filledIn()["experimentalOpinions-standard-amount"]).toBe("");
    expect(schema.parse(filledIn()).rules.experimentalOpinions).toBeUndefined();
    const split = schema.parse({ ...filledIn(), "experimentalOpinions-standard-amount": "20", "experimentalOpinions-expedited-amount": "5" });
    expect(split.rules.experimentalOpinions).toEqual({ standard: { amount: 20, unit: "calendar_days" }, expedited: { amount: 5, unit: "calendar_days" } });
  });

  it("refuses the experimental opinions on one track only", () => {
    const result = schema.safeParse({ ...filledIn(), "experimentalOpinions-standard-amount": "20" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["experimentalOpinions-expedited-amount", "Enter the amount for both tracks, or leave both blank."],
    ]);
  });

  it("takes a changed decision period", () => {
    const parsed = schema.parse({ ...filledIn(), "decision-standard-amount": "21" });
    expect(parsed.rules.decision.standard).toEqual({ amount: 21, unit: "calendar_days" });
    expect(parsed.rules.decision.expedited).toEqual(california.rules.decision.expedited);
  });

  it("refuses an amount of 0, a fraction or a word, next to the field", () => {
    const errors = errorsOf({ ...filledIn(), "decision-standard-amount": "0", "planCaseFile-expedited-amount": "2.5", "compliance-amount": "five" });
    expect(errors["decision-standard-amount"]).toBe("Enter a whole number of 1 or more.");
    expect(errors["planCaseFile-expedited-amount"]).toBe("Enter a whole number, like 5.");
    expect(errors["compliance-amount"]).toBe("Enter a whole number, like 5.");
    expect(errorsOf({ ...filledIn(), "decision-standard-amount": " " })["decision-standard-amount"]).toBe("Enter a whole number of 1 or more.");
  });

  it("bounds each amount by its unit", () => {
    expect(schema.safeParse({ ...filledIn(), "decision-standard-amount": "366" }).success).toBe(true);
    expect(errorsOf({ ...filledIn(), "decision-standard-amount": "367" })["decision-standard-amount"]).toBe("Use at most 366 calendar days.");
    expect(errorsOf({ ...filledIn(), "recordRetention-amount": "31" })["recordRetention-amount"]).toBe("Use at most 30 years.");
  });

  it("allows only the units that make sense for each rule", () => {
    expect(errorsOf({ ...filledIn(), "recordRetention-unit": "hours" })["recordRetention-unit"]).toBe("Choose months or years.");
    expect(errorsOf({ ...filledIn(), "decision-expedited-unit": "years" })["decision-expedited-unit"]).toBe("Choose hours, calendar days or business days.");
  });

  it("refuses an effective date in the past, or on or before the latest version's", () => {
    const early = ruleVersionSchema({ today: "2026-05-12", latest: { version: 1, effectiveDate: "2024-01-01" } });
    const past = early.safeParse({ ...filledIn(), effectiveDate: "2026-05-11" });
    expect(past.success ? {} : zodFieldErrors(past.error)).toEqual({ effectiveDate: "The date cannot be in the past: choose Tue 12 May 2026 or later." });
    expect(early.safeParse({ ...filledIn(), effectiveDate: "2026-05-12" }).success).toBe(true);

    expect(errorsOf({ ...filledIn(), effectiveDate: "2026-06-01" }).effectiveDate).toBe("Choose a date after Mon 1 Jun 2026, when version 1 takes effect.");
    expect(schema.safeParse({ ...filledIn(), effectiveDate: "2026-06-02" }).success).toBe(true);
  });

  it("asks for a real effective date", () => {
    expect(errorsOf({ ...filledIn(), effectiveDate: "" }).effectiveDate).toBe("Enter the date this version takes effect.");
    expect(errorsOf({ ...filledIn(), effectiveDate: "2026-02-30" }).effectiveDate).toBe("Enter a real date, like 2027-01-01.");
  });

  it("needs the regulator's name and contact", () => {
    const errors = errorsOf({ ...filledIn(), regulatorName: " ", regulatorContact: "" });
    expect(errors.regulatorName).toBe("Enter the regulator's name.");
    expect(errors.regulatorContact).toBe("Enter how applicants reach the regulator (phone, website).");
  });
});

describe("holidays and the time zone", () => {
  it("needs a real date and a name for a holiday", () => {
    expect(holidaySchema.parse({ date: "2026-11-27", name: " Day after Thanksgiving " })).toEqual({ date: "2026-11-27", name: "Day after Thanksgiving" });
    const result = holidaySchema.safeParse({ date: "27/11/2026", name: "" });
    expect(result.success ? {} : zodFieldErrors(result.error)).toEqual({
      date: "Enter a real date, like 2027-01-01.",
      name: "Enter the holiday's name, like Day after Thanksgiving.",
    });
    const farAway = holidaySchema.safeParse({ date: "2201-01-01", name: "Far" });
    expect(farAway.success ? {} : zodFieldErrors(farAway.error)).toEqual({ date: "Choose a date between 2000 and 2100." });
  });

  it("accepts only time zones the runtime knows", () => {
    expect(timeZoneSchema.safeParse({ timeZone: "America/Los_Angeles" }).success).toBe(true);
    const result = timeZoneSchema.safeParse({ timeZone: "Mars/Olympus_Mons" });
    expect(result.success ? {} : zodFieldErrors(result.error)).toEqual({ timeZone: "Choose a time zone from the list." });
    expect(timeZoneSchema.safeParse({ timeZone: "" }).success).toBe(false);
  });
});
