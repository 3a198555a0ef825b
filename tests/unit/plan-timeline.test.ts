import { describe, expect, it } from "vitest";
import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { planTimeline, type PlanTimelineEvent } from "~/domain/plan-timeline";

const TIME_ZONE = "America/New_York";
let counter = 0;

function event(type: string, overrides: Partial<PlanTimelineEvent> = {}): PlanTimelineEvent {
  counter += 1;
  return {
    id: `event-${counter}`,
    type,
    toStatus: null,
    note: null,
    createdAt: new Date(Date.UTC(2026, 9, 1, 14, counter)),
    actorRoles: ["COORDINATOR"],
    addressedTo: null,
    missed: null,
    ...overrides,
  };
}

const seen = (events: PlanTimelineEvent[]) => planTimeline(events, [], TIME_ZONE).map((entry) => entry.type);

describe("the plan's timeline", () => {
  it("shows every change of status and the plan's own steps, and leaves the organization's internal steps off", () => {
    const events = [
      event("submitted", { toStatus: "SUBMITTED", actorRoles: ["APPLICANT"] }),
      event("coordinator_assigned"),
      event("eligibility_checked", { toStatus: "ELIGIBILITY_REVIEW" }),
      event("eligibility_objection", { actorRoles: ["PLAN"], note: "The member was not enrolled in March." }),
      event("accepted", { toStatus: "ACCEPTED" }),
      event("matching_facts_recorded"),
      event("reviewer_offered"),
      event("offer_declined", { actorRoles: ["REVIEWER"], note: "I treated this patient's brother." }),
      event("possible_conflict_cleared", { note: "Different facility." }),
      event("offer_accepted", { toStatus: "IN_REVIEW", actorRoles: ["REVIEWER"] }),
      event("case_file_completed", { actorRoles: null }),
      event("determined", { toStatus: "DETERMINED", actorRoles: ["REVIEWER"] }),
      event("sent_back", { toStatus: "IN_REVIEW", note: "Cite the guideline's year." }),
      event("quality_approved"),
      event("decision_issued", { toStatus: "DECIDED" }),
      event("compliance_confirmed", { toStatus: "CLOSED", actorRoles: ["PLAN"], note: "Approved 12 sessions." }),
    ];
    expect(seen(events)).toEqual([
      "submitted",
      "eligibility_checked",
      "eligibility_objection",
      "accepted",
      "offer_accepted",
      "case_file_completed",
      "determined",
      "sent_back",
      "decision_issued",
      "compliance_confirmed",
    ]);
  });

  it("quotes the plan's own notes and what it is sent anyway, never a coordinator's, a reviewer's or the applicant's", () => {
    const entries = planTimeline(
      [
        event("eligibility_objection", { actorRoles: ["PLAN"], note: "The member was not enrolled in March." }),
        event("found_ineligible", { toStatus: "INELIGIBLE", note: "The service is a contract exclusion." }),
        event("sent_back", { toStatus: "IN_REVIEW", note: "Cite the guideline's year." }),
        event("proceeded_without_case_file", { note: "The plan did not answer our calls." }),
        event("withdrawn", { toStatus: "WITHDRAWN", actorRoles: ["APPLICANT"], note: "My doctor found another treatment." }),
        event("decision_amended", { note: "The member ID was misprinted." }),
      ],
      [],
      TIME_ZONE,
    );
    expect(entries.map((entry) => [entry.type, entry.note])).toEqual([
      ["eligibility_objection", "The member was not enrolled in March."],
      ["found_ineligible", "The service is a contract exclusion."],
      ["sent_back", null],
      ["proceeded_without_case_file", null],
      ["withdrawn", null],
      ["decision_amended", "The member ID was misprinted."],
    ]);
  });

  it("names who acted by role only: the plan's own steps are 'Your plan', even through its API key, and a reviewer is 'A reviewer'", () => {
    const entries = planTimeline(
      [
        event("case_file_completed", { actorRoles: null }),
        event("offer_accepted", { toStatus: "IN_REVIEW", actorRoles: ["REVIEWER"] }),
        event("accepted", { toStatus: "ACCEPTED", actorRoles: ["COORDINATOR", "REVIEWER"] }),
        event("information_forwarded", { actorRoles: ["APPLICANT"] }),
        event("deadline_missed", { actorRoles: null, missed: { responsible: "PLAN", label: "Plan case file" } }),
      ],
      [],
      TIME_ZONE,
    );
    expect(entries.map((entry) => entry.actor)).toEqual(["Your plan", "A reviewer", "The review organization", "The applicant", "The portal"]);
  });

  it("shows the questions put to the plan and the deadlines the plan missed, not the applicant's", () => {
    const entries = planTimeline(
      [
        event("information_requested", { addressedTo: "APPLICANT" }),
        event("information_requested", { addressedTo: "PLAN" }),
        event("deadline_missed", { actorRoles: null, missed: { responsible: "ORGANIZATION", label: "Decision" } }),
        event("deadline_missed", { actorRoles: null, missed: { responsible: "PLAN", label: "Plan case file" } }),
      ],
      [],
      TIME_ZONE,
    );
    expect(entries.map((entry) => [entry.type, entry.detail])).toEqual([
      ["information_requested", null],
      ["deadline_missed", "Plan case file"],
    ]);
  });

  it("enters the case file and compliance asked of the plan when their clocks start, with their due time, after the event that started them", () => {
    const accepted = event("accepted", { toStatus: "ACCEPTED", createdAt: new Date("2026-10-05T14:00:00Z") });
    const decided = event("decision_issued", { toStatus: "DECIDED", createdAt: new Date("2026-11-02T15:00:00Z") });
    const caseFileDue = new Date("2026-10-13T03:59:59Z");
    const complianceDue = new Date("2026-11-04T04:59:59Z");
    const entries = planTimeline(
      [accepted, decided],
      [
        { id: "c2", kind: "compliance", startedAt: decided.createdAt, dueAt: complianceDue },
        { id: "c1", kind: "planCaseFile", startedAt: accepted.createdAt, dueAt: caseFileDue },
        { id: "c3", kind: "decision", startedAt: accepted.createdAt, dueAt: new Date("2026-11-20T04:59:59Z") },
        { id: "c4", kind: "offerResponse", startedAt: accepted.createdAt, dueAt: new Date("2026-10-06T14:00:00Z") },
      ],
      TIME_ZONE,
    );
    expect(entries.map((entry) => [entry.type, entry.detail])).toEqual([
      ["accepted", null],
      ["case_file_requested", `Due by ${formatDeadlineTime(caseFileDue, TIME_ZONE)}`],
      ["decision_issued", null],
      ["compliance_due", `Due by ${formatDeadlineTime(complianceDue, TIME_ZONE)}`],
    ]);
    expect(entries[1]).toMatchObject({ id: "clock-c1", actor: "The review organization", at: accepted.createdAt });
  });
});
