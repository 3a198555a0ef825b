import { CASE_ACTIONS } from "~/domain/case-actions";
import type { CaseStatus } from "~/domain/case-status";
import type { DocumentKind, UploaderParty } from "~/domain/documents/document-kinds";
import { kindsFor } from "~/domain/documents/document-kinds";
import { allowanceFor, mayUpload, UPLOAD_LIMITS, type Allowance, type UploadLimits } from "~/domain/documents/limits";
import { caseAccessWhere } from "../cases/case-access.server";
import { db, type Tx } from "../db.server";
import type { SessionUser } from "../session.server";
import { caseNotFound, DocumentRefusal } from "./document-refusal.server";

/** A case the person may add documents to now, as which party, and how much room is left. */
export interface UploadTarget {
  caseId: string;
  status: CaseStatus;
  party: UploaderParty;
  kinds: readonly DocumentKind[];
  limits: UploadLimits;
  /** The uploader's own documents on the case (what the per-case limit counts). */
  usedBytes: number;
  allowance: Allowance;
}

/**
 * The applicant on their own request, or a plan user on one of their plan's
 * cases; anyone else gets the same 404 as for a case that does not exist.
 */
export async function findUploadTarget(user: SessionUser, caseId: string, tx: Tx = db): Promise<UploadTarget> {
  const found = await tx.case.findFirst({
    where: { id: caseId, OR: [caseAccessWhere(user, "case:file"), caseAccessWhere(user, "plan-case-file:upload")] },
    select: { id: true, status: true, applicantId: true },
  });
  if (!found) throw caseNotFound();
  const party: UploaderParty = found.applicantId === user.id ? "APPLICANT" : "PLAN";
  if (!mayUpload(party, found.status)) {
    throw new DocumentRefusal(409, "Documents can no longer be added", CASE_ACTIONS.addDocument.refusal(found.status));
  }
  const limits = UPLOAD_LIMITS[party];
  const usedBytes = limits.caseBytes === null ? 0 : await bytesUploadedBy(tx, found.id, user.id);
  return { caseId: found.id, status: found.status, party, kinds: kindsFor(party), limits, usedBytes, allowance: allowanceFor(limits, usedBytes) };
}

async function bytesUploadedBy(tx: Tx, caseId: string, userId: string): Promise<number> {
  const sum = await tx.document.aggregate({ where: { caseId, uploadedById: userId }, _sum: { sizeBytes: true } });
  return Number(sum._sum.sizeBytes ?? 0n);
}
