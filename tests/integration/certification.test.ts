/**
 * The doctor's certification of an expedited request that was to follow
 * (domain.md, "Filing a request"): the applicant's case page shows it as a
 * to-do until the applicant uploads it; the upload records its arrival on the
 * timeline, in the audit log and in an email to the coordinator, once.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { uploadDocument } from "~/server/documents/upload-document.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { applicantCasePage } from "~/server/requests/case-page.server";
import { coordinatorCasePage } from "~/server/intake/coordinator-case-page.server";
import type { DocumentKind } from "~/domain/documents/document-kinds";
import { createFiledCase, SMALL_PDF } from "#tests/support/case-factories";
import { actorFor, createPlan, createUser, sessionUserOf } from "#tests/support/factories";
import { useTestConfig } from "#tests/support/test-database";

type User = Awaited<ReturnType<typeof createUser>>;

let planId: string;
let applicant: User;
let coordinator: User;

const FILED = new Date("2026-11-16T10:00:00-05:00");
const ARRIVED = new Date("2026-11-16T14:30:00-05:00");
const LATER = new Date("2026-11-16T15:00:00-05:00");

beforeAll(async () => {
  useTestConfig({ ORGANIZATION_NAME: "Lakeside Review", ORGANIZATION_PHONE: "1-800-555-0199" });
  await ensureReferenceData();
  forgetOrganizationCalendar();
  planId = (await createPlan()).id;
  applicant = await createUser({ roles: ["APPLICANT"] });
  coordinator = await createUser({ roles: ["COORDINATOR"] });
});

function expeditedCase(certificationToFollow: boolean, track: "EXPEDITED" | "STANDARD" = "EXPEDITED") {
  return createFiledCase({
    applicantId: applicant.id,
    planId,
    coordinatorId: coordinator.id,
    details: { track, expeditedReason: "Admitted through the emergency room", certificationToFollow },
    at: FILED,
  });
}

function add(caseId: string, kind: DocumentKind, at: Date) {
  return uploadDocument({
    user: sessionUserOf(applicant),
    actor: actorFor(applicant),
    query: { caseId, kind, name: "certification.pdf", description: undefined },
    body: new Blob([SMALL_PDF]).stream(),
    declaredBytes: SMALL_PDF.length,
    signal: new AbortController().signal,
    at,
  });
}

async function page(caseId: string, at: Date) {
  const shown = await applicantCasePage(sessionUserOf(applicant), caseId, actorFor(applicant), at);
  if (shown.kind !== "case") throw new Error("expected a filed case");
  return shown;
}

describe("the doctor's certification that was to follow", () => {
  it("is the applicant's to-do, with whom to call, until it is uploaded; then the timeline says it arrived", async () => {
    const kase = await expeditedCase(true);
    expect((await page(kase.id, ARRIVED)).certificationNeeded).toEqual({ organizationName: "Lakeside Review", organizationPhone: "1-800-555-0199" });

    // Another document does not stand in for it.
    await add(kase.id, "MEDICAL_RECORDS", ARRIVED);
    expect((await page(kase.id, ARRIVED)).certificationNeeded).not.toBeNull();

    const certificationLine = async () => {
      const staff = await coordinatorCasePage(sessionUserOf(coordinator), kase.id, actorFor(coordinator), LATER);
      return {
        awaited: staff.certificationToFollow,
        line: staff.request.flatMap((section) => section.lines).find((line) => line.label === "Physician's certification")?.value,
      };
    };
    expect(await certificationLine()).toEqual({ awaited: true, line: "To follow: not received yet" });

    const document = await add(kase.id, "PHYSICIAN_CERTIFICATION", ARRIVED);
    // The coordinator reads that it came, not that it is still to follow.
    expect(await certificationLine()).toEqual({ awaited: false, line: "Arrived after filing: see the documents" });
    const after = await page(kase.id, LATER);
    expect(after.certificationNeeded).toBeNull();
    expect(after.timeline.filter((item) => item.type === "certification_received")).toEqual([
      expect.objectContaining({ actor: "You", atIso: ARRIVED.toISOString() }),
    ]);

    const events = await db.caseEvent.findMany({ where: { caseId: kase.id, type: "certification_received" }, select: { data: true, createdAt: true } });
    expect(events).toEqual([{ data: { documentId: document.id }, createdAt: ARRIVED }]);
    const audited = await db.auditLog.findMany({ where: { objectId: kase.id, action: "case.certification_received" }, select: { actorId: true, at: true } });
    expect(audited).toEqual([{ actorId: applicant.id, at: ARRIVED }]);
    const emails = await db.outboxMessage.findMany({ where: { caseId: kase.id, template: "case-update" }, select: { toAddress: true, subject: true } });
    expect(emails).toEqual([{ toAddress: coordinator.email, subject: `${kase.reference}: The doctor's certification arrived` }]);
  });

  it("arrives once: a second certification is only another document", async () => {
    const kase = await expeditedCase(true);
    await add(kase.id, "PHYSICIAN_CERTIFICATION", ARRIVED);
    await add(kase.id, "PHYSICIAN_CERTIFICATION", LATER);
    expect(await db.caseEvent.count({ where: { caseId: kase.id, type: "certification_received" } })).toBe(1);
  });

  it("is no to-do when it came with the request, or the request is standard", async () => {
    for (const kase of [await expeditedCase(false), await expeditedCase(true, "STANDARD")]) {
      expect((await page(kase.id, ARRIVED)).certificationNeeded).toBeNull();
      await add(kase.id, "PHYSICIAN_CERTIFICATION", ARRIVED);
      expect(await db.caseEvent.count({ where: { caseId: kase.id, type: "certification_received" } })).toBe(0);
    }
  });

  it("is no longer asked for once the review is over", async () => {
    const kase = await expeditedCase(true);
    await db.case.update({ where: { id: kase.id }, data: { status: "WITHDRAWN" } });
    expect((await page(kase.id, ARRIVED)).certificationNeeded).toBeNull();
  });
});
