import type { Route } from "./+types/index";
import type { UploadAllowance } from "~/domain/documents/document-summary";
import { allowanceQuerySchema, uploadQuerySchema } from "~/schemas/upload-query";
import { badParameters, problem } from "~/server/api/problem.server";
import { discardUnreadBody } from "~/server/documents/checked-upload.server";
import { DocumentRefusal } from "~/server/documents/document-refusal.server";
import { uploadDocument } from "~/server/documents/upload-document.server";
import { findUploadTarget } from "~/server/documents/upload-target.server";
import { requestLocale } from "~/server/i18n/locale.server";
import { actorOf, getSessionUser } from "~/server/session.server";
import { translator } from "~/i18n/i18n";

const signInAgain = () => problem(401, "Signed out", "Your session has ended. Sign in again, then add the file again.");

function invalid(issues: { path: PropertyKey[]; message: string }[]): Response {
  return badParameters(issues.map((issue) => ({ name: String(issue.path[0] ?? "query"), reason: issue.message })));
}

/** GET /documents?caseId=[&informationRequestId=] — what the signed-in person may still add to the case (the uploader's pre-checks). */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await getSessionUser(request);
  if (!user) return signInAgain();
  const query = allowanceQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalid(query.error.issues);
  try {
    const target = await findUploadTarget(user, query.data.caseId, undefined, { informationRequestId: query.data.informationRequestId });
    const answer: UploadAllowance = { kinds: [...target.kinds], limits: target.limits, usedBytes: target.usedBytes, allowance: target.allowance };
    return Response.json(answer, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof DocumentRefusal) return error.toResponse(translator(await requestLocale(request, user)));
    throw error;
  }
}

/**
 * POST /documents?caseId=&kind=&name=[&informationRequestId=] with the raw
 * file as the body (not multipart), so it streams to storage and the browser
 * can show progress. Answers 201 with the new document, or a problem+json
 * reason the uploader shows next to the file.
 */
export async function action({ request }: Route.ActionArgs) {
  try {
    return await answerUpload(request);
  } finally {
    // Whatever the answer, the client may still be sending, and reads the answer only after.
    discardUnreadBody(request.body);
  }
}

async function answerUpload(request: Request): Promise<Response> {
  if (request.method !== "POST") return problem(405, "Method not allowed", "Send the file with POST.", { headers: { Allow: "GET, POST" } });
  const user = await getSessionUser(request);
  if (!user) return signInAgain();
  const query = uploadQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalid(query.error.issues);
  const length = Number(request.headers.get("Content-Length") ?? Number.NaN);
  try {
    const document = await uploadDocument({
      user,
      actor: actorOf(user, request),
      query: query.data,
      body: request.body,
      declaredBytes: Number.isSafeInteger(length) && length >= 0 ? length : null,
      signal: request.signal,
    });
    return Response.json(document, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // The applicant reads why in their language; staff and plans in English.
    if (error instanceof DocumentRefusal) return error.toResponse(translator(await requestLocale(request, user)));
    throw error;
  }
}
