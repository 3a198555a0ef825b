import { z } from "zod";
import { CASE_FILE_ITEM_KEYS, type CaseFileItemKey } from "~/domain/plan-case-file";
import { DOCUMENT_KINDS } from "~/domain/documents/document-kinds";

const FILE_NAME_MAX = 255;
export const DOCUMENT_DESCRIPTION_MAX = 500;

/**
 * The name as it will be shown and offered on download: the last path part
 * only (some systems send a full path), without control characters or
 * invisible formatting ones: a right-to-left override would show
 * "invoice\u202Efdp.exe" as "invoiceexe.pdf".
 */
function cleanFileName(name: string): string {
  const lastPart = name.split(/[/\\]/).pop() ?? "";
  const printable = lastPart.replace(/[\p{Cc}\p{Cf}]/gu, "");
  return printable.trim().slice(-FILE_NAME_MAX);
}

/** The query of POST /documents; the file itself is the raw request body. */
export const uploadQuerySchema = z.object({
  caseId: z.uuid({ error: "must be the id of a case" }),
  kind: z.enum(DOCUMENT_KINDS, { error: "must say what the document is (one of the document kinds)" }),
  name: z
    .string({ error: "must give the file's name" })
    .transform(cleanFileName)
    .pipe(z.string().min(1, { error: "must give the file's name" })),
  informationRequestId: z.uuid({ error: "must be the id of a request for information" }).optional(),
  /** A plan case file document: the checklist item it answers. */
  caseFileItem: z.enum(CASE_FILE_ITEM_KEYS as [CaseFileItemKey, ...CaseFileItemKey[]], { error: "must name an item of the case file checklist" }).optional(),
  /** The uploader's note on what the file holds (the plan's annotated list, which the applicant sees too). */
  description: z
    .string()
    .trim()
    .max(DOCUMENT_DESCRIPTION_MAX, { error: `must be at most ${DOCUMENT_DESCRIPTION_MAX} characters` })
    .optional()
    .transform((value) => value || undefined),
});
export type UploadQuery = z.infer<typeof uploadQuerySchema>;

/** The fields of a form that carries a file itself, as the uploader sends it when the browser runs no JavaScript. */
export const FORM_FILE_FIELDS = { file: "documentFile", kind: "documentKind" } as const;

/** The query of GET /documents: what the signed-in person may still add to a case. */
export const allowanceQuerySchema = z.object({
  caseId: z.uuid({ error: "must be the id of a case" }),
  informationRequestId: z.uuid({ error: "must be the id of a request for information" }).optional(),
});

export function uploadUrl(query: {
  caseId: string;
  kind: string;
  name: string;
  informationRequestId?: string;
  caseFileItem?: string;
  description?: string;
}): string {
  const params = new URLSearchParams({ caseId: query.caseId, kind: query.kind, name: query.name });
  if (query.informationRequestId) params.set("informationRequestId", query.informationRequestId);
  if (query.caseFileItem) params.set("caseFileItem", query.caseFileItem);
  if (query.description?.trim()) params.set("description", query.description.trim());
  return `/documents?${params.toString()}`;
}
