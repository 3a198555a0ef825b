import { describe, expect, it } from "vitest";
import { CASE_FILE_ITEM_KEYS, mayProceedWithoutCaseFile, planCaseFileStatus, type CaseFileInput } from "~/domain/plan-case-file";

const requestedAt = new Date("2026-11-02T15:00:00Z");
const dueAt = new Date("2026-11-10T04:59:59Z");
const before = new Date("2026-11-05T12:00:00Z");
const after = new Date("2026-11-12T12:00:00Z");

const base: CaseFileInput = {
  requestedAt,
  completedAt: null,
  notApplicable: [],
  proceededWithoutAt: null,
  documentItems: [],
  clock: { status: "OPEN", dueAt },
  now: before,
};

describe("where the plan's case file stands", () => {
  it("is not requested before the case is accepted", () => {
    expect(planCaseFileStatus({ ...base, requestedAt: null, clock: null }).state).toBe("not_requested");
  });

  it("is requested, with its due time, while it is incomplete and in time", () => {
    expect(planCaseFileStatus(base)).toMatchObject({ state: "requested", dueAt, missing: CASE_FILE_ITEM_KEYS });
  });

  it("is late once the due time has passed, whether or not the sweep has closed the clock", () => {
    expect(planCaseFileStatus({ ...base, now: after }).state).toBe("late");
    expect(planCaseFileStatus({ ...base, clock: { status: "MISSED", dueAt } }).state).toBe("late");
  });

  it("is not late when the clock stopped because the review ended", () => {
    expect(planCaseFileStatus({ ...base, clock: { status: "STOPPED", dueAt }, now: after }).state).toBe("requested");
  });

  it("is received complete, and says so when it came after the due time", () => {
    expect(planCaseFileStatus({ ...base, completedAt: before, clock: { status: "MET", dueAt }, now: after }).state).toBe("received");
    expect(planCaseFileStatus({ ...base, completedAt: after, clock: { status: "MISSED", dueAt }, now: after }).state).toBe("received_late");
  });

  it("records that the review went ahead without it", () => {
    expect(planCaseFileStatus({ ...base, proceededWithoutAt: after, clock: { status: "MISSED", dueAt }, now: after }).state).toBe("proceeded_without");
  });

  it("ticks each checklist item received, declared not applicable, or still missing", () => {
    const status = planCaseFileStatus({ ...base, documentItems: ["letters", "letters", "criteria", null, "unknown"], notApplicable: ["expertOpinions"] });
    expect(status.items.map((item) => [item.key, item.state, item.documents])).toEqual([
      ["letters", "received", 2],
      ["medicalRecords", "missing", 0],
      ["criteria", "received", 1],
      ["policy", "missing", 0],
      ["expertOpinions", "not_applicable", 0],
      ["applicantList", "missing", 0],
    ]);
    expect(status.missing).toEqual(["medicalRecords", "policy", "applicantList"]);
  });
});

describe("going ahead without the plan's case file", () => {
  it("is possible only once the file is late and while the review has not reached its determination", () => {
    expect(mayProceedWithoutCaseFile("ACCEPTED", { state: "late" })).toBe(true);
    expect(mayProceedWithoutCaseFile("IN_REVIEW", { state: "late" })).toBe(true);
    expect(mayProceedWithoutCaseFile("ACCEPTED", { state: "requested" })).toBe(false);
    expect(mayProceedWithoutCaseFile("ACCEPTED", { state: "proceeded_without" })).toBe(false);
    expect(mayProceedWithoutCaseFile("DETERMINED", { state: "late" })).toBe(false);
  });
});
