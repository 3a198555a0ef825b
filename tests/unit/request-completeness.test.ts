import { describe, expect, it } from "vitest";
import { missingForFiling, requiredDocuments } from "~/domain/requests/completeness";
import type { FilingContext } from "~/domain/requests/request-draft";
import { completeDraft } from "./request-draft-fixture";

const context: FilingContext = { today: "2026-11-23", filingWindow: { amount: 4, unit: "months" } };

describe("what a request still needs before it can be filed", () => {
  it("is nothing for a complete request with its denial letter", () => {
    expect(missingForFiling(completeDraft(), ["DENIAL_LETTER"], context)).toEqual([]);
  });

  it("always needs the denial letter", () => {
    expect(missingForFiling(completeDraft(), ["MEDICAL_RECORDS"], context)).toEqual([{ step: "documents", message: "Upload the plan's final denial letter." }]);
  });

  it("needs a representative's authorization", () => {
    const draft = completeDraft({ filedBy: "REPRESENTATIVE", representativeRelationship: "PARENT_OR_GUARDIAN" });
    expect(missingForFiling(draft, ["DENIAL_LETTER"], context)).toEqual([{ step: "documents", message: expect.stringMatching(/^Upload the authorization/) }]);
    expect(missingForFiling(draft, ["DENIAL_LETTER", "AUTHORIZATION"], context)).toEqual([]);
  });

  it("needs the doctor's certification of an expedited request unless it is to follow", () => {
    const attached = completeDraft({ track: "EXPEDITED", expeditedReason: "Admitted through the emergency room", certificationToFollow: false });
    expect(requiredDocuments(attached).map((item) => item.kind)).toEqual(["DENIAL_LETTER", "PHYSICIAN_CERTIFICATION"]);
    expect(missingForFiling(attached, ["DENIAL_LETTER"], context).map((item) => item.step)).toEqual(["documents"]);
    expect(missingForFiling({ ...attached, certificationToFollow: true }, ["DENIAL_LETTER"], context)).toEqual([]);
  });

  it("lists every missing answer with the step that fixes it, in the order of the steps", () => {
    const draft = completeDraft({ patientName: " ", planId: null, applicantStatement: null, appealStatus: null, appealCompletedDate: null });
    expect(missingForFiling(draft, [], context)).toEqual([
      { step: "patient", message: "Enter the patient's full legal name." },
      { step: "plan", message: "Choose the health plan that denied the treatment." },
      { step: "appeal", message: "Say whether the plan decided your internal appeal." },
      { step: "statement", message: "Tell us why you disagree with the plan's decision." },
      { step: "documents", message: "Upload the plan's final denial letter." },
    ]);
  });

  it("needs the reason for a late filing, with the plan's window of today", () => {
    const late = completeDraft({ denialDate: "2026-07-01", appealCompletedDate: "2026-07-01" });
    expect(missingForFiling(late, ["DENIAL_LETTER"], context)).toEqual([{ step: "denial", message: "Say why the request could not be filed sooner." }]);
    expect(missingForFiling({ ...late, lateFilingReason: "I was in hospital" }, ["DENIAL_LETTER"], context)).toEqual([]);
    expect(missingForFiling(late, ["DENIAL_LETTER"], { ...context, filingWindow: { amount: 6, unit: "months" } })).toEqual([]);
  });

  it("catches an appeal skipped as urgent on a request that is not expedited", () => {
    const draft = completeDraft({ appealStatus: "NOT_NEEDED", appealCompletedDate: null, appealNotNeededReason: "EXPEDITED" });
    expect(missingForFiling(draft, ["DENIAL_LETTER"], context)).toEqual([
      { step: "appeal", message: expect.stringMatching(/does not ask for an expedited review/) },
    ]);
  });
});
