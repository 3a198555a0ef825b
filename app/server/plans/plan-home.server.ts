import { INITIAL_RULE_PROFILES } from "~/domain/rule-profiles";
import { listVisibleCases } from "../cases/list-cases.server";
import { db } from "../db.server";
import { notFound } from "../errors.server";
import type { SessionUser } from "../session.server";

/** A plan user's home: their plan, the rules it is under, and its cases. */
export async function planHome(user: SessionUser) {
  if (!user.planId) throw notFound("Your health plan");
  const plan = await db.healthPlan.findUnique({ where: { id: user.planId }, select: { name: true, ruleProfileCode: true } });
  if (!plan) throw notFound("Your health plan");
  const profile = await db.ruleProfile.findFirst({
    where: { code: plan.ruleProfileCode, effectiveFrom: { lte: new Date() } },
    orderBy: { version: "desc" },
    select: { name: true },
  });
  return {
    planName: plan.name,
    ruleProfileName: profile?.name ?? INITIAL_RULE_PROFILES.find((p) => p.code === plan.ruleProfileCode)?.name ?? plan.ruleProfileCode,
    cases: await listVisibleCases(user),
  };
}
