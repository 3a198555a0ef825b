import crypto from "node:crypto";
import { createElement } from "react";
import { caseLinkPath } from "~/domain/case-paths";
import { letterContents, type LetterCase, type LetterContents, type LetterIssue } from "~/domain/decision-letter";
import { letterDateContradictions } from "~/domain/letter-dates";
import type { DecisionOutcome } from "~/domain/panel";
import { newVerificationCode } from "~/domain/verification-code";
import { noticeLocale, type Locale } from "~/i18n/locales";
import { DecisionLetter } from "~/letters/decision-letter";
import { config } from "../config.server";
import { db, type Prisma, type Tx } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { submittedDeterminations } from "../determinations/panel-opinions.server";
import type { DocumentStorage, StoredDocument } from "../documents/storage.server";
import { AppError } from "../errors.server";
import { planRecipients } from "../intake/intake-case.server";
import { renderPdf } from "./render-pdf.server";

/**
 * What issuing and amending a decision letter share: the case's facts as
 * the letter states them, the rendered and stored PDF, a fresh verification
 * code, and who is told. Reads take the caller's transaction or the
 * database.
 */

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** The case as the letter states it, plus the facts its delivery needs. */
export async function letterFacts(tx: Tx, caseId: string) {
  const row = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      id: true,
      reference: true,
      status: true,
      version: true,
      patientName: true,
      memberId: true,
      serviceDescription: true,
      procedureCodes: true,
      diagnosisCodes: true,
      serviceDate: true,
      denialDate: true,
      planDenialReference: true,
      denialReason: true,
      planCaseFileCompletedAt: true,
      planCaseFileDenialReason: true,
      proceededWithoutCaseFileAt: true,
      providerName: true,
      providerNpi: true,
      providerFacility: true,
      submittedAt: true,
      acceptedAt: true,
      determinedAt: true,
      decidedAt: true,
      track: true,
      disputeType: true,
      outcome: true,
      preferredLanguage: true,
      patientAddress: true,
      notifyProvider: true,
      providerEmail: true,
      filedBy: true,
      patientEmail: true,
      planId: true,
      plan: { select: { name: true } },
      applicant: { select: { email: true } },
      ruleProfile: { select: { regulatorName: true, regulatorContact: true } },
    },
  });
  const missing = [
    !row.reference && "a reference number",
    !row.patientName && "the patient's name",
    !row.plan && "a health plan",
    !row.serviceDescription && "the service in dispute",
    !row.submittedAt && "the date it was received",
    !row.outcome && "an outcome",
    !row.ruleProfile && "a rule profile",
  ].filter((item): item is string => typeof item === "string");
  if (missing.length) throw new AppError("CONFLICT", `The letter cannot be written: the case is missing ${missing.join(", ")}. Complete the case first.`);
  const letterCase: LetterCase = {
    reference: row.reference!,
    patientName: row.patientName!,
    memberId: row.memberId,
    planName: row.plan!.name,
    serviceDescription: row.serviceDescription!,
    procedureCodes: row.procedureCodes,
    diagnosisCodes: row.diagnosisCodes,
    serviceDate: isoDate(row.serviceDate),
    denialDate: isoDate(row.denialDate),
    planDenialReference: row.planDenialReference,
    denialReason: row.denialReason,
    planCaseFile: row.planCaseFileCompletedAt ? { receivedAt: row.planCaseFileCompletedAt, denialReason: row.planCaseFileDenialReason } : null,
    proceededWithoutCaseFile: row.proceededWithoutCaseFileAt !== null,
    providerName: row.providerName,
    providerNpi: row.providerNpi,
    providerFacility: row.providerFacility,
    receivedAt: row.submittedAt!,
    acceptedAt: row.acceptedAt,
    determinedAt: row.determinedAt,
    track: row.track,
    disputeType: row.disputeType,
    outcome: row.outcome as DecisionOutcome,
    preferredLanguage: row.preferredLanguage,
    patientAddress: row.patientAddress,
    providerNotified: row.notifyProvider,
  };
  return {
    id: row.id,
    reference: row.reference!,
    status: row.status,
    version: row.version,
    decidedAt: row.decidedAt,
    expedited: row.track === "EXPEDITED",
    /** The language of the applicant's notices and letter: a copy in it goes with each English one when it is not English. */
    noticeLocale: noticeLocale(row.preferredLanguage),
    planId: row.planId,
    applicantEmail: row.applicant.email,
    /** When a representative filed: the patient, told as well if they gave an email address of their own. */
    patientEmail:
      row.filedBy === "REPRESENTATIVE" && row.patientEmail && row.patientEmail.toLowerCase() !== row.applicant.email.toLowerCase() ? row.patientEmail : null,
    /** Only when the applicant agreed that the provider is told. */
    providerEmail: row.notifyProvider && row.providerEmail ? row.providerEmail : null,
    regulator: { name: row.ruleProfile!.regulatorName, contact: row.ruleProfile!.regulatorContact },
    letterCase,
  };
}

export type LetterFacts = Awaited<ReturnType<typeof letterFacts>>;

/** The letter's contents for this case and issue (in English unless told), from the opinions that count; refused when its dates contradict each other. */
export async function composeLetter(facts: LetterFacts, issue: Omit<LetterIssue, "regulator">, tx: Tx = db, locale: Locale = "en"): Promise<LetterContents> {
  const [opinions, calendar] = await Promise.all([submittedDeterminations(facts.id, tx), organizationCalendar(tx)]);
  const contradictions = letterDateContradictions({ receivedAt: facts.letterCase.receivedAt, decidedAt: issue.decidedAt, opinions }, calendar.timeZone);
  if (contradictions.length)
    throw new AppError(
      "CONFLICT",
      `This letter cannot be issued because its dates contradict each other. ${contradictions.join(" ")} Correct the case's dates first.`,
    );
  const { organizationName, organizationPostalAddress, organizationPhone, appUrl } = config();
  const organization = { name: organizationName, postalAddress: organizationPostalAddress, phone: organizationPhone, appUrl, timeZone: calendar.timeZone };
  return letterContents(facts.letterCase, opinions, organization, { ...issue, regulator: facts.regulator }, locale);
}

/** A PDF stored (encrypted, with its SHA-256) before the change that records it. */
export async function storePdf(pdf: Buffer, storage: DocumentStorage): Promise<StoredDocument> {
  return storage.put(
    (async function* () {
      yield pdf;
    })(),
  );
}

/**
 * A notice or letter as stored: the English original, the record the plan,
 * the API and the webhooks get, and the copy in the applicant's language
 * when that is not English (docs/decisions/0027-*.md).
 */
export interface StoredCopies {
  english: StoredDocument;
  translation: { locale: Locale; stored: StoredDocument } | null;
}

/**
 * Renders and stores the English original and, for an applicant who reads
 * another language, the copy in it. If the second cannot be stored, the
 * first is removed again.
 */
export async function storeCopies(locale: Locale, render: (locale: Locale) => Promise<Buffer>, storage: DocumentStorage): Promise<StoredCopies> {
  const english = await storePdf(await render("en"), storage);
  if (locale === "en") return { english, translation: null };
  try {
    return { english, translation: { locale, stored: await storePdf(await render(locale), storage) } };
  } catch (error) {
    await storage.delete(english.key);
    throw error;
  }
}

/** Removes what storeCopies stored, when the change that records it fails. */
export async function deleteCopies(copies: StoredCopies, storage: DocumentStorage): Promise<void> {
  await storage.delete(copies.english.key);
  if (copies.translation) await storage.delete(copies.translation.stored.key);
}

/**
 * The letter of one issue in English and, for an applicant who reads
 * another language, in it too: the same facts, code and dates. Returns the
 * English contents (the record) and the stored copies.
 */
export async function storeLetter(
  facts: LetterFacts,
  issue: Omit<LetterIssue, "regulator">,
  storage: DocumentStorage,
): Promise<{ contents: LetterContents; copies: StoredCopies }> {
  const contents = await composeLetter(facts, issue);
  const copies = await storeCopies(
    facts.noticeLocale,
    async (locale) => renderPdf(createElement(DecisionLetter, { contents: locale === "en" ? contents : await composeLetter(facts, issue, db, locale) })),
    storage,
  );
  return { contents, copies };
}

/**
 * The Document rows of stored copies: the English original, and the copy in
 * the applicant's language pointing at it. Returns the original's id (the
 * one the plan is given) and the copy's (the applicant's).
 */
export async function createCopyDocuments(
  tx: Tx,
  copies: StoredCopies,
  document: Omit<Prisma.DocumentUncheckedCreateInput, "sizeBytes" | "sha256" | "storageKey" | "contentType">,
): Promise<{ englishId: string; applicantsId: string }> {
  const stored = (file: StoredDocument) => ({ contentType: "application/pdf", sizeBytes: BigInt(file.sizeBytes), sha256: file.sha256, storageKey: file.key });
  const english = await tx.document.create({ data: { ...document, ...stored(copies.english) }, select: { id: true } });
  if (!copies.translation) return { englishId: english.id, applicantsId: english.id };
  const { locale } = copies.translation;
  const translation = await tx.document.create({
    data: {
      ...document,
      ...stored(copies.translation.stored),
      fileName: document.fileName.replace(/\.pdf$/, `-${locale}.pdf`),
      description: `${document.description ?? ""} (${LANGUAGE_NAMES[locale]} copy for the applicant)`.trim(),
      translationOfId: english.id,
      language: locale,
    },
    select: { id: true },
  });
  return { englishId: english.id, applicantsId: translation.id };
}

/** The copy's language as staff read it in the case's documents. */
const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", es: "Spanish" };

/** A verification code no letter has yet (the unique index is the last word on a race). */
export async function unusedVerificationCode(tx: Tx = db): Promise<string> {
  for (;;) {
    const code = newVerificationCode((size) => crypto.randomBytes(size));
    if (!(await tx.decisionLetter.findUnique({ where: { verificationCode: code }, select: { id: true } }))) return code;
  }
}

function letterFileName(reference: string, version: number): string {
  return `decision-letter-${reference}${version > 1 ? `-amended-v${version}` : ""}.pdf`;
}

/** The Document rows of a letter version (its English original and any copy): kind DECISION_LETTER, added by the coordinator who issued it. */
export async function createLetterDocuments(tx: Tx, facts: LetterFacts, copies: StoredCopies, options: { version: number; issuedById: string; at: Date }) {
  return createCopyDocuments(tx, copies, {
    caseId: facts.id,
    kind: "DECISION_LETTER",
    fileName: letterFileName(facts.reference, options.version),
    uploadedById: options.issuedById,
    description: options.version > 1 ? `Decision letter, amended (version ${options.version})` : "Decision letter",
    createdAt: options.at,
  });
}

export interface LetterRecipient {
  to: string;
  audience: "applicant" | "patient" | "plan" | "provider";
  link: string;
  /** The applicant and the patient read the case's notice language; the plan and the provider, English. */
  locale: Locale;
}

/**
 * Who is told about a letter: the applicant (the patient or their
 * representative), the patient too when a representative filed, the plan's
 * contact and staff, and the treating provider if the applicant agreed. The
 * patient of a representative and the provider have no account, so their
 * link is /verify rather than the case.
 */
export async function letterRecipients(tx: Tx, facts: LetterFacts): Promise<LetterRecipient[]> {
  const caseLink = `${config().appUrl}${caseLinkPath(facts.reference)}`;
  const plan = await planRecipients(tx, facts.planId);
  return [
    { to: facts.applicantEmail, audience: "applicant", link: caseLink, locale: facts.noticeLocale },
    ...(facts.patientEmail ? [{ to: facts.patientEmail, audience: "patient" as const, link: `${config().appUrl}/verify`, locale: facts.noticeLocale }] : []),
    ...plan.map((to) => ({ to, audience: "plan" as const, link: caseLink, locale: "en" as const })),
    ...(facts.providerEmail ? [{ to: facts.providerEmail, audience: "provider" as const, link: `${config().appUrl}/verify`, locale: "en" as const }] : []),
  ];
}
