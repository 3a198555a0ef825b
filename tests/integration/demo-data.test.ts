import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_CASES } from "#prisma/seed/demo-cases";
import { DEMO_DRAFTS } from "#prisma/seed/demo-drafts";
import { seedDemoData } from "#prisma/seed/demo-data";
import { db } from "~/server/db.server";
import { documentStorage } from "~/server/documents/storage.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import "#tests/support/test-database";

let firstSeed: Awaited<ReturnType<typeof seedDemoData>>;
let seededAt: Date;

beforeAll(async () => {
  await ensureReferenceData();
  seededAt = new Date();
  firstSeed = await seedDemoData(db);
}, 240_000);

const CASE_INCLUDE = {
  documents: { select: { id: true, kind: true, sha256: true, sizeBytes: true, storageKey: true, caseFileItem: true } },
  deadlines: { select: { kind: true, status: true, startedAt: true, atRiskAt: true, dueAt: true, closedAt: true } },
  assignments: { select: { status: true, attestedAt: true, attestation: true, reviewer: { select: { email: true } } } },
  decisionLetters: { orderBy: { version: "asc" }, select: { version: true, sha256: true, outcome: true, amendmentReason: true, documentId: true } },
  informationRequests: { select: { addressedTo: true, answeredAt: true, dueAt: true } },
  events: { select: { type: true } },
  complianceConfirmations: { select: { late: true, authorizationNumber: true } },
  determinations: { select: { status: true, outcome: true } },
} as const;

async function demoCase(claim: string) {
  return db.case.findFirstOrThrow({ where: { planDenialReference: claim }, include: CASE_INCLUDE });
}

type DemoCaseRow = Awaited<ReturnType<typeof demoCase>>;

async function sha256Of(storageKey: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  const reader = (await documentStorage().get(storageKey)).getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) hash.update(next.value);
  return hash.digest("hex");
}

const decisionClock = (kase: DemoCaseRow) => kase.deadlines.find((deadline) => deadline.kind === "DECISION");
const kinds = (kase: DemoCaseRow) => kase.documents.map((document) => document.kind).sort();

describe("demo data on a fresh database", () => {
  it("holds every demo case and draft", () => {
    expect(firstSeed.cases).toBe(DEMO_CASES.length + DEMO_DRAFTS.length);
  });

  it("has drafts of both applicants, each resuming at a different step", async () => {
    const drafts = await db.case.findMany({
      where: { status: "DRAFT" },
      select: { draftStep: true, reference: true, applicant: { select: { email: true } }, _count: { select: { documents: true } } },
    });
    expect(drafts.map((draft) => draft.draftStep).sort()).toEqual(["denial", "documents", "review", "urgency"]);
    expect(new Set(drafts.map((draft) => draft.applicant.email))).toEqual(new Set(["maria.lopez@example.com", "james.carter@example.com"]));
    expect(drafts.every((draft) => draft.reference === null)).toBe(true);
    const atDocuments = drafts.find((draft) => draft.draftStep === "documents")!;
    expect(atDocuments._count.documents).toBe(1);
  });

  it("has filed requests with their documents waiting for the eligibility decision, on track", async () => {
    for (const claim of ["EHP-DEMO-1001", "PCH-DEMO-2002"]) {
      const kase = await demoCase(claim);
      expect(kase.status).toBe("SUBMITTED");
      expect(kase.reference).toMatch(/^IMR-\d{4}-\d{6}$/);
      expect(kinds(kase)).toContain("DENIAL_LETTER");
      expect(kase.documents.length).toBeGreaterThanOrEqual(2);
      for (const document of kase.documents) {
        expect(document.sizeBytes).toBeGreaterThan(0n);
        expect(await sha256Of(document.storageKey)).toBe(document.sha256);
      }
      const eligibility = kase.deadlines.find((deadline) => deadline.kind === "ELIGIBILITY")!;
      expect(eligibility.status).toBe("OPEN");
      expect(eligibility.atRiskAt.getTime()).toBeGreaterThan(seededAt.getTime());
    }
    // A representative's request carries the patient's authorization.
    expect(kinds(await demoCase("PCH-DEMO-2002"))).toContain("AUTHORIZATION");
  });

  it("has requests in eligibility review: one the plan objected to, one waiting for the applicant's answer", async () => {
    const objected = await demoCase("EHP-DEMO-1004");
    expect(objected.status).toBe("ELIGIBILITY_REVIEW");
    expect(objected.events.map((event) => event.type)).toContain("eligibility_objection");

    const waiting = await demoCase("PCH-DEMO-2003");
    expect(waiting.status).toBe("ELIGIBILITY_REVIEW");
    expect(waiting.informationRequests).toEqual([expect.objectContaining({ addressedTo: "APPLICANT", answeredAt: null })]);
    expect(waiting.informationRequests[0]!.dueAt.getTime()).toBeGreaterThan(seededAt.getTime());
    expect(waiting.deadlines.filter((deadline) => deadline.kind === "APPLICANT_INFORMATION" && deadline.status === "OPEN")).toHaveLength(1);
  });

  it("has accepted cases with the plan's case file requested, one received complete", async () => {
    for (const claim of ["PCH-DEMO-2001", "EHP-DEMO-1002", "EHP-DEMO-1005"]) {
      const kase = await demoCase(claim);
      expect(kase.status).toBe("ACCEPTED");
      expect(kase.planCaseFileRequestedAt).not.toBeNull();
    }
    const received = await demoCase("EHP-DEMO-1005");
    expect(received.planCaseFileCompletedAt).not.toBeNull();
    expect(received.planCaseFileNotApplicable).toEqual(["expertOpinions"]);
    expect(received.documents.filter((document) => document.kind === "PLAN_CASE_FILE").map((document) => document.caseFileItem).sort()).toEqual(
      ["applicantList", "criteria", "letters", "medicalRecords", "policy"],
    );
    expect(received.deadlines.find((deadline) => deadline.kind === "PLAN_CASE_FILE")!.status).toBe("MET");
    expect((await demoCase("PCH-DEMO-2001")).planCaseFileCompletedAt).toBeNull();
  });

  it("shows decision clocks on track, at risk, overdue and met", async () => {
    const now = seededAt.getTime();
    const onTrack = decisionClock(await demoCase("EHP-DEMO-1006"))!;
    expect(onTrack.status).toBe("OPEN");
    expect(onTrack.atRiskAt.getTime()).toBeGreaterThan(now);
    const atRisk = decisionClock(await demoCase("PCH-DEMO-2001"))!;
    expect(atRisk.status).toBe("OPEN");
    expect(atRisk.atRiskAt.getTime()).toBeLessThan(now);
    expect(atRisk.dueAt.getTime()).toBeGreaterThan(now);
    const overdue = decisionClock(await demoCase("EHP-DEMO-1002"))!;
    expect(overdue.status).toBe("OPEN");
    expect(overdue.dueAt.getTime()).toBeLessThan(now);
    const met = decisionClock(await demoCase("EHP-DEMO-1003"))!;
    expect(met.status).toBe("MET");
  });

  it("has cases in review whose reviewers accepted with a signed attestation, one a panel of three", async () => {
    const single = await demoCase("EHP-DEMO-1006");
    expect(single.status).toBe("IN_REVIEW");
    expect(single.assignments.map((assignment) => [assignment.reviewer.email, assignment.status]).sort()).toEqual([
      ["cardiology2@reviewers.example", "DECLINED"],
      ["cardiology@reviewers.example", "ACCEPTED"],
    ]);
    expect(single.determinations).toEqual([{ status: "DRAFT", outcome: "OVERTURNED" }]);

    const panel = await demoCase("PCH-DEMO-2004");
    expect(panel.status).toBe("IN_REVIEW");
    expect(panel.panelSize).toBe(3);
    expect(panel.assignments).toHaveLength(3);
    for (const assignment of [...panel.assignments, ...single.assignments.filter((row) => row.status === "ACCEPTED")]) {
      expect(assignment.status).toBe("ACCEPTED");
      expect(assignment.attestedAt).not.toBeNull();
    }
    expect(panel.assignments.every((assignment) => assignment.attestation?.includes(panel.reference!))).toBe(true);
    expect(panel.determinations).toEqual([{ status: "SUBMITTED", outcome: "OVERTURNED" }]);
  });

  it("has decisions upheld, overturned, overturned in part and amended, each letter stored with its SHA-256", async () => {
    const upheld = await demoCase("EHP-DEMO-1003");
    expect(upheld).toMatchObject({ status: "CLOSED", outcome: "UPHELD", panelSize: 3 });
    expect(upheld.determinations).toHaveLength(3);
    // Decided 18 days before seeding (the reports' end-to-end test counts on it).
    expect(Math.round((seededAt.getTime() - upheld.decidedAt!.getTime()) / 86_400_000)).toBe(18);

    const overturned = await demoCase("EHP-DEMO-1007");
    expect(overturned).toMatchObject({ status: "CLOSED", outcome: "OVERTURNED" });
    expect(overturned.complianceConfirmations).toEqual([{ late: false, authorizationNumber: "EHP-AUTH-55120" }]);

    const inPart = await demoCase("PCH-DEMO-2005");
    expect(inPart).toMatchObject({ status: "DECIDED", outcome: "OVERTURNED_IN_PART" });
    const compliance = inPart.deadlines.find((deadline) => deadline.kind === "COMPLIANCE")!;
    expect(compliance.status).toBe("OPEN");
    expect(compliance.dueAt.getTime()).toBeGreaterThan(seededAt.getTime());

    const amended = await demoCase("EHP-DEMO-1008");
    expect(amended).toMatchObject({ status: "CLOSED", outcome: "UPHELD" });
    expect(amended.decisionLetters.map((letter) => [letter.version, letter.amendmentReason !== null])).toEqual([
      [1, false],
      [2, true],
    ]);

    for (const kase of [upheld, overturned, inPart, amended]) {
      expect(kase.decisionLetters.length).toBeGreaterThanOrEqual(1);
      for (const letter of kase.decisionLetters) {
        expect(letter.outcome).toBe(kase.outcome);
        expect(letter.sha256).toMatch(/^[0-9a-f]{64}$/);
        const document = kase.documents.find((row) => row.id === letter.documentId)!;
        expect(document.kind).toBe("DECISION_LETTER");
        expect(document.sha256).toBe(letter.sha256);
        expect(await sha256Of(document.storageKey)).toBe(letter.sha256);
      }
    }
  });

  it("has a withdrawn request and an ineligible one with its notice", async () => {
    const withdrawn = await demoCase("PCH-DEMO-2006");
    expect(withdrawn.status).toBe("WITHDRAWN");
    expect(withdrawn.deadlines.every((deadline) => deadline.status !== "OPEN")).toBe(true);

    const ineligible = await demoCase("EHP-DEMO-1009");
    expect(ineligible.status).toBe("INELIGIBLE");
    const notice = ineligible.documents.find((document) => document.kind === "NOTICE")!;
    expect(await sha256Of(notice.storageKey)).toBe(notice.sha256);
  });

  it("adds nothing when seeded again", async () => {
    const counts = () =>
      Promise.all([
        db.case.count(),
        db.document.count(),
        db.decisionLetter.count(),
        db.reviewerAssignment.count(),
        db.caseEvent.count(),
        db.outboxMessage.count(),
        db.user.count(),
      ]);
    const before = await counts();
    const again = await seedDemoData(db);
    expect(again.cases).toBe(0);
    expect(await counts()).toEqual(before);
  });
});
