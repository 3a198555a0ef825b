import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { instantAt, localDate, localDateTime } from "~/domain/deadlines/time-zone";
import { describeRule, formatLocalDate, RULE_DEFINITIONS, RULE_PROFILE_CODES, type RuleProfileCode, type RuleSet } from "~/domain/rule-profiles";
import type { RuleVersionInput, RuleVersionLimits } from "~/schemas/rules";
import { audit } from "../audit.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { db, type Prisma, type Tx } from "../db.server";
import { AppError, notFound } from "../errors.server";
import type { Actor } from "../request-context.server";

export type RuleVersionStatus = "in_force" | "scheduled" | "superseded";

/** "Thu 1 Jan 2026", or the exact time when a version does not start at local midnight. */
function effectiveLabel(effectiveFrom: Date, timeZone: string): string {
  const local = localDateTime(effectiveFrom, timeZone);
  if (local.hour === 0 && local.minute === 0 && local.second === 0) return formatLocalDate(local.date);
  return formatDeadlineTime(effectiveFrom, timeZone);
}

/** Every version of the three profiles, newest first, the one in force today marked. */
export async function listRuleProfiles(now: Date = new Date()) {
  const [rows, filed, { timeZone }] = await Promise.all([
    db.ruleProfile.findMany({ orderBy: [{ code: "asc" }, { version: "desc" }] }),
    db.case.groupBy({ by: ["ruleProfileId"], _count: { _all: true } }),
    organizationCalendar(),
  ]);
  const casesFiled = new Map(filed.map((group) => [group.ruleProfileId, group._count._all]));
  return RULE_PROFILE_CODES.map((code) => {
    const versions = rows.filter((row) => row.code === code);
    // The same choice as ruleProfileInForce: the latest effective date that has come.
    const inForce = versions
      .filter((row) => row.effectiveFrom <= now)
      .sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime() || b.version - a.version)[0];
    return {
      code,
      name: versions[0]?.name ?? code,
      versions: versions.map((row) => {
        const rules = row.rules as unknown as RuleSet;
        const status: RuleVersionStatus = row.id === inForce?.id ? "in_force" : row.effectiveFrom > now ? "scheduled" : "superseded";
        return {
          id: row.id,
          version: row.version,
          effective: effectiveLabel(row.effectiveFrom, timeZone),
          status,
          regulatorName: row.regulatorName,
          regulatorContact: row.regulatorContact,
          casesFiled: casesFiled.get(row.id) ?? 0,
          rules: RULE_DEFINITIONS.map((rule) => ({ key: rule.key, label: rule.label, text: describeRule(rules, rule) })),
        };
      }),
    };
  });
}

async function latestVersion(code: RuleProfileCode, tx: Tx) {
  const latest = await tx.ruleProfile.findFirst({ where: { code }, orderBy: { version: "desc" } });
  if (!latest) throw notFound("The rule profile");
  return latest;
}

function limitsOf(latest: { version: number; effectiveFrom: Date }, timeZone: string, now: Date): RuleVersionLimits {
  return {
    today: localDate(now, timeZone),
    latest: { version: latest.version, effectiveDate: localDate(latest.effectiveFrom, timeZone) },
  };
}

/** What the new-version form starts from: the latest version, and the dates the new one may take effect. */
export async function ruleVersionDraft(code: RuleProfileCode, now: Date = new Date()) {
  const [latest, { timeZone }] = await Promise.all([latestVersion(code, db), organizationCalendar()]);
  return {
    code,
    name: latest.name,
    timeZone,
    latest: {
      version: latest.version,
      effective: effectiveLabel(latest.effectiveFrom, timeZone),
      rules: latest.rules as unknown as RuleSet,
      regulatorName: latest.regulatorName,
      regulatorContact: latest.regulatorContact,
    },
    limits: limitsOf(latest, timeZone, now),
  };
}

/** The dates a new version of `code` may take effect, as of `now`. */
export async function ruleVersionLimits(code: RuleProfileCode, now: Date = new Date()): Promise<RuleVersionLimits> {
  const [latest, { timeZone }] = await Promise.all([latestVersion(code, db), organizationCalendar()]);
  return limitsOf(latest, timeZone, now);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Saves a new version of a profile, numbered after the latest one and in
 * force from the start of its effective date in the organization's time zone.
 * Earlier versions are never changed: a case keeps the version it was filed under.
 */
export async function createRuleVersion(
  code: RuleProfileCode,
  input: RuleVersionInput,
  actor: Actor,
  now: Date = new Date(),
): Promise<{ id: string; version: number }> {
  try {
    return await db.$transaction(async (tx) => {
      const [latest, { timeZone }] = await Promise.all([latestVersion(code, tx), organizationCalendar(tx)]);
      // The form was checked against these limits when it arrived; check again now the transaction sees the latest row.
      const limits = limitsOf(latest, timeZone, now);
      if (input.effectiveDate < limits.today || (limits.latest && input.effectiveDate <= limits.latest.effectiveDate)) {
        throw new AppError("CONFLICT", "Another version was saved meanwhile, or the date has passed. Choose a later date.", { field: "effectiveDate" });
      }
      const previous = latest.rules as unknown as RuleSet;
      const created = await tx.ruleProfile.create({
        data: {
          code,
          version: latest.version + 1,
          name: latest.name,
          effectiveFrom: instantAt(input.effectiveDate, 0, 0, 0, timeZone),
          rules: input.rules as unknown as Prisma.InputJsonValue,
          regulatorName: input.regulatorName,
          regulatorContact: input.regulatorContact,
        },
        select: { id: true, version: true },
      });
      const changed: { rule: string; from: string; to: string }[] = RULE_DEFINITIONS.filter(
        (rule) => describeRule(previous, rule) !== describeRule(input.rules, rule),
      ).map((rule) => ({
        rule: rule.key,
        from: describeRule(previous, rule),
        to: describeRule(input.rules, rule),
      }));
      const regulator = (version: { regulatorName: string; regulatorContact: string }) => `${version.regulatorName} (${version.regulatorContact})`;
      if (regulator(latest) !== regulator(input)) changed.push({ rule: "regulator", from: regulator(latest), to: regulator(input) });
      await audit(
        actor,
        {
          action: "rules.version_created",
          objectType: "RuleProfile",
          objectId: created.id,
          detail: { code, version: created.version, effectiveDate: input.effectiveDate, timeZone, changed },
        },
        tx,
      );
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "Another admin saved a new version of these rules meanwhile. Reload the page and start from it.", {
        field: "effectiveDate",
      });
    }
    throw error;
  }
}
