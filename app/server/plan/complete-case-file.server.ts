import { CASE_FILE_ITEMS, type CaseFileItemKey } from "~/domain/plan-case-file";
import { changeCase } from "../cases/change-case.server";
import { caseFileStatusOf } from "../intake/case-file-status.server";
import type { Actor } from "../request-context.server";
import { asPlanChange, findPlanCase, PLAN_ROLES, refuse, type PlanChannel, type PlanUser } from "./plan-case.server";

export interface CompleteCaseFile {
  user: PlanUser;
  actor: Actor;
  caseId: string;
  /** The version the page showed; the API leaves it out. */
  expectedVersion?: number;
  channel: PlanChannel;
  /** Checklist items the plan does not have; an item with documents is received, whatever this says. */
  notApplicable?: CaseFileItemKey[];
  /** Why the plan denied the service, in its own words (trimmed, at most PLAN_DENIAL_REASON_MAX_LENGTH characters): the decision letter quotes it. */
  denialReason: string | null;
  at?: Date;
}

const label = (key: CaseFileItemKey) => CASE_FILE_ITEMS.find((item) => item.key === key)!.label.toLowerCase();

/**
 * The plan says its case file is complete: every checklist item has a
 * document or is declared not applicable, and the plan states why it denied
 * the service, which the decision letter quotes. The plan case file clock is met
 * (or recorded as missed when late), in one change with the timeline event
 * and the audit row.
 */
export async function completeCaseFile(input: CompleteCaseFile): Promise<{ version: number; late: boolean }> {
  const kase = await findPlanCase(input.user, input.caseId);
  const at = input.at ?? new Date();
  const declared = new Set(input.notApplicable ?? []);
  const changed = await asPlanChange(kase, input.expectedVersion, (expectedVersion) =>
    changeCase({
      caseId: kase.id,
      expectedVersion,
      actor: { ...input.actor, roles: PLAN_ROLES },
      action: "completeCaseFile",
      event: { type: "case_file_completed", data: { notApplicable: [...declared], channel: input.channel } },
      deadlines: { meet: ["planCaseFile"] },
      at,
      work: async (tx) => {
        const file = await caseFileStatusOf(tx, kase.id, at);
        if (file.state === "not_requested") throw refuse("The case file is asked for once the case is accepted for review.");
        if (file.state === "received" || file.state === "received_late") throw refuse("The case file is already marked complete.");
        const missing = file.items.filter((item) => item.documents === 0 && !declared.has(item.key)).map((item) => item.key);
        if (missing.length) {
          throw refuse(`Add a document for each item, or mark it not applicable. Still missing: ${missing.map(label).join("; ")}.`, "notApplicable");
        }
        const notApplicable = file.items.filter((item) => item.documents === 0).map((item) => item.key);
        await tx.case.update({
          where: { id: kase.id },
          data: { planCaseFileCompletedAt: at, planCaseFileNotApplicable: notApplicable, planCaseFileDenialReason: input.denialReason },
        });
        return { late: file.dueAt !== null && at > file.dueAt };
      },
    }),
  );
  return { version: changed.version, late: changed.result.late };
}
