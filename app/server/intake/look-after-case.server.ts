import { changeCase } from "../cases/change-case.server";
import { db } from "../db.server";
import { notFound } from "../errors.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { explainingConflicts, screeningWhere } from "./intake-case.server";

/** The coordinator takes the case on: the dashboard and the queue show them as the one looking after it. */
export async function lookAfterCase(input: { user: SessionUser; actor: Actor; caseId: string; expectedVersion: number; at?: Date }) {
  const kase = await db.case.findFirst({ where: screeningWhere(input.user, input.caseId), select: { id: true, coordinatorId: true } });
  if (!kase) throw notFound("This case");
  return explainingConflicts(kase.id, input.expectedVersion, () =>
    changeCase({
      caseId: kase.id,
      expectedVersion: input.expectedVersion,
      actor: { ...input.actor, roles: input.user.roles },
      action: "lookAfterCase",
      event: { type: "coordinator_assigned", data: { coordinatorId: input.user.id, previousCoordinatorId: kase.coordinatorId } },
      at: input.at,
      work: async (tx) => {
        await tx.case.update({ where: { id: kase.id }, data: { coordinatorId: input.user.id } });
      },
    }),
  );
}
