import { caseLinkPath } from "~/domain/case-paths";
import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { acceptBlockedReason, eligibilityOutcomes } from "~/domain/eligibility";
import { CASE_FILE_ITEMS } from "~/domain/plan-case-file";
import { type Categorized, categoryProblem } from "~/domain/reports/regulator-categories";
import { changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import { db } from "../db.server";
import { AppError, notFound } from "../errors.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { queueWebhookEvent } from "../webhooks/queue-webhook.server";
import { answersOf } from "./eligibility-answers.server";
import { dueAtFor, explainingConflicts, panelSize, planRecipients, screeningWhere } from "./intake-case.server";
import { noticeLocale } from "~/i18n/locales";

export interface AcceptCase {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  /** The categories regulators publish, as the coordinator chose them (regulator-categories.ts). */
  categories: { diagnosis: Categorized; treatment: Categorized };
  at?: Date;
}

/**
 * Accepts a request whose five criteria are all met: the decision, plan case
 * file and assignment clocks start (ACTION_DEADLINES), the plan is asked
 * for its case file, the panel size is fixed, the diagnosis and treatment
 * categories are recorded, and the applicant and the plan are told, in one change.
 */
export async function acceptCase(input: AcceptCase) {
  const kase = await db.case.findFirst({
    where: screeningWhere(input.user, input.caseId),
    select: { id: true, reference: true, disputeType: true, planId: true, preferredLanguage: true, applicant: { select: { email: true } } },
  });
  if (!kase?.reference) throw notFound("This case");
  const reference = kase.reference;
  const at = input.at ?? new Date();
  const panel = await panelSize(db, kase.disputeType);
  const { diagnosis, treatment } = input.categories;
  for (const [kind, chosen] of [
    ["diagnosis", diagnosis],
    ["treatment", treatment],
  ] as const) {
    const problem = categoryProblem(kind, chosen.category, chosen.subcategory);
    if (problem) throw new AppError("BAD_REQUEST", problem.message, { field: `${kind}${problem.field === "category" ? "Category" : "Subcategory"}` });
  }
  return explainingConflicts(kase.id, input.expectedVersion, () =>
    changeCase({
      caseId: kase.id,
      expectedVersion: input.expectedVersion,
      actor: { ...input.actor, roles: input.user.roles },
      action: "accept",
      event: { type: "accepted", data: { panelSize: panel, diagnosis, treatment } },
      update: {
        acceptedAt: at,
        planCaseFileRequestedAt: at,
        panelSize: panel,
        diagnosisCategory: diagnosis.category,
        diagnosisSubcategory: diagnosis.subcategory,
        treatmentCategory: treatment.category,
        treatmentSubcategory: treatment.subcategory,
      },
      at,
      work: async (tx) => {
        const answers = await answersOf(tx, kase.id);
        if (!eligibilityOutcomes(answers).accept) throw new AppError("BAD_REQUEST", acceptBlockedReason(answers) ?? "The request cannot be accepted yet.");
        // The clocks this change starts count from `at` exactly like these.
        const decision = await dueAtFor(tx, kase.id, "decision", at);
        const caseFile = await dueAtFor(tx, kase.id, "planCaseFile", at);
        if (kase.planId) {
          await queueWebhookEvent(tx, {
            planId: kase.planId,
            type: "case.accepted",
            caseId: kase.id,
            at,
            data: { reference, acceptedAt: at.toISOString(), decisionDueAt: decision.dueAt.toISOString() },
          });
          await queueWebhookEvent(tx, {
            planId: kase.planId,
            type: "case_file.requested",
            caseId: kase.id,
            at,
            data: { reference, dueAt: caseFile.dueAt.toISOString(), items: CASE_FILE_ITEMS.map((item) => item.key) },
          });
        }
        return {
          // In the applicant's notice language, as their email reads it.
          decisionDue: formatDeadlineTime(decision.dueAt, decision.timeZone, noticeLocale(kase.preferredLanguage)),
          caseFileDue: formatDeadlineTime(caseFile.dueAt, caseFile.timeZone),
          plan: await planRecipients(tx, kase.planId),
        };
      },
      emails: (_before, result) => {
        const link = `${config().appUrl}${caseLinkPath(reference)}`;
        const organizationName = config().organizationName;
        return [
          {
            template: "case-accepted" as const,
            to: kase.applicant.email,
            locale: noticeLocale(kase.preferredLanguage),
            props: { organizationName, reference, decisionDue: result.decisionDue, link },
          },
          ...result.plan.map((to) => ({
            template: "case-file-requested" as const,
            to,
            props: { organizationName, reference, due: result.caseFileDue, items: CASE_FILE_ITEMS.map((item) => item.label), link },
          })),
        ];
      },
    }),
  );
}
