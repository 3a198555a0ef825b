import { answerProblem, ELIGIBILITY_CRITERIA, type CriterionAnswer, type EligibilityCriterion } from "~/domain/eligibility";
import { noteField } from "~/schemas/intake";
import { changeCase } from "../cases/change-case.server";
import { db } from "../db.server";
import { AppError, notFound } from "../errors.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { explainingConflicts, screeningWhere } from "./intake-case.server";

export interface RecordEligibility {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  answers: Record<EligibilityCriterion, CriterionAnswer>;
  at?: Date;
}

/**
 * Saves the coordinator's answers to the five criteria. The first save of a
 * submitted case starts its eligibility review; later saves change the
 * answers in place. Each save is one change: timeline event and audit row
 * with every answer.
 */
export async function recordEligibility(input: RecordEligibility) {
  const kase = await db.case.findFirst({ where: screeningWhere(input.user, input.caseId), select: { id: true, status: true, filedLate: true } });
  if (!kase) throw notFound("This case");
  // The browser checked the same rule, but only the server knows for sure whether the request was filed late.
  for (const criterion of ELIGIBILITY_CRITERIA) {
    const answer = input.answers[criterion];
    const problem = answerProblem(criterion, answer.met, answer.note ?? "", kase);
    if (problem) throw new AppError("BAD_REQUEST", problem, { field: noteField(criterion) });
  }
  const at = input.at ?? new Date();
  return explainingConflicts(kase.id, input.expectedVersion, () =>
    changeCase({
      caseId: kase.id,
      expectedVersion: input.expectedVersion,
      actor: { ...input.actor, roles: input.user.roles },
      action: "checkEligibility",
      event: {
        type: "eligibility_checked",
        data: { answers: Object.fromEntries(ELIGIBILITY_CRITERIA.map((criterion) => [criterion, input.answers[criterion].met ? "yes" : "no"])) },
      },
      at,
      work: async (tx) => {
        for (const criterion of ELIGIBILITY_CRITERIA) {
          const answer = { met: input.answers[criterion].met, note: input.answers[criterion].note, answeredById: input.user.id, answeredAt: at };
          await tx.eligibilityAnswer.upsert({
            where: { caseId_criterion: { caseId: kase.id, criterion } },
            create: { caseId: kase.id, criterion, ...answer },
            update: answer,
          });
        }
      },
    }),
  );
}
