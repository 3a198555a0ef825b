/**
 * Demo cases whose clocks show every state on the coordinators' dashboard:
 * on track, at risk, overdue (escalated by the worker at its first sweep),
 * and met. Each is moved through the same transitions a real case takes,
 * back-dated, so its timeline, audit rows and deadlines are the real thing.
 * Idempotent: a case is recognised by its plan claim number.
 */
import type { TransitionName } from "~/domain/case-status";
import type { Role } from "~/domain/roles";
import { changeCase } from "~/server/cases/change-case.server";
import { nextReference } from "~/server/cases/reference-number.server";
import type { Db } from "~/server/db.server";
import { ruleProfileInForce } from "~/server/deadlines/rule-profiles.server";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface DemoCase {
  claim: string;
  applicant: string;
  plan: string;
  filedBy: "PATIENT" | "REPRESENTATIVE";
  relationship?: string;
  patient: { name: string; birthDate: string; sex: string };
  service: string;
  disputeType: "MEDICAL_NECESSITY" | "EXPERIMENTAL_INVESTIGATIONAL" | "URGENT_CARE";
  track: "STANDARD" | "EXPEDITED";
  /** Each step back-dated by this long before now. */
  steps: { transition: TransitionName; ago: number; outcome?: "UPHELD" | "OVERTURNED" }[];
  coordinator?: string;
}

export const DEMO_CASES: readonly DemoCase[] = [
  {
    claim: "EHP-DEMO-1001",
    applicant: "maria.lopez@example.com",
    plan: "Evergreen Health Plan",
    filedBy: "PATIENT",
    patient: { name: "Maria Lopez", birthDate: "1979-04-12", sex: "Female" },
    service: "Lumbar spinal fusion surgery",
    disputeType: "MEDICAL_NECESSITY",
    track: "STANDARD",
    steps: [{ transition: "submit", ago: 1 * DAY }],
  },
  {
    claim: "PCH-DEMO-2001",
    applicant: "james.carter@example.com",
    plan: "Pacific Coast Health",
    filedBy: "REPRESENTATIVE",
    relationship: "Son, holding power of attorney",
    patient: { name: "Eleanor Carter", birthDate: "1948-09-30", sex: "Female" },
    service: "Inpatient rehabilitation after a stroke",
    disputeType: "MEDICAL_NECESSITY",
    track: "STANDARD",
    // California decides in 30 days: accepted 26 days ago, under a fifth of the time is left.
    steps: [
      { transition: "submit", ago: 29 * DAY },
      { transition: "accept", ago: 26 * DAY },
    ],
    coordinator: "coordinator@imr.example",
  },
  {
    claim: "EHP-DEMO-1002",
    applicant: "maria.lopez@example.com",
    plan: "Evergreen Health Plan",
    filedBy: "PATIENT",
    patient: { name: "Maria Lopez", birthDate: "1979-04-12", sex: "Female" },
    service: "Continuous glucose monitor",
    disputeType: "URGENT_CARE",
    track: "EXPEDITED",
    // Expedited: 72 hours from acceptance, and 80 have gone.
    steps: [
      { transition: "submit", ago: 90 * HOUR },
      { transition: "accept", ago: 80 * HOUR },
    ],
  },
  {
    claim: "EHP-DEMO-1003",
    applicant: "james.carter@example.com",
    plan: "Evergreen Health Plan",
    filedBy: "REPRESENTATIVE",
    relationship: "Son, holding power of attorney",
    patient: { name: "Eleanor Carter", birthDate: "1948-09-30", sex: "Female" },
    service: "Proton beam therapy for a brain tumour",
    disputeType: "EXPERIMENTAL_INVESTIGATIONAL",
    track: "STANDARD",
    steps: [
      { transition: "submit", ago: 40 * DAY },
      { transition: "accept", ago: 37 * DAY },
      { transition: "startReview", ago: 36 * DAY },
      { transition: "determine", ago: 20 * DAY },
      { transition: "issueDecision", ago: 18 * DAY, outcome: "UPHELD" },
      { transition: "close", ago: 18 * DAY },
    ],
  },
];

const SYSTEM_ROLES: Record<TransitionName, Role> = {
  submit: "APPLICANT",
  withdraw: "APPLICANT",
  reverseByPlan: "PLAN",
  startReview: "COORDINATOR",
  determine: "COORDINATOR",
  startEligibilityReview: "COORDINATOR",
  findIneligible: "COORDINATOR",
  accept: "COORDINATOR",
  sendBack: "COORDINATOR",
  issueDecision: "COORDINATOR",
  close: "COORDINATOR",
};

const EVENT_TYPES: Record<TransitionName, string> = {
  submit: "submitted",
  startEligibilityReview: "eligibility_review_started",
  findIneligible: "found_ineligible",
  accept: "accepted",
  startReview: "review_started",
  determine: "determined",
  sendBack: "sent_back",
  issueDecision: "decision_issued",
  close: "closed",
  reverseByPlan: "reversed_by_plan",
  withdraw: "withdrawn",
};

export async function seedDemoCases(db: Db, now = new Date()): Promise<number> {
  let created = 0;
  const coordinator = await db.user.findUniqueOrThrow({ where: { email: "coordinator@imr.example" }, select: { id: true, email: true } });
  for (const demo of DEMO_CASES) {
    if (await db.case.findFirst({ where: { planDenialReference: demo.claim }, select: { id: true } })) continue;
    const applicant = await db.user.findUniqueOrThrow({ where: { email: demo.applicant }, select: { id: true, email: true } });
    const plan = await db.healthPlan.findUniqueOrThrow({ where: { name: demo.plan }, select: { id: true, ruleProfileCode: true } });
    const filedAt = new Date(now.getTime() - demo.steps[0]!.ago);
    const profile = await ruleProfileInForce(plan.ruleProfileCode, filedAt);
    const kase = await db.case.create({
      data: {
        applicantId: applicant.id,
        filedBy: demo.filedBy,
        representativeRelationship: demo.relationship ?? null,
        patientName: demo.patient.name,
        patientBirthDate: new Date(`${demo.patient.birthDate}T00:00:00Z`),
        patientSex: demo.patient.sex,
        planId: plan.id,
        ruleProfileId: profile.id,
        planDenialReference: demo.claim,
        serviceDescription: demo.service,
        disputeType: demo.disputeType,
        track: demo.track,
        denialDate: new Date(filedAt.getTime() - 20 * DAY),
        createdAt: new Date(filedAt.getTime() - HOUR),
      },
    });
    let version = 0;
    for (const step of demo.steps) {
      const at = new Date(now.getTime() - step.ago);
      const actorUser = SYSTEM_ROLES[step.transition] === "APPLICANT" ? applicant : coordinator;
      const update =
        step.transition === "submit"
          ? { submittedAt: at, reference: await db.$transaction((tx) => nextReference(tx, at)) }
          : step.transition === "accept"
            ? { acceptedAt: at, coordinatorId: demo.coordinator ? coordinator.id : null }
            : step.transition === "determine"
              ? { determinedAt: at }
              : step.transition === "issueDecision"
                ? { decidedAt: at, outcome: step.outcome ?? null }
                : step.transition === "close"
                  ? { closedAt: at }
                  : {};
      const outcome = await changeCase({
        caseId: kase.id,
        expectedVersion: version,
        actor: { userId: actorUser.id, email: actorUser.email, ip: null, userAgent: "demo data", roles: [SYSTEM_ROLES[step.transition]] },
        transition: step.transition,
        event: { type: EVENT_TYPES[step.transition], note: "Demo data" },
        update,
        at,
      });
      version = outcome.version;
    }
    created += 1;
  }
  return created;
}
