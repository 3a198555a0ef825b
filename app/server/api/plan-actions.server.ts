/**
 * The plan API's writing side and its letters: each endpoint finds the case
 * among the key's plan's cases (another plan's case answers 404), parses its
 * input with the schema the portal's forms share, and calls the same plan
 * operation the portal calls, as the plan, through the API channel.
 */
import type { z } from "zod";
import type { apiCaseDocumentList, apiComplianceConfirmation, apiDocument, apiLetterList } from "~/schemas/api";
import { PLAN_FILE_LIMIT_BYTES } from "~/domain/documents/limits";
import { apiDocumentQuery } from "~/schemas/api";
import { completeCaseFileBody, complianceBody, reversalBody } from "~/schemas/plan-actions";
import { caseViewed, type CaseReader } from "../cases/case-views.server";
import { db } from "../db.server";
import { discardUnreadBody, sha256OfBody } from "../documents/checked-upload.server";
import { DocumentRefusal } from "../documents/document-refusal.server";
import { downloadDocument, downloadHeaders } from "../documents/download-document.server";
import { FORWARDED_LIST_LIMIT, planDocumentsWhere } from "../documents/new-information.server";
import { uploadDocument } from "../documents/upload-document.server";
import { notFound } from "../errors.server";
import { completeCaseFile } from "../plan/complete-case-file.server";
import { confirmCompliance } from "../plan/confirm-compliance.server";
import { apiPlanUser, planCaseIdByReference } from "../plan/plan-case.server";
import { reverseDenial } from "../plan/reverse-denial.server";
import type { ApiClient } from "./api-keys.server";
import { apiRequest, jsonBody } from "./api-request.server";
import { withIdempotency, type Answer } from "./idempotency.server";
import { planCaseByReference } from "./plan-cases.server";
import { badParameters } from "./problem.server";
import { isId } from "~/schemas/ids";

/** The API client reading a case, named by its endpoint ("API POST /api/v1/cases/…/compliance") in the audit log. */
function apiReader(client: ApiClient, request: Request): CaseReader {
  return { actor: client.actor, page: `API ${request.method} ${new URL(request.url).pathname}`.slice(0, 200) };
}

/** A POST with a JSON body on one of the plan's cases: key, rate limit, 404 for another plan's case, schema, Idempotency-Key. */
function planPost<S extends z.ZodType>(
  request: Request,
  reference: string,
  schema: S,
  perform: (call: { client: ApiClient; caseId: string; data: z.output<S> }) => Promise<Answer>,
): Promise<Response> {
  return apiRequest(request, async (client) => {
    const caseId = await planCaseIdByReference(client.planId, reference, apiReader(client, request));
    const { raw, data } = await jsonBody(request, schema);
    return withIdempotency(client.apiKeyId, request, raw, () => perform({ client, caseId, data }));
  });
}

/** POST /cases/{reference}/case-file/complete — answers the case as it now stands. */
export function postCaseFileComplete(request: Request, reference: string): Promise<Response> {
  return planPost(request, reference, completeCaseFileBody, async ({ client, caseId, data }) => {
    await completeCaseFile({ user: apiPlanUser(client), actor: client.actor, caseId, channel: "API", ...data });
    return { status: 200, body: await planCaseByReference(client.planId, reference, client.actor) };
  });
}

/** POST /cases/{reference}/compliance — 201 with the confirmation; a second one is refused (409). */
export function postCompliance(request: Request, reference: string): Promise<Response> {
  return planPost(request, reference, complianceBody, async ({ client, caseId, data }) => {
    const confirmed = await confirmCompliance({ user: apiPlanUser(client), actor: client.actor, caseId, channel: "API", ...data });
    const body: z.input<typeof apiComplianceConfirmation> = {
      id: confirmed.confirmationId,
      reference,
      implementedOn: data.implementedOn,
      authorizationNumber: data.authorizationNumber,
      note: data.note,
      confirmedAt: confirmed.confirmedAt.toISOString(),
      late: confirmed.late,
      dueAt: confirmed.dueAt?.toISOString() ?? null,
      caseStatus: "CLOSED",
    };
    return { status: 201, body };
  });
}

/** POST /cases/{reference}/reversal — the plan approved the service itself; answers the case, now REVERSED_BY_PLAN. */
export function postReversal(request: Request, reference: string): Promise<Response> {
  return planPost(request, reference, reversalBody, async ({ client, caseId, data }) => {
    await reverseDenial({ user: apiPlanUser(client), actor: client.actor, caseId, channel: "API", note: data.note });
    return { status: 200, body: await planCaseByReference(client.planId, reference, client.actor) };
  });
}

/**
 * POST /cases/{reference}/documents?name=&kind=&caseFileItem=&description=
 * with the raw file as the body: streamed into storage with the same checks
 * as the portal's uploads. An Idempotency-Key is claimed on the query and the
 * declared length (the file cannot be hashed before it is stored); a repeat
 * is given the first answer only when its file has the stored file's SHA-256.
 */
export async function postDocument(request: Request, reference: string): Promise<Response> {
  try {
    return await apiRequest(request, async (client) => {
      const caseId = await planCaseIdByReference(client.planId, reference, apiReader(client, request));
      const query = apiDocumentQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
      const length = Number(request.headers.get("Content-Length") ?? Number.NaN);
      const declaredBytes = Number.isSafeInteger(length) && length >= 0 ? length : null;
      const identity = `${new URL(request.url).search}\n${declaredBytes ?? "unknown length"}`;
      const upload = async (): Promise<Answer> => {
        try {
          const document = await uploadDocument({
            user: apiPlanUser(client),
            actor: client.actor,
            query: { ...query, caseId },
            body: request.body,
            declaredBytes,
            signal: request.signal,
          });
          const body: z.input<typeof apiDocument> = {
            ...document,
            caseFileItem: query.caseFileItem ?? null,
            description: query.description ?? null,
          };
          return { status: 201, body, contentSha256: document.sha256 };
        } catch (error) {
          if (!(error instanceof DocumentRefusal)) throw error;
          return { status: error.status, body: { type: "about:blank", title: error.title, status: error.status, detail: error.detailIn() } };
        }
      };
      try {
        return await withIdempotency(client.apiKeyId, request, identity, upload, {
          sha256: () => sha256OfBody(request.body, declaredBytes, PLAN_FILE_LIMIT_BYTES),
        });
      } catch (error) {
        // A repeat's file cut off while it was read to be compared.
        if (error instanceof DocumentRefusal) return error.toResponse();
        throw error;
      }
    });
  } finally {
    // Refused before reading (bad key, 404, bad query, an upload still in progress): the client may still be sending.
    discardUnreadBody(request.body);
  }
}

/** GET /cases/{reference}/documents — the applicant's new information forwarded to the plan, then the plan's own case file. */
export function getDocuments(request: Request, reference: string): Promise<Response> {
  return apiRequest(request, async (client) => {
    const reader = apiReader(client, request);
    const caseId = await planCaseIdByReference(client.planId, reference, reader);
    await caseViewed(reader, { id: caseId, reference });
    const documents = await db.document.findMany({
      where: planDocumentsWhere(caseId),
      // Forwarded documents first (nulls last), each part oldest first.
      orderBy: [{ forwardedAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
      take: FORWARDED_LIST_LIMIT,
      select: {
        id: true,
        fileName: true,
        kind: true,
        caseFileItem: true,
        description: true,
        sizeBytes: true,
        sha256: true,
        createdAt: true,
        forwardedAt: true,
      },
    });
    const body: z.input<typeof apiCaseDocumentList> = {
      data: documents.map((document) => ({
        ...document,
        from: document.forwardedAt ? "APPLICANT" : "PLAN",
        sizeBytes: Number(document.sizeBytes),
        createdAt: document.createdAt.toISOString(),
        forwardedAt: document.forwardedAt?.toISOString() ?? null,
        href: `/api/v1/cases/${encodeURIComponent(reference)}/documents/${document.id}`,
      })),
    };
    return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  });
}

/** GET /cases/{reference}/documents/{documentId} — one document of that list; the download is audited. */
export function getDocumentFile(request: Request, reference: string, documentId: string): Promise<Response> {
  return apiRequest(request, async (client) => {
    const caseId = await planCaseIdByReference(client.planId, reference, apiReader(client, request));
    const listed = isId(documentId) && (await db.document.count({ where: { AND: [{ id: documentId }, planDocumentsWhere(caseId)] } })) > 0;
    if (!listed) throw notFound("This document");
    try {
      const download = await downloadDocument({ user: apiPlanUser(client), actor: client.actor, documentId, inline: false });
      return new Response(download.body, { headers: downloadHeaders(download) });
    } catch (error) {
      if (error instanceof DocumentRefusal) return error.toResponse();
      throw error;
    }
  });
}

/** GET /cases/{reference}/letters — every version of the decision letter, oldest first. */
export function getLetters(request: Request, reference: string): Promise<Response> {
  return apiRequest(request, async (client) => {
    const reader = apiReader(client, request);
    const caseId = await planCaseIdByReference(client.planId, reference, reader);
    await caseViewed(reader, { id: caseId, reference });
    const letters = await db.decisionLetter.findMany({
      where: { caseId },
      orderBy: { version: "asc" },
      select: { version: true, outcome: true, issuedAt: true, amendmentReason: true, sha256: true },
    });
    const body: z.input<typeof apiLetterList> = {
      data: letters.map((letter) => ({
        ...letter,
        issuedAt: letter.issuedAt.toISOString(),
        href: `/api/v1/cases/${encodeURIComponent(reference)}/letters/${letter.version}`,
      })),
    };
    return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  });
}

/** GET /cases/{reference}/letters/{version|latest} — the letter's PDF, as issued; the download is audited. */
export function getLetterPdf(request: Request, reference: string, version: string): Promise<Response> {
  return apiRequest(request, async (client) => {
    const caseId = await planCaseIdByReference(client.planId, reference, apiReader(client, request));
    if (version !== "latest" && !/^[1-9]\d{0,5}$/.test(version)) {
      return badParameters([{ name: "version", reason: 'must be a letter version (1, 2, ...) or "latest"' }]);
    }
    const letter = await db.decisionLetter.findFirst({
      where: { caseId, ...(version === "latest" ? {} : { version: Number(version) }) },
      orderBy: { version: "desc" },
      select: { documentId: true, version: true, sha256: true },
    });
    if (!letter) throw notFound(version === "latest" ? "A decision letter for this case" : `Version ${version} of the decision letter`);
    try {
      const download = await downloadDocument({ user: apiPlanUser(client), actor: client.actor, documentId: letter.documentId, inline: false });
      const headers = downloadHeaders(download);
      headers.set("X-Letter-Version", String(letter.version));
      headers.set("Digest", `sha-256=${Buffer.from(letter.sha256, "hex").toString("base64")}`);
      return new Response(download.body, { headers });
    } catch (error) {
      if (error instanceof DocumentRefusal) return error.toResponse();
      throw error;
    }
  });
}
