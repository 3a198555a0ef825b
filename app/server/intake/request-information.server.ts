import crypto from "node:crypto";
import { caseLinkPath } from "~/domain/case-paths";
import { formatDeadlineTime, type DeadlineKind } from "~/domain/deadlines/case-deadlines";
import type { InformationParty } from "~/schemas/intake";
import { changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import { db, type Tx } from "../db.server";
import { atRiskInstant, DB_KIND, refreshNextDeadline } from "../deadlines/case-clocks.server";
import { AppError, notFound } from "../errors.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { queueWebhookEvent } from "../webhooks/queue-webhook.server";
import { dueAtFor, explainingConflicts, planRecipients, screeningWhere } from "./intake-case.server";
import { noticeLocale } from "~/i18n/locales";

export interface RequestInformation {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  addressedTo: InformationParty;
  question: string;
  at?: Date;
}

/**
 * The time each party is given to answer: the applicant the profile's
 * additional-information window, the plan the time it has for its case file
 * on the case's track.
 */
const ANSWER_RULE: Record<InformationParty, DeadlineKind> = { APPLICANT: "applicantInformation", PLAN: "planCaseFile" };

/**
 * Asks the applicant or the plan for what is missing, with a due date from
 * the case's rule profile. The request, its clock (an additional-information
 * clock about this request, which the answer meets), the timeline event and
 * the email to the party asked are one change.
 */
export async function requestInformation(input: RequestInformation) {
  const kase = await db.case.findFirst({
    where: screeningWhere(input.user, input.caseId),
    select: { id: true, reference: true, planId: true, preferredLanguage: true, applicant: { select: { email: true } } },
  });
  if (!kase?.reference) throw notFound("This case");
  if (input.addressedTo === "PLAN" && !kase.planId) throw new AppError("BAD_REQUEST", "This case has no health plan to ask.", { field: "addressedTo" });
  const reference = kase.reference;
  const requestId = crypto.randomUUID();
  const at = input.at ?? new Date();
  // The applicant reads the email in their case's notice language; the plan in English.
  const locale = input.addressedTo === "APPLICANT" ? noticeLocale(kase.preferredLanguage) : undefined;
  return explainingConflicts(kase.id, input.expectedVersion, () =>
    changeCase({
      caseId: kase.id,
      expectedVersion: input.expectedVersion,
      actor: { ...input.actor, roles: input.user.roles },
      action: "requestInformation",
      event: { type: "information_requested", data: { informationRequestId: requestId, addressedTo: input.addressedTo } },
      at,
      work: async (tx) => {
        const { dueAt, timeZone } = await dueAtFor(tx, kase.id, ANSWER_RULE[input.addressedTo], at);
        await tx.informationRequest.create({
          data: {
            id: requestId,
            caseId: kase.id,
            addressedTo: input.addressedTo,
            question: input.question,
            dueAt,
            requestedById: input.user.id,
            createdAt: at,
          },
        });
        await startAnswerClock(tx, { caseId: kase.id, party: input.addressedTo, requestId, at, dueAt });
        if (input.addressedTo === "PLAN" && kase.planId) {
          // The question stays in the portal: it may hold clinical details.
          await queueWebhookEvent(tx, {
            planId: kase.planId,
            type: "information.requested",
            caseId: kase.id,
            at,
            data: { reference, informationRequestId: requestId, dueAt: dueAt.toISOString() },
          });
        }
        const recipients = input.addressedTo === "APPLICANT" ? [kase.applicant.email] : await planRecipients(tx, kase.planId);
        return { requestId, dueAt, due: formatDeadlineTime(dueAt, timeZone, locale), recipients };
      },
      emails: (_before, result) =>
        result.recipients.map((to) => ({
          template: "information-requested" as const,
          to,
          locale,
          props: {
            organizationName: config().organizationName,
            reference,
            forApplicant: input.addressedTo === "APPLICANT",
            due: result.due,
            link: `${config().appUrl}${caseLinkPath(reference)}`,
          },
        })),
    }),
  );
}

/**
 * The clock of one request for information. Written here rather than
 * through changeCase's `startWith`, which counts every additional-information
 * clock by the applicant's window: a request to the plan runs on the plan's
 * own time, and the clock must fall due when the request does.
 */
async function startAnswerClock(tx: Tx, clock: { caseId: string; party: InformationParty; requestId: string; at: Date; dueAt: Date }): Promise<void> {
  await tx.caseDeadline.create({
    data: {
      caseId: clock.caseId,
      kind: DB_KIND.applicantInformation,
      responsible: clock.party,
      subjectId: clock.requestId,
      startedAt: clock.at,
      dueAt: clock.dueAt,
      atRiskAt: atRiskInstant(clock.at, clock.dueAt),
    },
  });
  await refreshNextDeadline(tx, clock.caseId);
}
