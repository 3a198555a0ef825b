import { checkStatusAndRole, type CaseActorRole } from "~/domain/case-actions";
import type { CaseStatus } from "~/domain/case-status";
import { caseLinkPath } from "~/domain/case-paths";
import { caseRefused, caseViewed } from "../cases/case-views.server";
import { assertCaseAction, changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import { db } from "../db.server";
import { notFound } from "../errors.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { queueWebhookEvent } from "../webhooks/queue-webhook.server";
import { planRecipients } from "../intake/intake-case.server";
import { coordinatorEmails, explainConflict, ownRequestWhere } from "./case-page.server";
import { translator } from "~/i18n/i18n";
import { noticeLocale } from "~/i18n/locales";

/** Why the request cannot be withdrawn now, in the applicant's words; null when it can. */
function withdrawalRefusal(status: CaseStatus, roles: readonly CaseActorRole[]): string | null {
  const check = checkStatusAndRole("withdraw", status, roles);
  return check.ok ? null : check.message;
}

/** What the confirmation screen shows. */
export async function withdrawPage(user: SessionUser, caseId: string, actor: Actor) {
  const kase = await db.case.findFirst({
    where: ownRequestWhere(user, caseId),
    select: { id: true, reference: true, status: true, version: true, serviceDescription: true, plan: { select: { name: true } } },
  });
  const reader = { actor, page: "withdraw" };
  if (!kase?.reference) throw await caseRefused(reader, caseId, "This request");
  await caseViewed(reader, kase);
  return {
    id: kase.id,
    reference: kase.reference,
    version: kase.version,
    service: kase.serviceDescription,
    planName: kase.plan?.name ?? null,
    refusal: withdrawalRefusal(kase.status, user.roles),
  };
}

export interface WithdrawRequest {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  reason?: string;
  at?: Date;
}

/**
 * The applicant withdraws before a decision: the case becomes WITHDRAWN,
 * every running clock stops and the reviewers' offers and assignments end
 * (the transition's own effects), and the applicant, the plan (its contact
 * and its active users), the coordinators and the reviewers who were offered
 * or working on the case are told, all in one change. Emails never repeat
 * the reason: it may hold medical details.
 */
export async function withdrawRequest(input: WithdrawRequest) {
  const at = input.at ?? new Date();
  const kase = await db.case.findFirst({
    where: ownRequestWhere(input.user, input.caseId),
    select: { id: true, reference: true, status: true, planId: true, preferredLanguage: true, applicant: { select: { email: true } } },
  });
  const reference = kase?.reference;
  if (!kase || !reference) throw notFound("This request");
  assertCaseAction("withdraw", kase.status, input.user.roles);
  const link = `${config().appUrl}${caseLinkPath(reference)}`;
  const organizationName = config().organizationName;
  const locale = noticeLocale(kase.preferredLanguage);
  const t = translator(locale);
  try {
    return await changeCase({
      caseId: kase.id,
      expectedVersion: input.expectedVersion,
      actor: { ...input.actor, roles: input.user.roles },
      action: "withdraw",
      event: { type: "withdrawn", note: input.reason ?? null },
      update: { withdrawnAt: at },
      at,
      work: async (tx) => {
        if (kase.planId) {
          await queueWebhookEvent(tx, {
            planId: kase.planId,
            type: "case.closed",
            caseId: kase.id,
            at,
            data: { reference, status: "WITHDRAWN", outcome: null, closedAt: at.toISOString() },
          });
        }
        // One query at a time: the transaction has one connection.
        const coordinators = await coordinatorEmails(tx, kase.id);
        const reviewers = await tx.reviewerAssignment.findMany({
          where: { caseId: kase.id, status: { in: ["OFFERED", "ACCEPTED"] }, reviewer: { disabledAt: null } },
          select: { reviewer: { select: { email: true } } },
        });
        return { coordinators, reviewers: reviewers.map((row) => row.reviewer.email), plan: await planRecipients(tx, kase.planId) };
      },
      emails: (_before, { coordinators, reviewers, plan }) => {
        const parties = [...plan, ...coordinators].filter((email) => email !== kase.applicant.email);
        const others = [...new Set(parties)];
        const reviewersOnly = [...new Set(reviewers)].filter((email) => email !== kase.applicant.email && !others.includes(email));
        return [
          {
            template: "case-update" as const,
            to: kase.applicant.email,
            locale,
            props: {
              organizationName,
              reference,
              headline: t("Your request was withdrawn"),
              action: t(
                "You withdrew your request for independent review. The review has stopped and nothing more is due. If this was a mistake, contact the review organization as soon as possible.",
              ),
              link,
            },
          },
          ...others.map((email) => ({
            template: "case-update" as const,
            to: email,
            props: {
              organizationName,
              reference,
              headline: "The applicant withdrew the request",
              action: "The independent review has ended and every deadline on the case has stopped. Nothing more is due on this case.",
              link,
            },
          })),
          ...reviewersOnly.map((email) => ({
            template: "case-update" as const,
            to: email,
            props: {
              organizationName,
              reference,
              headline: "The review of this case has ended",
              action: "The applicant withdrew the request, so your offer or assignment on this case has ended and no determination is needed.",
              link,
            },
          })),
        ];
      },
    });
  } catch (error) {
    throw await explainConflict(error, kase.id, input.expectedVersion);
  }
}
