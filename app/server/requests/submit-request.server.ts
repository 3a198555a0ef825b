import { can } from "~/domain/case-actions";
import { caseLinkPath } from "~/domain/case-paths";
import { computeDeadline, formatDeadlineTime, type Dispute } from "~/domain/deadlines/case-deadlines";
import { localDate } from "~/domain/deadlines/time-zone";
import { formatInstant } from "~/domain/format-instant";
import { missingForFiling, type MissingItem } from "~/domain/requests/completeness";
import { isFiledLate } from "~/domain/requests/filing-window";
import type { Role } from "~/domain/roles";
import { noticeLocale } from "~/i18n/locales";
import { changeCase } from "../cases/change-case.server";
import { nextReference } from "../cases/reference-number.server";
import { config } from "../config.server";
import { db } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { planRecipients } from "../intake/intake-case.server";
import { ruleProfileInForce } from "../deadlines/rule-profiles.server";
import { AppError, notFound } from "../errors.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { queueWebhookEvent } from "../webhooks/queue-webhook.server";
import { DRAFT_SELECT, draftFromRow, ownRequest } from "./request-draft.server";

export type SubmitOutcome =
  | { kind: "filed"; caseId: string; reference: string }
  /** Filed before (a second click, a retry, another tab): nothing was filed again. */
  | { kind: "already-filed"; caseId: string }
  | { kind: "incomplete"; missing: MissingItem[] }
  /** The draft changed after the page was loaded (another tab or device): review it again. */
  | { kind: "changed" };

/** Thrown inside the filing transaction to undo it when a required document is gone. */
class IncompleteRequest extends Error {
  constructor(readonly missing: MissingItem[]) {
    super("The request is not complete");
  }
}

/**
 * Files a draft in one transaction (changeCase "submit"): a reference number,
 * the rule profile version in force, the consent signature, the late-filing
 * flag, status SUBMITTED, the eligibility clock, a timeline event, an audit
 * row, the applicant's confirmation, a notice to every coordinator, and the
 * plan's email and `case.filed` webhook (its objection window opens now). The
 * version the applicant reviewed must still be the draft's; filing twice
 * files once.
 */
export async function submitRequest(options: {
  user: Pick<SessionUser, "id" | "email" | "roles" | "planId">;
  caseId: string;
  expectedVersion: number;
  signedName: string;
  actor: Actor;
  at?: Date;
}): Promise<SubmitOutcome> {
  const { user, caseId, expectedVersion, signedName, actor } = options;
  const at = options.at ?? new Date();
  const row = await db.case.findFirst({ where: ownRequest(user, caseId), select: DRAFT_SELECT });
  if (!row) throw notFound("This request");
  if (!can("submit", row.status, user.roles)) return { kind: "already-filed", caseId: row.id };
  if (row.version !== expectedVersion) return { kind: "changed" };

  const draft = draftFromRow(row);
  const calendar = await organizationCalendar();
  const profile = row.plan ? await ruleProfileInForce(row.plan.ruleProfileCode, at) : null;
  const context = { today: localDate(at, calendar.timeZone), filingWindow: profile?.rules.filingWindow ?? null };
  const filedLate = !!(draft.denialDate && context.filingWindow && isFiledLate(draft.denialDate, context.today, context.filingWindow));
  const track = draft.track ?? "STANDARD";
  const expedited = track === "EXPEDITED";
  const eligibilityDueAt = profile
    ? computeDeadline(
        "eligibility",
        profile.rules,
        expedited ? "expedited" : "standard",
        (draft.disputeType?.toLowerCase() ?? "medical_necessity") as Dispute,
        at,
        calendar,
      )
    : null;
  const eligibilityDue = eligibilityDueAt ? formatDeadlineTime(eligibilityDueAt, calendar.timeZone) : "";
  // The applicant's confirmation is in the language of the case's notices; staff and the plan read English.
  const applicantLocale = noticeLocale(draft.preferredLanguage);
  const applicantEligibilityDue =
    eligibilityDueAt && applicantLocale !== "en" ? formatInstant(eligibilityDueAt, calendar.timeZone, "dateTime", applicantLocale) : eligibilityDue;
  const link = (reference: string) => `${config().appUrl}${caseLinkPath(reference)}`;

  try {
    const { result } = await changeCase<{ reference: string; coordinators: string[]; plan: string[] }>({
      caseId: row.id,
      expectedVersion,
      actor: { ...actor, roles: user.roles as Role[] },
      action: "submit",
      at,
      event: { type: "submitted", data: { track, filedLate } },
      update: {
        submittedAt: at,
        filedLate,
        lateFilingReason: filedLate ? draft.lateFilingReason : null,
        certificationToFollow: expedited && draft.certificationToFollow === true,
        consentSignedName: signedName,
        consentSignedAt: at,
        draftStep: null,
      },
      work: async (tx) => {
        // Read under the case's row lock: a document removed in another tab a moment ago counts.
        const documents = await tx.document.findMany({ where: { caseId: row.id }, select: { kind: true } });
        const missing = missingForFiling(
          draft,
          documents.map((document) => document.kind),
          context,
        );
        if (missing.length) throw new IncompleteRequest(missing);
        const reference = await nextReference(tx, at);
        // The case keeps the profile version in force when it was filed, whatever versions come later.
        await tx.case.update({ where: { id: row.id }, data: { reference, ruleProfileId: profile?.id ?? null } });
        const coordinators = await tx.user.findMany({ where: { roles: { has: "COORDINATOR" }, disabledAt: null }, select: { email: true } });
        if (row.planId) {
          await queueWebhookEvent(tx, {
            planId: row.planId,
            type: "case.filed",
            caseId: row.id,
            at,
            data: { reference, track, filedAt: at.toISOString(), eligibilityDueAt: eligibilityDueAt?.toISOString() ?? null },
          });
        }
        return { reference, coordinators: coordinators.map((coordinator) => coordinator.email), plan: await planRecipients(tx, row.planId) };
      },
      emails: (_before, { reference, coordinators, plan }) => [
        {
          template: "request-received" as const,
          to: user.email,
          locale: applicantLocale,
          props: { organizationName: config().organizationName, reference, checkedBy: applicantEligibilityDue, expedited, link: link(reference) },
        },
        ...coordinators.map((to) => ({
          template: "new-request" as const,
          to,
          props: { organizationName: config().organizationName, reference, expedited, filedLate, checkBy: eligibilityDue, link: link(reference) },
        })),
        ...plan.map((to) => ({
          template: "case-filed" as const,
          to,
          props: { organizationName: config().organizationName, reference, expedited, checkBy: eligibilityDue, link: link(reference) },
        })),
      ],
    });
    return { kind: "filed", caseId: row.id, reference: result.reference };
  } catch (error) {
    if (error instanceof IncompleteRequest) return { kind: "incomplete", missing: error.missing };
    if (error instanceof AppError && error.code === "CONFLICT") {
      // Someone (most often this same person, a moment earlier) changed the case first.
      const now = await db.case.findFirst({ where: ownRequest(user, caseId), select: { status: true } });
      return now && !can("submit", now.status, user.roles) ? { kind: "already-filed", caseId: row.id } : { kind: "changed" };
    }
    throw error;
  }
}
