import { can, type CaseActionName } from "~/domain/case-actions";
import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { diagnosisDetails, type DiagnosisDetail, type QuasiIdentifiers } from "~/domain/publication/coarsening";
import { redactFindings, type Redaction } from "~/domain/publication/redaction";
import type { PublicationInput } from "~/schemas/publication";
import { audit } from "../audit.server";
import { caseAccessWhere } from "../cases/case-access.server";
import { caseRefused, caseViewed } from "../cases/case-views.server";
import { assertCaseAction, changeCase } from "../cases/change-case.server";
import { db, type Prisma, type Tx } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { AppError, notFound } from "../errors.server";
import { explainingConflicts } from "../intake/intake-case.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { caseIdentifiers, identifierSelect } from "./draft-publication.server";

/**
 * The coordinator's publication page: the decision's findings as written
 * beside the de-identified draft, what the redaction removed, what a check of
 * the current text still finds, and the facts the library will show. Viewing
 * it is audited: the original findings are the patient's record.
 */
export async function publicationReview(user: SessionUser, caseId: string, actor: Actor, now = new Date()) {
  const kase = await db.case.findFirst({
    where: { AND: [{ id: caseId }, caseAccessWhere(user, "case:decide")] },
    select: {
      ...identifierSelect,
      id: true,
      reference: true,
      status: true,
      version: true,
      findings: true,
      publication: true,
      plan: { select: { name: true } },
      deadlines: { where: { kind: "PUBLICATION" }, orderBy: { startedAt: "desc" }, take: 1, select: { dueAt: true, status: true } },
    },
  });
  const reader = { actor, page: "publication", at: now };
  if (!kase?.publication) throw await caseRefused(reader, caseId);
  await caseViewed(reader, kase);
  const publication = kase.publication;
  const { timeZone } = await organizationCalendar();
  // What the redaction would still take out of the text as it stands: names the coordinator put back, or typed in.
  const identifiers = caseIdentifiers(kase, publication.relativeNames);
  const remaining = redactFindings(publication.findings, identifiers).redactions.map((redaction) => ({
    kind: redaction.kind,
    text: publication.findings.slice(redaction.start, redaction.end),
  }));
  const clock = kase.deadlines[0];
  return {
    case: { id: kase.id, reference: kase.reference, status: kase.status, version: kase.version },
    original: kase.findings ?? "",
    redactions: (publication.redactions as unknown as Redaction[]).map((redaction) => ({
      ...redaction,
      text: (kase.findings ?? "").slice(redaction.start, redaction.end),
    })),
    publication: {
      number: publication.number,
      status: publication.status,
      draftFindings: publication.draftFindings,
      findings: publication.findings,
      relativeNames: publication.relativeNames,
      year: publication.year,
      ageRange: publication.ageRange,
      gender: publication.gender,
      diagnosisCategory: publication.diagnosisCategory,
      diagnosisSubcategory: publication.diagnosisSubcategory,
      shownDiagnosisSubcategory: publication.shownDiagnosisSubcategory,
      treatmentCategory: publication.treatmentCategory,
      treatmentSubcategory: publication.treatmentSubcategory,
      outcome: publication.outcome,
      disputeType: publication.disputeType,
      track: publication.track,
      planName: kase.plan?.name ?? null,
      daysToDecision: publication.daysToDecision,
      decidedOnTime: publication.decidedOnTime,
    },
    remaining,
    due: clock ? { at: formatDeadlineTime(clock.dueAt, timeZone), status: clock.status } : null,
    editable: publication.status === "DRAFT" && can("publishDecision", kase.status, user.roles),
  };
}
export type PublicationReview = Awaited<ReturnType<typeof publicationReview>>;

export interface ReviewPublication {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  input: PublicationInput;
  at?: Date;
}

const ALREADY_APPROVED = "This decision was already approved for the library: what is published stays as it was published.";

/**
 * Saves the coordinator's edit of the draft, or approves it. Relatives' names
 * added are taken out of the text at once. Approval meets the publication
 * clock and publishes the decision if at least five alike are published or
 * ready; otherwise it waits for them (docs/rules/publication.md). One case
 * change: timeline, audit row and clock together.
 */
export async function reviewPublication(change: ReviewPublication): Promise<{ status: "DRAFT" | "WAITING" | "PUBLISHED" }> {
  const { user, caseId, input } = change;
  const at = change.at ?? new Date();
  const action: CaseActionName = input.intent === "approve" ? "publishDecision" : "editPublication";
  const visible = await db.case.findFirst({
    where: { AND: [{ id: caseId }, caseAccessWhere(user, "case:decide")] },
    select: { status: true, publication: { select: { id: true, status: true, relativeNames: true } } },
  });
  if (!visible?.publication) throw notFound("This case");
  assertCaseAction(action, visible.status, user.roles);
  if (visible.publication.status !== "DRAFT") throw new AppError("CONFLICT", ALREADY_APPROVED);
  const publicationId = visible.publication.id;

  const { result } = await explainingConflicts(caseId, change.expectedVersion, () =>
    db.$transaction((tx) =>
      changeCase({
        tx,
        caseId,
        expectedVersion: change.expectedVersion,
        actor: { ...change.actor, roles: user.roles },
        action,
        event: {
          type: input.intent === "approve" ? "decision_published" : "publication_edited",
          data: { relativesNamed: input.relativeNames.length },
        },
        at,
        deadlines: input.intent === "approve" ? { meet: ["publication"] } : undefined,
        work: async (tx) => {
          const current = await tx.publication.findUniqueOrThrow({ where: { id: publicationId }, select: { status: true } });
          if (current.status !== "DRAFT") throw new AppError("CONFLICT", ALREADY_APPROVED);
          // Relatives' names come out of the edited text too, so a name given late is never published.
          const relatives = input.relativeNames.length ? redactFindings(input.findings, { relativeNames: input.relativeNames }).text : input.findings;
          const updated = await tx.publication.update({
            where: { id: publicationId },
            data: {
              findings: relatives,
              relativeNames: input.relativeNames,
              ...(input.intent === "approve" ? { status: "WAITING", approvedAt: at, approvedById: user.id } : {}),
            },
          });
          if (input.intent === "save") return "DRAFT" as const;
          return publishAlike(tx, updated, change.actor, at);
        },
      }),
    ),
  );
  return { status: result };
}

type Alike = Pick<Prisma.PublicationGetPayload<object>, "year" | "ageRange" | "gender" | "diagnosisCategory">;

const DETAIL: Record<Exclude<DiagnosisDetail, "waiting">, "SUBCATEGORY" | "CATEGORY"> = { subcategory: "SUBCATEGORY", category: "CATEGORY" };

/**
 * Publishes every approved decision of `approved`'s group (same year, age
 * range, gender and diagnosis category) that the five-alike rule now allows,
 * each with an audit row: an approval may publish decisions approved before it.
 * The rule never looks outside the group, so this is all that can change.
 * Approvals in one group are serialized, so two never both see four.
 */
async function publishAlike(tx: Tx, approved: Alike & { id: string }, actor: Actor, at: Date): Promise<"WAITING" | "PUBLISHED"> {
  const group = { year: approved.year, ageRange: approved.ageRange, gender: approved.gender, diagnosisCategory: approved.diagnosisCategory };
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${JSON.stringify(group)}, 0))`;
  const rows = await tx.publication.findMany({
    where: { ...group, status: { in: ["WAITING", "PUBLISHED"] } },
    select: { id: true, number: true, caseId: true, diagnosisSubcategory: true, diagnosisDetail: true },
  });
  const quasi = (subcategory: string): QuasiIdentifiers => ({
    year: group.year,
    ageRange: group.ageRange ?? "",
    gender: group.gender ?? "",
    diagnosisCategory: group.diagnosisCategory,
    diagnosisSubcategory: subcategory,
  });
  const details = diagnosisDetails(
    rows.map((row) => ({
      id: row.id,
      quasiIdentifiers: quasi(row.diagnosisSubcategory),
      published: row.diagnosisDetail === "SUBCATEGORY" ? "subcategory" : row.diagnosisDetail === "CATEGORY" ? "category" : undefined,
    })),
  );
  for (const row of rows) {
    const detail = details.get(row.id);
    if (row.diagnosisDetail || !detail || detail === "waiting") continue;
    await tx.publication.update({
      where: { id: row.id },
      data: {
        status: "PUBLISHED",
        diagnosisDetail: DETAIL[detail],
        shownDiagnosisSubcategory: detail === "subcategory" ? row.diagnosisSubcategory : null,
        publishedAt: at,
      },
    });
    await audit(
      actor,
      {
        action: "publication.published",
        objectType: "Publication",
        objectId: row.id,
        detail: { number: row.number, caseId: row.caseId, diagnosisDetail: detail },
        at,
      },
      tx,
    );
  }
  return details.get(approved.id) === "waiting" ? "WAITING" : "PUBLISHED";
}
