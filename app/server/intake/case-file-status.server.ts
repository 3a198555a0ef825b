import { planCaseFileStatus, type CaseFileStatus } from "~/domain/plan-case-file";
import type { Tx } from "../db.server";

/** Where the plan's case file on this case stands now (checklist items, due time, late or not). */
export async function caseFileStatusOf(tx: Tx, caseId: string, now: Date): Promise<CaseFileStatus> {
  const kase = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      planCaseFileRequestedAt: true,
      planCaseFileCompletedAt: true,
      planCaseFileNotApplicable: true,
      proceededWithoutCaseFileAt: true,
      documents: { where: { kind: "PLAN_CASE_FILE" }, select: { caseFileItem: true } },
      // The latest clock: a case has one plan case file clock, started when it was accepted.
      deadlines: { where: { kind: "PLAN_CASE_FILE" }, orderBy: { startedAt: "desc" }, take: 1, select: { status: true, dueAt: true } },
    },
  });
  return planCaseFileStatus({
    requestedAt: kase.planCaseFileRequestedAt,
    completedAt: kase.planCaseFileCompletedAt,
    notApplicable: kase.planCaseFileNotApplicable,
    proceededWithoutAt: kase.proceededWithoutCaseFileAt,
    documentItems: kase.documents.map((document) => document.caseFileItem),
    clock: kase.deadlines[0] ?? null,
    now,
  });
}
