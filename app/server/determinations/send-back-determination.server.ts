import { caseAccessWhere } from "../cases/case-access.server";
import { changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import { db, type Prisma } from "../db.server";
import { AppError, notFound } from "../errors.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { countedOpinionsWhere } from "./panel-opinions.server";
import { caseQualityChecks } from "./quality.server";

/**
 * The coordinator sends determinations back with comments: the case returns
 * to IN_REVIEW, the chosen determinations become RETURNED (editable again,
 * the comments shown to their reviewers), and those reviewers are emailed.
 * Other panel members' opinions stay submitted. The checks are kept as they
 * stood.
 */
export async function sendBackDetermination(options: {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  comments: string;
  determinationIds: readonly string[];
}): Promise<void> {
  const { user, caseId } = options;
  const visible = await db.case.count({ where: { AND: [{ id: caseId }, caseAccessWhere(user, "case:decide")] } });
  if (!visible) throw notFound("This case");
  await changeCase({
    caseId,
    expectedVersion: options.expectedVersion,
    actor: { ...options.actor, roles: user.roles },
    action: "sendBack",
    event: { type: "sent_back", note: options.comments, data: { returned: options.determinationIds.length } },
    work: async (tx) => {
      const chosen = await tx.determination.findMany({
        where: { ...countedOpinionsWhere(caseId), id: { in: [...options.determinationIds] } },
        select: { id: true, assignment: { select: { reviewer: { select: { email: true } } } } },
      });
      if (chosen.length === 0 || chosen.length !== new Set(options.determinationIds).size) {
        throw new AppError("BAD_REQUEST", "Tick the opinion to send back: at least one of those listed.", { field: "determinationIds" });
      }
      const checks = await caseQualityChecks(tx, caseId);
      await tx.qualityReview.create({
        data: { caseId, reviewedById: user.id, result: "SENT_BACK", comments: options.comments, checks: checks as unknown as Prisma.InputJsonValue },
      });
      await tx.determination.updateMany({ where: { id: { in: chosen.map((row) => row.id) } }, data: { status: "RETURNED" } });
      // The outcome is the panel's again once the returned opinions are resubmitted.
      await tx.case.update({ where: { id: caseId }, data: { outcome: null, determinedAt: null } });
      return chosen.map((row) => row.assignment.reviewer.email);
    },
    emails: (before, reviewers) =>
      reviewers.map((to) => ({
        template: "determination-returned" as const,
        to,
        props: {
          organizationName: config().organizationName,
          reference: before.reference ?? "A case",
          link: `${config().appUrl}/review/cases/${caseId}`,
        },
      })),
  });
}
