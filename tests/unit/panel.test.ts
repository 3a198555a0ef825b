import { describe, expect, it } from "vitest";
import { majorityOutcome, type DecisionOutcome } from "~/domain/panel";

const U: DecisionOutcome = "UPHELD";
const O: DecisionOutcome = "OVERTURNED";
const P: DecisionOutcome = "OVERTURNED_IN_PART";

describe("the panel's majority outcome", () => {
  it("is the single reviewer's outcome when there is one opinion", () => {
    expect(majorityOutcome([U])).toBe(U);
    expect(majorityOutcome([O])).toBe(O);
    expect(majorityOutcome([P])).toBe(P);
  });

  it("is the outcome more than half the panel chose", () => {
    expect(majorityOutcome([U, U, O])).toBe(U);
    expect(majorityOutcome([U, P, U])).toBe(U);
    expect(majorityOutcome([O, O, U])).toBe(O);
    expect(majorityOutcome([O, P, O])).toBe(O);
    expect(majorityOutcome([P, P, U])).toBe(P);
    expect(majorityOutcome([P, P, O])).toBe(P);
    expect(majorityOutcome([O, O, O])).toBe(O);
  });

  it("counts an overturn in part as a vote to overturn at least part: with no outright majority, the part is overturned", () => {
    expect(majorityOutcome([U, O, P])).toBe(P);
    expect(majorityOutcome([P, U, O])).toBe(P);
    expect(majorityOutcome([O, P, U, P, O])).toBe(P);
  });

  it("has no majority when a panel is tied, or has no opinion yet", () => {
    expect(majorityOutcome([U, O])).toBeNull();
    expect(majorityOutcome([U, P])).toBeNull();
    expect(majorityOutcome([U, U, O, P])).toBeNull();
    expect(majorityOutcome([])).toBeNull();
  });

  it("does not depend on the order the opinions came in", () => {
    expect(majorityOutcome([U, O, O])).toBe(majorityOutcome([O, U, O]));
    expect(majorityOutcome([P, O, U])).toBe(majorityOutcome([U, P, O]));
  });
});
