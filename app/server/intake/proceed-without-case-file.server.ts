import { mayProceedWithoutCaseFile } from "~/domain/plan-case-file";
import { changeCase } from "../cases/change-case.server";
import { db } from "../db.server";
import { conflict, notFound } from "../errors.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { caseFileStatusOf } from "./case-file-status.server";
import { explainingConflicts, screeningWhere } from "./intake-case.server";

export interface ProceedWithoutCaseFile {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  reason: string;
  at?: Date;
}

/**
 * The plan's case file is late: the coordinator lets the review go ahead
 * without it, saying why. The plan case file clock ends (missed), so no more
 * reminders go out for it.
 */
export async function proceedWithoutCaseFile(input: ProceedWithoutCaseFile) {
  const kase = await db.case.findFirst({ where: screeningWhere(input.user, input.caseId), select: { id: true } });
  if (!kase) throw notFound("This case");
  const at = input.at ?? new Date();
  return explainingConflicts(kase.id, input.expectedVersion, () =>
    changeCase({
      caseId: kase.id,
      expectedVersion: input.expectedVersion,
      actor: { ...input.actor, roles: input.user.roles },
      action: "proceedWithoutCaseFile",
      event: { type: "proceeded_without_case_file", note: input.reason },
      deadlines: { meet: ["planCaseFile"] },
      at,
      work: async (tx, before) => {
        if (!mayProceedWithoutCaseFile(before.status, await caseFileStatusOf(tx, kase.id, at))) {
          throw conflict(
            "The review can go ahead without the plan's case file only once it is late and before the determination. Reload the page to see where it stands.",
          );
        }
        // Set after the check, which reads the case file as it stood.
        await tx.case.update({ where: { id: kase.id }, data: { proceededWithoutCaseFileAt: at, proceededWithoutCaseFileReason: input.reason } });
      },
    }),
  );
}
