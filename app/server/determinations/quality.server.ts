import { citationsOf } from "~/domain/citations";
import { can } from "~/domain/case-actions";
import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import type { DocumentKind } from "~/domain/documents/document-kinds";
import type { DecisionOutcome } from "~/domain/panel";
import { allChecksPass, qualityChecks, type QualityCheck } from "~/domain/quality-checks";
import { caseAccessWhere } from "../cases/case-access.server";
import { db, type Prisma, type Tx } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { caseRefused, caseViewed } from "../cases/case-views.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { countedOpinionsWhere, OPINION_SELECT, referencesOf } from "./panel-opinions.server";

/** The quality reviews of a case, newest first: what the coordinator decided, and the checks as they stood. */
export async function latestQualityReview(caseId: string, tx: Tx = db) {
  const review = await tx.qualityReview.findFirst({
    where: { caseId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, result: true, comments: true, checks: true, createdAt: true, reviewedById: true },
  });
  return review ? { ...review, checks: checksOf(review.checks) } : null;
}

function checksOf(value: Prisma.JsonValue): QualityCheck[] {
  return Array.isArray(value) ? (value as unknown as QualityCheck[]) : [];
}

/** "Opinion 2 (Neurology)": how checks and pages name an opinion, without the reviewer's name. */
function opinionLabel(number: number, specialty: string | null | undefined): string {
  return specialty ? `Opinion ${number} (${specialty})` : `Opinion ${number}`;
}

/**
 * The automatic checks over the case and the opinions that count, as they
 * stand in `tx` (the approval re-runs them inside its own transaction).
 */
export async function caseQualityChecks(tx: Tx, caseId: string): Promise<QualityCheck[]> {
  const [kase, documents, opinions] = await Promise.all([
    tx.case.findUniqueOrThrow({
      where: { id: caseId },
      select: {
        reference: true,
        patientName: true,
        memberId: true,
        plan: { select: { name: true } },
        serviceDescription: true,
        denialDate: true,
        providerName: true,
        disputeType: true,
        track: true,
        submittedAt: true,
        panelSize: true,
        outcome: true,
      },
    }),
    tx.document.findMany({ where: { caseId }, select: { id: true } }),
    tx.determination.findMany({
      where: countedOpinionsWhere(caseId),
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      select: {
        ...OPINION_SELECT,
        assignment: { select: { reviewer: { select: { reviewerProfile: { select: { primarySpecialty: true } } } } } },
      },
    }),
  ]);
  return qualityChecks(
    {
      reference: kase.reference,
      patientName: kase.patientName,
      memberId: kase.memberId,
      planName: kase.plan?.name ?? null,
      serviceDescription: kase.serviceDescription,
      denialDate: kase.denialDate,
      providerName: kase.providerName,
      disputeType: kase.disputeType,
      track: kase.track,
      receivedAt: kase.submittedAt,
      panelSize: kase.panelSize,
      outcome: kase.outcome,
      documentIds: documents.map((document) => document.id),
    },
    opinions.map((opinion, index) => ({
      label: opinionLabel(index + 1, opinion.assignment.reviewer.reviewerProfile?.primarySpecialty),
      outcome: opinion.outcome,
      partOverturned: opinion.partOverturned,
      principalReasons: opinion.principalReasons,
      clinicalRationale: opinion.clinicalRationale,
      references: referencesOf(opinion.references),
      documentsConsidered: opinion.documentsConsidered,
      standardOfReview: opinion.standardOfReview,
      noConflictStatement: opinion.noConflictStatement,
    })),
  );
}

/**
 * The coordinator's quality review page: the case, every current reviewer's
 * determination (named: coordinators assign reviewers), the automatic
 * checks, and the earlier quality reviews.
 */
export async function qualityReviewPage(user: SessionUser, caseId: string, actor: Actor) {
  const kase = await db.case.findFirst({
    where: { AND: [{ id: caseId }, caseAccessWhere(user, "case:decide")] },
    select: {
      id: true,
      reference: true,
      status: true,
      version: true,
      track: true,
      disputeType: true,
      panelSize: true,
      outcome: true,
      determinedAt: true,
      patientName: true,
      serviceDescription: true,
      plan: { select: { name: true } },
    },
  });
  const reader = { actor, page: "quality" };
  if (!kase) throw await caseRefused(reader, caseId);
  await caseViewed(reader, kase);
  const [determinations, documents, reviews, checks, calendar] = await Promise.all([
    db.determination.findMany({
      where: { caseId, assignment: { status: { in: ["ACCEPTED", "COMPLETED"] } } },
      orderBy: [{ submittedAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      select: {
        id: true,
        status: true,
        ...OPINION_SELECT,
        assignment: { select: { reviewer: { select: { name: true, reviewerProfile: { select: { primarySpecialty: true, credentials: true } } } } } },
      },
    }),
    db.document.findMany({ where: { caseId }, select: { id: true, fileName: true, kind: true } }),
    db.qualityReview.findMany({
      where: { caseId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, result: true, comments: true, createdAt: true, reviewedById: true },
    }),
    caseQualityChecks(db, caseId),
    organizationCalendar(),
  ]);
  const when = (date: Date) => formatDeadlineTime(date, calendar.timeZone);
  const reviewerIds = [...new Set(reviews.map((review) => review.reviewedById))];
  const reviewers = await db.user.findMany({ where: { id: { in: reviewerIds } }, select: { id: true, name: true } });
  const nameOf = new Map(reviewers.map((reviewer) => [reviewer.id, reviewer.name]));
  const documentById = new Map(documents.map((document) => [document.id, document]));
  let submittedNumber = 0;
  return {
    case: { ...kase, outcome: kase.outcome as DecisionOutcome | null, determined: kase.determinedAt ? when(kase.determinedAt) : null },
    checks,
    allPass: allChecksPass(checks),
    opinions: determinations.map((determination) => {
      const profile = determination.assignment.reviewer.reviewerProfile;
      const counted = determination.status === "SUBMITTED";
      if (counted) submittedNumber += 1;
      return {
        id: determination.id,
        label: counted ? opinionLabel(submittedNumber, profile?.primarySpecialty) : (profile?.primarySpecialty ?? "Reviewer"),
        reviewerName: determination.assignment.reviewer.name,
        credentials: profile?.credentials ?? null,
        status: determination.status,
        outcome: determination.outcome as DecisionOutcome | null,
        partOverturned: determination.partOverturned,
        principalReasons: determination.principalReasons,
        clinicalRationale: determination.clinicalRationale,
        references: referencesOf(determination.references),
        documentsConsidered: determination.documentsConsidered.map((id) => {
          const document = documentById.get(id);
          return { id, fileName: document?.fileName ?? null, kind: (document?.kind ?? null) as DocumentKind | null };
        }),
        citations: citationsOf(determination.citations),
        standardOfReview: determination.standardOfReview,
        noConflictStatement: determination.noConflictStatement,
        submitted: determination.submittedAt ? when(determination.submittedAt) : null,
      };
    }),
    history: reviews.map((review) => ({
      id: review.id,
      result: review.result,
      comments: review.comments,
      at: review.createdAt,
      by: nameOf.get(review.reviewedById) ?? "A coordinator",
    })),
    decidable: can("approveDetermination", kase.status, user.roles),
    /** Approved since the last determination (a send-back always comes between two approvals). */
    approved: can("approveDetermination", kase.status, user.roles) && reviews[0]?.result === "APPROVED",
  };
}

export type QualityReviewPage = Awaited<ReturnType<typeof qualityReviewPage>>;
