import type { TFunction } from "i18next";
import type { UploadRefusal } from "~/domain/documents/limits";
import { localeOf, translateMessage, translator } from "~/i18n/i18n";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import { msg, type MessageValues } from "~/i18n/msg";
import { problem } from "../api/problem.server";

const ENGLISH = translator(DEFAULT_LOCALE);

/**
 * Why a document request was not done, with the status and the words the
 * person sees. The document routes answer it as application/problem+json,
 * in the reader's language, which the uploader shows next to the file.
 */
export class DocumentRefusal extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    /**
     * A catalog message (msg), English written as it is shown, or the words
     * for each language when they hold more than placeholders can (a date
     * written the reader's way).
     */
    readonly detail: string | ((locale: Locale) => string),
    /** What fills the detail's placeholders. */
    readonly values?: MessageValues,
    /** Headers the answer carries besides the problem's own. */
    readonly headers?: Record<string, string>,
  ) {
    super(typeof detail === "function" ? detail(DEFAULT_LOCALE) : translateMessage(ENGLISH, detail, values));
    this.name = "DocumentRefusal";
  }

  static of(refusal: UploadRefusal): DocumentRefusal {
    return new DocumentRefusal(refusal.status, refusal.title, refusal.detail, refusal.values);
  }

  /** The detail in the reader's language (`t`); English for the plan's API. */
  detailIn(t: TFunction = ENGLISH): string {
    return typeof this.detail === "function" ? this.detail(localeOf(t)) : translateMessage(t, this.detail, this.values);
  }

  toResponse(t?: TFunction): Response {
    return problem(this.status, this.title, this.detailIn(t), { headers: this.headers });
  }
}

// The details are catalog keys (msg): the uploader shows them in the page's language.
export const caseNotFound = () => new DocumentRefusal(404, "Case not found", msg("There is no case with this id that you can add documents to."));
export const documentNotFound = () => new DocumentRefusal(404, "Document not found", msg("There is no document with this id that you can open."));
export const uploadInterrupted = () =>
  new DocumentRefusal(400, "Upload interrupted", msg("The upload stopped before the whole file arrived, so nothing was saved. Try again."));
