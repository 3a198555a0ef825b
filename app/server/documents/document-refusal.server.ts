import type { UploadRefusal } from "~/domain/documents/limits";
import { msg } from "~/i18n/msg";
import { problem } from "../api/problem.server";

/**
 * Why a document request was not done, with the status and the words the
 * person sees. The document routes answer it as application/problem+json,
 * which the uploader shows next to the file.
 */
export class DocumentRefusal extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = "DocumentRefusal";
  }

  static of(refusal: UploadRefusal): DocumentRefusal {
    return new DocumentRefusal(refusal.status, refusal.title, refusal.detail);
  }

  toResponse(): Response {
    return problem(this.status, this.title, this.detail);
  }
}

// The details are catalog keys (msg): the uploader shows them in the page's language.
export const caseNotFound = () => new DocumentRefusal(404, "Case not found", msg("There is no case with this id that you can add documents to."));
export const documentNotFound = () => new DocumentRefusal(404, "Document not found", msg("There is no document with this id that you can open."));
export const uploadInterrupted = () =>
  new DocumentRefusal(400, "Upload interrupted", msg("The upload stopped before the whole file arrived, so nothing was saved. Try again."));
