import { languageName } from "~/domain/language-names";
import { can } from "~/domain/case-actions";
import type { LetterContents } from "~/domain/decision-letter";
import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { formatVerificationCode } from "~/domain/verification-code";
import { caseRefused, caseViewed } from "../cases/case-views.server";
import { caseAccessWhere } from "../cases/case-access.server";
import { db } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { latestQualityReview } from "../determinations/quality.server";
import { AppError } from "../errors.server";
import { dueAtFor } from "../intake/intake-case.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { composeLetter, letterFacts } from "./letter-data.server";

/**
 * The coordinator's decision page: the letter as it would be issued now
 * (or, once issued, as an amendment would read), every issued version with
 * its fingerprint and code, and the actions open now. Viewing it is
 * audited: the preview shows the patient's records.
 */
export async function decisionPage(user: SessionUser, caseId: string, actor: Actor, now = new Date()) {
  const kase = await db.case.findFirst({
    where: { AND: [{ id: caseId }, caseAccessWhere(user, "case:decide")] },
    select: {
      id: true,
      reference: true,
      status: true,
      version: true,
      track: true,
      outcome: true,
      decidedAt: true,
      decisionLetters: {
        orderBy: { version: "desc" },
        select: { id: true, version: true, issuedAt: true, documentId: true, sha256: true, verificationCode: true, amendmentReason: true },
      },
      deadlines: {
        where: { kind: { in: ["WRITTEN_CONFIRMATION", "COMPLIANCE"] } },
        orderBy: { startedAt: "asc" },
        select: { kind: true, dueAt: true, startedAt: true },
      },
    },
  });
  const reader = { actor, page: "decision", at: now };
  if (!kase?.reference) throw await caseRefused(reader, caseId);
  await caseViewed(reader, kase);

  const { timeZone } = await organizationCalendar();
  const when = (instant: Date) => formatDeadlineTime(instant, timeZone);
  const review = await latestQualityReview(caseId);
  const approved = review?.result === "APPROVED";
  const issued = kase.decisionLetters.length > 0;
  const latest = kase.decisionLetters[0];
  const notice = kase.deadlines.find((deadline) => deadline.kind === "WRITTEN_CONFIRMATION");
  const compliance = kase.deadlines.find((deadline) => deadline.kind === "COMPLIANCE");

  let preview: LetterContents | null = null;
  let previewProblem: string | null = null;
  const issuable = can("issueDecision", kase.status, user.roles);
  if (issuable || issued) {
    try {
      const facts = await letterFacts(db, caseId);
      const complianceDueAt = facts.letterCase.outcome === "UPHELD" ? null : (compliance?.dueAt ?? (await dueAtFor(db, caseId, "compliance", now)).dueAt);
      preview = await composeLetter(facts, {
        version: latest ? latest.version + 1 : 1,
        verificationCode: null,
        decidedAt: kase.decidedAt ?? now,
        issuedAt: now,
        complianceDueAt,
        amendment: latest ? { reason: "(the reason you give below)", replaces: latest } : null,
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      previewProblem = error.message;
    }
  }

  // The applicant's copies in their language, beside the English letters they translate.
  const copies = await db.document.findMany({
    where: { translationOfId: { in: kase.decisionLetters.map((letter) => letter.documentId) } },
    select: { id: true, translationOfId: true, language: true, sha256: true },
  });
  const canIssue = issuable && approved;
  return {
    case: {
      id: kase.id,
      reference: kase.reference,
      status: kase.status,
      version: kase.version,
      expedited: kase.track === "EXPEDITED",
      outcome: kase.outcome,
      decided: kase.decidedAt ? when(kase.decidedAt) : null,
    },
    /** Why the letter cannot be issued now, when the case is waiting for it. */
    blocked: issuable && !approved ? "The determination must be approved in quality review before the decision can be issued." : null,
    preview,
    previewProblem,
    expeditedNotice: notice ? { recorded: when(notice.startedAt), letterDue: when(notice.dueAt) } : null,
    complianceDue: compliance ? when(compliance.dueAt) : null,
    letters: kase.decisionLetters.map((letter, index) => ({
      id: letter.id,
      version: letter.version,
      issued: letter.issuedAt,
      documentId: letter.documentId,
      sha256: letter.sha256,
      copies: copies
        .filter((copy) => copy.translationOfId === letter.documentId)
        .map((copy) => ({ documentId: copy.id, language: languageName(copy.language ?? ""), sha256: copy.sha256 })),
      code: formatVerificationCode(letter.verificationCode),
      amendmentReason: letter.amendmentReason,
      current: index === 0,
    })),
    actions: {
      issue: canIssue && !previewProblem,
      amend: issued && can("amendDecision", kase.status, user.roles) && !previewProblem,
      recordExpeditedNotice: canIssue && kase.track === "EXPEDITED" && !notice,
    },
  };
}

export type DecisionPage = Awaited<ReturnType<typeof decisionPage>>;
