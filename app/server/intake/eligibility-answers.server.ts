import type { EligibilityAnswers } from "~/domain/eligibility";
import type { Tx } from "../db.server";

/** The coordinator's saved answers on a case, as the eligibility rule reads them. */
export async function answersOf(tx: Tx, caseId: string): Promise<EligibilityAnswers> {
  const rows = await tx.eligibilityAnswer.findMany({ where: { caseId }, select: { criterion: true, met: true, note: true } });
  return Object.fromEntries(rows.map((row) => [row.criterion, { met: row.met, note: row.note }]));
}
