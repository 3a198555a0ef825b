/**
 * The rules of each jurisdiction as data (domain.md, "Rule profiles"). The
 * seed stores these as the first version of each profile; later versions are
 * rows an admin creates, and a case keeps the version it was filed under.
 */
export type DurationUnit = "hours" | "calendar_days" | "business_days" | "months" | "years";
export interface RuleDuration {
  amount: number;
  unit: DurationUnit;
}
export interface TrackDurations {
  standard: RuleDuration;
  expedited: RuleDuration;
}
export interface RuleSet {
  filingWindow: RuleDuration;
  eligibilityDecision: TrackDurations;
  planCaseFile: TrackDurations;
  applicantInformation: RuleDuration;
  reviewerAssignment: RuleDuration;
  decision: TrackDurations;
  experimentalDecision: TrackDurations;
  writtenConfirmation: RuleDuration;
  compliance: RuleDuration;
  recordRetention: RuleDuration;
}
export type RuleProfileCode = "naic" | "federal" | "california";

const d = (amount: number, unit: DurationUnit): RuleDuration => ({ amount, unit });

export interface RuleProfileSeed {
  code: RuleProfileCode;
  name: string;
  regulatorName: string;
  regulatorContact: string;
  rules: RuleSet;
}

export const INITIAL_RULE_PROFILES: readonly RuleProfileSeed[] = [
  {
    code: "naic",
    name: "NAIC Uniform Health Carrier External Review Model Act",
    regulatorName: "State Department of Insurance",
    regulatorContact: "Your state's Department of Insurance, consumer services line (see the back of your plan card)",
    rules: {
      filingWindow: d(4, "months"),
      eligibilityDecision: { standard: d(5, "business_days"), expedited: d(24, "hours") },
      planCaseFile: { standard: d(5, "business_days"), expedited: d(24, "hours") },
      applicantInformation: d(5, "business_days"),
      reviewerAssignment: d(1, "business_days"),
      decision: { standard: d(45, "calendar_days"), expedited: d(72, "hours") },
      experimentalDecision: { standard: d(40, "calendar_days"), expedited: d(7, "calendar_days") },
      writtenConfirmation: d(48, "hours"),
      compliance: d(1, "business_days"),
      recordRetention: d(3, "years"),
    },
  },
  {
    code: "federal",
    name: "Federal external review (45 CFR 147.136)",
    regulatorName: "U.S. Department of Health and Human Services",
    regulatorContact: "HHS external review assistance, 1-888-866-6205",
    rules: {
      filingWindow: d(4, "months"),
      eligibilityDecision: { standard: d(5, "business_days"), expedited: d(24, "hours") },
      planCaseFile: { standard: d(5, "business_days"), expedited: d(24, "hours") },
      applicantInformation: d(10, "business_days"),
      reviewerAssignment: d(1, "business_days"),
      decision: { standard: d(45, "calendar_days"), expedited: d(72, "hours") },
      experimentalDecision: { standard: d(45, "calendar_days"), expedited: d(72, "hours") },
      writtenConfirmation: d(48, "hours"),
      compliance: d(1, "business_days"),
      recordRetention: d(6, "years"),
    },
  },
  {
    code: "california",
    name: "California Knox-Keene Independent Medical Review (DMHC)",
    regulatorName: "California Department of Managed Health Care",
    regulatorContact: "DMHC Help Center, 1-888-466-2219, www.dmhc.ca.gov",
    rules: {
      filingWindow: d(6, "months"),
      eligibilityDecision: { standard: d(7, "calendar_days"), expedited: d(48, "hours") },
      planCaseFile: { standard: d(3, "business_days"), expedited: d(24, "hours") },
      applicantInformation: d(5, "business_days"),
      reviewerAssignment: d(1, "business_days"),
      decision: { standard: d(30, "calendar_days"), expedited: d(72, "hours") },
      experimentalDecision: { standard: d(30, "calendar_days"), expedited: d(7, "calendar_days") },
      writtenConfirmation: d(48, "hours"),
      compliance: d(5, "business_days"),
      recordRetention: d(3, "years"),
    },
  },
];
