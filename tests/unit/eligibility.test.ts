import { describe, expect, it } from "vitest";
import {
  acceptBlockedReason,
  answerProblem,
  checklistDefaults,
  ELIGIBILITY_CRITERIA,
  eligibilityOutcomes,
  GOOD_CAUSE_REQUIRED,
  NOTE_REQUIRED_WHEN_NOT_MET,
  screeningActions,
  type EligibilityAnswers,
} from "~/domain/eligibility";

const yes = { met: true, note: null };
const no = (note: string) => ({ met: false, note });
const allYes: EligibilityAnswers = Object.fromEntries(ELIGIBILITY_CRITERIA.map((criterion) => [criterion, yes]));

describe("which outcomes the eligibility answers allow", () => {
  it("allows accepting only when all five criteria are answered yes", () => {
    expect(eligibilityOutcomes(allYes)).toMatchObject({ accept: true, ineligible: false, unanswered: [], unmet: [] });
    const { COMPLETE: _missing, ...four } = allYes;
    expect(eligibilityOutcomes(four)).toMatchObject({ accept: false, ineligible: false, unanswered: ["COMPLETE"] });
    expect(eligibilityOutcomes({ ...allYes, ENROLLED: no("Coverage ended in March") })).toMatchObject({ accept: false, ineligible: true, unmet: ["ENROLLED"] });
  });

  it("allows finding the request ineligible once a criterion is not met, and always a request for information", () => {
    expect(eligibilityOutcomes({}).ineligible).toBe(false);
    expect(eligibilityOutcomes({ COVERED_BENEFIT: no("Contract exclusion") }).ineligible).toBe(true);
    expect(eligibilityOutcomes({}).requestInformation).toBe(true);
    expect(eligibilityOutcomes({ ...allYes, COMPLETE: no("No denial letter") }).requestInformation).toBe(true);
  });

  it("says why accepting is not possible yet", () => {
    expect(acceptBlockedReason({})).toMatch(/Answer the eligibility checklist first/);
    expect(acceptBlockedReason({ ENROLLED: yes })).toMatch(/Answer every criterion first .*filed in time/);
    expect(acceptBlockedReason({ ...allYes, APPEAL_EXHAUSTED: no("Appeal pending") })).toMatch(/not met: internal appeal completed or not needed/);
    expect(acceptBlockedReason(allYes)).toBeNull();
  });
});

describe("what the checklist shows first", () => {
  it("answers 'filed in time' from the filing for a request filed within the window", () => {
    const values = checklistDefaults({}, { filedLate: false });
    expect(values.FILED_IN_TIME).toEqual({ met: "yes", note: "Filed within the filing window." });
    expect(values.ENROLLED).toEqual({ met: "", note: "" });
  });

  it("leaves 'filed in time' to the coordinator when the request was filed late", () => {
    expect(checklistDefaults({}, { filedLate: true }).FILED_IN_TIME).toEqual({ met: "", note: "" });
  });

  it("shows the saved answers, which win over the prefilled one", () => {
    const values = checklistDefaults({ FILED_IN_TIME: no("Filed 9 months after the denial, no reason given"), ENROLLED: yes }, { filedLate: false });
    expect(values.FILED_IN_TIME).toEqual({ met: "no", note: "Filed 9 months after the denial, no reason given" });
    expect(values.ENROLLED).toEqual({ met: "yes", note: "" });
  });
});

describe("an answer that cannot be saved", () => {
  it("needs a note when a criterion is not met", () => {
    expect(answerProblem("ENROLLED", false, "  ", { filedLate: false })).toBe(NOTE_REQUIRED_WHEN_NOT_MET);
    expect(answerProblem("ENROLLED", false, "Coverage ended", { filedLate: false })).toBeNull();
    expect(answerProblem("ENROLLED", true, "", { filedLate: false })).toBeNull();
  });

  it("needs the good cause recorded to accept a late filing as in time", () => {
    expect(answerProblem("FILED_IN_TIME", true, "", { filedLate: true })).toBe(GOOD_CAUSE_REQUIRED);
    expect(answerProblem("FILED_IN_TIME", true, "In hospital for three weeks after the denial", { filedLate: true })).toBeNull();
    expect(answerProblem("FILED_IN_TIME", true, "", { filedLate: false })).toBeNull();
  });
});

describe("what a coordinator may do at intake", () => {
  it("offers accepting only with every criterion met, and only while the case waits for its eligibility decision", () => {
    expect(screeningActions("ELIGIBILITY_REVIEW", ["COORDINATOR"], allYes)).toEqual({
      recordEligibility: true,
      accept: true,
      findIneligible: false,
      requestInformation: true,
    });
    expect(screeningActions("SUBMITTED", ["COORDINATOR"], {})).toEqual({
      recordEligibility: true,
      accept: false,
      findIneligible: false,
      requestInformation: true,
    });
    expect(screeningActions("ACCEPTED", ["COORDINATOR"], allYes)).toEqual({
      recordEligibility: false,
      accept: false,
      findIneligible: false,
      requestInformation: true,
    });
  });

  it("offers finding the request ineligible once a criterion is not met", () => {
    expect(screeningActions("SUBMITTED", ["COORDINATOR"], { ENROLLED: no("Not a member") }).findIneligible).toBe(true);
  });

  it("offers nothing once the case is closed for review, and nothing to other roles", () => {
    expect(screeningActions("INELIGIBLE", ["COORDINATOR"], allYes)).toEqual({
      recordEligibility: false,
      accept: false,
      findIneligible: false,
      requestInformation: false,
    });
    expect(screeningActions("SUBMITTED", ["PLAN", "APPLICANT", "REVIEWER"], allYes)).toEqual({
      recordEligibility: false,
      accept: false,
      findIneligible: false,
      requestInformation: false,
    });
  });
});
