/**
 * The applicant's new information (issue 18, finding 9): documents added to
 * a filed request within the profile's window; after acceptance each is
 * forwarded to the plan at once with its own 1-business-day clock, an email
 * to the plan's recipients and a `case.information_added` webhook; the plan
 * sees it on its page and through the API; outside the window, or for anyone
 * else, nothing is added or shown.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loader as listDocumentsApi } from "~/routes/api.v1/case.documents";
import { loader as documentApi } from "~/routes/api.v1/case.document";
import { createApiKey } from "~/server/api/api-keys.server";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { DocumentRefusal } from "~/server/documents/document-refusal.server";
import { uploadDocument } from "~/server/documents/upload-document.server";
import { planCasePage } from "~/server/plan/plan-case-page.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { applicantCasePage } from "~/server/requests/case-page.server";
import type { DocumentKind } from "~/domain/documents/document-kinds";
import { translator } from "~/i18n/i18n";
import { SMALL_PDF, createInformationRequest } from "#tests/support/case-factories";
import { actorFor, createCase, createPlan, createReviewer, createUser, sessionUserOf } from "#tests/support/factories";
import { callApi } from "#tests/support/routes";
import { useTestConfig } from "#tests/support/test-database";

type User = Awaited<ReturnType<typeof createUser>>;

let plan: Awaited<ReturnType<typeof createPlan>>;
let applicant: User;
let otherApplicant: User;
let planUser: User;
let otherPlanUser: User;
let planKey: string;
let otherPlanKey: string;

// Filed Mon 16 Nov 2026; a reviewer assigned Wed 25 Nov, the day before Thanksgiving:
// NAIC's 5 business days run Fri 27, Mon 30, Tue 1, Wed 2, Thu 3 December.
const FILED = new Date("2026-11-16T10:00:00-05:00");
const ASSIGNED = new Date("2026-11-25T15:00:00-05:00");
const WINDOW_CLOSES = new Date("2026-12-03T23:59:59-05:00");
// Added on Wednesday 25 Nov at 16:00: the forwarding clock's 1 business day is Fri 27 (Thanksgiving skipped).
const ADDED = new Date("2026-11-25T16:00:00-05:00");
const FORWARDING_DUE = new Date("2026-11-27T23:59:59-05:00");

beforeAll(async () => {
  useTestConfig({ API_RATE_LIMIT_PER_MINUTE: "1000" });
  await ensureReferenceData();
  forgetOrganizationCalendar();
  plan = await createPlan();
  const otherPlan = await createPlan();
  applicant = await createUser({ roles: ["APPLICANT"] });
  otherApplicant = await createUser({ roles: ["APPLICANT"] });
  planUser = await createUser({ roles: ["PLAN"], planId: plan.id });
  otherPlanUser = await createUser({ roles: ["PLAN"], planId: otherPlan.id });
  const admin = await createUser({ roles: ["ADMIN"] });
  planKey = (await createApiKey(plan.id, "Claims platform", actorFor(admin))).key;
  otherPlanKey = (await createApiKey(otherPlan.id, "Other plan", actorFor(admin))).key;
  await db.webhookEndpoint.create({
    data: { planId: plan.id, url: "https://plan.example/imr-events", events: ["case.information_added"], secret: "whsec_test" },
  });
});

/** A case of `plan` filed on FILED, in `status`, with a reviewer assigned at ASSIGNED when asked. */
async function caseIn(status: "SUBMITTED" | "ACCEPTED" | "IN_REVIEW" | "DECIDED", assigned = false) {
  const kase = await createCase({ applicantId: applicant.id, planId: plan.id, status });
  await db.case.update({ where: { id: kase.id }, data: { submittedAt: FILED, acceptedAt: status === "SUBMITTED" ? null : FILED } });
  if (assigned) {
    const reviewer = await createReviewer();
    await db.reviewerAssignment.create({ data: { caseId: kase.id, reviewerId: reviewer.id, status: "ACCEPTED", respondedAt: ASSIGNED, attestedAt: ASSIGNED } });
  }
  return kase;
}

function add(who: User, caseId: string, at: Date, options: { kind?: DocumentKind; informationRequestId?: string } = {}) {
  return uploadDocument({
    user: sessionUserOf(who),
    actor: actorFor(who),
    query: {
      caseId,
      kind: options.kind ?? "PHYSICIAN_LETTER",
      name: "letter-from-dr-okafor.pdf",
      description: undefined,
      informationRequestId: options.informationRequestId,
    },
    body: new Blob([SMALL_PDF]).stream(),
    declaredBytes: SMALL_PDF.length,
    signal: new AbortController().signal,
    at,
  });
}

async function refusalOf(promise: Promise<unknown>): Promise<DocumentRefusal> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DocumentRefusal);
  return error as DocumentRefusal;
}

describe("a document the applicant adds after acceptance", () => {
  it("is forwarded to the plan at once: its clock met, the plan's email and webhook, the timeline and the audit log", async () => {
    const kase = await caseIn("IN_REVIEW", true);
    const document = await add(applicant, kase.id, ADDED);

    const row = await db.document.findUniqueOrThrow({ where: { id: document.id } });
    expect(row.forwardedAt).toEqual(ADDED);

    const clocks = await db.caseDeadline.findMany({ where: { caseId: kase.id, kind: "INFORMATION_FORWARDING" } });
    expect(clocks).toEqual([
      expect.objectContaining({ subjectId: document.id, responsible: "ORGANIZATION", status: "MET", startedAt: ADDED, dueAt: FORWARDING_DUE, closedAt: ADDED }),
    ]);

    const emails = await db.outboxMessage.findMany({ where: { caseId: kase.id, template: "new-information" } });
    expect(emails.map((email) => email.toAddress).sort()).toEqual([plan.contactEmail, planUser.email].sort());
    expect(emails[0]!.subject).toBe(`${kase.reference}: new information from the applicant`);
    expect(emails[0]!.props).toMatchObject({ reference: kase.reference, documentKind: "Letter from a doctor", added: "Wed 25 Nov 2026, 4:00 PM ET" });
    // The file's name may name a condition: it stays out of emails and webhooks.
    expect(JSON.stringify(emails)).not.toContain("okafor");

    const webhooks = await db.webhookDelivery.findMany({ where: { caseId: kase.id }, select: { eventType: true, payload: true } });
    expect(webhooks).toEqual([
      {
        eventType: "case.information_added",
        payload: {
          type: "case.information_added",
          timestamp: ADDED.toISOString(),
          data: {
            reference: kase.reference,
            documentId: document.id,
            kind: "PHYSICIAN_LETTER",
            addedAt: ADDED.toISOString(),
            forwardedAt: ADDED.toISOString(),
            href: `/api/v1/cases/${kase.reference}/documents/${document.id}`,
          },
        },
      },
    ]);

    // The applicant's page marks it forwarded.
    const own = await applicantCasePage(sessionUserOf(applicant), kase.id, actorFor(applicant), ADDED);
    expect(own.kind === "case" && own.documents.own.map((row) => [row.id, row.forwardedAt])).toEqual([[document.id, ADDED.toISOString()]]);

    const events = await db.caseEvent.findMany({ where: { caseId: kase.id, type: "information_forwarded" } });
    expect(events).toEqual([expect.objectContaining({ actorId: applicant.id, createdAt: ADDED })]);
    const audits = await db.auditLog.findMany({ where: { OR: [{ objectId: kase.id }, { objectId: document.id }] } });
    expect(audits.map((entry) => entry.action).sort()).toEqual(["case.information_forwarded", "case.viewed", "document.uploaded"]);
  });

  it("is listed on the plan's case page with when it was forwarded, next to reversing the denial; the view is audited", async () => {
    const kase = await caseIn("IN_REVIEW", true);
    const document = await add(applicant, kase.id, ADDED);
    const page = await planCasePage(sessionUserOf(planUser), kase.id, actorFor(planUser), new Date("2026-11-30T09:00:00-05:00"));
    expect(page.newInformation).toEqual([
      {
        id: document.id,
        fileName: "letter-from-dr-okafor.pdf",
        kind: "Letter from a doctor",
        sizeBytes: SMALL_PDF.length,
        added: ADDED,
        forwarded: ADDED,
      },
    ]);
    expect(page.canReverse).toBe(true);
    expect(page.deadlines.map((line) => line.text)).toContain(
      "New information forwarded to the plan met on Wed 25 Nov 2026, 4:00 PM ET (due by Fri 27 Nov 2026, 11:59 PM ET)",
    );
    expect(await db.auditLog.count({ where: { action: "case.viewed", objectId: kase.id, actorId: planUser.id } })).toBe(1);
  });

  it("is listed and downloadable through the plan API, with the plan's own case file; each read audited", async () => {
    const kase = await caseIn("SUBMITTED");
    const joined = await add(applicant, kase.id, new Date("2026-11-17T09:00:00-05:00"));
    await db.case.update({ where: { id: kase.id }, data: { status: "IN_REVIEW", acceptedAt: FILED } });
    const reviewer = await createReviewer();
    await db.reviewerAssignment.create({ data: { caseId: kase.id, reviewerId: reviewer.id, status: "ACCEPTED", respondedAt: ASSIGNED, attestedAt: ASSIGNED } });
    const document = await add(applicant, kase.id, ADDED);
    const caseFile = await uploadDocument({
      user: sessionUserOf(planUser),
      actor: actorFor(planUser),
      query: { caseId: kase.id, kind: "PLAN_CASE_FILE", name: "criteria.pdf", description: undefined },
      body: new Blob([SMALL_PDF]).stream(),
      declaredBytes: SMALL_PDF.length,
      signal: new AbortController().signal,
      at: ADDED,
    });
    const params = { reference: kase.reference! };
    const listed = await callApi(listDocumentsApi, `/cases/${kase.reference}/documents`, { key: planKey, params });
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { data: { id: string; from: string; forwardedAt: string | null; href: string }[] };
    expect(body.data.map(({ id, from, forwardedAt, href }) => ({ id, from, forwardedAt, href }))).toEqual([
      { id: document.id, from: "APPLICANT", forwardedAt: ADDED.toISOString(), href: `/api/v1/cases/${kase.reference}/documents/${document.id}` },
      { id: caseFile.id, from: "PLAN", forwardedAt: null, href: `/api/v1/cases/${kase.reference}/documents/${caseFile.id}` },
    ]);
    expect(await db.auditLog.count({ where: { action: "case.viewed", objectId: kase.id } })).toBe(1);

    const file = await callApi(documentApi, `/cases/${kase.reference}/documents/${document.id}`, {
      key: planKey,
      params: { ...params, documentId: document.id },
    });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(SMALL_PDF);
    expect(await db.auditLog.count({ where: { action: "document.downloaded", objectId: document.id } })).toBe(1);

    // What joined the case before acceptance was not forwarded: not the plan's to download here.
    const notForwarded = await callApi(documentApi, `/cases/${kase.reference}/documents/${joined.id}`, {
      key: planKey,
      params: { ...params, documentId: joined.id },
    });
    expect(notForwarded.status).toBe(404);
  });
});

describe("the window to add documents", () => {
  it("lets documents join a request before acceptance without forwarding them", async () => {
    const kase = await caseIn("SUBMITTED");
    const document = await add(applicant, kase.id, new Date("2026-11-17T09:00:00-05:00"));
    expect((await db.document.findUniqueOrThrow({ where: { id: document.id } })).forwardedAt).toBeNull();
    expect(await db.caseDeadline.count({ where: { caseId: kase.id, kind: "INFORMATION_FORWARDING" } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { caseId: kase.id, template: "new-information" } })).toBe(0);
  });

  it("shows the applicant when it opened and closes, in the organization's time zone; the view is audited", async () => {
    const kase = await caseIn("IN_REVIEW", true);
    const page = await applicantCasePage(sessionUserOf(applicant), kase.id, actorFor(applicant), ADDED);
    if (page.kind !== "case") throw new Error("expected a filed case");
    expect(page.addDocuments).toMatchObject({ open: true, opens: "Mon 16 Nov 2026, 10:00 AM ET", closes: "Thu 3 Dec 2026, 11:59 PM ET" });
    expect(page.addDocuments.explanation).toContain("new information");
    expect(await db.auditLog.count({ where: { action: "case.viewed", objectId: kase.id, actorId: applicant.id } })).toBe(1);

    const later = await applicantCasePage(sessionUserOf(applicant), kase.id, actorFor(applicant), new Date(WINDOW_CLOSES.getTime() + 1000));
    if (later.kind !== "case") throw new Error("expected a filed case");
    expect(later.addDocuments.open).toBe(false);
    expect(later.addDocuments.explanation).toMatch(/^The window to add documents closed on Thu 3 Dec 2026, 11:59 PM ET/);
  });

  it("refuses an upload after it closed, leaving nothing behind, but takes the answer to a request for information", async () => {
    const kase = await caseIn("IN_REVIEW", true);
    expect((await add(applicant, kase.id, WINDOW_CLOSES)).id).toBeTruthy();
    const refusal = await refusalOf(add(applicant, kase.id, new Date(WINDOW_CLOSES.getTime() + 1000)));
    expect(refusal.status).toBe(409);
    expect(refusal.title).toBe("The window to add documents has closed");
    expect(refusal.detailIn()).toContain("closed on Thu 3 Dec 2026, 11:59 PM ET, 5 business days after a reviewer was assigned");
    // A Spanish-speaking applicant reads why in Spanish, the date written their way.
    expect(refusal.detailIn(translator("es"))).toMatch(
      /^El plazo para agregar documentos terminó el .*3 .*dic.* 2026.*5 días hábiles después de que se asignó un revisor/,
    );
    expect(await db.document.count({ where: { caseId: kase.id } })).toBe(1);

    const coordinator = await createUser({ roles: ["COORDINATOR"] });
    const asked = await createInformationRequest({ caseId: kase.id, requestedById: coordinator.id, startedAt: new Date("2026-12-04T10:00:00-05:00") });
    const answer = await add(applicant, kase.id, new Date("2026-12-07T10:00:00-05:00"), { informationRequestId: asked.id });
    expect((await db.document.findUniqueOrThrow({ where: { id: answer.id } })).forwardedAt).toEqual(new Date("2026-12-07T10:00:00-05:00"));
  });

  it("is over once the case is decided", async () => {
    const kase = await caseIn("DECIDED", true);
    const refusal = await refusalOf(add(applicant, kase.id, ADDED));
    expect(refusal.status).toBe(409);
  });
});

describe("someone else's case", () => {
  it("answers 404 to another applicant's upload, another plan's page and another plan's API key", async () => {
    const kase = await caseIn("IN_REVIEW", true);
    const document = await add(applicant, kase.id, ADDED);
    expect((await refusalOf(add(otherApplicant, kase.id, ADDED))).status).toBe(404);
    await expect(planCasePage(sessionUserOf(otherPlanUser), kase.id, actorFor(otherPlanUser), ADDED)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const params = { reference: kase.reference! };
    expect((await callApi(listDocumentsApi, `/cases/${kase.reference}/documents`, { key: otherPlanKey, params })).status).toBe(404);
    const file = await callApi(documentApi, `/cases/${kase.reference}/documents/${document.id}`, {
      key: otherPlanKey,
      params: { ...params, documentId: document.id },
    });
    expect(file.status).toBe(404);
    expect(await db.auditLog.count({ where: { action: "document.downloaded", objectId: document.id } })).toBe(0);
  });
});
