/**
 * A notice or decision letter written for an applicant who reads another
 * language is stored twice: the English original (the record the plan, the
 * API and the webhooks get) and the copy in the applicant's language, which
 * points at it (docs/decisions/0027-notices-in-the-applicants-language.md).
 * Pure: the caller loads the case's documents.
 */
import type { Locale } from "~/i18n/locales";

export interface CopyOfDocument {
  id: string;
  /** The English original this document is a copy of; null for the original itself and every other document. */
  translationOfId: string | null;
  /** The copy's language; null on everything else. */
  language: string | null;
}

/**
 * The documents a reader of `locale` is given: each notice and letter in
 * their language when a copy in it exists, the English original otherwise;
 * copies in other languages are left out. An English reader (the plan)
 * gets the originals only.
 */
export function documentsForReader<Document extends CopyOfDocument>(documents: readonly Document[], locale: Locale): Document[] {
  const copied = new Set(documents.flatMap((document) => (document.translationOfId && document.language === locale ? [document.translationOfId] : [])));
  return documents.filter((document) => (document.translationOfId ? document.language === locale : !copied.has(document.id)));
}
