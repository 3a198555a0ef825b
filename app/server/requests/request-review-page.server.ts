import { can } from "~/domain/case-actions";
import type { DocumentSummary } from "~/domain/documents/document-summary";
import { missingForFiling, type MissingItem } from "~/domain/requests/completeness";
import { isFiledLate } from "~/domain/requests/filing-window";
import type { FilingContext, RequestDraft } from "~/domain/requests/request-draft";
import { caseViewed, refusedAs } from "../cases/case-views.server";
import { listCaseDocuments } from "../documents/list-documents.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { draftFromRow, filingContext, findOwn } from "./request-draft.server";

export type ReviewPage =
  | { kind: "filed"; caseId: string; reference: string; expedited: boolean }
  | {
      kind: "draft";
      caseId: string;
      version: number;
      draft: RequestDraft;
      planName: string | null;
      profileName: string | null;
      context: FilingContext;
      documents: DocumentSummary[];
      missing: MissingItem[];
      /** Past the filing window if it were filed today: it goes with the reason for the delay. */
      late: boolean;
    };

/** Everything entered, what is still missing, and the documents: the review page before signing. */
export async function reviewPage(user: SessionUser, caseId: string, actor: Actor, now = new Date()): Promise<ReviewPage> {
  const reader = { actor, page: "draft review", at: now };
  const row = await findOwn(user, caseId).catch(refusedAs(reader, caseId));
  await caseViewed(reader, row);
  if (!can("editDraft", row.status, user.roles)) {
    return { kind: "filed", caseId: row.id, reference: row.reference ?? "", expedited: row.track === "EXPEDITED" };
  }
  const draft = draftFromRow(row);
  const { profileId: _id, profileName, ...context } = await filingContext(row.plan?.ruleProfileCode, now);
  const documents = await listCaseDocuments(user, row.id);
  return {
    kind: "draft",
    caseId: row.id,
    version: row.version,
    draft,
    planName: row.plan?.name ?? null,
    profileName,
    context,
    documents,
    missing: missingForFiling(
      draft,
      documents.map((document) => document.kind),
      context,
    ),
    late: !!(draft.denialDate && context.filingWindow && isFiledLate(draft.denialDate, context.today, context.filingWindow)),
  };
}
