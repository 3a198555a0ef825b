import { describe, expect, it } from "vitest";
import { availableTransitions, checkTransition, isOpen, OPEN_STATUSES, STATUS_LABELS, CASE_STATUSES } from "~/domain/case-status";

describe("case transitions", () => {
  it("lets only the applicant submit, and only a draft", () => {
    expect(checkTransition("submit", "DRAFT", ["APPLICANT"])).toEqual({ ok: true, to: "SUBMITTED" });
    expect(checkTransition("submit", "DRAFT", ["COORDINATOR"])).toEqual({ ok: false, refusal: "wrong-role" });
    expect(checkTransition("submit", "SUBMITTED", ["APPLICANT"])).toEqual({ ok: false, refusal: "wrong-status" });
  });

  it("allows withdrawing from every open state before the decision, never after", () => {
    for (const status of OPEN_STATUSES) expect(checkTransition("withdraw", status, ["APPLICANT"]).ok).toBe(true);
    for (const status of ["DRAFT", "DECIDED", "CLOSED", "INELIGIBLE", "WITHDRAWN", "REVERSED_BY_PLAN"] as const) {
      expect(checkTransition("withdraw", status, ["APPLICANT"])).toEqual({ ok: false, refusal: "wrong-status" });
    }
  });

  it("requires a reason to find a case ineligible or send a determination back", () => {
    expect(checkTransition("findIneligible", "ELIGIBILITY_REVIEW", ["COORDINATOR"], "  ")).toEqual({ ok: false, refusal: "reason-required" });
    expect(checkTransition("findIneligible", "ELIGIBILITY_REVIEW", ["COORDINATOR"], "Plan exclusion")).toEqual({ ok: true, to: "INELIGIBLE" });
    expect(checkTransition("sendBack", "DETERMINED", ["COORDINATOR"])).toEqual({ ok: false, refusal: "reason-required" });
  });

  it("lets the plan reverse its denial during review but not after the decision", () => {
    expect(checkTransition("reverseByPlan", "IN_REVIEW", ["PLAN"]).ok).toBe(true);
    expect(checkTransition("reverseByPlan", "DECIDED", ["PLAN"]).ok).toBe(false);
  });

  it("offers each role exactly the moves it may make now", () => {
    expect(availableTransitions("DETERMINED", ["COORDINATOR"]).sort()).toEqual(["issueDecision", "sendBack"]);
    expect(availableTransitions("IN_REVIEW", ["APPLICANT"])).toEqual(["withdraw"]);
    expect(availableTransitions("CLOSED", ["COORDINATOR", "APPLICANT", "PLAN", "REVIEWER", "ADMIN"])).toEqual([]);
  });

  it("labels every status and counts only review states as open", () => {
    for (const status of CASE_STATUSES) expect(STATUS_LABELS[status]).toBeTruthy();
    expect(isOpen("IN_REVIEW")).toBe(true);
    expect(isOpen("DRAFT")).toBe(false);
    expect(isOpen("DECIDED")).toBe(false);
  });
});
