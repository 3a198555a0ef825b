import { isId } from "~/schemas/ids";
import { can } from "~/domain/permissions";
import { listApiKeys } from "../api/api-keys.server";
import { db } from "../db.server";
import { notFound } from "../errors.server";
import type { SessionUser } from "../session.server";
import { webhookEndpointsOf } from "../webhooks/endpoints.server";

/**
 * The plan whose keys and webhooks this person may manage: their own plan for
 * plan staff, any plan for an administrator (who names it in the address).
 */
export async function integrationPlanFor(user: SessionUser, planIdParam: string | undefined): Promise<{ id: string; name: string }> {
  const planId = planIdParam ?? user.planId;
  const allowed = planIdParam === undefined ? user.roles.includes("PLAN") : user.roles.includes("ADMIN") && can(user.roles, "plan-integration:manage");
  if (!isId(planId) || !allowed) throw notFound("This plan");
  const plan = await db.healthPlan.findUnique({ where: { id: planId }, select: { id: true, name: true } });
  if (!plan) throw notFound("This plan");
  return plan;
}

export async function integrationsPage(planId: string) {
  const [apiKeys, endpoints] = await Promise.all([listApiKeys(planId), webhookEndpointsOf(planId)]);
  return { apiKeys, endpoints };
}

export async function plansWithIntegrations() {
  const plans = await db.healthPlan.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      ruleProfileCode: true,
      contactEmail: true,
      _count: { select: { apiKeys: { where: { revokedAt: null } }, webhookEndpoints: { where: { disabledAt: null } } } },
    },
  });
  return plans.map(({ _count, ...plan }) => ({ ...plan, activeKeys: _count.apiKeys, endpoints: _count.webhookEndpoints }));
}
