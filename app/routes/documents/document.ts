import type { Route } from "./+types/document";
import { rangeRequested } from "~/domain/documents/byte-range";
import { isId } from "~/schemas/ids";
import { problem } from "~/server/api/problem.server";
import { DocumentRefusal, documentNotFound } from "~/server/documents/document-refusal.server";
import { downloadDocument, downloadHeaders } from "~/server/documents/download-document.server";
import { removeDocument } from "~/server/documents/remove-document.server";
import { actorOf, getSessionUser, requireUser } from "~/server/session.server";

/**
 * GET /documents/:documentId[?inline=1] — the file, decrypted as it streams;
 * every download is audited. A `Range` of one span is answered 206 with only
 * those bytes (the viewer's pdf.js reads a large PDF in parts); with
 * `If-Range` it is not, as the document has no validator to compare.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  // A link opened after the session ended goes through the login page and back.
  const user = await requireUser(request);
  const documentId = params.documentId;
  if (!isId(documentId)) return documentNotFound().toResponse();
  try {
    const download = await downloadDocument({
      user,
      actor: actorOf(user, request),
      documentId,
      inline: new URL(request.url).searchParams.get("inline") === "1",
      range: request.headers.has("If-Range") ? null : rangeRequested(request.headers.get("Range")),
    });
    const headers = downloadHeaders(download);
    headers.set("Accept-Ranges", "bytes");
    return new Response(download.body, { status: download.range ? 206 : 200, headers });
  } catch (error) {
    if (error instanceof DocumentRefusal) return error.toResponse();
    throw error;
  }
}

/** DELETE /documents/:documentId — the uploader removes a document added by mistake, while the request is a draft. */
export async function action({ request, params }: Route.ActionArgs) {
  if (request.method !== "DELETE") return problem(405, "Method not allowed", "Remove a document with DELETE.", { headers: { Allow: "GET, DELETE" } });
  const user = await getSessionUser(request);
  if (!user) return problem(401, "Signed out", "Your session has ended. Sign in again, then remove the document.");
  const documentId = params.documentId;
  if (!isId(documentId)) return documentNotFound().toResponse();
  try {
    await removeDocument({ user, actor: actorOf(user, request), documentId });
    return new Response(null, { status: 204 });
  } catch (error) {
    if (error instanceof DocumentRefusal) return error.toResponse();
    throw error;
  }
}
