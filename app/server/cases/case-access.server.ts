import { scopesFor, type Action, type Scope } from "~/domain/permissions";
import type { Prisma } from "../db.server";
import type { SessionUser } from "../session.server";

/**
 * The cases a person may touch for `action`, as a Prisma `where`. Queries
 * always include it, so a case outside it is never loaded and the page
 * answers 404. Drafts belong to their applicant alone.
 */
export function caseAccessWhere(user: Pick<SessionUser, "id" | "roles" | "planId">, action: Action): Prisma.CaseWhereInput {
  const conditions = scopesFor(user.roles, action).map((scope) => scopeCondition(scope, user));
  if (conditions.length === 0) return { id: { in: [] } };
  return conditions.length === 1 ? conditions[0]! : { OR: conditions };
}

function scopeCondition(scope: Scope, user: Pick<SessionUser, "id" | "planId">): Prisma.CaseWhereInput {
  switch (scope) {
    case "own":
      return { applicantId: user.id };
    case "any":
      return { status: { not: "DRAFT" } };
    case "plan":
      // A plan user without a plan sees nothing rather than everything.
      return user.planId ? { planId: user.planId, status: { not: "DRAFT" } } : { id: { in: [] } };
    case "assigned":
      // Records open to a reviewer only after they accepted and attested.
      return {
        assignments: { some: { reviewerId: user.id, status: { in: ["ACCEPTED", "COMPLETED"] }, attestedAt: { not: null } } },
      };
  }
}
