import { describe, expect, it } from "vitest";
import { attestationPartyList, attestationStatements, signatureMatches, signedAttestation } from "~/domain/attestation";
import { afterOfferEnded, autoOfferOn, offerCountProblem, offerDueAt, offerHours, offerState, seatsOpen } from "~/domain/offers";

const HOUR = 3_600_000;

describe("the time to answer an offer", () => {
  const offeredAt = new Date("2026-03-07T15:30:00Z");

  it("is 24 hours for a standard case and 4 for an expedited one, unless the settings say otherwise", () => {
    expect(offerDueAt(offeredAt, "STANDARD", undefined)).toEqual(new Date(offeredAt.getTime() + 24 * HOUR));
    expect(offerDueAt(offeredAt, "EXPEDITED", null)).toEqual(new Date(offeredAt.getTime() + 4 * HOUR));
    expect(offerDueAt(offeredAt, "STANDARD", 48)).toEqual(new Date(offeredAt.getTime() + 48 * HOUR));
    expect(offerDueAt(offeredAt, "EXPEDITED", 2)).toEqual(new Date(offeredAt.getTime() + 2 * HOUR));
  });

  it("ignores a setting that is not a positive number of hours", () => {
    expect(offerHours("STANDARD", "12")).toBe(24);
    expect(offerHours("STANDARD", 0)).toBe(24);
    expect(offerHours("EXPEDITED", -3)).toBe(4);
    expect(offerHours("EXPEDITED", Number.NaN)).toBe(4);
  });

  it("counts exact hours across a daylight-saving change (8 March 2026 in the US)", () => {
    expect(offerDueAt(offeredAt, "STANDARD", undefined).toISOString()).toBe("2026-03-08T15:30:00.000Z");
  });
});

describe("an offer's state for the reviewer", () => {
  const due = new Date("2026-05-01T12:00:00Z");

  it("is open until its due time, then lapsed even before the sweep marks it", () => {
    expect(offerState({ status: "OFFERED", offerDueAt: due }, new Date(due.getTime() - 1))).toBe("open");
    expect(offerState({ status: "OFFERED", offerDueAt: due }, due)).toBe("lapsed");
    expect(offerState({ status: "OFFERED", offerDueAt: null }, due)).toBe("open");
  });

  it("follows the assignment once answered or ended", () => {
    expect(offerState({ status: "ACCEPTED", offerDueAt: due }, due)).toBe("accepted");
    expect(offerState({ status: "DECLINED", offerDueAt: due }, due)).toBe("declined");
    expect(offerState({ status: "EXPIRED", offerDueAt: due }, due)).toBe("expired");
    expect(offerState({ status: "REPLACED", offerDueAt: due }, due)).toBe("withdrawn");
  });
});

describe("reviewer places on a case", () => {
  it("are the panel size less those offered, accepted or done", () => {
    expect(seatsOpen(1, [])).toBe(1);
    expect(seatsOpen(1, [{ status: "OFFERED" }])).toBe(0);
    expect(seatsOpen(3, [{ status: "ACCEPTED" }, { status: "DECLINED" }, { status: "EXPIRED" }, { status: "REPLACED" }])).toBe(2);
    expect(seatsOpen(3, [{ status: "ACCEPTED" }, { status: "COMPLETED" }, { status: "OFFERED" }])).toBe(0);
  });

  it("limit how many reviewers one offer may go to", () => {
    expect(offerCountProblem(1, 1)).toBeNull();
    expect(offerCountProblem(3, 3)).toBeNull();
    expect(offerCountProblem(2, 1)).toBe("This case needs 1 more reviewer: choose at most 1.");
    expect(offerCountProblem(4, 3)).toBe("This case needs 3 more reviewers: choose at most 3.");
    expect(offerCountProblem(1, 0)).toMatch(/has all the reviewers it needs/);
  });
});

describe("after a decline or a lapsed offer", () => {
  it("names the next suggestion for the open place", () => {
    expect(afterOfferEnded({ seatsOpen: 1, nextSuggestion: "Dr. Amara Nwosu" })).toBe(
      "The next suggestion is Dr. Amara Nwosu: offer the case from its assignment page.",
    );
  });

  it("says when nobody qualified is left", () => {
    expect(afterOfferEnded({ seatsOpen: 1, nextSuggestion: null })).toMatch(/No qualified reviewer is left/);
  });

  it("names the reviewer the portal offered the case to by itself", () => {
    expect(afterOfferEnded({ seatsOpen: 0, nextSuggestion: "Dr. Amara Nwosu", offeredAutomatically: "Dr. Amara Nwosu" })).toBe(
      "The case was offered automatically to the next suggestion, Dr. Amara Nwosu.",
    );
  });
});

describe("the setting to offer the next suggestion automatically", () => {
  it("is on only when an administrator turned it on", () => {
    expect(autoOfferOn(true)).toBe(true);
    for (const value of [false, undefined, null, "true", 1]) expect(autoOfferOn(value)).toBe(false);
  });
});

describe("the no-conflict attestation", () => {
  const parties = {
    reference: "IMR-2026-000042",
    patientName: "Maria Lopez",
    planName: "Evergreen Health Plan",
    providerName: "Dr. Maria Chen",
    treatingGroupName: "Bay Cardiology Associates",
    providerFacility: "St. Elsewhere Medical Center",
    manufacturerName: null,
  };

  it("names every party of this dispute and rules out earlier involvement", () => {
    const text = attestationStatements(parties).join("\n");
    expect(text).toContain("the health plan (Evergreen Health Plan) or any of its officers");
    expect(text).toContain("the patient (Maria Lopez) or the patient's family");
    expect(text).toContain("the treating physician (Dr. Maria Chen) or their medical group (Bay Cardiology Associates)");
    expect(text).toContain("(St. Elsewhere Medical Center)");
    expect(text).toContain("the maker of any drug or device in dispute.");
    expect(text).toContain("no earlier involvement in this case");
  });

  it("lists the same parties for the reviewer to read before signing, an unrecorded one as such", () => {
    expect(attestationPartyList(parties)).toEqual([
      { label: "Patient", name: "Maria Lopez" },
      { label: "Health plan", name: "Evergreen Health Plan" },
      { label: "Treating physician", name: "Dr. Maria Chen" },
      { label: "Their medical group", name: "Bay Cardiology Associates" },
      { label: "Facility where the treatment is or would be given", name: "St. Elsewhere Medical Center" },
      { label: "Maker of the drug or device in dispute", name: null },
    ]);
  });

  it("keeps the statements as shown with the signature and its time", () => {
    const signed = signedAttestation(parties, { typedName: " Priya Raman ", signedAt: new Date("2026-05-01T12:00:00Z") });
    expect(signed.split("\n")[0]).toBe("No-conflict attestation for case IMR-2026-000042");
    expect(signed).toContain("1. I have no material professional, familial or financial tie to the health plan (Evergreen Health Plan)");
    expect(signed.endsWith("Signed by typing my name: Priya Raman, on 2026-05-01T12:00:00.000Z.")).toBe(true);
  });

  it("is signed with the reviewer's own name, titles and capitals aside", () => {
    expect(signatureMatches("Priya Raman", "Dr. Priya Raman")).toBe(true);
    expect(signatureMatches("dr priya raman, MD", "Dr. Priya Raman")).toBe(true);
    expect(signatureMatches("José Núñez", "Dr. Jose Nunez")).toBe(true);
    expect(signatureMatches("Priya", "Dr. Priya Raman")).toBe(false);
    expect(signatureMatches("Samuel Okafor", "Dr. Priya Raman")).toBe(false);
    expect(signatureMatches("Dr.", "Dr.")).toBe(false);
  });
});
