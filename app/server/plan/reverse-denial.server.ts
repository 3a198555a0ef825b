import { caseLinkPath } from "~/domain/case-paths";
import { translator } from "~/i18n/i18n";
import { noticeLocale, type Locale } from "~/i18n/locales";
import { assertCaseAction, changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import type { Actor } from "../request-context.server";
import { coordinatorEmails } from "../requests/case-page.server";
import { queueWebhookEvent } from "../webhooks/queue-webhook.server";
import { asPlanChange, findPlanCase, PLAN_ROLES, type PlanChannel, type PlanUser } from "./plan-case.server";

export interface ReverseDenial {
  user: PlanUser;
  actor: Actor;
  caseId: string;
  /** The version the page showed; the API leaves it out. */
  expectedVersion?: number;
  /** What the plan approved; kept on the timeline, never put in an email (it may hold medical details). */
  note: string;
  channel: PlanChannel;
  at?: Date;
}

/**
 * The plan approved the service itself during the review (docs/rules/plan-case-file.md,
 * "The plan reverses its denial"): the case becomes REVERSED_BY_PLAN, every open clock
 * stops, reviewers' offers and assignments end (changeCase, ASSIGNMENT_ENDINGS), and the applicant, the
 * coordinators and the reviewers are told; the plan's webhook hears that the
 * case closed. One change.
 */
export async function reverseDenial(input: ReverseDenial): Promise<{ version: number }> {
  const kase = await findPlanCase(input.user, input.caseId);
  assertCaseAction("reverseDenial", kase.status, PLAN_ROLES);
  const at = input.at ?? new Date();
  const link = `${config().appUrl}${caseLinkPath(kase.reference)}`;
  const organizationName = config().organizationName;
  const changed = await asPlanChange(kase, input.expectedVersion, (expectedVersion) =>
    changeCase({
      caseId: kase.id,
      expectedVersion,
      actor: { ...input.actor, roles: PLAN_ROLES },
      action: "reverseDenial",
      event: { type: "reversed_by_plan", note: input.note, data: { channel: input.channel } },
      at,
      work: async (tx) => {
        const working = await tx.reviewerAssignment.findMany({
          where: { caseId: kase.id, status: { in: ["OFFERED", "ACCEPTED"] } },
          select: { id: true, status: true, reviewer: { select: { email: true, disabledAt: true } } },
        });
        await queueWebhookEvent(tx, {
          planId: kase.planId,
          type: "case.closed",
          caseId: kase.id,
          at,
          data: { reference: kase.reference, status: "REVERSED_BY_PLAN", outcome: null, closedAt: at.toISOString() },
        });
        return {
          coordinators: await coordinatorEmails(tx, kase.id),
          reviewers: [...new Set(working.filter((row) => !row.reviewer.disabledAt).map((row) => row.reviewer.email))],
        };
      },
      emails: (_before, { coordinators, reviewers }) => {
        const update = (to: string, headline: string, action: string, locale?: Locale) => ({
          template: "case-update" as const,
          to,
          locale,
          props: { organizationName, reference: kase.reference, headline, action, link },
        });
        const staff = [...new Set([...coordinators, ...reviewers])].filter((email) => email !== kase.applicant.email);
        const locale = noticeLocale(kase.preferredLanguage);
        const t = translator(locale);
        return [
          update(
            kase.applicant.email,
            t("Your health plan reversed its denial"),
            t(
              "Your health plan approved what it had denied, so the independent review has ended. Nothing more is due from you. Contact your plan if the service is not arranged.",
            ),
            locale,
          ),
          ...staff.map((to) =>
            update(
              to,
              "The health plan reversed its denial",
              reviewers.includes(to) && !coordinators.includes(to)
                ? "The plan approved the service itself, so the review has ended and your work on this case stops. No determination is needed."
                : "The plan approved the service itself, so the review has ended and every deadline on the case has stopped.",
            ),
          ),
        ];
      },
    }),
  );
  return { version: changed.version };
}
