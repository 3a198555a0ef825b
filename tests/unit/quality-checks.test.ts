import { describe, expect, it } from "vitest";
import { allChecksPass, qualityChecks, type CaseForQualityChecks, type OpinionForQualityChecks } from "~/domain/quality-checks";

const kase = (changes: Partial<CaseForQualityChecks> = {}): CaseForQualityChecks => ({
  reference: "IMR-2026-000042",
  patientName: "Maria Lopez",
  memberId: "EHP-55521",
  planName: "Evergreen Health Plan",
  serviceDescription: "Lumbar spinal fusion surgery",
  denialDate: new Date("2026-09-01"),
  providerName: "Dr. Ann Lee",
  disputeType: "MEDICAL_NECESSITY",
  track: "STANDARD",
  receivedAt: new Date("2026-10-01T14:00:00Z"),
  panelSize: 1,
  outcome: "OVERTURNED",
  documentIds: ["doc-1", "doc-2"],
  ...changes,
});

const opinion = (changes: Partial<OpinionForQualityChecks> = {}): OpinionForQualityChecks => ({
  label: "Opinion 1 (Orthopaedic surgery)",
  outcome: "OVERTURNED",
  partOverturned: null,
  principalReasons: "Conservative treatment failed for 12 months.",
  clinicalRationale: "Imaging shows grade 2 spondylolisthesis with instability.",
  references: [{ title: "Lumbar fusion guideline", source: "North American Spine Society", year: 2021 }],
  documentsConsidered: ["doc-1"],
  standardOfReview: "Medical necessity, under generally accepted standards of medical practice",
  noConflictStatement: "The reviewer attests that they have no conflict.",
  ...changes,
});

const failing = (checks: ReturnType<typeof qualityChecks>) => checks.filter((check) => !check.passed);

describe("the quality review's automatic checks", () => {
  it("pass for a complete single-reviewer determination, each with a message saying what was checked", () => {
    const checks = qualityChecks(kase(), [opinion()]);
    expect(failing(checks)).toEqual([]);
    expect(allChecksPass(checks)).toBe(true);
    expect(checks.find((check) => check.check === "majority")?.message).toBe("The outcome is overturned.");
    expect(checks.find((check) => check.check === "part-overturned")?.message).toBe("No opinion overturns in part.");
  });

  it("fail an overturn in part that does not name the part", () => {
    const checks = qualityChecks(kase({ outcome: "OVERTURNED_IN_PART" }), [opinion({ outcome: "OVERTURNED_IN_PART", partOverturned: " " })]);
    expect(failing(checks)).toEqual([
      { check: "part-overturned", passed: false, message: "Overturned in part without naming the part in: Opinion 1 (Orthopaedic surgery)." },
    ]);
    expect(allChecksPass(checks)).toBe(false);
  });

  it("name each element missing from an opinion", () => {
    const checks = qualityChecks(kase({ outcome: null }), [
      opinion({
        outcome: null,
        principalReasons: "",
        clinicalRationale: null,
        references: [],
        documentsConsidered: [],
        standardOfReview: "",
        noConflictStatement: null,
      }),
    ]);
    expect(failing(checks).map((check) => check.check)).toEqual([
      "outcome",
      "principal-reasons",
      "clinical-rationale",
      "criteria-and-literature",
      "documents-considered",
      "standard-of-review",
      "no-conflict",
      "majority",
    ]);
    expect(checks.find((check) => check.check === "documents-considered")?.message).toBe(
      "No documents considered are listed in: Opinion 1 (Orthopaedic surgery).",
    );
  });

  it("fail a criterion without its year, and a document considered that is not in the case file", () => {
    const checks = qualityChecks(kase(), [
      opinion({ references: [{ title: "Guideline", source: "Society", year: null }], documentsConsidered: ["doc-1", "doc-from-another-case"] }),
    ]);
    expect(failing(checks).map((check) => check.check)).toEqual(["criteria-and-literature", "documents-on-case"]);
  });

  it("list what the case itself is missing for the letter", () => {
    const checks = qualityChecks(kase({ memberId: null, providerName: "", denialDate: null }), [opinion()]);
    expect(failing(checks)).toEqual([
      {
        check: "case-details",
        passed: false,
        message: "The case is missing the member ID, the date of the denial and the provider. Complete the case before approving.",
      },
    ]);
  });

  it("require exactly the panel's number of opinions, and the case's outcome to be their majority", () => {
    const panel = kase({ panelSize: 3, outcome: "OVERTURNED_IN_PART" });
    const opinions = [
      opinion({ label: "Opinion 1 (Neurology)", outcome: "UPHELD" }),
      opinion({ label: "Opinion 2 (Neurology)", outcome: "OVERTURNED" }),
      opinion({ label: "Opinion 3 (Neurosurgery)", outcome: "OVERTURNED_IN_PART", partOverturned: "The first two sessions" }),
    ];
    const complete = qualityChecks(panel, opinions);
    expect(failing(complete)).toEqual([]);
    expect(complete.find((check) => check.check === "majority")?.message).toBe(
      "The outcome is the majority's: overturned in part (1 to uphold, 1 to overturn, 1 to overturn in part).",
    );

    expect(failing(qualityChecks(panel, opinions.slice(0, 2))).map((check) => [check.check, check.message])).toEqual([
      ["panel-complete", "2 of 3 required opinions are submitted; the letter needs exactly 3."],
      ["majority", "The opinions have no majority outcome (1 to uphold, 1 to overturn, 0 to overturn in part)."],
    ]);
    expect(failing(qualityChecks({ ...panel, outcome: "UPHELD" }, opinions))).toEqual([
      {
        check: "majority",
        passed: false,
        message: "The case records the outcome as upheld, but the opinions' majority is overturned in part.",
      },
    ]);
  });

  it("name every failing opinion of a panel in one message", () => {
    const checks = qualityChecks(kase({ panelSize: 3, outcome: "UPHELD" }), [
      opinion({ label: "Opinion 1 (Cardiology)", outcome: "UPHELD", clinicalRationale: "" }),
      opinion({ label: "Opinion 2 (Cardiology)", outcome: "UPHELD" }),
      opinion({ label: "Opinion 3 (Cardiac surgery)", outcome: "UPHELD", clinicalRationale: "  " }),
    ]);
    expect(failing(checks)).toEqual([
      { check: "clinical-rationale", passed: false, message: "No clinical rationale in: Opinion 1 (Cardiology) and Opinion 3 (Cardiac surgery)." },
    ]);
  });

  it("fail everything that depends on an opinion when none was submitted", () => {
    const checks = qualityChecks(kase(), []);
    expect(allChecksPass(checks)).toBe(false);
    expect(checks.find((check) => check.check === "outcome")?.message).toBe("No outcome is stated in: no opinion has been submitted.");
  });
});
