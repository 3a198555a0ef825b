import type { RuleProfileCode, RuleSet } from "~/domain/rule-profiles";
import { db, type Tx } from "../db.server";
import { notFound } from "../errors.server";

export interface RuleProfileVersion {
  id: string;
  code: string;
  version: number;
  name: string;
  effectiveFrom: Date;
  rules: RuleSet;
  regulatorName: string;
  regulatorContact: string;
}

/** The version of a profile in force at `at`: the latest whose effective date has come. */
export async function ruleProfileInForce(code: RuleProfileCode | string, at: Date = new Date(), tx: Tx = db): Promise<RuleProfileVersion> {
  const row = await tx.ruleProfile.findFirst({
    where: { code, effectiveFrom: { lte: at } },
    orderBy: [{ effectiveFrom: "desc" }, { version: "desc" }],
  });
  if (!row) throw notFound(`The rule profile "${code}"`);
  return { ...row, rules: row.rules as unknown as RuleSet };
}
