import { describe, expect, it } from "vitest";
import { certificationArrives, certificationStatus, certificationStillNeeded, type CertificationFacts } from "~/domain/requests/certification";

const waiting: CertificationFacts = { track: "EXPEDITED", certificationToFollow: true, status: "ELIGIBILITY_REVIEW", documentKinds: ["DENIAL_LETTER"] };

describe("the doctor's certification of an expedited request", () => {
  it("is still needed while promised to follow, not on the case, and the review is open", () => {
    expect(certificationStillNeeded(waiting)).toBe(true);
    expect(certificationStillNeeded({ ...waiting, status: "IN_REVIEW" })).toBe(true);
  });

  it("is not needed once a certification is on the case, or when it came with the request", () => {
    expect(certificationStillNeeded({ ...waiting, documentKinds: ["DENIAL_LETTER", "PHYSICIAN_CERTIFICATION"] })).toBe(false);
    expect(certificationStillNeeded({ ...waiting, certificationToFollow: false })).toBe(false);
    expect(certificationStillNeeded({ ...waiting, certificationToFollow: null })).toBe(false);
  });

  it("is not asked of a standard request, a draft, or a review that is over", () => {
    expect(certificationStillNeeded({ ...waiting, track: "STANDARD" })).toBe(false);
    expect(certificationStillNeeded({ ...waiting, status: "DRAFT" })).toBe(false);
    for (const status of ["DECIDED", "CLOSED", "WITHDRAWN", "INELIGIBLE", "REVERSED_BY_PLAN"] as const) {
      expect(certificationStillNeeded({ ...waiting, status })).toBe(false);
    }
  });

  it("arrives with a certification document only, while it is awaited", () => {
    expect(certificationArrives(waiting, "PHYSICIAN_CERTIFICATION")).toBe(true);
    expect(certificationArrives(waiting, "PHYSICIAN_LETTER")).toBe(false);
    expect(certificationArrives({ ...waiting, documentKinds: ["PHYSICIAN_CERTIFICATION"] }, "PHYSICIAN_CERTIFICATION")).toBe(false);
  });

  it("reads to staff as attached, awaited, or arrived after filing", () => {
    expect(certificationStatus({ ...waiting, certificationToFollow: false })).toEqual({ text: "Attached with the documents", awaited: false });
    expect(certificationStatus(waiting)).toEqual({ text: "To follow: not received yet", awaited: true });
    expect(certificationStatus({ ...waiting, documentKinds: ["PHYSICIAN_CERTIFICATION"] })).toEqual({
      text: "Arrived after filing: see the documents",
      awaited: false,
    });
  });
});
