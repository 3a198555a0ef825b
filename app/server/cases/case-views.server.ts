/**
 * Every read of a case's record leaves its row in the audit log: who opened
 * which case, on which page or endpoint (`case.viewed`), and every refused
 * attempt (`access.denied`). The readers that build a case's page or API
 * answer take the reader's actor and call these themselves, so no route can
 * show a case without its row.
 */
import { audit } from "../audit.server";
import { AppError, notFound } from "../errors.server";
import type { Actor } from "../request-context.server";

/** Whoever reads a case, and on which page or endpoint ("reviewer", "API GET /api/v1/cases/:reference"): what its audit row says. */
export interface CaseReader {
  actor: Actor;
  page: string;
  /** When it was read, for a page worked out at a given instant; defaults to now. */
  at?: Date;
}

/** Why a record was refused: the answer never says which. */
export const NOT_FOUND_OR_NOT_YOURS = "not found or not yours";

/** What a refused attempt records of the address asked for: no more than the caller sent, and never long. */
const ASKED_LIMIT = 64;

/** One INSERT: this reader opened this case. */
export function caseViewed(reader: CaseReader, kase: { id: string; reference: string | null }): Promise<void> {
  return audit(reader.actor, {
    action: "case.viewed",
    objectType: "Case",
    objectId: kase.id,
    detail: { reference: kase.reference, page: reader.page },
    at: reader.at,
  });
}

/**
 * A case that does not exist or is not the reader's: logged as
 * `access.denied` with what was asked (the id or reference from the address)
 * and nothing of any case, then answered 404 like any unknown record.
 */
export async function caseRefused(reader: CaseReader, asked: string, what = "This case"): Promise<AppError> {
  await caseAccessDenied(reader, asked);
  return notFound(what);
}

/**
 * One INSERT: this reader asked for a case (or a record of one, such as a
 * reviewer's offer: `objectType`) that does not exist or is not theirs.
 */
export function caseAccessDenied(reader: CaseReader, asked: string, objectType = "Case"): Promise<void> {
  return audit(reader.actor, {
    action: "access.denied",
    objectType,
    detail: { page: reader.page, asked: asked.slice(0, ASKED_LIMIT), reason: NOT_FOUND_OR_NOT_YOURS },
    at: reader.at,
  });
}

/** For a reader whose own check answers 404: logs the refusal, then lets the 404 through. */
export function refusedAs(reader: CaseReader, asked: string, objectType = "Case") {
  return async (error: unknown): Promise<never> => {
    if (error instanceof AppError && error.code === "NOT_FOUND") await caseAccessDenied(reader, asked, objectType);
    throw error;
  };
}
