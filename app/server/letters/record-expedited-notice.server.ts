import { caseAccessWhere } from "../cases/case-access.server";
import { changeCase } from "../cases/change-case.server";
import { db } from "../db.server";
import { latestQualityReview } from "../determinations/quality.server";
import { conflict, notFound } from "../errors.server";
import { explainingConflicts } from "../intake/intake-case.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";

/**
 * An expedited decision is told to the parties at once (by phone or
 * electronically) and the written letter follows within the profile's time
 * (docs/rules/decision-letter.md, "Expedited decisions").
 * Recording the notice meets the decision clock and starts the written-letter
 * clock, which issuing the letter then meets.
 */
export async function recordExpeditedNotice(input: { user: SessionUser; actor: Actor; caseId: string; expectedVersion: number; note: string; at?: Date }) {
  const { user, caseId } = input;
  const kase = await db.case.findFirst({
    where: { AND: [{ id: caseId }, caseAccessWhere(user, "case:decide")] },
    select: { track: true, deadlines: { where: { kind: "WRITTEN_CONFIRMATION" }, select: { id: true } } },
  });
  if (!kase) throw notFound("This case");
  if (kase.track !== "EXPEDITED") throw conflict("Only an expedited decision is told to the parties before its letter.");
  if (kase.deadlines.length) throw conflict("The expedited notice is already recorded: the written letter is due next.");
  if ((await latestQualityReview(caseId))?.result !== "APPROVED")
    throw conflict("Approve the determination in quality review before telling the parties the decision.");
  await explainingConflicts(caseId, input.expectedVersion, () =>
    changeCase({
      caseId,
      expectedVersion: input.expectedVersion,
      actor: { ...input.actor, roles: user.roles },
      action: "recordExpeditedNotice",
      event: { type: "expedited_decision_notified", note: input.note },
      at: input.at,
      deadlines: { meet: ["decision"], start: ["writtenConfirmation"] },
    }),
  );
}
