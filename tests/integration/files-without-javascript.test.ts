/**
 * Without JavaScript the file input is part of the page's form (the
 * documents step, an answer to a request for information): the file comes
 * with the button pressed, and the action adds it by the same checks as the
 * uploader, or keeps the person on the page with the reason next to the
 * file. A file is never dropped.
 */
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as answerRoute from "~/routes/requests/answer-information";
import * as editStepRoute from "~/routes/requests/edit-step";
import { db } from "~/server/db.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { startDraft } from "~/server/requests/start-draft.server";
import { createFiledCase, createInformationRequest, SMALL_PDF } from "#tests/support/case-factories";
import { actorFor, createPlan, createUser, sessionUserOf } from "#tests/support/factories";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";

let applicant: Awaited<ReturnType<typeof withSession<Awaited<ReturnType<typeof createUser>>>>>;

beforeAll(async () => {
  await ensureReferenceData();
  applicant = await withSession(await createUser({ roles: ["APPLICANT"] }));
});

async function draft(): Promise<string> {
  return (await startDraft(sessionUserOf(applicant), actorFor(applicant))).caseId;
}

/** The step's form as a browser without JavaScript sends it: the button pressed, the file (or an empty file input) and its kind. */
function stepForm(intent: string, file: File | null, kind = "") {
  const form = new FormData();
  form.append("intent", intent);
  form.append("documentFile", file ?? new File([], "", { type: "application/octet-stream" }));
  form.append("documentKind", kind);
  return form;
}

function press(caseId: string, form: FormData) {
  return call(editStepRoute.action as RouteFunction, request(`/requests/${caseId}/edit/documents`, applicant.cookie, form), { caseId, step: "documents" });
}

describe("the documents step without JavaScript", () => {
  it("adds the file sent with Save and continue, then goes on to the review", async () => {
    const caseId = await draft();
    const answer = await press(caseId, stepForm("continue", new File([SMALL_PDF], "denial.pdf", { type: "application/pdf" }), "DENIAL_LETTER"));
    expect(answer).toMatchObject({ status: 302, location: `/requests/${caseId}/review` });
    expect(await db.document.findMany({ where: { caseId }, select: { fileName: true, kind: true, uploadedById: true } })).toEqual([
      { fileName: "denial.pdf", kind: "DENIAL_LETTER", uploadedById: applicant.id },
    ]);
  });

  it("adds the file sent with Back and with Save and finish later too", async () => {
    const caseId = await draft();
    expect(await press(caseId, stepForm("back", new File([SMALL_PDF], "records.pdf"), "MEDICAL_RECORDS"))).toMatchObject({
      status: 302,
      location: `/requests/${caseId}/edit/statement`,
    });
    expect(await press(caseId, stepForm("later", new File([SMALL_PDF], "letter.pdf"), "PHYSICIAN_LETTER"))).toMatchObject({
      status: 302,
      location: `/requests?saved=${encodeURIComponent(caseId)}`,
    });
    expect((await db.document.findMany({ where: { caseId }, select: { fileName: true }, orderBy: { createdAt: "asc" } })).map((row) => row.fileName)).toEqual([
      "records.pdf",
      "letter.pdf",
    ]);
  });

  it("stays on the step and says why when the kind is missing or the content is refused, keeping nothing", async () => {
    const caseId = await draft();
    const noKind = await press(caseId, stepForm("continue", new File([SMALL_PDF], "denial.pdf")));
    expect(noKind.status).toBe(400);
    expect(noKind.data.fieldErrors).toEqual({ documentFile: 'Choose what "denial.pdf" is, then choose the file again and press the button.' });

    const program = new File([Buffer.concat([Buffer.from("MZ\x90\x00", "latin1"), crypto.randomBytes(4000)])], "letter.pdf");
    const refused = await press(caseId, stepForm("continue", program, "PHYSICIAN_LETTER"));
    expect(refused.status).toBe(400);
    expect(refused.data.fieldErrors.documentFile).toMatch(/^"letter.pdf" was not added: This file is not a PDF, JPEG, PNG, TIFF or Word \(DOCX\) document/);
    expect(await db.document.count({ where: { caseId } })).toBe(0);
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).draftStep).not.toBe("review");
  });

  it("moves on as before when no file was chosen", async () => {
    const caseId = await draft();
    expect(await press(caseId, stepForm("continue", null))).toMatchObject({ status: 302, location: `/requests/${caseId}/review` });
    expect(await db.document.count({ where: { caseId } })).toBe(0);
  });
});

describe("an answer to a request for information without JavaScript", () => {
  async function askedCase() {
    const planId = (await createPlan()).id;
    const kase = await createFiledCase({ applicantId: applicant.id, planId });
    const asked = await createInformationRequest({ caseId: kase.id, question: "Please send the letter." });
    return { kase, asked };
  }

  function answer(caseId: string, requestId: string, fields: Record<string, string>, file: File | null, kind = "") {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append("documentFile", file ?? new File([], "", { type: "application/octet-stream" }));
    form.append("documentKind", kind);
    return call(answerRoute.action as RouteFunction, request(`/requests/${caseId}/information/${requestId}`, applicant.cookie, form), { caseId, requestId });
  }

  it("adds the file sent with the answer to it, and an answer of the file alone is an answer", async () => {
    const { kase, asked } = await askedCase();
    const version = String((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).version);
    const sent = await answer(kase.id, asked.id, { version, answer: "", documentCount: "0" }, new File([SMALL_PDF], "letter.pdf"), "PHYSICIAN_LETTER");
    expect(sent).toMatchObject({ status: 302, location: `/requests/${kase.id}?done=answered` });
    expect(await db.document.findMany({ where: { caseId: kase.id }, select: { fileName: true, informationRequestId: true } })).toEqual([
      { fileName: "letter.pdf", informationRequestId: asked.id },
    ]);
    expect((await db.informationRequest.findUniqueOrThrow({ where: { id: asked.id } })).answeredAt).not.toBeNull();
  });

  it("keeps the page, the typed answer and the request open when the file is refused", async () => {
    const { kase, asked } = await askedCase();
    const version = String((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).version);
    const refused = await answer(kase.id, asked.id, { version, answer: "Here it is.", documentCount: "0" }, new File([SMALL_PDF], "letter.pdf"));
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({
      values: { answer: "Here it is." },
      fieldErrors: { documentFile: 'Choose what "letter.pdf" is, then choose the file again and press the button.' },
    });
    expect((await db.informationRequest.findUniqueOrThrow({ where: { id: asked.id } })).answeredAt).toBeNull();
  });
});
