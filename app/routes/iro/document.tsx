import { Link } from "react-router";
import type { Route } from "./+types/document";
import { RecordViewer } from "~/components/casefile/record-viewer";
import { coordinatorDocumentPage } from "~/server/casefile/document-viewer.server";
import { idParam } from "~/server/route-params.server";
import { signedInUser } from "~/server/role-areas.server";
import { actorOf } from "~/server/session.server";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${data?.document.fileName ?? "Document"}: ${data?.case.reference ?? "case"} | Independent Medical Review` }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = signedInUser(context);
  const url = new URL(request.url);
  const page = await coordinatorDocumentPage({
    user,
    actor: actorOf(user, request),
    caseId: idParam(params.caseId, "This case"),
    documentId: idParam(params.documentId, "This document"),
    page: url.searchParams.get("page"),
  });
  return { ...page, terms: url.searchParams.get("q") ?? "" };
}

export default function CoordinatorDocument({ loaderData }: Route.ComponentProps) {
  const { document } = loaderData;
  return (
    <>
      <p>
        <Link to={`/iro/cases/${loaderData.case.id}`}>Back to case {loaderData.case.reference ?? ""}</Link>
      </p>
      <h1 className="break-anywhere">{document.fileName}</h1>
      <RecordViewer
        key={document.id}
        area="iro"
        caseId={loaderData.case.id}
        document={document}
        page={loaderData.page}
        terms={loaderData.terms}
        pages={loaderData.pages}
        marks={null}
        markable={false}
      />
    </>
  );
}
