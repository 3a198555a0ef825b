import { describe, expect, it } from "vitest";
import { CASE_STATUSES, type CaseStatus } from "~/domain/case-status";
import { caseStatusesGiving, OUTCOME_DOCUMENT_KINDS, reviewerView, type ReviewerAssignmentState } from "~/domain/reviewer-access";

const at = new Date("2027-03-01T10:00:00Z");
const working: ReviewerAssignmentState = { status: "ACCEPTED", attestedAt: at, endedAt: null };

describe("what a reviewer may see of a case", () => {
  it("the whole case while it is in review", () => {
    for (const status of ["ACCEPTED", "IN_REVIEW", "DETERMINED"] as const) expect(reviewerView(working, status), status).toBe("case");
  });

  it("their determination and the letter only once it is decided or closed", () => {
    expect(reviewerView(working, "DECIDED")).toBe("outcome");
    expect(reviewerView(working, "CLOSED")).toBe("outcome");
    expect(reviewerView({ ...working, status: "COMPLETED", endedAt: at }, "CLOSED")).toBe("outcome");
  });

  it("nothing once the review ended without a decision: withdrawn, reversed by the plan, ineligible", () => {
    for (const status of ["WITHDRAWN", "REVERSED_BY_PLAN", "INELIGIBLE", "DRAFT"] as const) expect(reviewerView(working, status), status).toBe("none");
  });

  it("nothing once their assignment ended, whatever the case's status", () => {
    for (const status of CASE_STATUSES) {
      expect(reviewerView({ ...working, status: "REPLACED", endedAt: at }, status), status).toBe("none");
      // The plan's reversal ends an accepted assignment where it stood.
      expect(reviewerView({ ...working, endedAt: at }, status), status).toBe("none");
    }
  });

  it("nothing from an assignment that never opened the records: offered, declined, expired, or accepted without the attestation", () => {
    for (const status of ["OFFERED", "DECLINED", "EXPIRED"] as const) expect(reviewerView({ ...working, status }, "IN_REVIEW"), status).toBe("none");
    expect(reviewerView({ ...working, attestedAt: null }, "IN_REVIEW")).toBe("none");
  });

  it("of a decided case's documents, only the decision letter", () => {
    expect(OUTCOME_DOCUMENT_KINDS).toEqual(["DECISION_LETTER"]);
  });

  it("gives the statuses the database query uses, the same as the rule case by case", () => {
    const giving = (view: "case" | "outcome") =>
      CASE_STATUSES.filter((status: CaseStatus) => {
        const seen = reviewerView(working, status);
        return seen === "case" || seen === view;
      });
    expect(caseStatusesGiving("case").sort()).toEqual(giving("case").sort());
    expect(caseStatusesGiving("outcome").sort()).toEqual(giving("outcome").sort());
  });
});
