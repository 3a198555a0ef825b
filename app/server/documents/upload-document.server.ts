import { getsTextLayer } from "~/domain/casefile/text-layer";
import { DOCUMENT_KIND_TEXT, type DocumentKind } from "~/domain/documents/document-kinds";
import { nameForType } from "~/domain/documents/file-types";
import { EMPTY_FILE, sizeRefusal } from "~/domain/documents/limits";
import type { UploadQuery } from "~/schemas/upload-query";
import { audit } from "../audit.server";
import { db } from "../db.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { storeCheckedUpload } from "./checked-upload.server";
import { DocumentRefusal } from "./document-refusal.server";
import { documentStorage, type DocumentStorage } from "./storage.server";
import { forwardNewInformation } from "./new-information.server";
import { recordCertificationArrival } from "../requests/certification.server";
import { findUploadTarget, type UploadTarget } from "./upload-target.server";

export interface UploadedDocument {
  id: string;
  fileName: string;
  kind: DocumentKind;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}

export interface DocumentUpload {
  user: SessionUser;
  actor: Actor;
  query: UploadQuery;
  body: ReadableStream<Uint8Array> | null;
  declaredBytes: number | null;
  signal: AbortSignal;
  /** When the file was added; defaults to the moment it is stored. */
  at?: Date;
}

/**
 * Adds a file to a case: checks who may add what, streams the file into
 * encrypted storage while checking its size and type, then writes the
 * Document row and its audit row in one transaction; the applicant's new
 * information is forwarded to the plan in it, and a doctor's certification
 * that was to follow is recorded as arrived. Whatever fails, no row and no
 * file is left.
 */
export async function uploadDocument(upload: DocumentUpload, storage: DocumentStorage = documentStorage()): Promise<UploadedDocument> {
  const { user, query } = upload;
  const target = await findUploadTarget(user, query.caseId, db, { informationRequestId: query.informationRequestId, at: upload.at });
  checkKind(target, query.kind);
  checkCaseFileItem(target, query);
  if (query.informationRequestId) await checkInformationRequest(target, query.informationRequestId);
  const early = upload.declaredBytes === null ? null : sizeRefusal(upload.declaredBytes, target.limits, target.allowance);
  if (early) throw DocumentRefusal.of(early);
  if (!upload.body) throw DocumentRefusal.of(EMPTY_FILE);

  const { stored, type } = await storeCheckedUpload(
    { body: upload.body, declaredBytes: upload.declaredBytes, limits: target.limits, allowance: target.allowance, signal: upload.signal },
    storage,
  );
  const at = upload.at ?? new Date();
  try {
    return await db.$transaction(async (tx) => {
      // Serializes uploads to one case, so two at once cannot both fit in the room left for one.
      await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${target.caseId}::uuid FOR UPDATE`;
      const now = await findUploadTarget(user, target.caseId, tx, { informationRequestId: query.informationRequestId, at });
      const overLimit = sizeRefusal(stored.sizeBytes, now.limits, now.allowance);
      if (overLimit) throw DocumentRefusal.of(overLimit);
      const document = await tx.document.create({
        data: {
          caseId: target.caseId,
          kind: query.kind,
          fileName: nameForType(query.name, type),
          contentType: type.contentType,
          sizeBytes: BigInt(stored.sizeBytes),
          sha256: stored.sha256,
          storageKey: stored.key,
          // The person who added it; null for a plan's API key (the audit row names the key).
          uploadedById: upload.actor.userId,
          informationRequestId: query.informationRequestId ?? null,
          caseFileItem: query.caseFileItem ?? null,
          description: query.description ?? null,
          createdAt: at,
          // The worker reads its text for the case file's search (casefile/text-layer.server.ts).
          textLayerStatus: getsTextLayer({ kind: query.kind, contentType: type.contentType }) ? "PENDING" : null,
        },
        select: { id: true, fileName: true, kind: true, sizeBytes: true, sha256: true, createdAt: true },
      });
      await audit(
        upload.actor,
        {
          action: "document.uploaded",
          objectType: "Document",
          objectId: document.id,
          detail: { caseId: target.caseId, kind: document.kind, fileName: document.fileName, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
          at,
        },
        tx,
      );
      if (now.newInformation) await forwardNewInformation(tx, { caseId: target.caseId, document, actor: upload.actor, at });
      if (now.party === "APPLICANT") await recordCertificationArrival(tx, { caseId: target.caseId, document, actor: upload.actor, at });
      return { ...document, sizeBytes: stored.sizeBytes, createdAt: document.createdAt.toISOString() };
    });
  } catch (error) {
    await storage.delete(stored.key);
    throw error;
  }
}

function checkKind(target: UploadTarget, kind: DocumentKind): void {
  if (target.kinds.includes(kind)) return;
  const offered = target.kinds.map((allowed) => DOCUMENT_KIND_TEXT[allowed].label.toLowerCase()).join(", ");
  throw new DocumentRefusal(400, "Document kind not accepted", `"${DOCUMENT_KIND_TEXT[kind].label}" cannot be added here. Choose one of: ${offered}.`);
}

/** Only the plan's case file documents answer an item of its checklist. */
function checkCaseFileItem(target: UploadTarget, query: UploadQuery): void {
  if (!query.caseFileItem || (target.party === "PLAN" && query.kind === "PLAN_CASE_FILE")) return;
  throw new DocumentRefusal(400, "Checklist item not accepted", "Only the plan's case file documents answer an item of the case file checklist.");
}

async function checkInformationRequest(target: UploadTarget, informationRequestId: string): Promise<void> {
  const request = await db.informationRequest.findFirst({
    where: { id: informationRequestId, caseId: target.caseId, addressedTo: target.party },
    select: { id: true },
  });
  if (!request) {
    throw new DocumentRefusal(404, "Request for information not found", "This case has no request for information with this id addressed to you.");
  }
}
