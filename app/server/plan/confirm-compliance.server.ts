import { caseLinkPath } from "~/domain/case-paths";
import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { formatLocalDate } from "~/domain/rule-profiles";
import { assertCaseAction, changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import { db, type Tx } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import type { Actor } from "../request-context.server";
import { coordinatorEmails } from "../requests/case-page.server";
import { queueWebhookEvent } from "../webhooks/queue-webhook.server";
import { asPlanChange, findPlanCase, PLAN_ROLES, refuse, type PlanChannel, type PlanUser } from "./plan-case.server";

export interface ConfirmCompliance {
  user: PlanUser;
  actor: Actor;
  caseId: string;
  /** The date the plan approved or paid for the service, YYYY-MM-DD. */
  implementedOn: string;
  authorizationNumber: string;
  note?: string | null;
  channel: PlanChannel;
  at?: Date;
}

export interface ComplianceConfirmed {
  confirmationId: string;
  late: boolean;
  /** When the plan had to comply by; null when no compliance clock ran. */
  dueAt: Date | null;
  confirmedAt: Date;
  version: number;
}

async function alreadyConfirmed(tx: Tx, caseId: string): Promise<string | null> {
  const previous = await tx.complianceConfirmation.findFirst({ where: { caseId }, orderBy: { confirmedAt: "asc" }, select: { confirmedAt: true } });
  if (!previous) return null;
  const { timeZone } = await organizationCalendar(tx);
  return `Compliance with this decision was already confirmed on ${formatDeadlineTime(previous.confirmedAt, timeZone)}. It is confirmed once; contact the review organization to correct it.`;
}

/**
 * The plan confirms it carried out an overturn (docs/rules/after-the-decision.md,
 * "Confirming compliance"): the confirmation is recorded, the compliance clock met or
 * recorded as missed, and the case closes, as nothing more is due. A late
 * confirmation flags the case and alerts the coordinators. The plan's
 * webhook hears that the case closed. One change.
 */
export async function confirmCompliance(input: ConfirmCompliance): Promise<ComplianceConfirmed> {
  const kase = await findPlanCase(input.user, input.caseId);
  const previous = await alreadyConfirmed(db, kase.id);
  if (previous) throw refuse(previous);
  if (kase.outcome === "UPHELD") throw refuse("The denial was upheld: there is no decision to comply with.");
  assertCaseAction("confirmCompliance", kase.status, PLAN_ROLES);
  const at = input.at ?? new Date();
  const link = `${config().appUrl}${caseLinkPath(kase.reference)}`;
  const changed = await asPlanChange(kase, undefined, (expectedVersion) =>
    changeCase({
      caseId: kase.id,
      expectedVersion,
      actor: { ...input.actor, roles: PLAN_ROLES },
      action: "confirmCompliance",
      event: {
        type: "compliance_confirmed",
        note: input.note ?? null,
        data: { implementedOn: input.implementedOn, authorizationNumber: input.authorizationNumber, channel: input.channel },
      },
      update: { closedAt: at },
      at,
      work: async (tx) => {
        const again = await alreadyConfirmed(tx, kase.id);
        if (again) throw refuse(again);
        // The sweep may already have recorded the clock as overdue; lateness is about its due time either way.
        const clock = await tx.caseDeadline.findFirst({
          where: { caseId: kase.id, kind: "COMPLIANCE" },
          orderBy: { startedAt: "desc" },
          select: { dueAt: true },
        });
        const late = clock !== null && at > clock.dueAt;
        const confirmation = await tx.complianceConfirmation.create({
          data: {
            caseId: kase.id,
            implementedOn: new Date(`${input.implementedOn}T00:00:00Z`),
            authorizationNumber: input.authorizationNumber,
            note: input.note ?? null,
            confirmedById: input.actor.userId,
            confirmedAt: at,
            late,
            channel: input.channel,
          },
          select: { id: true },
        });
        if (late) await tx.case.update({ where: { id: kase.id }, data: { flaggedAt: at } });
        await queueWebhookEvent(tx, {
          planId: kase.planId,
          type: "case.closed",
          caseId: kase.id,
          at,
          data: { reference: kase.reference, status: "CLOSED", outcome: kase.outcome, closedAt: at.toISOString(), complianceLate: late },
        });
        const { timeZone } = await organizationCalendar(tx);
        return {
          confirmationId: confirmation.id,
          late,
          dueAt: clock?.dueAt ?? null,
          dueText: clock ? formatDeadlineTime(clock.dueAt, timeZone) : null,
          coordinators: late ? await coordinatorEmails(tx, kase.id) : [],
        };
      },
      emails: (_before, result) =>
        result.coordinators.map((to) => ({
          template: "case-update" as const,
          to,
          props: {
            organizationName: config().organizationName,
            reference: kase.reference,
            headline: "The health plan confirmed compliance late",
            action: `The plan confirmed it implemented the decision on ${formatLocalDate(input.implementedOn)}, after its compliance deadline (${result.dueText}). The case is flagged; decide whether to report it to the regulator.`,
            link,
          },
        })),
    }),
  );
  const { confirmationId, late, dueAt } = changed.result;
  return { confirmationId, late, dueAt, confirmedAt: at, version: changed.version };
}
