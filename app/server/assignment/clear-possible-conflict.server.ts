import { nearMatchText, type MatchResult, type PossibleConflict } from "~/domain/matching";
import { changeCase } from "../cases/change-case.server";
import { db } from "../db.server";
import { AppError, notFound } from "../errors.server";
import { explainingConflicts } from "../intake/intake-case.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { assignWhere } from "./assignment-case.server";
import { matchCase } from "./roster-snapshot.server";

const NOTHING_TO_CLEAR = "This reviewer's possible conflicts on this case changed or were cleared. Reload the page to see where they stand.";

/** The reviewer as the matcher holds them, or a refusal when there is nothing to clear. */
function heldFor(match: MatchResult | null, reviewerId: string): PossibleConflict {
  const held = match?.possibleConflicts.find((reviewer) => reviewer.reviewerId === reviewerId);
  if (!held) throw new AppError("CONFLICT", NOTHING_TO_CLEAR);
  return held;
}

export interface ClearPossibleConflict {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  reviewerId: string;
  reason: string;
  at?: Date;
}

/**
 * A coordinator decides that a reviewer's affiliation, only like the name
 * of a party of the case, is no conflict, and says why. The near matches
 * are worked out again inside the change's transaction, and the clearance
 * covers exactly those: a new one (a party renamed, an affiliation added)
 * holds the reviewer again. The reason goes on the case's timeline (which
 * only the organization sees) and in the audit log. Clearing is part of
 * offering, so it is allowed when offering is.
 */
export async function clearPossibleConflict(input: ClearPossibleConflict): Promise<void> {
  const kase = await db.case.findFirst({ where: assignWhere(input.user, input.caseId), select: { id: true } });
  if (!kase) throw notFound("This case");
  const at = input.at ?? new Date();
  const reason = input.reason.trim();
  // The record must say why: refused here too, not only by the form.
  if (!reason) throw new AppError("BAD_REQUEST", "Say why this is no conflict: it is kept with the case and in the audit log.", { field: "reason" });
  // What is cleared goes in the event and the audit row; the change checks it is still what the matcher finds.
  const seen = heldFor(await matchCase(db, kase.id, at), input.reviewerId);
  await explainingConflicts(kase.id, input.expectedVersion, () =>
    changeCase({
      caseId: kase.id,
      expectedVersion: input.expectedVersion,
      actor: { ...input.actor, roles: input.user.roles },
      action: "offerReviewers",
      event: {
        type: "possible_conflict_cleared",
        note: reason,
        // The reason in the data too, so the audit row (which carries the data) keeps it.
        data: { reviewerId: seen.reviewerId, reviewerName: seen.name, matches: seen.matches.map(nearMatchText), reason },
      },
      at,
      work: async (tx) => {
        const held = heldFor(await matchCase(tx, kase.id, at), input.reviewerId);
        const keys = held.matches.map((near) => near.key);
        if (keys.join("\n") !== seen.matches.map((near) => near.key).join("\n")) throw new AppError("CONFLICT", NOTHING_TO_CLEAR);
        await tx.conflictClearance.create({
          data: {
            caseId: kase.id,
            reviewerId: held.reviewerId,
            matchKeys: keys,
            reason,
            clearedById: input.user.id,
            clearedAt: at,
          },
        });
      },
    }),
  );
}
