import type { TFunction } from "i18next";
import { DOCUMENT_KINDS, type DocumentKind } from "~/domain/documents/document-kinds";
import { translator } from "~/i18n/i18n";
import { DEFAULT_LOCALE } from "~/i18n/locales";
import { FORM_FILE_FIELDS, uploadQuerySchema } from "~/schemas/upload-query";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { DocumentRefusal } from "./document-refusal.server";
import { uploadDocument, type UploadedDocument } from "./upload-document.server";

export type FormFileOutcome = { kind: "none" } | { kind: "added"; document: UploadedDocument } | { kind: "refused"; reason: string };

const isKind = (value: unknown): value is DocumentKind => typeof value === "string" && (DOCUMENT_KINDS as readonly string[]).includes(value);

/**
 * Adds the file a form sent with its other answers, by the same checks and
 * storage as POST /documents: a file chosen without JavaScript is saved,
 * never dropped. Nothing chosen is "none"; a refusal comes back in words to
 * show next to the file input (in the page's language, `t`), so the page
 * stays and says so.
 */
export async function uploadFormFile(input: {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  form: FormData;
  /** The file answers this request for information. */
  informationRequestId?: string;
  /** The page's language; English when not given. */
  t?: TFunction;
  at?: Date;
}): Promise<FormFileOutcome> {
  const t = input.t ?? translator(DEFAULT_LOCALE);
  const file = input.form.get(FORM_FILE_FIELDS.file);
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) return { kind: "none" };
  const kind = input.form.get(FORM_FILE_FIELDS.kind);
  if (!isKind(kind)) return { kind: "refused", reason: t('Choose what "{name}" is, then choose the file again and press the button.', { name: file.name }) };
  const query = uploadQuerySchema.safeParse({ caseId: input.caseId, kind, name: file.name || "document", informationRequestId: input.informationRequestId });
  if (!query.success) return { kind: "refused", reason: t("This file could not be read. Choose it again and press the button.") };
  try {
    const document = await uploadDocument({
      user: input.user,
      actor: input.actor,
      query: query.data,
      body: file.stream(),
      declaredBytes: file.size,
      signal: new AbortController().signal,
      at: input.at,
    });
    return { kind: "added", document };
  } catch (error) {
    if (error instanceof DocumentRefusal) {
      return { kind: "refused", reason: t('"{name}" was not added: {reason}', { name: file.name, reason: error.detailIn(t) }) };
    }
    throw error;
  }
}
