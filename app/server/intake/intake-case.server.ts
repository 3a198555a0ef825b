import { computeDeadline, type DeadlineKind, type Dispute, type Track } from "~/domain/deadlines/case-deadlines";
import { panelSizeFor } from "~/domain/matching";
import type { DisputeTypeCode } from "~/domain/reports/labels";
import type { Role } from "~/domain/roles";
import type { RuleSet } from "~/domain/rule-profiles";
import { CONFLICT_MESSAGE } from "~/schemas/intake";
import { caseAccessWhere } from "../cases/case-access.server";
import { db, type Prisma, type Tx } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { AppError } from "../errors.server";
import type { SessionUser } from "../session.server";
import { isId } from "~/schemas/ids";

type CaseUser = Pick<SessionUser, "id" | "roles" | "planId">;

/** A case the person may screen (coordinators, any filed case); anyone else finds nothing, so the page answers 404. */
export function screeningWhere(user: CaseUser, caseId: string): Prisma.CaseWhereInput {
  if (!isId(caseId)) return { id: { in: [] } };
  return { AND: [{ id: caseId }, caseAccessWhere(user, "case:screen")] };
}

/** One of the plan user's own plan's cases, whatever other roles the person also holds. */
export function planCaseWhere(user: CaseUser, caseId: string): Prisma.CaseWhereInput {
  if (!isId(caseId) || !user.roles.includes("PLAN")) return { id: { in: [] } };
  return { AND: [{ id: caseId }, caseAccessWhere({ ...user, roles: ["PLAN"] satisfies Role[] }, "case:read")] };
}

/** Everyone who hears from the organization for a plan: its contact address and its active users, each once. */
export async function planRecipients(tx: Tx, planId: string | null): Promise<string[]> {
  if (!planId) return [];
  const plan = await tx.healthPlan.findUnique({
    where: { id: planId },
    select: { contactEmail: true, users: { where: { roles: { has: "PLAN" }, disabledAt: null }, select: { email: true }, orderBy: { email: "asc" } } },
  });
  if (!plan) return [];
  return [...new Set([plan.contactEmail, ...plan.users.map((user) => user.email)])];
}

/**
 * When a clock of `kind` started at `at` on this case falls due: the same
 * arithmetic as the case's clocks (case-clocks.server.ts), from the rule
 * profile version the case was filed under.
 */
export async function dueAtFor(tx: Tx, caseId: string, kind: DeadlineKind, at: Date): Promise<{ dueAt: Date; timeZone: string }> {
  const kase = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { track: true, disputeType: true, ruleProfile: { select: { rules: true } } },
  });
  if (!kase.ruleProfile) throw new Error(`Case ${caseId} has no rule profile: its deadlines cannot be worked out`);
  const calendar = await organizationCalendar(tx);
  const track = kase.track.toLowerCase() as Track;
  const dispute = (kase.disputeType?.toLowerCase() ?? "medical_necessity") as Dispute;
  return { dueAt: computeDeadline(kind, kase.ruleProfile.rules as unknown as RuleSet, track, dispute, at, calendar), timeZone: calendar.timeZone };
}

const PANEL_SIZE_SETTING = "panelSize";

/** Reviewers the case needs: the admin's panel size (setting) for an experimental/investigational treatment, one otherwise. */
export async function panelSize(tx: Tx, disputeType: DisputeTypeCode | null): Promise<number> {
  const setting = await tx.setting.findUnique({ where: { key: PANEL_SIZE_SETTING }, select: { value: true } });
  return panelSizeFor(disputeType, { panelSize: typeof setting?.value === "number" ? setting.value : undefined });
}

/**
 * Runs a change made from a page showing `expectedVersion`. When someone
 * else changed the case first, the refusal says so in the words the page
 * shows; any other error passes as it is.
 */
export async function explainingConflicts<T>(caseId: string, expectedVersion: number, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "CONFLICT") throw error;
    const latest = await db.case.findUnique({ where: { id: caseId }, select: { version: true } });
    if (latest && latest.version !== expectedVersion) throw new AppError("CONFLICT", CONFLICT_MESSAGE, { latestVersion: latest.version });
    throw error;
  }
}
