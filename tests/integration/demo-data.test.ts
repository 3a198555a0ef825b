import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_CASES } from "#prisma/seed/demo-cases";
import { DEMO_DRAFTS } from "#prisma/seed/demo-drafts";
import { DEMO_PLANS, DEMO_USERS, seedDemoData } from "#prisma/seed/demo-data";
import { CASE_STATUSES } from "~/domain/case-status";
import { matchCase } from "~/server/assignment/roster-snapshot.server";
import { db } from "~/server/db.server";
import { documentStorage } from "~/server/documents/storage.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { caseLog } from "~/server/reports/case-log.server";
import { outcomesReport } from "~/server/reports/outcomes-report.server";
import { planComplianceReport } from "~/server/reports/plan-compliance-report.server";
import { reviewerWorkloadReport } from "~/server/reports/reviewer-workload-report.server";
import { pdfPageTexts } from "#tests/support/pdf-text";
import "#tests/support/test-database";

let firstSeed: Awaited<ReturnType<typeof seedDemoData>>;
/** The demo is seeded as of this instant, whatever the machine's date: its history counts back from it. */
const seededAt = new Date("2026-09-16T14:00:00Z");

beforeAll(async () => {
  await ensureReferenceData();
  firstSeed = await seedDemoData(db, seededAt);
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
    expect(
      received.documents
        .filter((document) => document.kind === "PLAN_CASE_FILE")
        .map((document) => document.caseFileItem)
        .sort(),
    ).toEqual(["applicantList", "criteria", "letters", "medicalRecords", "policy"]);
    expect(received.deadlines.find((deadline) => deadline.kind === "PLAN_CASE_FILE")!.status).toBe("MET");
    expect((await demoCase("PCH-DEMO-2001")).planCaseFileCompletedAt).toBeNull();
  });

  it("has a possible conflict to clear: on EHP-DEMO-1005, Dr. Ahmed Karimi's lab is only like the test's maker", async () => {
    const kase = await demoCase("EHP-DEMO-1005");
    const match = await matchCase(db, kase.id, seededAt);
    expect(match?.possibleConflicts.map((reviewer) => [reviewer.name, reviewer.matches.map((near) => near.partyName)])).toEqual([
      ["Dr. Ahmed Karimi", ["Helix Genomics Laboratories"]],
    ]);
    expect(match?.suggested.length).toBeGreaterThan(0);
  });

  it("has an offer withdrawn after a roster change: on EHP-DEMO-1002, the endocrinologist recorded leave while it waited", async () => {
    const kase = await demoCase("EHP-DEMO-1002");
    const withdrawn = await db.reviewerAssignment.findFirstOrThrow({ where: { caseId: kase.id }, include: { reviewer: { select: { email: true } } } });
    expect(withdrawn).toMatchObject({ status: "REPLACED", respondedAt: null, reviewer: { email: "endocrinology@reviewers.example" } });
    expect(withdrawn.reason).toMatch(/^No longer qualifies: unavailable until /);
    expect(kase.events.map((event) => event.type)).toContain("offer_withdrawn");
    expect(await db.outboxMessage.count({ where: { caseId: kase.id, template: "offer-declined" } })).toBe(1);
    // The leave is over by the day of seeding: only this case lost him, as already involved.
    const match = await matchCase(db, kase.id, seededAt);
    expect(match?.excluded.find((reviewer) => reviewer.name === "Dr. Lars Eriksen")?.reasons).toEqual([
      expect.stringMatching(/^already involved in this case \(replaced on /),
    ]);
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

  it("has new information from the applicant forwarded to the plan on a case in review, its clock met", async () => {
    const kase = await db.case.findFirstOrThrow({
      where: { planDenialReference: "EHP-DEMO-1006" },
      select: {
        documents: { where: { forwardedAt: { not: null } }, select: { id: true, fileName: true, forwardedAt: true, createdAt: true } },
        deadlines: { where: { kind: "INFORMATION_FORWARDING" }, select: { status: true, subjectId: true, closedAt: true } },
      },
    });
    expect(kase.documents).toEqual([expect.objectContaining({ fileName: "letter-after-third-monitor.pdf" })]);
    const [forwarded] = kase.documents;
    expect(forwarded!.forwardedAt).toEqual(forwarded!.createdAt);
    expect(kase.deadlines).toEqual([{ status: "MET", subjectId: forwarded!.id, closedAt: forwarded!.forwardedAt }]);
  });

  it("has a long case file on the case in review: a 240-page record, a fax repeating eight of its pages, and scans for the text layer to read", async () => {
    const documents = await db.document.findMany({
      where: {
        case: { planDenialReference: "EHP-DEMO-1006" },
        fileName: { in: ["portland-heart-clinic-record-2026.pdf", "fax-progress-notes.pdf", "scanned-clinic-notes.pdf"] },
      },
      select: { fileName: true, storageKey: true, textLayerStatus: true },
    });
    const pagesOf = async (fileName: string) => {
      const stored = (await documentStorage().get(documents.find((document) => document.fileName === fileName)!.storageKey)).getReader();
      const chunks: Uint8Array[] = [];
      for (let next = await stored.read(); !next.done; next = await stored.read()) chunks.push(next.value);
      return pdfPageTexts(new Uint8Array(Buffer.concat(chunks)));
    };
    const [record, fax, scans] = await Promise.all([
      pagesOf("portland-heart-clinic-record-2026.pdf"),
      pagesOf("fax-progress-notes.pdf"),
      pagesOf("scanned-clinic-notes.pdf"),
    ]);
    expect([record.length, fax.length, scans.length]).toEqual([240, 8, 4]);
    // The fax repeats the record word for word (its first page has its own heading); the scans have no text of their own.
    expect(fax.slice(1)).toEqual(record.slice(41, 48));
    expect(scans.every((text) => text.trim() === "")).toBe(true);
    // Each waits for the worker's text layer.
    expect(documents.map((document) => document.textLayerStatus)).not.toContain("DONE");
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

  it("has a Spanish-speaking applicant whose overturned case gives its notices in Spanish: her letter's Spanish copy beside the plan's English one", async () => {
    const lucia = await demoCase("PCH-DEMO-2009");
    expect(lucia).toMatchObject({ status: "DECIDED", outcome: "OVERTURNED", preferredLanguage: "es" });
    expect(lucia.decisionLetters).toHaveLength(1);
    const copy = await db.document.findFirstOrThrow({ where: { translationOfId: lucia.decisionLetters[0]!.documentId } });
    expect(copy).toMatchObject({ language: "es", kind: "DECISION_LETTER" });
    expect(copy.sha256).not.toBe(lucia.decisionLetters[0]!.sha256);
    const account = await db.user.findUniqueOrThrow({ where: { email: "lucia.hernandez@example.com" } });
    expect(account).toMatchObject({ language: "es", id: lucia.applicantId });
  });

  it("has a public library: earlier years' decisions published in fives, Lucía's decision among them, the others' drafts waiting for a coordinator", async () => {
    const lucia = await db.publication.findFirstOrThrow({ where: { case: { planDenialReference: "PCH-DEMO-2009" } } });
    expect(lucia).toMatchObject({ status: "PUBLISHED", diagnosisDetail: "SUBCATEGORY" });
    const drafts = await db.publication.count({ where: { status: "DRAFT" } });
    expect(drafts).toBe((await db.case.count({ where: { decidedAt: { not: null } } })) - 1);
    const groups = await db.publication.groupBy({
      by: ["year", "ageRange", "gender", "diagnosisCategory", "shownDiagnosisSubcategory"],
      where: { status: "PUBLISHED" },
      _count: true,
    });
    expect(groups.length).toBeGreaterThan(20);
    for (const group of groups) expect(group._count).toBeGreaterThanOrEqual(5);
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

  it("has a case whose dispute type a coordinator corrected: a panel of three, the opinions clock, the reason on its timeline", async () => {
    const corrected = await demoCase("EHP-DEMO-1012");
    expect(corrected).toMatchObject({ status: "ACCEPTED", disputeType: "EXPERIMENTAL_INVESTIGATIONAL", panelSize: 3 });
    expect(corrected.deadlines.map((deadline) => deadline.kind)).toContain("OPINIONS");
    expect(decisionClock(corrected)).toBeUndefined();
    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId: corrected.id, type: "classification_corrected" } });
    expect(event.note).toMatch(/investigational/);
  });

  it("gives the reports of the last 60 days non-zero figures, with the categories, findings and referral sources the workflow recorded", async () => {
    const range = { from: "2026-07-18", to: "2026-09-16" };
    const outcomes = await outcomesReport(range, seededAt);
    expect(outcomes.overall.decided).toBeGreaterThanOrEqual(4);
    expect(outcomes.overall.overturnPercent).toBeGreaterThan(0);
    const diagnoses = outcomes.sections.find((section) => section.dimension === "diagnosisCategory")!.groups.map((group) => group.group);
    expect(diagnoses).not.toContain("Not recorded");
    const compliance = await planComplianceReport(range, seededAt);
    expect(compliance.overall.overturns).toBeGreaterThanOrEqual(2);
    expect(compliance.overall.confirmedOnTime + compliance.overall.confirmedLate).toBeGreaterThanOrEqual(1);
    const workload = await reviewerWorkloadReport(range, seededAt);
    expect(workload.reviewers.some((row) => row.determinations > 0 && row.medianDaysToDetermine !== null)).toBe(true);
    const log = await caseLog(range, 200, seededAt);
    expect(log.rows.length).toBeGreaterThanOrEqual(10);
    expect(new Set(log.rows.map((row) => row.referredBy))).toEqual(
      new Set(["The health plan (its denial letter or appeal decision)", "The patient's doctor or another provider"]),
    );
    const decided = await db.case.findMany({ where: { decidedAt: { not: null } }, select: { findings: true, treatmentCategory: true } });
    expect(decided.every((kase) => kase.findings && kase.treatmentCategory)).toBe(true);
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
        db.publication.count(),
      ]);
    const before = await counts();
    const again = await seedDemoData(db);
    expect(again.cases).toBe(0);
    expect(await counts()).toEqual(before);
  });
});

const ALL_CLAIMS = [...DEMO_CASES, ...DEMO_DRAFTS].map((demo) => demo.request.claim);

/** Every time a demo case's history carries: its rows, its audit rows in the order they were written, and its emails. */
async function history(claim: string) {
  const kase = await db.case.findFirstOrThrow({
    where: { planDenialReference: claim },
    select: {
      id: true,
      status: true,
      applicantId: true,
      createdAt: true,
      updatedAt: true,
      submittedAt: true,
      acceptedAt: true,
      decidedAt: true,
      planCaseFileCompletedAt: true,
      events: { select: { type: true, fromStatus: true, toStatus: true, createdAt: true } },
      documents: { select: { id: true, kind: true, uploadedById: true, createdAt: true, forwardedAt: true } },
      assignments: { select: { offeredAt: true, respondedAt: true, endedAt: true } },
      determinations: { select: { status: true, submittedAt: true, updatedAt: true, documentsConsidered: true } },
      qualityReviews: { select: { result: true, createdAt: true } },
      decisionLetters: { orderBy: { version: "asc" }, select: { issuedAt: true, documentId: true } },
    },
  });
  const audit = await db.auditLog.findMany({
    where: { OR: [{ objectId: kase.id }, { detail: { path: ["caseId"], equals: kase.id } }] },
    orderBy: { id: "asc" },
    select: { action: true, at: true },
  });
  const emails = await db.outboxMessage.findMany({ where: { caseId: kase.id }, select: { createdAt: true } });
  return { ...kase, audit, emails };
}

const ms = (date: Date | null) => date!.getTime();
const ascending = (times: number[]) => [...times].sort((a, b) => a - b);

describe("the demo's history", () => {
  it("was written in the order it happened, from the draft's start to no later than seeding", async () => {
    for (const claim of ALL_CLAIMS) {
      const kase = await history(claim);
      const written = kase.audit.map((row) => ms(row.at));
      expect(kase.audit[0]!.action, claim).toBe("case.draft_started");
      expect(written, `${claim}: audit rows in the order written`).toEqual(ascending(written));
      const stamps = [
        ...written,
        ...[...kase.events, ...kase.documents, ...kase.qualityReviews].map((row) => ms(row.createdAt)),
        ...kase.emails.map((email) => ms(email.createdAt)),
      ];
      for (const stamp of stamps) {
        expect(stamp, claim).toBeGreaterThanOrEqual(ms(kase.createdAt));
        expect(stamp, claim).toBeLessThanOrEqual(seededAt.getTime());
      }
      // Filing is the first thing on the timeline, and every email comes from then on.
      if (kase.submittedAt) {
        expect(Math.min(...kase.events.map((event) => ms(event.createdAt))), claim).toBe(ms(kase.submittedAt));
        for (const email of kase.emails) expect(ms(email.createdAt), claim).toBeGreaterThanOrEqual(ms(kase.submittedAt));
      }
    }
  });

  it("reads on each timeline as the case went: every change of status follows the one before, up to where the case stands", async () => {
    for (const claim of DEMO_CASES.map((demo) => demo.request.claim)) {
      const kase = await history(claim);
      // Changes made in one transaction share their instant (a decision and the close of an upheld case): the status path orders them.
      const changes = kase.events
        .filter((event) => event.toStatus)
        .sort((a, b) => ms(a.createdAt) - ms(b.createdAt) || CASE_STATUSES.indexOf(a.toStatus!) - CASE_STATUSES.indexOf(b.toStatus!));
      expect(changes[0]!.type, claim).toBe("submitted");
      let status: string = "DRAFT";
      for (const change of changes) {
        expect(change.fromStatus, `${claim}: ${change.type}`).toBe(status);
        status = change.toStatus!;
      }
      expect(status, claim).toBe(kase.status);
    }
  });

  it("has every opinion given before the quality approval, and the approval before the letter", async () => {
    const decided = DEMO_CASES.filter((demo) => demo.steps.some((step) => step.step === "issueDecision"));
    expect(decided.length).toBeGreaterThanOrEqual(4);
    for (const demo of decided) {
      const claim = demo.request.claim;
      const kase = await history(claim);
      const [letter] = kase.decisionLetters;
      expect(ms(letter!.issuedAt), claim).toBe(ms(kase.decidedAt));
      const opinions = kase.determinations
        .filter((determination) => determination.status === "SUBMITTED")
        .map((determination) => ms(determination.submittedAt));
      expect(opinions.length, claim).toBeGreaterThanOrEqual(1);
      const approvals = kase.qualityReviews.filter((review) => review.result === "APPROVED").map((review) => ms(review.createdAt));
      expect(approvals, claim).toHaveLength(1);
      expect(Math.max(...opinions), claim).toBeLessThan(approvals[0]!);
      expect(approvals[0]!, claim).toBeLessThan(ms(letter!.issuedAt));
      // Every letter after the one before it.
      const issued = kase.decisionLetters.map((row) => ms(row.issuedAt));
      expect(issued, claim).toEqual(ascending(issued));
    }
  });

  it("has reviewers offered the case after its acceptance, and opinions written after the offer was accepted", async () => {
    for (const claim of DEMO_CASES.map((demo) => demo.request.claim)) {
      const kase = await history(claim);
      for (const assignment of kase.assignments) {
        expect(ms(assignment.offeredAt), claim).toBeGreaterThan(ms(kase.acceptedAt));
        // Answered, or withdrawn unanswered (EHP-DEMO-1002), after it was made.
        expect(ms(assignment.respondedAt ?? assignment.endedAt), claim).toBeGreaterThan(ms(assignment.offeredAt));
      }
      const accepted = kase.assignments.flatMap((assignment) => (assignment.respondedAt ? [ms(assignment.respondedAt)] : []));
      for (const determination of kase.determinations) {
        const written = ms(determination.submittedAt ?? determination.updatedAt);
        expect(written, claim).toBeGreaterThan(Math.min(...accepted));
        expect(written, claim).toBeLessThanOrEqual(seededAt.getTime());
      }
    }
  });

  it("has each document uploaded no later than it was used", async () => {
    for (const claim of DEMO_CASES.map((demo) => demo.request.claim)) {
      const kase = await history(claim);
      const uploaded = new Map(kase.documents.map((document) => [document.id, ms(document.createdAt)]));
      // The applicant's documents went with the request, or came after acceptance as new information, forwarded as they came.
      for (const document of kase.documents.filter((row) => row.uploadedById === kase.applicantId)) {
        if (document.forwardedAt) {
          expect(ms(document.createdAt), claim).toBeGreaterThan(ms(kase.acceptedAt));
          expect(ms(document.forwardedAt), claim).toBe(ms(document.createdAt));
        } else {
          expect(ms(document.createdAt), claim).toBeLessThan(ms(kase.submittedAt));
        }
      }
      // The plan's case file came after it was asked for, and before the plan said it was complete.
      for (const document of kase.documents.filter((row) => row.kind === "PLAN_CASE_FILE")) {
        expect(ms(document.createdAt), claim).toBeGreaterThan(ms(kase.acceptedAt));
        expect(ms(document.createdAt), claim).toBeLessThan(ms(kase.planCaseFileCompletedAt));
      }
      // A reviewer considered only documents already on the case.
      for (const determination of kase.determinations) {
        expect(determination.documentsConsidered.length, claim).toBeGreaterThan(0);
        for (const id of determination.documentsConsidered) {
          expect(uploaded.get(id), claim).toBeLessThan(ms(determination.submittedAt ?? determination.updatedAt));
        }
      }
      // A letter is on file from the moment it was issued.
      for (const letter of kase.decisionLetters) expect(uploaded.get(letter.documentId), claim).toBe(ms(letter.issuedAt));
    }
  });

  it("has drafts started, their documents uploaded, then saved, before seeding", async () => {
    for (const claim of DEMO_DRAFTS.map((draft) => draft.request.claim)) {
      const draft = await history(claim);
      expect(ms(draft.updatedAt), claim).toBeLessThanOrEqual(seededAt.getTime());
      expect(ms(draft.updatedAt), claim).toBeGreaterThan(ms(draft.createdAt));
      for (const document of draft.documents) {
        expect(ms(document.createdAt), claim).toBeGreaterThan(ms(draft.createdAt));
        expect(ms(document.createdAt), claim).toBeLessThan(ms(draft.updatedAt));
      }
    }
  });

  it("has the plans and accounts there before the first request was started", async () => {
    const firstDraft = await db.case.aggregate({ where: { planDenialReference: { in: ALL_CLAIMS } }, _min: { createdAt: true } });
    const users = await db.user.findMany({
      where: { email: { in: DEMO_USERS.map((user) => user.email) } },
      select: { createdAt: true, emailVerifiedAt: true },
    });
    const plans = await db.healthPlan.findMany({ where: { name: { in: DEMO_PLANS.map((plan) => plan.name) } }, select: { createdAt: true } });
    expect(users).toHaveLength(DEMO_USERS.length);
    for (const opened of [...users.flatMap((user) => [user.createdAt, user.emailVerifiedAt]), ...plans.map((plan) => plan.createdAt)]) {
      expect(ms(opened)).toBeLessThan(ms(firstDraft._min.createdAt));
    }
  });
});
