import { can } from "~/domain/case-actions";
import { caseLinkPath } from "~/domain/case-paths";
import { ANSWER_REQUIRED_MESSAGE } from "~/schemas/case-actions";
import { caseRefused, caseViewed } from "../cases/case-views.server";
import { changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import { db } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { meetDeadlineOf } from "../deadlines/meet-deadline.server";
import { AppError, conflict, notFound } from "../errors.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { coordinatorEmails, documentSelect, documentSummary, explainConflict, informationDueText, ownRequestWhere } from "./case-page.server";
import { isId } from "~/schemas/ids";
import type { Locale } from "~/i18n/locales";
import { msg } from "~/i18n/msg";

/** One request for information to the applicant, with what they attached to it so far. */
export async function informationRequestPage(user: SessionUser, caseId: string, requestId: string, actor: Actor, now = new Date(), locale: Locale = "en") {
  const kase = isId(requestId)
    ? await db.case.findFirst({
        where: ownRequestWhere(user, caseId),
        select: {
          id: true,
          reference: true,
          status: true,
          version: true,
          informationRequests: {
            where: { id: requestId, addressedTo: "APPLICANT" },
            select: {
              id: true,
              question: true,
              dueAt: true,
              answer: true,
              answeredAt: true,
              documents: { orderBy: { createdAt: "asc" }, select: documentSelect },
            },
          },
        },
      })
    : null;
  const request = kase?.informationRequests[0];
  const reader = { actor, page: "information request", at: now };
  if (!kase?.reference || !request) throw await caseRefused(reader, caseId, "This request for information");
  await caseViewed(reader, kase);
  const { timeZone } = await organizationCalendar();
  return {
    caseId: kase.id,
    reference: kase.reference,
    version: kase.version,
    requestId: request.id,
    question: request.question,
    dueText: informationDueText(request, now, timeZone, locale),
    overdue: request.answeredAt === null && request.dueAt < now,
    answered: request.answeredAt !== null,
    answer: request.answer,
    documents: request.documents.map((row) => documentSummary(row, user.id, kase.status)),
    canAnswer: can("answerInformation", kase.status, user.roles) && request.answeredAt === null,
  };
}

export interface AnswerInformation {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  requestId: string;
  /** The case version the applicant's page showed. */
  expectedVersion: number;
  /** May be empty when documents attached to the request answer it. */
  answer: string;
  at?: Date;
}

/**
 * The applicant answers a coordinator's request for information: the answer,
 * the clock it meets, the timeline event, the audit row and the coordinators'
 * email are one change. Documents were attached to the request as they were
 * uploaded; an answer needs text or at least one of them.
 */
export async function answerInformationRequest(input: AnswerInformation) {
  const at = input.at ?? new Date();
  const kase = await db.case.findFirst({ where: ownRequestWhere(input.user, input.caseId), select: { id: true, reference: true } });
  // A draft has no reference, and no request for information either.
  const reference = kase?.reference;
  if (!kase || !reference || !isId(input.requestId)) throw notFound("This request for information");
  try {
    return await changeCase({
      caseId: kase.id,
      expectedVersion: input.expectedVersion,
      actor: { ...input.actor, roles: input.user.roles },
      action: "answerInformation",
      event: { type: "information_provided", data: { informationRequestId: input.requestId } },
      at,
      work: async (tx) => {
        const request = await tx.informationRequest.findFirst({
          where: { id: input.requestId, caseId: kase.id, addressedTo: "APPLICANT" },
          select: { id: true, answeredAt: true, _count: { select: { documents: true } } },
        });
        if (!request) throw notFound("This request for information");
        if (request.answeredAt) throw conflict(msg("You already answered this request."));
        if (input.answer === "" && request._count.documents === 0) {
          throw new AppError("BAD_REQUEST", ANSWER_REQUIRED_MESSAGE, { field: "answer" });
        }
        await tx.informationRequest.update({
          where: { id: request.id },
          data: { answer: input.answer || null, answeredAt: at, answeredById: input.user.id },
        });
        const clock = await meetDeadlineOf(tx, { caseId: kase.id, kind: "applicantInformation", subjectId: request.id }, at);
        return { clock, documents: request._count.documents, coordinators: await coordinatorEmails(tx, kase.id) };
      },
      emails: (_before, result) =>
        result.coordinators.map((email) => ({
          template: "case-update" as const,
          to: email,
          props: {
            organizationName: config().organizationName,
            reference,
            headline: "The applicant sent the information you asked for",
            action:
              "Read the answer and any documents on the case page, then take the next step. Documents the applicant adds after acceptance are forwarded to the plan as they arrive.",
            link: `${config().appUrl}${caseLinkPath(reference)}`,
          },
        })),
    });
  } catch (error) {
    throw await explainConflict(error, kase.id, input.expectedVersion);
  }
}
