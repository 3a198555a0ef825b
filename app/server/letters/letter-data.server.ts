import crypto from "node:crypto";
import { createElement } from "react";
import { caseLinkPath } from "~/domain/case-paths";
import { letterContents, type LetterCase, type LetterContents, type LetterIssue } from "~/domain/decision-letter";
import { letterDateContradictions } from "~/domain/letter-dates";
import type { DecisionOutcome } from "~/domain/panel";
import { newVerificationCode } from "~/domain/verification-code";
import { DecisionLetter } from "~/letters/decision-letter";
import { config } from "../config.server";
import { db, type Tx } from "../db.server";
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

/** The letter's contents for this case and issue, from the opinions that count; refused when its dates contradict each other. */
export async function composeLetter(facts: LetterFacts, issue: Omit<LetterIssue, "regulator">, tx: Tx = db): Promise<LetterContents> {
  const [opinions, calendar] = await Promise.all([submittedDeterminations(facts.id, tx), organizationCalendar(tx)]);
  const contradictions = letterDateContradictions({ receivedAt: facts.letterCase.receivedAt, decidedAt: issue.decidedAt, opinions }, calendar.timeZone);
  if (contradictions.length)
    throw new AppError(
      "CONFLICT",
      `This letter cannot be issued because its dates contradict each other. ${contradictions.join(" ")} Correct the case's dates first.`,
    );
  const { organizationName, organizationPostalAddress, organizationPhone, appUrl } = config();
  const organization = { name: organizationName, postalAddress: organizationPostalAddress, phone: organizationPhone, appUrl, timeZone: calendar.timeZone };
  return letterContents(facts.letterCase, opinions, organization, { ...issue, regulator: facts.regulator });
}

/** Renders the letter and stores the PDF (encrypted, with its SHA-256) before the change that records it. */
export async function storeLetter(contents: LetterContents, storage: DocumentStorage): Promise<StoredDocument> {
  const pdf = await renderPdf(createElement(DecisionLetter, { contents }));
  return storage.put(
    (async function* () {
      yield pdf;
    })(),
  );
}

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

/** The Document row of a letter version: kind DECISION_LETTER, added by the coordinator who issued it. */
export async function createLetterDocument(tx: Tx, facts: LetterFacts, stored: StoredDocument, options: { version: number; issuedById: string; at: Date }) {
  return tx.document.create({
    data: {
      caseId: facts.id,
      kind: "DECISION_LETTER",
      fileName: letterFileName(facts.reference, options.version),
      contentType: "application/pdf",
      sizeBytes: BigInt(stored.sizeBytes),
      sha256: stored.sha256,
      storageKey: stored.key,
      uploadedById: options.issuedById,
      description: options.version > 1 ? `Decision letter, amended (version ${options.version})` : "Decision letter",
      createdAt: options.at,
    },
    select: { id: true },
  });
}

export interface LetterRecipient {
  to: string;
  audience: "applicant" | "patient" | "plan" | "provider";
  link: string;
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
    { to: facts.applicantEmail, audience: "applicant", link: caseLink },
    ...(facts.patientEmail ? [{ to: facts.patientEmail, audience: "patient" as const, link: `${config().appUrl}/verify` }] : []),
    ...plan.map((to) => ({ to, audience: "plan" as const, link: caseLink })),
    ...(facts.providerEmail ? [{ to: facts.providerEmail, audience: "provider" as const, link: `${config().appUrl}/verify` }] : []),
  ];
}
