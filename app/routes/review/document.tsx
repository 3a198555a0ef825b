import { Link, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/document";
import { RecordViewer } from "~/components/casefile/record-viewer";
import { markReadSchema, markUnreadSchema, removeBookmarkSchema, saveBookmarkSchema } from "~/schemas/page-marks";
import { reviewerDocumentPage } from "~/server/casefile/document-viewer.server";
import { markPageUnread, recordPageRead, removeBookmark, saveBookmark } from "~/server/casefile/page-marks.server";
import { formSubmission, submitIntent } from "~/server/route-answers.server";
import { idParam } from "~/server/route-params.server";
import { signedInUser } from "~/server/role-areas.server";
import { actorOf } from "~/server/session.server";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${data?.document.fileName ?? "Document"}: ${data?.case.reference ?? "case"} | Independent Medical Review` }];
}

/** A page mark answers with the reviewer's marks: the document is not read (nor its view audited) again. */
export function shouldRevalidate({ formMethod, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs): boolean {
  return formMethod?.toUpperCase() === "POST" ? false : defaultShouldRevalidate;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = signedInUser(context);
  const url = new URL(request.url);
  const page = await reviewerDocumentPage({
    user,
    actor: actorOf(user, request),
    caseId: idParam(params.caseId, "This case"),
    documentId: idParam(params.documentId, "This document"),
    page: url.searchParams.get("page"),
  });
  return { ...page, terms: url.searchParams.get("q") ?? "" };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = signedInUser(context);
  const acting = { user, actor: actorOf(user, request), caseId: idParam(params.caseId, "This case"), documentId: idParam(params.documentId, "This document") };
  return submitIntent(request, {
    read: formSubmission(markReadSchema, async ({ pageNumber }) => ({ marks: await recordPageRead({ ...acting, pageNumber }) })),
    unread: formSubmission(markUnreadSchema, async ({ pageNumber }) => ({ marks: await markPageUnread({ ...acting, pageNumber }) })),
    bookmark: formSubmission(saveBookmarkSchema, async ({ pageNumber, note }) => ({ marks: await saveBookmark({ ...acting, pageNumber, note }) })),
    removeBookmark: formSubmission(removeBookmarkSchema, async ({ pageNumber }) => ({ marks: await removeBookmark({ ...acting, pageNumber }) })),
  });
}

export default function ReviewerDocument({ loaderData }: Route.ComponentProps) {
  const { document } = loaderData;
  return (
    <>
      <p>
        <Link to={`/review/cases/${loaderData.case.id}#case-file-heading`}>Back to case {loaderData.case.reference}</Link>
      </p>
      <h1 className="break-anywhere">{document.fileName}</h1>
      <RecordViewer
        key={document.id}
        area="review"
        caseId={loaderData.case.id}
        document={document}
        page={loaderData.page}
        terms={loaderData.terms}
        pages={loaderData.pages}
        marks={loaderData.marks}
        markable={loaderData.markable}
      />
    </>
  );
}
