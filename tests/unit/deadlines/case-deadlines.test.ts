import { describe, expect, it } from "vitest";
import { INITIAL_RULE_PROFILES, type RuleProfileCode, type RuleSet } from "~/domain/rule-profiles";
import { addRuleDuration, type DeadlineCalendar } from "~/domain/deadlines/calendar";
import {
  computeAllDeadlines,
  decisionClockToStart,
  decisionFollowsOpinions,
  computeDeadline,
  DEADLINE_KINDS,
  deadlineState,
  describeDeadline,
  fractionElapsed,
  ruleFor,
  timeLeftText,
  zoneAbbreviation,
  type DeadlineKind,
  type Dispute,
  type Track,
} from "~/domain/deadlines/case-deadlines";
import { federalHolidayDates } from "~/domain/deadlines/holidays";
import { formatOffsetIso } from "~/domain/deadlines/time-zone";

const NY = "America/New_York";
const LA = "America/Los_Angeles";
// The holiday table as the seed builds it (its contents are checked in holidays.test.ts).
const HOLIDAYS = federalHolidayDates(2020, 2030);
const calendarIn = (timeZone: string): DeadlineCalendar => ({ timeZone, holidays: HOLIDAYS });

function rules(code: RuleProfileCode): RuleSet {
  const profile = INITIAL_RULE_PROFILES.find((p) => p.code === code);
  if (profile === undefined) throw new Error(`no profile ${code}`);
  return profile.rules;
}

interface Vector {
  profile: RuleProfileCode;
  kind: DeadlineKind;
  track: Track;
  dispute?: Dispute;
  tz?: string;
  start: string;
  due: string;
  why: string;
}

// Every expected value below was worked out by hand from the calendar
// (2026-01-01 is a Thursday, 2027-01-01 a Friday; US DST 2026: Mar 8 / Nov 1,
// 2027: Mar 14 / Nov 7) and the observed federal holidays.
const VECTORS: Vector[] = [
  // ---- NAIC model
  {
    profile: "naic",
    kind: "eligibility",
    track: "standard",
    start: "2026-01-05T10:00:00-05:00",
    due: "2026-01-12T23:59:59-05:00",
    why: "Mon 5 → Tue 6, Wed 7, Thu 8, Fri 9, skip weekend, Mon 12 (5)",
  },
  {
    profile: "naic",
    kind: "eligibility",
    track: "standard",
    start: "2026-01-10T09:00:00-05:00",
    due: "2026-01-16T23:59:59-05:00",
    why: "filed Saturday: Sun skipped, Mon 12 … Fri 16",
  },
  {
    profile: "naic",
    kind: "eligibility",
    track: "standard",
    start: "2026-01-14T12:00:00-05:00",
    due: "2026-01-22T23:59:59-05:00",
    why: "Monday holiday: Thu 15, Fri 16, MLK Mon 19 skipped, Tue 20, Wed 21, Thu 22",
  },
  {
    profile: "naic",
    kind: "eligibility",
    track: "standard",
    start: "2026-01-19T10:00:00-05:00",
    due: "2026-01-26T23:59:59-05:00",
    why: "filed on MLK Day: Tue 20 … Fri 23 (4), Mon 26 (5)",
  },
  {
    profile: "naic",
    kind: "eligibility",
    track: "standard",
    start: "2025-11-07T09:00:00-05:00",
    due: "2025-11-17T23:59:59-05:00",
    why: "Tuesday holiday: Mon 10, Veterans Day Tue 11 skipped, Wed 12, Thu 13, Fri 14, Mon 17",
  },
  {
    profile: "naic",
    kind: "eligibility",
    track: "standard",
    start: "2026-07-01T09:00:00-04:00",
    due: "2026-07-09T23:59:59-04:00",
    why: "July 4 2026 is a Saturday, observed Fri Jul 3: Thu 2, Mon 6, Tue 7, Wed 8, Thu 9",
  },
  {
    profile: "naic",
    kind: "eligibility",
    track: "expedited",
    start: "2026-01-09T15:00:00-05:00",
    due: "2026-01-10T15:00:00-05:00",
    why: "24 hours from Friday lands on Saturday: hours do not skip weekends",
  },
  {
    profile: "naic",
    kind: "planCaseFile",
    track: "standard",
    start: "2026-11-23T23:30:00-05:00",
    due: "2026-12-01T23:59:59-05:00",
    why: "23:30 EST Mon 23 (04:30Z on the 24th) counts from the 23rd; Thanksgiving Thu 26 skipped: Tue 24, Wed 25, Fri 27, Mon 30, Tue Dec 1",
  },
  {
    profile: "naic",
    kind: "planCaseFile",
    track: "expedited",
    start: "2026-03-07T12:00:00-05:00",
    due: "2026-03-08T13:00:00-04:00",
    why: "24 elapsed hours over spring forward: 17:00Z + 24 h = 17:00Z = 13:00 EDT",
  },
  {
    profile: "naic",
    kind: "applicantInformation",
    track: "standard",
    start: "2026-12-31T16:00:00-05:00",
    due: "2027-01-08T23:59:59-05:00",
    why: "New Year's Day Fri Jan 1 skipped: Mon 4, Tue 5, Wed 6, Thu 7, Fri 8",
  },
  {
    profile: "naic",
    kind: "assignment",
    track: "standard",
    start: "2026-05-22T14:00:00-04:00",
    due: "2026-05-26T23:59:59-04:00",
    why: "Friday before Memorial Day (Mon 25): next business day Tue 26",
  },
  {
    profile: "naic",
    kind: "assignment",
    track: "expedited",
    start: "2026-01-06T00:00:00-05:00",
    due: "2026-01-07T23:59:59-05:00",
    why: "accepted at 00:00 Tue 6: the start's own date never counts, so Wed 7",
  },
  {
    profile: "naic",
    kind: "decision",
    track: "standard",
    start: "2026-02-10T09:00:00-05:00",
    due: "2026-03-27T23:59:59-04:00",
    why: "45 days: Feb 10 + 18 = Feb 28, + 27 = Mar 27, after spring forward so -04:00",
  },
  {
    profile: "naic",
    kind: "decision",
    track: "standard",
    start: "2026-11-22T23:30:00-05:00",
    due: "2027-01-06T23:59:59-05:00",
    why: "local date Nov 22 (04:30Z on the 23rd): + 8 = Nov 30, + 31 = Dec 31, + 6 = Jan 6",
  },
  {
    profile: "naic",
    kind: "decision",
    track: "expedited",
    start: "2026-03-06T12:00:00-05:00",
    due: "2026-03-09T13:00:00-04:00",
    why: "72 h over a weekend and spring forward: 17:00Z Fri → 17:00Z Mon = 13:00 EDT",
  },
  {
    profile: "naic",
    kind: "decision",
    track: "expedited",
    start: "2026-10-30T12:00:00-04:00",
    due: "2026-11-02T11:00:00-05:00",
    why: "72 h over fall back: 16:00Z Fri → 16:00Z Mon = 11:00 EST",
  },
  {
    profile: "naic",
    kind: "decision",
    track: "standard",
    dispute: "experimental_investigational",
    start: "2026-10-15T10:00:00-04:00",
    due: "2026-11-04T23:59:59-05:00",
    why: "experimental: 20 days after the last opinion: Oct 15 + 16 = Oct 31, + 4 = Nov 4, after fall back so -05:00",
  },
  {
    profile: "naic",
    kind: "decision",
    track: "expedited",
    dispute: "experimental_investigational",
    start: "2026-03-05T22:00:00-05:00",
    due: "2026-03-07T22:00:00-05:00",
    why: "experimental expedited: 48 hours after the last opinion",
  },
  {
    profile: "naic",
    kind: "opinions",
    track: "standard",
    dispute: "experimental_investigational",
    start: "2026-10-12T10:00:00-04:00",
    due: "2026-11-01T23:59:59-05:00",
    why: "experimental opinions 20 days: Oct 12 + 19 = Oct 31, + 1 = Nov 1, the fall-back day",
  },
  {
    profile: "naic",
    kind: "opinions",
    track: "expedited",
    dispute: "experimental_investigational",
    start: "2026-03-05T22:00:00-05:00",
    due: "2026-03-10T23:59:59-04:00",
    why: "experimental expedited opinions 5 calendar days: Mar 5 + 5 = Mar 10, EDT since Mar 8",
  },
  {
    profile: "naic",
    kind: "decision",
    track: "standard",
    dispute: "urgent_care",
    start: "2027-06-01T08:00:00-04:00",
    due: "2027-07-16T23:59:59-04:00",
    why: "urgent care uses the ordinary 45 days: Jun 1 + 29 = Jun 30, + 16 = Jul 16",
  },
  {
    profile: "naic",
    kind: "writtenConfirmation",
    track: "expedited",
    start: "2026-01-16T18:00:00-05:00",
    due: "2026-01-18T18:00:00-05:00",
    why: "48 h from Friday evening is Sunday evening",
  },
  {
    profile: "naic",
    kind: "compliance",
    track: "standard",
    start: "2026-02-14T10:00:00-05:00",
    due: "2026-02-17T23:59:59-05:00",
    why: "from Saturday: Sun, Washington's Birthday Mon 16 skipped, Tue 17",
  },
  {
    profile: "naic",
    kind: "informationForwarding",
    track: "standard",
    start: "2026-11-25T16:00:00-05:00",
    due: "2026-11-27T23:59:59-05:00",
    why: "added the day before Thanksgiving: Thu 26 skipped, Fri 27",
  },
  {
    profile: "naic",
    kind: "publication",
    track: "standard",
    start: "2026-12-24T15:00:00-05:00",
    due: "2026-12-28T23:59:59-05:00",
    why: "decided on Christmas Eve: Christmas Fri 25 and the weekend skipped, Mon 28",
  },

  // ---- Federal
  {
    profile: "federal",
    kind: "planCaseFile",
    track: "expedited",
    start: "2026-03-07T20:30:00-05:00",
    due: "2026-03-08T21:30:00-04:00",
    why: "24 elapsed hours across spring forward: 01:30Z → 01:30Z = 21:30 EDT, not 20:30",
  },
  {
    profile: "federal",
    kind: "eligibility",
    track: "standard",
    start: "2026-10-08T09:00:00-04:00",
    due: "2026-10-16T23:59:59-04:00",
    why: "Columbus Day Mon 12 skipped: Fri 9, Tue 13, Wed 14, Thu 15, Fri 16",
  },
  {
    profile: "federal",
    kind: "eligibility",
    track: "expedited",
    start: "2026-10-31T12:00:00-04:00",
    due: "2026-11-01T11:00:00-05:00",
    why: "24 h across fall back: 16:00Z → 16:00Z = 11:00 EST",
  },
  {
    profile: "federal",
    kind: "planCaseFile",
    track: "standard",
    start: "2026-03-04T10:00:00-05:00",
    due: "2026-03-11T23:59:59-04:00",
    why: "Thu 5, Fri 6, Mon 9, Tue 10, Wed 11; ends in EDT",
  },
  {
    profile: "federal",
    kind: "planCaseFile",
    track: "standard",
    start: "2027-11-04T10:00:00-04:00",
    due: "2027-11-12T23:59:59-05:00",
    why: "Thursday holiday and fall back: Fri 5, Mon 8, Tue 9, Wed 10, Veterans Day Thu 11 skipped, Fri 12",
  },
  {
    profile: "federal",
    kind: "applicantInformation",
    track: "standard",
    start: "2026-11-09T11:00:00-05:00",
    due: "2026-11-24T23:59:59-05:00",
    why: "10 business days, Wednesday holiday (Veterans Day Nov 11): Tue 10, Thu 12, Fri 13, Mon 16 … Fri 20, Mon 23, Tue 24",
  },
  {
    profile: "federal",
    kind: "applicantInformation",
    track: "standard",
    start: "2026-06-15T09:00:00-04:00",
    due: "2026-06-30T23:59:59-04:00",
    why: "Juneteenth Fri Jun 19 skipped: Tue 16, Wed 17, Thu 18, Mon 22 … Fri 26, Mon 29, Tue 30",
  },
  {
    profile: "federal",
    kind: "applicantInformation",
    track: "standard",
    start: "2027-12-22T10:00:00-05:00",
    due: "2028-01-07T23:59:59-05:00",
    why: "Christmas 2027 (Sat) observed Fri Dec 24 and New Year 2028 (Sat) observed Fri Dec 31: Thu 23, Mon 27 … Thu 30, Mon 3 … Fri 7",
  },
  {
    profile: "federal",
    kind: "assignment",
    track: "standard",
    start: "2026-11-25T17:00:00-05:00",
    due: "2026-11-27T23:59:59-05:00",
    why: "Thanksgiving Thu 26 skipped; the Friday after is a business day",
  },
  {
    profile: "federal",
    kind: "decision",
    track: "standard",
    start: "2026-12-01T09:00:00-05:00",
    due: "2027-01-15T23:59:59-05:00",
    why: "45 days across the year end: Dec 1 + 30 = Dec 31, + 15 = Jan 15",
  },
  {
    profile: "federal",
    kind: "decision",
    track: "expedited",
    start: "2027-03-13T08:00:00-05:00",
    due: "2027-03-16T09:00:00-04:00",
    why: "72 h across spring forward 2027-03-14: 13:00Z → 13:00Z = 09:00 EDT",
  },
  {
    profile: "federal",
    kind: "decision",
    track: "standard",
    dispute: "experimental_investigational",
    start: "2027-01-20T14:00:00-05:00",
    due: "2027-03-06T23:59:59-05:00",
    why: "experimental 45 days: Jan 20 + 11 = Jan 31, + 28 = Feb 28, + 6 = Mar 6 (before DST)",
  },
  {
    profile: "federal",
    kind: "decision",
    track: "expedited",
    dispute: "experimental_investigational",
    start: "2026-11-20T09:30:00-05:00",
    due: "2026-11-23T09:30:00-05:00",
    why: "federal experimental expedited is 72 h (not 7 days), through the weekend",
  },
  {
    profile: "federal",
    kind: "writtenConfirmation",
    track: "expedited",
    start: "2027-11-06T20:15:00-04:00",
    due: "2027-11-08T19:15:00-05:00",
    why: "48 h across fall back 2027-11-07: 00:15Z Nov 7 → 00:15Z Nov 9 = 19:15 EST Nov 8",
  },
  {
    profile: "federal",
    kind: "writtenConfirmation",
    track: "expedited",
    start: "2026-03-07T02:30:00-05:00",
    due: "2026-03-09T03:30:00-04:00",
    why: "48 h from 02:30 EST: 07:30Z → 07:30Z = 03:30 EDT",
  },
  {
    profile: "federal",
    kind: "compliance",
    track: "standard",
    start: "2026-12-31T23:00:00-05:00",
    due: "2027-01-04T23:59:59-05:00",
    why: "23:00 on New Year's Eve (04:00Z Jan 1) counts from Dec 31; Fri Jan 1 holiday → Mon Jan 4",
  },
  {
    profile: "federal",
    kind: "compliance",
    track: "standard",
    start: "2028-07-03T12:00:00-04:00",
    due: "2028-07-05T23:59:59-04:00",
    why: "July 4 2028 is a Tuesday holiday → Wed 5",
  },
  {
    profile: "federal",
    kind: "informationForwarding",
    track: "expedited",
    start: "2026-07-02T14:00:00-04:00",
    due: "2026-07-06T23:59:59-04:00",
    why: "Saturday July 4 observed Fri 3, then the weekend → Mon 6; the same on either track",
  },
  {
    profile: "federal",
    kind: "publication",
    track: "expedited",
    start: "2026-11-06T18:00:00-05:00",
    due: "2026-11-09T23:59:59-05:00",
    why: "decided on a Friday evening: the organization's own rule, one business day on either track → Mon 9",
  },

  // ---- California (organization in Los Angeles unless noted)
  {
    profile: "california",
    kind: "eligibility",
    track: "standard",
    tz: LA,
    start: "2026-06-26T16:00:00-07:00",
    due: "2026-07-03T23:59:59-07:00",
    why: "7 calendar days ignore the observed July 4 holiday: Jun 26 + 7 = Jul 3",
  },
  {
    profile: "california",
    kind: "eligibility",
    track: "standard",
    tz: LA,
    start: "2026-03-31T20:00:00-07:00",
    due: "2026-04-07T23:59:59-07:00",
    why: "20:00 PDT Mar 31 is already Apr 1 in UTC; local Mar 31 + 7 = Apr 7",
  },
  {
    profile: "california",
    kind: "eligibility",
    track: "standard",
    tz: LA,
    start: "2026-03-03T09:00:00-08:00",
    due: "2026-03-10T23:59:59-07:00",
    why: "Mar 3 + 7 = Mar 10, past LA's spring forward: PST start, PDT deadline",
  },
  {
    profile: "california",
    kind: "eligibility",
    track: "expedited",
    tz: LA,
    start: "2026-03-07T10:00:00-08:00",
    due: "2026-03-09T11:00:00-07:00",
    why: "48 h across spring forward: 18:00Z → 18:00Z = 11:00 PDT",
  },
  {
    profile: "california",
    kind: "planCaseFile",
    track: "standard",
    tz: LA,
    start: "2026-12-22T09:00:00-08:00",
    due: "2026-12-28T23:59:59-08:00",
    why: "3 business days, Christmas Fri 25 skipped: Wed 23, Thu 24, Mon 28",
  },
  {
    profile: "california",
    kind: "planCaseFile",
    track: "standard",
    tz: NY,
    start: "2026-07-02T10:00:00-04:00",
    due: "2026-07-08T23:59:59-04:00",
    why: "organization in New York: observed Fri Jul 3 skipped: Mon 6, Tue 7, Wed 8",
  },
  {
    profile: "california",
    kind: "planCaseFile",
    track: "expedited",
    tz: LA,
    start: "2026-11-01T00:30:00-07:00",
    due: "2026-11-01T23:30:00-08:00",
    why: "24 h across fall back on the same 25-hour day: 07:30Z → 07:30Z Nov 2 = 23:30 PST Nov 1",
  },
  {
    profile: "california",
    kind: "applicantInformation",
    track: "standard",
    tz: LA,
    start: "2026-09-04T10:00:00-07:00",
    due: "2026-09-14T23:59:59-07:00",
    why: "Labor Day Mon 7 skipped: Tue 8 … Fri 11, Mon 14",
  },
  {
    profile: "california",
    kind: "assignment",
    track: "standard",
    tz: LA,
    start: "2026-11-25T17:00:00-08:00",
    due: "2026-11-27T23:59:59-08:00",
    why: "Thanksgiving Thu 26 skipped → Fri 27",
  },
  {
    profile: "california",
    kind: "decision",
    track: "standard",
    tz: LA,
    start: "2026-01-30T12:00:00-08:00",
    due: "2026-03-01T23:59:59-08:00",
    why: "30 days: Jan 30 + 1 = Jan 31, + 28 = Feb 28, + 1 = Mar 1",
  },
  {
    profile: "california",
    kind: "decision",
    track: "expedited",
    tz: LA,
    start: "2026-12-24T18:00:00-08:00",
    due: "2026-12-27T18:00:00-08:00",
    why: "72 h runs through Christmas and the weekend",
  },
  {
    profile: "california",
    kind: "decision",
    track: "standard",
    dispute: "experimental_investigational",
    tz: LA,
    start: "2026-10-20T09:00:00-07:00",
    due: "2026-11-19T23:59:59-08:00",
    why: "experimental 30 days: Oct 20 + 11 = Oct 31, + 19 = Nov 19, PST",
  },
  {
    profile: "california",
    kind: "decision",
    track: "expedited",
    dispute: "experimental_investigational",
    tz: LA,
    start: "2026-10-29T08:00:00-07:00",
    due: "2026-11-05T23:59:59-08:00",
    why: "experimental expedited 7 calendar days across fall back: Nov 5 PST",
  },
  {
    profile: "california",
    kind: "writtenConfirmation",
    track: "expedited",
    tz: LA,
    start: "2027-03-13T21:00:00-08:00",
    due: "2027-03-15T22:00:00-07:00",
    why: "48 h across spring forward 2027-03-14: 05:00Z Mar 14 → 05:00Z Mar 16 = 22:00 PDT Mar 15",
  },
  {
    profile: "california",
    kind: "compliance",
    track: "standard",
    tz: LA,
    start: "2026-06-18T15:00:00-07:00",
    due: "2026-06-26T23:59:59-07:00",
    why: "Friday holiday (Juneteenth Jun 19): Mon 22 … Fri 26",
  },
  {
    profile: "california",
    kind: "compliance",
    track: "standard",
    tz: LA,
    start: "2026-12-30T09:00:00-08:00",
    due: "2027-01-07T23:59:59-08:00",
    why: "year end: Thu Dec 31, New Year Fri Jan 1 skipped, Mon 4, Tue 5, Wed 6, Thu 7",
  },
  {
    profile: "california",
    kind: "informationForwarding",
    track: "standard",
    tz: LA,
    start: "2026-03-07T10:00:00-08:00",
    due: "2026-03-09T23:59:59-07:00",
    why: "added on a Saturday, DST starts Sun 8: Mon 9 ends at 23:59:59 PDT",
  },
  {
    profile: "california",
    kind: "publication",
    track: "standard",
    tz: LA,
    start: "2026-10-31T11:00:00-07:00",
    due: "2026-11-02T23:59:59-08:00",
    why: "decided on a Saturday, DST ends Sun Nov 1: Mon 2 ends at 23:59:59 PST",
  },
  {
    profile: "california",
    kind: "compliance",
    track: "standard",
    tz: NY,
    start: "2021-12-30T09:00:00-05:00",
    due: "2022-01-07T23:59:59-05:00",
    why: "year end: Fri Dec 31 2021 is New Year 2022 observed, Sat Jan 1, Sun; Mon 3 … Fri 7",
  },
  {
    profile: "california",
    kind: "compliance",
    track: "standard",
    tz: NY,
    start: "2027-12-30T09:00:00-05:00",
    due: "2028-01-07T23:59:59-05:00",
    why: "year end: Fri Dec 31 2027 observed New Year 2028; Mon 3 … Fri 7",
  },
];

describe("deadline vectors (hand-worked)", () => {
  for (const v of VECTORS) {
    const tz = v.tz ?? NY;
    it(`${v.profile} ${v.kind} ${v.track}${v.dispute ? ` ${v.dispute}` : ""} ${tz === NY ? "" : `(${tz}) `}— ${v.why}`, () => {
      const got = computeDeadline(v.kind, rules(v.profile), v.track, v.dispute ?? "medical_necessity", new Date(v.start), calendarIn(tz));
      expect(got.getTime()).toBe(new Date(v.due).getTime());
      expect(formatOffsetIso(got, tz)).toBe(v.due);
    });
  }

  it("covers every kind under every profile", () => {
    for (const profile of ["naic", "federal", "california"] as const) {
      for (const kind of DEADLINE_KINDS.filter((kind) => kind !== "opinions" || rules(profile).experimentalOpinions))
        expect(
          VECTORS.some((v) => v.profile === profile && v.kind === kind),
          `${profile} ${kind}`,
        ).toBe(true);
    }
  });
});

describe("filing window and record retention (months, years)", () => {
  const cases: { profile: RuleProfileCode; rule: "filingWindow" | "recordRetention"; tz: string; start: string; due: string; why: string }[] = [
    {
      profile: "california",
      rule: "filingWindow",
      tz: LA,
      start: "2026-08-31T12:00:00-07:00",
      due: "2027-02-28T23:59:59-08:00",
      why: "6 months from Aug 31 clamps to Feb 28 (2027 not leap)",
    },
    {
      profile: "california",
      rule: "filingWindow",
      tz: LA,
      start: "2027-08-31T12:00:00-07:00",
      due: "2028-02-29T23:59:59-08:00",
      why: "6 months from Aug 31 clamps to Feb 29 in leap 2028",
    },
    {
      profile: "california",
      rule: "filingWindow",
      tz: LA,
      start: "2026-12-31T22:00:00-08:00",
      due: "2027-06-30T23:59:59-07:00",
      why: "denial dated Dec 31 local (06:00Z Jan 1): + 6 months = Jun 31 → Jun 30",
    },
    {
      profile: "naic",
      rule: "filingWindow",
      tz: NY,
      start: "2026-10-31T10:00:00-04:00",
      due: "2027-02-28T23:59:59-05:00",
      why: "4 months from Oct 31 clamps to Feb 28",
    },
    {
      profile: "federal",
      rule: "filingWindow",
      tz: NY,
      start: "2027-01-15T09:00:00-05:00",
      due: "2027-05-15T23:59:59-04:00",
      why: "4 months from Jan 15 is May 15, EDT",
    },
    {
      profile: "naic",
      rule: "recordRetention",
      tz: NY,
      start: "2028-02-29T12:00:00-05:00",
      due: "2031-02-28T23:59:59-05:00",
      why: "3 years from a leap day clamps to Feb 28",
    },
    { profile: "federal", rule: "recordRetention", tz: NY, start: "2026-06-30T08:00:00-04:00", due: "2032-06-30T23:59:59-04:00", why: "6 years" },
    {
      profile: "california",
      rule: "recordRetention",
      tz: LA,
      start: "2026-11-30T17:00:00-08:00",
      due: "2029-11-30T23:59:59-08:00",
      why: "3 years, the local date in Los Angeles (01:00Z is still Nov 30 there)",
    },
  ];
  for (const c of cases) {
    it(`${c.profile} ${c.rule}: ${c.why}`, () => {
      const got = addRuleDuration(new Date(c.start), rules(c.profile)[c.rule], calendarIn(c.tz));
      expect(formatOffsetIso(got, c.tz)).toBe(c.due);
    });
  }
});

describe("ruleFor", () => {
  it("maps each kind to its profile rule", () => {
    const r = rules("naic");
    expect(ruleFor("eligibility", r, "expedited", "medical_necessity")).toBe(r.eligibilityDecision.expedited);
    expect(ruleFor("planCaseFile", r, "standard", "medical_necessity")).toBe(r.planCaseFile.standard);
    expect(ruleFor("applicantInformation", r, "expedited", "urgent_care")).toBe(r.applicantInformation);
    expect(ruleFor("assignment", r, "standard", "medical_necessity")).toBe(r.reviewerAssignment);
    expect(ruleFor("writtenConfirmation", r, "expedited", "medical_necessity")).toBe(r.writtenConfirmation);
    expect(ruleFor("compliance", r, "standard", "medical_necessity")).toBe(r.compliance);
  });

  it("uses the experimental rule only for experimental/investigational decisions", () => {
    const r = rules("naic");
    // NAIC: 20 days for the opinions, then 20 to decide (expedited: 5 days, then 48 hours).
    expect(ruleFor("opinions", r, "standard", "experimental_investigational")).toEqual({ amount: 20, unit: "calendar_days" });
    expect(ruleFor("decision", r, "standard", "experimental_investigational")).toEqual({ amount: 20, unit: "calendar_days" });
    expect(ruleFor("opinions", r, "expedited", "experimental_investigational")).toEqual({ amount: 5, unit: "calendar_days" });
    expect(ruleFor("decision", r, "expedited", "experimental_investigational")).toEqual({ amount: 48, unit: "hours" });
    expect(ruleFor("decision", r, "standard", "medical_necessity")).toEqual({ amount: 45, unit: "calendar_days" });
    expect(ruleFor("decision", r, "expedited", "urgent_care")).toEqual({ amount: 72, unit: "hours" });
    expect(ruleFor("eligibility", r, "standard", "experimental_investigational")).toBe(r.eligibilityDecision.standard);
  });
});

describe("NAIC's experimental review as two clocks", () => {
  it("opens the opinions clock at acceptance, the decision's once the opinions are in, and never a second decision clock", () => {
    const naic = rules("naic");
    expect(decisionFollowsOpinions(naic, "experimental_investigational")).toBe(true);
    expect(decisionClockToStart(naic, "experimental_investigational", new Set())).toBe("opinions");
    expect(decisionClockToStart(naic, "experimental_investigational", new Set(["opinions"]))).toBe("decision");
    expect(decisionClockToStart(naic, "experimental_investigational", new Set(["opinions", "decision"]))).toBeNull();
  });

  it("keeps one decision clock for other disputes and for profiles without an opinions rule", () => {
    expect(decisionFollowsOpinions(rules("naic"), "medical_necessity")).toBe(false);
    for (const profile of ["federal", "california"] as const) {
      expect(decisionFollowsOpinions(rules(profile), "experimental_investigational")).toBe(false);
      expect(decisionClockToStart(rules(profile), "experimental_investigational", new Set())).toBe("decision");
    }
    expect(decisionClockToStart(rules("naic"), "medical_necessity", new Set(["decision"]))).toBeNull();
  });

  it("previews the opinions clock only where the decision follows it", () => {
    const start = new Date("2026-10-12T10:00:00-04:00");
    expect(Object.keys(computeAllDeadlines(rules("naic"), "standard", "experimental_investigational", start, calendarIn(NY)))).toContain("opinions");
    expect(Object.keys(computeAllDeadlines(rules("federal"), "standard", "experimental_investigational", start, calendarIn(NY)))).not.toContain("opinions");
  });
});

describe("computeAllDeadlines", () => {
  it("NAIC standard medical necessity from Mon 2026-01-05 10:00 ET", () => {
    const all = computeAllDeadlines(rules("naic"), "standard", "medical_necessity", new Date("2026-01-05T10:00:00-05:00"), calendarIn(NY));
    const iso = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, formatOffsetIso(v, NY)]));
    expect(iso).toEqual({
      eligibility: "2026-01-12T23:59:59-05:00", // 5 business days: Tue 6 … Fri 9, Mon 12
      planCaseFile: "2026-01-12T23:59:59-05:00",
      applicantInformation: "2026-01-12T23:59:59-05:00",
      informationForwarding: "2026-01-06T23:59:59-05:00", // 1 business day
      assignment: "2026-01-06T23:59:59-05:00", // 1 business day
      decision: "2026-02-19T23:59:59-05:00", // 45 days: Jan 5 + 26 = Jan 31, + 19 = Feb 19
      writtenConfirmation: "2026-01-07T10:00:00-05:00", // 48 h
      compliance: "2026-01-06T23:59:59-05:00",
    });
  });

  it("California expedited experimental from Thu 2026-07-02 10:00 PT (Fri Jul 3 is the observed July 4)", () => {
    const all = computeAllDeadlines(rules("california"), "expedited", "experimental_investigational", new Date("2026-07-02T10:00:00-07:00"), calendarIn(LA));
    const iso = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, formatOffsetIso(v, LA)]));
    expect(iso).toEqual({
      eligibility: "2026-07-04T10:00:00-07:00", // 48 h
      planCaseFile: "2026-07-03T10:00:00-07:00", // 24 h, holiday or not
      applicantInformation: "2026-07-10T23:59:59-07:00", // 5 business days: Mon 6 … Fri 10
      informationForwarding: "2026-07-06T23:59:59-07:00", // 1 business day: Fri 3 closed → Mon 6
      assignment: "2026-07-06T23:59:59-07:00", // Fri 3 closed → Mon 6
      decision: "2026-07-09T23:59:59-07:00", // 7 calendar days
      writtenConfirmation: "2026-07-04T10:00:00-07:00", // 48 h
      compliance: "2026-07-10T23:59:59-07:00", // 5 business days
    });
  });
});

describe("describeDeadline", () => {
  const dueAt = new Date("2027-01-06T23:59:59-05:00"); // a Wednesday

  it("gives the local date, time, zone and whole days left (12 d 13 h 59 m → 12 days)", () => {
    expect(describeDeadline(dueAt, new Date("2026-12-25T10:00:00-05:00"), NY, "Decision")).toBe("Decision due by Wed 6 Jan 2027, 11:59 PM ET — 12 days left");
  });

  it("says 1 day, then hours, then minutes as the time runs down", () => {
    expect(timeLeftText(dueAt, new Date("2027-01-05T12:00:00-05:00"))).toBe("1 day left"); // 1 d 11 h 59 m
    expect(timeLeftText(dueAt, new Date("2027-01-06T18:30:00-05:00"))).toBe("5 hours left"); // 5 h 29 m 59 s
    expect(timeLeftText(dueAt, new Date("2027-01-06T22:30:00-05:00"))).toBe("1 hour left"); // 1 h 29 m 59 s
    expect(timeLeftText(dueAt, new Date("2027-01-06T23:15:00-05:00"))).toBe("44 minutes left"); // 44 m 59 s
    expect(timeLeftText(dueAt, new Date("2027-01-06T23:59:30-05:00"))).toBe("less than a minute left");
    expect(timeLeftText(dueAt, dueAt)).toBe("less than a minute left"); // the deadline itself is still on time
  });

  it("says how long overdue", () => {
    expect(timeLeftText(dueAt, new Date("2027-01-09T09:00:00-05:00"))).toBe("overdue by 2 days"); // 2 d 9 h
    expect(timeLeftText(dueAt, new Date("2027-01-07T03:00:00-05:00"))).toBe("overdue by 3 hours"); // 3 h 0 m 1 s
    expect(timeLeftText(dueAt, new Date("2027-01-07T00:01:00-05:00"))).toBe("overdue by 1 minute"); // 1 m 1 s
  });

  it("shows hour deadlines with their minutes, AM/PM, and the zone's generic US name", () => {
    expect(describeDeadline(new Date("2026-03-09T11:00:00-07:00"), new Date("2026-03-09T06:00:00-07:00"), LA, "Eligibility decision")).toBe(
      "Eligibility decision due by Mon 9 Mar 2026, 11:00 AM PT — 5 hours left",
    );
    expect(describeDeadline(new Date("2026-07-04T00:30:00-05:00"), new Date("2026-07-04T00:00:00-05:00"), "America/Chicago", "Plan case file")).toBe(
      "Plan case file due by Sat 4 Jul 2026, 12:30 AM CT — 30 minutes left",
    );
    expect(describeDeadline(new Date("2026-07-04T12:05:00-06:00"), new Date("2026-07-05T12:05:00-06:00"), "America/Denver", "Letter")).toBe(
      "Letter due by Sat 4 Jul 2026, 12:05 PM MT — overdue by 1 day",
    );
  });

  it("falls back to Intl's short zone name elsewhere", () => {
    expect(zoneAbbreviation("America/Phoenix", dueAt)).toBe("MST");
    expect(zoneAbbreviation("America/Anchorage", dueAt)).toBe("AKST");
    expect(zoneAbbreviation("Europe/London", dueAt)).toBe("GMT");
    expect(describeDeadline(new Date("2027-01-06T23:59:59Z"), new Date("2027-01-05T23:59:59Z"), "UTC", "Compliance")).toBe(
      "Compliance due by Wed 6 Jan 2027, 11:59 PM UTC — 1 day left",
    );
  });
});

describe("fractionElapsed and deadlineState", () => {
  const start = new Date("2026-01-05T00:00:00Z");
  const dueAt = new Date("2026-01-15T00:00:00Z"); // 10 days
  const at = (days: number) => new Date(start.getTime() + days * 86_400_000);

  it("is 0 at (or before) the start, 0.5 halfway, 1 at the deadline, above 1 when overdue", () => {
    expect(fractionElapsed(start, dueAt, at(-1))).toBe(0);
    expect(fractionElapsed(start, dueAt, at(0))).toBe(0);
    expect(fractionElapsed(start, dueAt, at(5))).toBe(0.5);
    expect(fractionElapsed(start, dueAt, at(10))).toBe(1);
    expect(fractionElapsed(start, dueAt, at(12.5))).toBe(1.25);
  });

  it("treats a zero-length allowance as all used at once", () => {
    expect(fractionElapsed(start, start, at(-1))).toBe(0);
    expect(fractionElapsed(start, start, start)).toBe(1);
  });

  it("is at risk once less than 20% of the time is left, overdue after the deadline", () => {
    expect(deadlineState(start, dueAt, at(7.9))).toBe("on_track");
    expect(deadlineState(start, dueAt, at(8))).toBe("on_track"); // exactly 20% left is not yet less than 20%
    expect(deadlineState(start, dueAt, at(8.1))).toBe("at_risk");
    expect(deadlineState(start, dueAt, at(10))).toBe("at_risk");
    expect(deadlineState(start, dueAt, at(10.001))).toBe("overdue");
  });
});
