import { can, CASE_ACTIONS } from "~/domain/case-actions";
import type { CaseStatus } from "~/domain/case-status";
import type { DocumentKind, UploaderParty } from "~/domain/documents/document-kinds";
import { kindsFor } from "~/domain/documents/document-kinds";
import { allowanceFor, mayUpload, UPLOAD_LIMITS, type Allowance, type UploadLimits } from "~/domain/documents/limits";
import { isNewInformation, windowClosedMessage } from "~/domain/documents/new-information";
import { caseAccessWhere } from "../cases/case-access.server";
import { db, type Tx } from "../db.server";
import type { SessionUser } from "../session.server";
import { caseNotFound, DocumentRefusal } from "./document-refusal.server";
import { applicantWindowOf } from "./new-information.server";

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
  /** An applicant's document added now is new information, forwarded to the plan. */
  newInformation: boolean;
}

export interface UploadTargetOptions {
  /** The applicant answers this request for information: its own due date governs, not the window. */
  informationRequestId?: string;
  /** When the file is added: the applicant's window is judged at this instant. */
  at?: Date;
}

/**
 * The applicant on their own request, or a plan user on one of their plan's
 * cases; anyone else gets the same 404 as for a case that does not exist.
 * The applicant adds to a filed request only within the window
 * (app/domain/documents/new-information.ts), unless answering a request for information.
 */
export async function findUploadTarget(user: SessionUser, caseId: string, tx: Tx = db, options: UploadTargetOptions = {}): Promise<UploadTarget> {
  const found = await tx.case.findFirst({
    where: { id: caseId, OR: [caseAccessWhere(user, "case:file"), caseAccessWhere(user, "plan-case-file:upload")] },
    select: { id: true, status: true, applicantId: true },
  });
  if (!found) throw caseNotFound();
  const party: UploaderParty = found.applicantId === user.id ? "APPLICANT" : "PLAN";
  if (!mayUpload(party, found.status)) {
    throw new DocumentRefusal(409, "Documents can no longer be added", CASE_ACTIONS.addDocument.refusal(found.status));
  }
  let newInformation = false;
  if (party === "APPLICANT" && !can("editDraft", found.status, ["APPLICANT"])) {
    const { window, rule, timeZone } = await applicantWindowOf(tx, found, options.at ?? new Date());
    if (window.state === "closed" && !(await answersOwnRequest(tx, found.id, options.informationRequestId))) {
      throw new DocumentRefusal(409, "The window to add documents has closed", (locale) => windowClosedMessage(window, rule, timeZone, locale));
    }
    newInformation = isNewInformation(window);
  }
  const limits = UPLOAD_LIMITS[party];
  const usedBytes = limits.caseBytes === null ? 0 : await bytesUploadedBy(tx, found.id, user.id);
  return {
    caseId: found.id,
    status: found.status,
    party,
    kinds: kindsFor(party),
    limits,
    usedBytes,
    allowance: allowanceFor(limits, usedBytes),
    newInformation,
  };
}

async function answersOwnRequest(tx: Tx, caseId: string, informationRequestId: string | undefined): Promise<boolean> {
  if (!informationRequestId) return false;
  return (await tx.informationRequest.count({ where: { id: informationRequestId, caseId, addressedTo: "APPLICANT" } })) > 0;
}

async function bytesUploadedBy(tx: Tx, caseId: string, userId: string): Promise<number> {
  const sum = await tx.document.aggregate({ where: { caseId, uploadedById: userId }, _sum: { sizeBytes: true } });
  return Number(sum._sum.sizeBytes ?? 0n);
}
