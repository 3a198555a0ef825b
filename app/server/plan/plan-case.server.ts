import type { Role } from "~/domain/roles";
import type { ApiClient } from "../api/api-keys.server";
import { db } from "../db.server";
import { caseRefused, type CaseReader } from "../cases/case-views.server";
import { AppError, notFound } from "../errors.server";
import { explainingConflicts, planCaseWhere } from "../intake/intake-case.server";
import type { SessionUser } from "../session.server";

/** Who acts for a plan: a signed-in plan user, or the plan's API key. Only the roles and the plan decide what they reach. */
export type PlanUser = Pick<SessionUser, "id" | "roles" | "planId">;

export type PlanChannel = "PORTAL" | "API";

/** A plan acts only as the plan, whatever other roles the person also holds. */
export const PLAN_ROLES: readonly Role[] = ["PLAN"];

/**
 * The plan behind an API key, in the shape plan operations and document
 * checks take. The key's id stands in for a person's: the plan scope matches
 * on the plan alone, and records name the key through the actor (whose
 * userId is null), never through this id.
 */
export function apiPlanUser(client: Pick<ApiClient, "apiKeyId" | "planId" | "keyName" | "actor">): SessionUser {
  return {
    id: client.apiKeyId,
    sessionId: `api:${client.apiKeyId}`,
    email: client.actor.email ?? "",
    name: client.keyName,
    roles: ["PLAN"],
    planId: client.planId,
    language: "en",
  };
}

/** One of the plan's own filed cases; any other answers 404, like a case that does not exist. */
export async function findPlanCase(user: PlanUser, caseId: string) {
  const kase = await db.case.findFirst({
    where: planCaseWhere(user, caseId),
    select: {
      id: true,
      reference: true,
      status: true,
      version: true,
      planId: true,
      outcome: true,
      preferredLanguage: true,
      applicant: { select: { email: true } },
    },
  });
  if (!kase?.reference || !kase.planId) throw notFound("This case");
  return { ...kase, reference: kase.reference, planId: kase.planId };
}

/** The case id behind a reference, only among the plan's own cases. */
export async function planCaseIdByReference(planId: string, reference: string, reader: CaseReader): Promise<string> {
  const kase = await db.case.findFirst({ where: { reference, planId, status: { not: "DRAFT" } }, select: { id: true } });
  if (!kase) throw await caseRefused(reader, reference);
  return kase.id;
}

/**
 * Runs a plan's change against the version the page showed, or, from the
 * API, the current one: a program asks for the change itself, and the
 * transition and state checks still refuse whatever no longer fits.
 */
export function asPlanChange<T>(
  kase: { id: string; version: number },
  expectedVersion: number | undefined,
  change: (version: number) => Promise<T>,
): Promise<T> {
  const version = expectedVersion ?? kase.version;
  return explainingConflicts(kase.id, version, () => change(version));
}

export function refuse(message: string, field?: string): AppError {
  return new AppError("CONFLICT", message, field ? { field } : undefined);
}
