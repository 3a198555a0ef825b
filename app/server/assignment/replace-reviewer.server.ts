import { ROLE_HOMES } from "~/domain/roles";
import { changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import { db } from "../db.server";
import { AppError, notFound } from "../errors.server";
import { explainingConflicts } from "../intake/intake-case.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { assignWhere } from "./assignment-case.server";
import { endOfferClock } from "./offer-clock.server";

export interface ReplaceReviewer {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  assignmentId: string;
  reason: string;
  at?: Date;
}

/**
 * Takes a reviewer off the case, with the coordinator's reason: their
 * assignment becomes REPLACED, which closes the records to them at once
 * (caseAccessWhere lets in only accepted assignments); an unanswered offer
 * is withdrawn and its clock stopped. The assignment stays on the history;
 * the next offer takes its place and is linked to it.
 */
export async function replaceReviewer(input: ReplaceReviewer) {
  const kase = await db.case.findFirst({ where: assignWhere(input.user, input.caseId), select: { id: true, reference: true } });
  if (!kase?.reference) throw notFound("This case");
  const reference = kase.reference;
  const at = input.at ?? new Date();
  const reason = input.reason.trim();
  // The history must say why: refused here too, not only by the form.
  if (!reason) throw new AppError("BAD_REQUEST", "Say why the reviewer is replaced: it stays on the case's history.", { field: "reason" });
  return explainingConflicts(kase.id, input.expectedVersion, () =>
    changeCase({
      caseId: kase.id,
      expectedVersion: input.expectedVersion,
      actor: { ...input.actor, roles: input.user.roles },
      action: "replaceReviewer",
      event: { type: "reviewer_replaced", note: reason, data: { assignmentId: input.assignmentId } },
      at,
      work: async (tx) => {
        const assignment = await tx.reviewerAssignment.findFirst({
          where: { id: input.assignmentId, caseId: kase.id },
          select: { id: true, status: true, reviewerId: true, reviewer: { select: { email: true, name: true } } },
        });
        if (!assignment) throw new AppError("BAD_REQUEST", "This reviewer is not on the case. Reload the page to see its reviewers.");
        const ended = await tx.reviewerAssignment.updateMany({
          where: { id: assignment.id, status: { in: ["OFFERED", "ACCEPTED"] } },
          data: { status: "REPLACED", endedAt: at, reason },
        });
        if (ended.count !== 1) throw new AppError("CONFLICT", `${assignment.reviewer.name} is no longer on this case. Reload the page to see its reviewers.`);
        if (assignment.status === "OFFERED") await endOfferClock(tx, { caseId: kase.id, assignmentId: assignment.id }, "withdrawn", at);
        return { reviewer: assignment.reviewer, wasOffer: assignment.status === "OFFERED" };
      },
      emails: (_before, result) => [
        {
          template: "case-update" as const,
          to: result.reviewer.email,
          props: {
            organizationName: config().organizationName,
            reference,
            headline: result.wasOffer ? "The offer of this case was withdrawn" : "You are no longer reviewing this case",
            action: result.wasOffer
              ? "The coordinator withdrew the offer. You do not need to do anything."
              : "The coordinator assigned the case to another reviewer. Its records are closed to you now; you do not need to do anything.",
            link: `${config().appUrl}${ROLE_HOMES.REVIEWER}`,
          },
        },
      ],
    }),
  );
}
