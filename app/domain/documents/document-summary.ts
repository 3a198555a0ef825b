import type { TextLayerProgress } from "../casefile/text-layer";
import type { DocumentKind } from "./document-kinds";

/** A document as lists show it (no storage details); what loaders hand to DocumentList. */
export interface DocumentSummary {
  id: string;
  fileName: string;
  kind: DocumentKind;
  sizeBytes: number;
  /** ISO 8601. */
  createdAt: string;
  /** The person may remove it now (they added it, and the request is still a draft). */
  removable: boolean;
  /** The uploader's note on what it holds (the plan's annotated list of what it sent). */
  description?: string | null;
  /** ISO 8601: when the applicant's new information was forwarded to the plan. */
  forwardedAt?: string | null;
  /** Who wrote it, when known. */
  author?: string | null;
  /** The date it bears (YYYY-MM-DD), when known. */
  authoredOn?: string | null;
  /** Where its text layer stands, for the staff who search the case file. */
  textLayer?: TextLayerProgress | null;
}

/** What GET /documents?caseId= answers: the room the signed-in person has left on the case. */
export interface UploadAllowance {
  kinds: DocumentKind[];
  limits: { fileBytes: number; caseBytes: number | null };
  usedBytes: number;
  allowance: { maxBytes: number; binding: "file" | "case" };
}
