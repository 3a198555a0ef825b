import { scopesFor, type Action, type Scope } from "~/domain/permissions";
import { caseStatusesGiving, OPENING_ASSIGNMENT_STATUSES, OUTCOME_DOCUMENT_KINDS, type ReviewerView } from "~/domain/reviewer-access";
import type { Prisma } from "../db.server";
import type { SessionUser } from "../session.server";

/**
 * The cases a person may touch for `action`, as a Prisma `where`. Queries
 * always include it, so a case outside it is never loaded and the page
 * answers 404. Drafts belong to their applicant alone.
 */
export function caseAccessWhere(user: Pick<SessionUser, "id" | "roles" | "planId">, action: Action): Prisma.CaseWhereInput {
  const conditions = scopesFor(user.roles, action).map((scope) => scopeCondition(scope, user, reviewerViewFor(action)));
  if (conditions.length === 0) return { id: { in: [] } };
  return conditions.length === 1 ? conditions[0]! : { OR: conditions };
}

/**
 * What an assigned reviewer needs to see of a case for an action
 * (app/domain/reviewer-access.ts): to read it, its outcome at least (a
 * decided case keeps their determination and the letter); for anything
 * else, such as writing their determination, the whole case, in review.
 */
function reviewerViewFor(action: Action): Exclude<ReviewerView, "none"> {
  return action === "case:read" ? "outcome" : "case";
}

/** The reviewer's assignments that open a case's records to them: accepted and attested, and not cut off. */
export function openingAssignmentWhere(reviewerId: string): Prisma.ReviewerAssignmentWhereInput {
  return {
    reviewerId,
    status: { in: [...OPENING_ASSIGNMENT_STATUSES] },
    attestedAt: { not: null },
    OR: [{ endedAt: null }, { status: "COMPLETED" }],
  };
}

/** The cases a reviewer sees at `view` or more: reviewerView (app/domain/reviewer-access.ts) as a `where`. */
export function reviewerCaseWhere(reviewerId: string, view: Exclude<ReviewerView, "none">): Prisma.CaseWhereInput {
  return { status: { in: caseStatusesGiving(view) }, assignments: { some: openingAssignmentWhere(reviewerId) } };
}

/**
 * The documents a person may open, as a Prisma `where`: those of the cases
 * they may read the records of, except that a reviewer keeps only the
 * decision letter of a decided case.
 */
export function documentAccessWhere(user: Pick<SessionUser, "id" | "roles" | "planId">): Prisma.DocumentWhereInput {
  const conditions = scopesFor(user.roles, "document:read").map((scope): Prisma.DocumentWhereInput =>
    scope === "assigned"
      ? { OR: [{ case: reviewerCaseWhere(user.id, "case") }, { kind: { in: [...OUTCOME_DOCUMENT_KINDS] }, case: reviewerCaseWhere(user.id, "outcome") }] }
      : { case: scopeCondition(scope, user, "case") },
  );
  if (conditions.length === 0) return { id: { in: [] } };
  return conditions.length === 1 ? conditions[0]! : { OR: conditions };
}

function scopeCondition(scope: Scope, user: Pick<SessionUser, "id" | "planId">, reviewerNeeds: Exclude<ReviewerView, "none">): Prisma.CaseWhereInput {
  switch (scope) {
    case "own":
      return { applicantId: user.id };
    case "any":
      return { status: { not: "DRAFT" } };
    case "plan":
      // A plan user without a plan sees nothing rather than everything.
      return user.planId ? { planId: user.planId, status: { not: "DRAFT" } } : { id: { in: [] } };
    case "assigned":
      // Records open to a reviewer only after they accepted and attested, and only while their assignment and the review last.
      return reviewerCaseWhere(user.id, reviewerNeeds);
  }
}
