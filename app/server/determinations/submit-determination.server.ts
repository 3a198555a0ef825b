import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { majorityOutcome, type DecisionOutcome } from "~/domain/panel";
import { NO_CONFLICT_STATEMENT } from "~/domain/review-statements";
import type { DeterminationInput } from "~/schemas/determination";
import { audit } from "../audit.server";
import { changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import { db } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { AppError } from "../errors.server";
import type { Actor } from "../request-context.server";
import { coordinatorEmails } from "../requests/case-page.server";
import type { SessionUser } from "../session.server";
import { countedOpinionsWhere } from "./panel-opinions.server";
import {
  assertCitationsOnCase,
  assertDocumentsOnCase,
  determinationColumns,
  lockAssignment,
  ownAssignment,
  writableDetermination,
} from "./writable-determination.server";

interface SubmitDetermination {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  /** Checked by determinationSchema with intent "submit": complete and signed. */
  input: DeterminationInput;
  at?: Date;
}

const ATTEMPTS = 3;

/**
 * "Submit": the reviewer's determination becomes SUBMITTED with their signed
 * statement of no conflict. When it is the last opinion the case needs
 * (Case.panelSize), the case becomes DETERMINED in the same change, with the
 * panel's majority outcome, and the coordinators are told it is ready for
 * quality review.
 *
 * Every submission is a case change, so two panel members submitting at the
 * same moment are serialized by the case's version: the one that loses
 * retries and sees the other's opinion, and exactly one of them completes
 * the panel.
 */
export async function submitDetermination(options: SubmitDetermination): Promise<{ determined: boolean }> {
  const { input } = options;
  if (input.intent !== "submit" || !input.outcome || !input.signedName) {
    throw new AppError("BAD_REQUEST", "The determination is not complete.", { field: "outcome" });
  }
  const assignment = await ownAssignment(options.user, options.caseId, { actor: options.actor, page: "reviewer determination" });
  for (let attempt = 1; ; attempt += 1) {
    const seen = await db.case.findUniqueOrThrow({ where: { id: options.caseId }, select: { version: true } });
    try {
      return await submitOnce(options, assignment, input.outcome, seen.version);
    } catch (error) {
      const now = await db.case.findUniqueOrThrow({ where: { id: options.caseId }, select: { version: true } });
      const raced = error instanceof AppError && error.code === "CONFLICT" && now.version !== seen.version;
      if (!raced || attempt === ATTEMPTS) throw error;
    }
  }
}

async function submitOnce(
  { user, actor, caseId, input, at }: SubmitDetermination,
  assignment: { id: string; status: string },
  outcome: DecisionOutcome,
  version: number,
): Promise<{ determined: boolean }> {
  // Read after the version: a submission in between changes the version, and this attempt is refused.
  const [kase, others, calendar] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId }, select: { panelSize: true } }),
    db.determination.findMany({ where: { ...countedOpinionsWhere(caseId), assignmentId: { not: assignment.id } }, select: { outcome: true } }),
    organizationCalendar(),
  ]);
  const outcomes = [...others.flatMap((other) => (other.outcome ? [other.outcome] : [])), outcome];
  const completes = outcomes.length >= kase.panelSize;
  const submittedAt = at ?? new Date();
  const statement = `${NO_CONFLICT_STATEMENT} Signed electronically on ${formatDeadlineTime(submittedAt, calendar.timeZone)}.`;
  const progress = { opinions: outcomes.length, panelSize: kase.panelSize };

  await changeCase({
    caseId,
    expectedVersion: version,
    actor: { ...actor, roles: user.roles },
    action: completes ? "determine" : "submitOpinion",
    event: { type: completes ? "determined" : "determination_submitted", data: progress },
    update: completes ? { determinedAt: submittedAt, outcome: majorityOutcome(outcomes) } : {},
    at: submittedAt,
    work: async (tx, before) => {
      await lockAssignment(tx, assignment.id);
      const determination = await writableDetermination(tx, assignment, before.status);
      await assertCitationsOnCase(tx, caseId, input.citations);
      await assertDocumentsOnCase(tx, caseId, input.documentsConsidered);
      const data = { ...determinationColumns(input), status: "SUBMITTED" as const, noConflictStatement: statement, submittedAt, updatedAt: submittedAt };
      const saved = determination
        ? await tx.determination.update({ where: { id: determination.id }, data, select: { id: true } })
        : await tx.determination.create({ data: { caseId, assignmentId: assignment.id, ...data, createdAt: submittedAt }, select: { id: true } });
      // The typed signature is evidence for the record, never for the letter (reviewers are anonymous to the parties).
      await audit(
        actor,
        {
          action: "determination.submitted",
          objectType: "Determination",
          objectId: saved.id,
          detail: { caseId, signedName: input.signedName, statement },
          at: submittedAt,
        },
        tx,
      );
      return completes ? coordinatorEmails(tx, caseId) : [];
    },
    emails: (before, coordinators) =>
      coordinators.map((to) => ({
        template: "determination-ready" as const,
        to,
        dedupeKey: `determination-ready:${caseId}:${version}:${to}`,
        props: {
          organizationName: config().organizationName,
          reference: before.reference ?? "A case",
          opinions: outcomes.length,
          link: `${config().appUrl}/iro/cases/${caseId}/quality`,
        },
      })),
  });
  return { determined: completes };
}
