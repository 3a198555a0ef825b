import { can } from "../case-actions";
import type { CaseStatus } from "../case-status";
import type { UploaderParty } from "./document-kinds";
import type { TFunction } from "i18next";
import { msg, type MessageKey, type MessageValues } from "~/i18n/msg";

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

export const APPLICANT_FILE_LIMIT_BYTES = 100 * MB;
/** The sum of the applicant's own documents on one case. */
export const APPLICANT_CASE_LIMIT_BYTES = 1 * GB;
/** Plans send whole case files (scanned charts); they have no per-case limit. */
export const PLAN_FILE_LIMIT_BYTES = 1 * GB;

export interface UploadLimits {
  fileBytes: number;
  caseBytes: number | null;
}

export const UPLOAD_LIMITS: Record<UploaderParty, UploadLimits> = {
  APPLICANT: { fileBytes: APPLICANT_FILE_LIMIT_BYTES, caseBytes: APPLICANT_CASE_LIMIT_BYTES },
  PLAN: { fileBytes: PLAN_FILE_LIMIT_BYTES, caseBytes: null },
};

/** The most the next file may weigh, and which limit sets it. */
export interface Allowance {
  maxBytes: number;
  binding: "file" | "case";
}

export function allowanceFor(limits: UploadLimits, usedBytes: number): Allowance {
  if (limits.caseBytes === null) return { maxBytes: limits.fileBytes, binding: "file" };
  const left = Math.max(0, limits.caseBytes - usedBytes);
  return left < limits.fileBytes ? { maxBytes: left, binding: "case" } : { maxBytes: limits.fileBytes, binding: "file" };
}

/** Applicants add documents while writing and until the case is decided; plans while the review is open. */
export function mayUpload(party: UploaderParty, status: CaseStatus): boolean {
  return can("addDocument", status, [party]) || can("editDraft", status, [party]);
}

/** A document is removed only to undo a mistake before filing; after that it is part of the record. */
export function mayRemove(status: CaseStatus): boolean {
  return can("editDraft", status, ["APPLICANT"]);
}

const sizeNumber = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

const SIZE_UNITS = [
  { name: "KB", bytes: KB },
  { name: "MB", bytes: MB },
  { name: "GB", bytes: GB },
] as const;

/**
 * A size in the largest unit it has at least one of, once rounded to a tenth:
 * an allowance just under 1 GB reads "1 GB", the way the whole allowance does,
 * never "1,024 MB".
 */
export function formatFileSize(bytes: number): string {
  if (bytes < KB) return `${sizeNumber.format(bytes)} ${bytes === 1 ? "byte" : "bytes"}`;
  const rounded = (unit: (typeof SIZE_UNITS)[number]) => Math.round((bytes / unit.bytes) * 10) / 10;
  const unit = SIZE_UNITS.findLast((candidate) => rounded(candidate) >= 1)!;
  return `${sizeNumber.format(rounded(unit))} ${unit.name}`;
}

type UploadRefusalReason = "file-too-large" | "case-limit-reached" | "unsupported-type" | "empty";

/**
 * Why a file was refused, in words the uploader can act on; the browser's
 * pre-check says the same. `detail` is a catalog message and `values` fill
 * it: each reader gets it in their language (`translateMessage`).
 */
export interface UploadRefusal {
  reason: UploadRefusalReason;
  status: number;
  title: string;
  detail: MessageKey;
  values?: MessageValues;
}

export const UNSUPPORTED_TYPE: UploadRefusal = {
  reason: "unsupported-type",
  status: 415,
  title: "File type not accepted",
  detail: msg(
    "This file is not a PDF, JPEG, PNG, TIFF or Word (DOCX) document (its content was checked, not its name). Save or scan it as a PDF and try again.",
  ),
};

export const EMPTY_FILE: UploadRefusal = {
  reason: "empty",
  status: 400,
  title: "Empty file",
  detail: msg("This file is empty. Check it opens on your device, then choose it again."),
};

/** The refusal for a file of `sizeBytes` under `allowance`, or null when it fits. */
export function sizeRefusal(sizeBytes: number, limits: UploadLimits, allowance: Allowance): UploadRefusal | null {
  if (sizeBytes === 0) return EMPTY_FILE;
  if (sizeBytes <= allowance.maxBytes) return null;
  if (allowance.binding === "file") {
    return {
      reason: "file-too-large",
      status: 413,
      title: "File too large",
      detail: msg(
        "This file is larger than {size}, the most one file may be. Split it into smaller files (for example one per visit), or scan it at a lower resolution.",
      ),
      values: { size: formatFileSize(limits.fileBytes) },
    };
  }
  const total = formatFileSize(limits.caseBytes ?? 0);
  return {
    reason: "case-limit-reached",
    status: 413,
    title: "This request's document limit is reached",
    ...(allowance.maxBytes === 0
      ? {
          detail: msg(
            "This file does not fit: the documents already fill the {total} this request may hold. Remove a document you no longer need before adding another.",
          ),
          values: { total },
        }
      : {
          detail: msg(
            "This file does not fit: only {left} left of the {total} this request may hold. Remove a document you no longer need, or send a smaller file.",
          ),
          values: { left: formatFileSize(allowance.maxBytes), total },
        }),
  };
}

/** The most one file may weigh, on the plan's pages and in the API's description (English): "Up to 1 GB a file". */
export function perFileText(limits: UploadLimits): string {
  return `Up to ${formatFileSize(limits.fileBytes)} a file`;
}

/**
 * The uploader's line on what may still be added, in the reader's language
 * (`t`): the size of a file, and the room left when the request has a limit
 * ("Up to 100 MB a file; 293 KB left of the 1 GB this request may hold.").
 */
export function allowanceText(t: TFunction, limits: UploadLimits, usedBytes: number): string {
  const size = formatFileSize(limits.fileBytes);
  if (limits.caseBytes === null) return t("Up to {size} a file.", { size });
  return t("Up to {size} a file; {left} left of the {total} this request may hold.", {
    size,
    left: formatFileSize(Math.max(0, limits.caseBytes - usedBytes)),
    total: formatFileSize(limits.caseBytes),
  });
}
