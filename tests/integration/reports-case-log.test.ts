/**
 * Finding 12: the URAC-style case log, with who referred each case, as the
 * applicant said when filing. The expected lines are written out from the
 * cases the test makes, apart from the log's code.
 */
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { localDate } from "~/domain/deadlines/time-zone";
import * as editStepRoute from "~/routes/requests/edit-step";
import { loader as caseLogCsvLoader } from "~/routes/iro/reports.case-log.csv";
import { loader as caseLogLoader } from "~/routes/iro/reports.case-log";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { caseLog } from "~/server/reports/case-log.server";
import { startDraft } from "~/server/requests/start-draft.server";
import { actorFor, createCase, createPlan, createUser, sessionUserOf } from "#tests/support/factories";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";

// New York; the log covers March 2026.
const MARCH = { from: "2026-03-01", to: "2026-03-31" };
const NOW = new Date("2026-04-10T15:00:00Z");
const at = (iso: string) => new Date(iso);

let coordinator: Awaited<ReturnType<typeof createUser>> & { cookie: string };
let applicant: Awaited<ReturnType<typeof createUser>> & { cookie: string };
let plan: { id: string; name: string };

async function document(caseId: string, kind: "NOTICE" | "DECISION_LETTER", createdAt: Date) {
  return db.document.create({
    data: {
      caseId,
      kind,
      fileName: "n.pdf",
      contentType: "application/pdf",
      sizeBytes: 1n,
      sha256: "0".repeat(64),
      storageKey: crypto.randomUUID(),
      createdAt,
    },
  });
}

beforeAll(async () => {
  await ensureReferenceData();
  forgetOrganizationCalendar();
  coordinator = await withSession(await createUser({ roles: ["COORDINATOR"] }));
  applicant = await withSession(await createUser({ roles: ["APPLICANT"] }));
  plan = await createPlan("Evergreen Log Plan");

  // Decided: received 2 March (21:30 in New York, already 3 March in UTC), file on 4 March, information due 9 March, letter 20 March.
  const decided = await createCase({ applicantId: applicant.id, planId: plan.id, status: "CLOSED", track: "EXPEDITED" });
  await db.case.update({
    where: { id: decided.id },
    data: {
      reference: "IMR-2026-000101",
      submittedAt: at("2026-03-03T02:30:00Z"),
      referralSource: "REGULATOR",
      filedBy: "REPRESENTATIVE",
      serviceDescription: "Proton beam therapy",
      planCaseFileCompletedAt: at("2026-03-04T15:00:00Z"),
      outcome: "OVERTURNED",
      decidedAt: at("2026-03-20T15:00:00Z"),
    },
  });
  await db.caseDeadline.create({
    data: {
      caseId: decided.id,
      kind: "APPLICANT_INFORMATION",
      responsible: "APPLICANT",
      status: "MET",
      startedAt: at("2026-03-04T15:00:00Z"),
      dueAt: at("2026-03-10T03:59:59Z"),
      atRiskAt: at("2026-03-09T15:00:00Z"),
    },
  });
  const letter = await document(decided.id, "DECISION_LETTER", at("2026-03-20T15:00:00Z"));
  await db.decisionLetter.create({
    data: {
      caseId: decided.id,
      version: 1,
      documentId: letter.id,
      sha256: letter.sha256,
      verificationCode: crypto.randomUUID(),
      outcome: "OVERTURNED",
      issuedAt: at("2026-03-20T15:00:00Z"),
      issuedById: coordinator.id,
    },
  });

  // Found ineligible: the notice went out on 12 March; nobody said who referred it.
  const ineligible = await createCase({ applicantId: applicant.id, planId: plan.id, status: "INELIGIBLE", disputeType: "URGENT_CARE" });
  await db.case.update({
    where: { id: ineligible.id },
    data: { reference: "IMR-2026-000102", submittedAt: at("2026-03-10T15:00:00Z"), serviceDescription: null },
  });
  await document(ineligible.id, "NOTICE", at("2026-03-12T15:00:00Z"));

  // Received in February and in April: not in the March log.
  for (const [reference, submittedAt] of [
    ["IMR-2026-000099", at("2026-02-28T15:00:00Z")],
    ["IMR-2026-000103", at("2026-04-01T04:30:00Z")],
  ] as const) {
    const other = await createCase({ applicantId: applicant.id, planId: plan.id });
    await db.case.update({ where: { id: other.id }, data: { reference, submittedAt } });
  }
});

// The organization's zone, which ensureReferenceData sets.
const NEW_YORK = "America/New_York";

const EXPECTED = [
  {
    reference: "IMR-2026-000101",
    received: "2026-03-02",
    plan: "Evergreen Log Plan",
    referredBy: "The state insurance department or another regulator",
    filedBy: "A representative",
    issue: "Medical necessity: Proton beam therapy",
    track: "Expedited",
    caseFileArrived: "2026-03-04",
    informationDue: "2026-03-09",
    status: "Closed",
    determination: "Overturned",
    determinationDate: "2026-03-20",
    noticesSent: "2026-03-20",
  },
  {
    reference: "IMR-2026-000102",
    received: "2026-03-10",
    plan: "Evergreen Log Plan",
    referredBy: "Not given",
    filedBy: "The patient",
    issue: "Urgent care",
    track: "Standard",
    caseFileArrived: null,
    informationDue: null,
    status: "Not eligible",
    determination: null,
    determinationDate: null,
    noticesSent: "2026-03-12",
  },
];

describe("the case log", () => {
  it("has a line per case received in the range, with every column of the specification's log", async () => {
    const log = await caseLog(MARCH, 200, NOW);
    expect(log.total).toBe(2);
    expect(log.rows).toMatchObject(EXPECTED);
    // The page shows the same dates from their instants, in the organization's zone.
    for (const row of log.rows) {
      const { at } = row;
      expect(
        [at.received, at.caseFileArrived, at.informationDue, at.determinationDate, at.noticesSent].map((instant) => instant && localDate(instant, NEW_YORK)),
      ).toEqual([row.received, row.caseFileArrived, row.informationDue, row.determinationDate, row.noticesSent]);
    }
  });

  it("shows on its page, limited, and in full in its CSV", async () => {
    const page = await call<{ report: { rows: unknown[] } }>(
      caseLogLoader as RouteFunction,
      request("/iro/reports/case-log?from=2026-03-01&to=2026-03-31", coordinator),
    );
    expect(page.data.report.rows).toMatchObject(EXPECTED);
    const answer = await call(caseLogCsvLoader as RouteFunction, request("/iro/reports/case-log.csv?from=2026-03-01&to=2026-03-31", coordinator));
    const lines = (await answer.response!.text()).trimEnd().split("\r\n");
    expect(lines).toEqual([
      "Reference,Date received,Health plan,Referred by,Filed by,Issue,Standard or expedited,Plan case file arrived,Additional information due,Status,Determination,Determination date,Notices sent",
      "IMR-2026-000101,2026-03-02,Evergreen Log Plan,The state insurance department or another regulator,A representative,Medical necessity: Proton beam therapy,Expedited,2026-03-04,2026-03-09,Closed,Overturned,2026-03-20,2026-03-20",
      "IMR-2026-000102,2026-03-10,Evergreen Log Plan,Not given,The patient,Urgent care,Standard,,,Not eligible,,,2026-03-12",
    ]);
  });

  it("is refused to applicants", async () => {
    const page = await call(caseLogLoader as RouteFunction, request("/iro/reports/case-log", applicant));
    expect(page.status).toBe(403);
  });
});

describe("who referred the case", () => {
  it("is asked on the request form's first step and kept on the request", async () => {
    const { caseId } = await startDraft(sessionUserOf(applicant), actorFor(applicant));
    const saved = await call(
      editStepRoute.action as RouteFunction,
      request(`/requests/${caseId}/edit/filer`, applicant, { filedBy: "PATIENT", referralSource: "HEALTH_PLAN", intent: "continue" }),
      { caseId, step: "filer" },
    );
    expect(saved.status).toBe(302);
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { referralSource: true } })).referralSource).toBe("HEALTH_PLAN");

    const refused = await call(
      editStepRoute.action as RouteFunction,
      request(`/requests/${caseId}/edit/filer`, applicant, { filedBy: "PATIENT", referralSource: "A NEIGHBOUR", intent: "continue" }),
      { caseId, step: "filer" },
    );
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({ fieldErrors: { referralSource: "Choose one of the answers." } });
  });
});
