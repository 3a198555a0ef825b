import { casePagePath } from "~/domain/case-paths";
import { changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import { db } from "../db.server";
import { notFound } from "../errors.server";
import type { Actor } from "../request-context.server";
import { coordinatorEmails } from "../requests/case-page.server";
import type { SessionUser } from "../session.server";
import { explainingConflicts, planCaseWhere } from "./intake-case.server";

export interface ObjectToEligibility {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  reason: string;
  at?: Date;
}

/** The plan's objection to the request's eligibility: on the case's timeline for the coordinator, who is emailed. */
export async function objectToEligibility(input: ObjectToEligibility) {
  const kase = await db.case.findFirst({ where: planCaseWhere(input.user, input.caseId), select: { id: true, reference: true } });
  if (!kase?.reference) throw notFound("This case");
  const reference = kase.reference;
  return explainingConflicts(kase.id, input.expectedVersion, () =>
    changeCase({
      caseId: kase.id,
      expectedVersion: input.expectedVersion,
      actor: { ...input.actor, roles: ["PLAN"] },
      action: "objectToEligibility",
      event: { type: "eligibility_objection", note: input.reason },
      at: input.at,
      work: (tx) => coordinatorEmails(tx, kase.id),
      emails: (_before, coordinators) =>
        coordinators.map((to) => ({
          template: "case-update" as const,
          to,
          props: {
            organizationName: config().organizationName,
            reference,
            headline: "The health plan objected to the request's eligibility",
            action: "Read the plan's objection on the case page and take it into account in the eligibility decision.",
            link: `${config().appUrl}${casePagePath("COORDINATOR", kase.id)}`,
          },
        })),
    }),
  );
}
