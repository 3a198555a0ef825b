import { caseLinkPath } from "~/domain/case-paths";
import type { DeadlineKind, Dispute, Track } from "~/domain/deadlines/case-deadlines";
import { reclassifiedClocks } from "~/domain/deadlines/reclassify";
import { DISPUTE_TYPE_LABELS, type DisputeTypeCode } from "~/domain/reports/labels";
import type { RuleSet } from "~/domain/rule-profiles";
import { assertCaseAction, changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import { db } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { atRiskInstant, DB_KIND, KIND_OF_DB, refreshNextDeadline } from "../deadlines/case-clocks.server";
import { AppError, notFound } from "../errors.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { explainingConflicts, panelSize, planRecipients, screeningWhere } from "./intake-case.server";
import { translateMessage, translator } from "~/i18n/i18n";
import { noticeLocale } from "~/i18n/locales";

type CaseTrack = "STANDARD" | "EXPEDITED";

export interface CorrectClassification {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  disputeType: DisputeTypeCode;
  track: CaseTrack;
  reason: string;
  at?: Date;
}

const TRACK_WORDS: Record<CaseTrack, string> = { STANDARD: "standard", EXPEDITED: "expedited" };

/** Reviewers holding a seat on the panel: offered, working or done. */
const SEATED = ["OFFERED", "ACCEPTED", "COMPLETED"] as const;

/**
 * A coordinator corrects the dispute type or the track the request was filed
 * under (an experimental denial filed as medical necessity, say), saying why.
 * In one change: the case's classification and its panel size (the panel
 * rule follows the dispute type), every running clock counted again from its
 * start under the corrected rules, the timeline event and audit row with the
 * before and after, and an email to the applicant and the plan that the
 * deadlines changed. The reason stays on the timeline, never in an email.
 */
export async function correctClassification(input: CorrectClassification) {
  const at = input.at ?? new Date();
  const kase = await db.case.findFirst({
    where: screeningWhere(input.user, input.caseId),
    select: {
      id: true,
      reference: true,
      status: true,
      planId: true,
      disputeType: true,
      track: true,
      panelSize: true,
      preferredLanguage: true,
      applicant: { select: { email: true } },
      ruleProfile: { select: { rules: true } },
    },
  });
  if (!kase?.reference) throw notFound("This case");
  assertCaseAction("correctClassification", kase.status, input.user.roles);
  if (kase.disputeType === input.disputeType && kase.track === input.track) {
    throw new AppError("BAD_REQUEST", "The case already has this dispute type and track: change one of them, or leave the form.", { field: "disputeType" });
  }
  const reference = kase.reference;
  const link = `${config().appUrl}${caseLinkPath(reference)}`;
  const organizationName = config().organizationName;
  const from = { disputeType: kase.disputeType, track: kase.track, panelSize: kase.panelSize };
  return explainingConflicts(kase.id, input.expectedVersion, () =>
    changeCase({
      caseId: kase.id,
      expectedVersion: input.expectedVersion,
      actor: { ...input.actor, roles: input.user.roles },
      action: "correctClassification",
      event: { type: "classification_corrected", note: input.reason, data: { from, to: { disputeType: input.disputeType, track: input.track } } },
      update: { disputeType: input.disputeType, track: input.track },
      at,
      work: async (tx) => {
        // The panel follows the dispute type; a panel cannot shrink below the reviewers already on it.
        const size = await panelSize(tx, input.disputeType);
        const seated = await tx.reviewerAssignment.count({ where: { caseId: kase.id, status: { in: [...SEATED] } } });
        if (size < seated) {
          throw new AppError(
            "CONFLICT",
            `${seated} reviewers are on this case, more than the ${size} the corrected dispute type needs: replace reviewers before correcting it.`,
          );
        }
        await tx.case.update({ where: { id: kase.id }, data: { panelSize: size } });
        if (kase.ruleProfile) {
          const clocks = await tx.caseDeadline.findMany({
            where: { caseId: kase.id },
            select: { id: true, kind: true, status: true, startedAt: true, dueAt: true },
          });
          const running = clocks
            .filter((clock) => clock.status === "OPEN" && clock.kind !== "OFFER_RESPONSE")
            .map((clock) => ({ ...clock, kind: KIND_OF_DB[clock.kind] as DeadlineKind }));
          const changed = reclassifiedClocks(
            running,
            new Set(clocks.map((clock) => KIND_OF_DB[clock.kind])),
            kase.ruleProfile.rules as unknown as RuleSet,
            input.track.toLowerCase() as Track,
            input.disputeType.toLowerCase() as Dispute,
            await organizationCalendar(tx),
          );
          for (const clock of changed) {
            await tx.caseDeadline.update({
              where: { id: clock.id },
              data: { kind: DB_KIND[clock.kind], dueAt: clock.dueAt, atRiskAt: atRiskInstant(clock.startedAt, clock.dueAt) },
            });
          }
          await refreshNextDeadline(tx, kase.id);
        }
        return { panelSize: size, recipients: await planRecipients(tx, kase.planId) };
      },
      emails: (_before, { recipients }) => {
        const what = `The review is now ${TRACK_WORDS[input.track]}, for a dispute of type "${DISPUTE_TYPE_LABELS[input.disputeType]}".`;
        // The applicant reads it in their case's notice language; the plan in English.
        const locale = noticeLocale(kase.preferredLanguage);
        const t = translator(locale);
        const toApplicant = {
          template: "case-update" as const,
          to: kase.applicant.email,
          locale,
          props: {
            organizationName,
            reference,
            headline: t("The review organization corrected how this case is classified"),
            action: t(
              'The review is now {track, select, EXPEDITED {expedited} other {standard}}, for a dispute of type "{disputeType}". The case\'s deadlines were counted again under the rules for it: see the case page for the dates now due.',
              { track: input.track, disputeType: translateMessage(t, DISPUTE_TYPE_LABELS[input.disputeType]) },
            ),
            link,
          },
        };
        return [
          toApplicant,
          ...recipients
            .filter((email) => email !== kase.applicant.email)
            .map((to) => ({
              template: "case-update" as const,
              to,
              props: {
                organizationName,
                reference,
                headline: "The review organization corrected how this case is classified",
                action: `${what} The case's deadlines were counted again under the rules for it: see the case page for the dates now due.`,
                link,
              },
            })),
        ];
      },
    }),
  );
}
