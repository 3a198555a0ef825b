/**
 * What a decision letter says (docs/rules/decision-letter.md, "What the letter says"), as plain
 * data: the PDF (app/letters/decision-letter.tsx) and the coordinator's
 * preview both render it, so the preview is the letter. Pure: the caller
 * loads the case, the counted opinions and the issue's facts.
 *
 * Reviewers are anonymous to the parties: an opinion carries the reviewer's
 * specialty and qualifications, and nothing here ever takes a name.
 */
import { citedPagesByDocument, type Citation } from "./citations";
import { formatDeadlineTime } from "./deadlines/case-deadlines";
import { localDate, type LocalDate } from "./deadlines/time-zone";
import { DOCUMENT_KIND_TEXT, type DocumentKind } from "./documents/document-kinds";
import { countOutcomes, OUTCOME_LABELS, type DecisionOutcome } from "./panel";
import { DISPUTE_TYPE_LABELS, TRACK_LABELS, type DisputeTypeCode, type TrackCode } from "./reports/labels";
import { formatLocalDate } from "./rule-profiles";
import { formatVerificationCode } from "./verification-code";

export interface LetterCase {
  reference: string;
  patientName: string;
  memberId: string | null;
  planName: string;
  serviceDescription: string;
  procedureCodes: readonly string[];
  diagnosisCodes: readonly string[];
  /** The date of service or of the request for it. */
  serviceDate: LocalDate | null;
  denialDate: LocalDate | null;
  planDenialReference: string | null;
  /** The denial as the applicant described it in the request. */
  denialReason: string | null;
  /** When the plan's case file came in complete, with the plan's own reason for the denial (null in files completed before the portal asked for it). */
  planCaseFile: { receivedAt: Date; denialReason: string | null } | null;
  /** The plan's case file came late and the review went ahead without it. */
  proceededWithoutCaseFile: boolean;
  providerName: string | null;
  providerNpi: string | null;
  providerFacility: string | null;
  /** When the organization received the request. */
  receivedAt: Date;
  acceptedAt: Date | null;
  /** When the last required opinion came in. */
  determinedAt: Date | null;
  track: TrackCode;
  disputeType: DisputeTypeCode | null;
  /** The panel's majority outcome, as approved in quality review. */
  outcome: DecisionOutcome;
  /** The patient's preferred language (ISO 639 code). */
  preferredLanguage: string;
  /** The patient's postal address as given in the request: the letter is addressed to them. */
  patientAddress: string | null;
  /** The applicant agreed that the treating provider gets a copy. */
  providerNotified: boolean;
}

/** One counted opinion, as the letter needs it (a subset of the determinations' LetterOpinion). */
export interface LetterOpinionInput {
  number: number;
  outcome: DecisionOutcome;
  partOverturned: string | null;
  principalReasons: string;
  clinicalRationale: string;
  references: readonly { title: string; source: string; year: number | null; url: string | null }[];
  documentsConsidered: readonly LetterDocument[];
  /** The pages the opinion cites, each of a document considered. */
  citations: readonly Citation[];
  standardOfReview: string;
  noConflictStatement: string;
  submittedAt: Date;
  reviewer: {
    specialty: string | null;
    credentials: string | null;
    yearsInPractice: number | null;
    boardCertifications: readonly { specialty: string; board: string }[];
  };
}

/** A document considered, as the letter names it. */
export interface LetterDocument {
  id: string;
  fileName: string;
  kind: string;
  /** Who wrote it, when known. */
  author: string | null;
  /** The date it bears, when known. */
  authoredOn: LocalDate | null;
  /** When it was uploaded: an undated document is placed by it. */
  receivedAt: Date;
}

export interface LetterOrganization {
  name: string;
  /** Where the organization receives post, on one line or several. */
  postalAddress: string;
  phone: string;
  /** The portal's address: where to ask questions and where /verify lives. */
  appUrl: string;
  timeZone: string;
}

export interface LetterIssue {
  version: number;
  /** The stored form (ten characters), printed in two halves; null in a preview, before the letter exists. */
  verificationCode: string | null;
  /** The date of the decision: when the first letter was issued. */
  decidedAt: Date;
  /** When this version was issued (an amendment's own date). */
  issuedAt: Date;
  /** For an overturn: when the plan must have complied (the compliance clock). */
  complianceDueAt: Date | null;
  regulator: { name: string; contact: string };
  amendment: { reason: string; replaces: { version: number; issuedAt: Date } } | null;
}

export interface LetterField {
  label: string;
  value: string;
}

interface LetterOpinionSection {
  /** "Reviewer 1 (board-certified in Cardiology)" on a panel; "The reviewer (…)" alone. */
  heading: string;
  qualifications: string[];
  outcome: string;
  submittedOn: string;
  principalReasons: string;
  clinicalRationale: string;
  /** A panel member's own standard, criteria and documents; null for a lone reviewer, whose are the letter's "evidence" section already. */
  ownEvidence: { standardOfReview: string; criteria: string[]; documents: string[] } | null;
  noConflict: string;
}

export interface LetterContents {
  title: string;
  organizationName: string;
  /** The organization's postal address and phone, under its name. */
  organizationContact: string[];
  /** Who the letter is addressed to, line by line, and who gets a copy. */
  recipient: { lines: string[]; copies: string };
  reference: string;
  decisionDate: string;
  version: number;
  /** This version's own date (differs from the decision date for an amendment). */
  issuedOn: string;
  amendment: { notice: string; reason: string } | null;
  verification: { code: string; address: string; footer: string };
  translationNote: string | null;
  summary: { heading: string; outcome: string; paragraphs: string[] };
  caseDetails: LetterField[];
  reviewDetails: LetterField[];
  evidence: { documents: string[]; criteria: string[]; standards: string[] };
  decision: { outcome: string; basis: string };
  opinions: LetterOpinionSection[];
  binding: string[];
  rights: string[];
  contact: string[];
}

export const SUMMARY_HEADING = "What was decided and what happens now";

/** The outcome as the letter states it, first thing. */
const OUTCOME_HEADLINES: Record<DecisionOutcome, string> = {
  UPHELD: "The denial is upheld.",
  OVERTURNED: "The denial is overturned.",
  OVERTURNED_IN_PART: "The denial is overturned in part.",
};

/** The outcome in the past tense, for /verify. */
export const OUTCOME_VERIFIED_WORDS: Record<DecisionOutcome, string> = {
  UPHELD: "The denial was upheld.",
  OVERTURNED: "The denial was overturned.",
  OVERTURNED_IN_PART: "The denial was overturned in part.",
};

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const numberWord = (n: number) => NUMBER_WORDS[n] ?? String(n);

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function dateOf(instant: Date, timeZone: string): string {
  return formatLocalDate(localDate(instant, timeZone));
}

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The specialties a reviewer is board-certified in, else their primary specialty; never their name. */
function reviewerHeading(opinion: LetterOpinionInput, panel: boolean): string {
  const who = panel ? `Reviewer ${opinion.number}` : "The reviewer";
  const certified = unique(opinion.reviewer.boardCertifications.map((certification) => certification.specialty));
  if (certified.length) return `${who} (board-certified in ${listOf(certified)})`;
  return opinion.reviewer.specialty ? `${who} (${opinion.reviewer.specialty})` : who;
}

/**
 * Years in practice as a band, never the exact figure: on a small roster an
 * exact number singles out one reviewer (issue 18, finding 6). A boundary
 * year belongs to the higher band.
 */
export function practiceBand(years: number): string {
  if (years < 5) return "Fewer than 5 years";
  if (years < 10) return "5–10 years";
  if (years <= 20) return "10–20 years";
  return "More than 20 years";
}

function qualifications(opinion: LetterOpinionInput): string[] {
  const { reviewer } = opinion;
  return [
    ...(reviewer.specialty ? [`Specialty: ${reviewer.specialty}`] : []),
    ...reviewer.boardCertifications.map((certification) => `Board certification: ${certification.specialty} (${certification.board})`),
    ...(reviewer.credentials ? [`Qualifications: ${reviewer.credentials}`] : []),
    ...(reviewer.yearsInPractice ? [`${practiceBand(reviewer.yearsInPractice)} of clinical practice`] : []),
    "Licensed physician, independent of the health plan, the patient and the treating providers",
  ];
}

function criterionText(reference: LetterOpinionInput["references"][number]): string {
  return [reference.title, reference.source, reference.year === null ? null : String(reference.year), reference.url].filter(Boolean).join(", ");
}

/**
 * A document considered: its name and kind, its date (the one it bears,
 * else when it came in), its author when known, and the pages cited:
 * "lee-letter.pdf (Medical records), dated Tue 3 Feb 2026, by Dr. Sam Lee; cited: pages 3–5, 12".
 */
export function documentText(document: LetterDocument, citedPages: string | undefined, timeZone: string): string {
  const kind = DOCUMENT_KIND_TEXT[document.kind as DocumentKind]?.label;
  const dated = document.authoredOn ? `dated ${formatLocalDate(document.authoredOn)}` : `undated; received ${dateOf(document.receivedAt, timeZone)}`;
  return [
    kind ? `${document.fileName} (${kind})` : document.fileName,
    `, ${dated}`,
    document.author ? `, by ${document.author}` : "",
    citedPages ? `; cited: ${citedPages}` : "",
  ].join("");
}

/** Every document the opinions considered, once each, with the pages any of them cites merged. */
function documentsConsidered(opinions: readonly LetterOpinionInput[], timeZone: string): string[] {
  const documents = new Map(opinions.flatMap((opinion) => opinion.documentsConsidered.map((document) => [document.id, document] as const)));
  const cited = citedPagesByDocument(opinions.flatMap((opinion) => opinion.citations));
  return [...documents.values()].map((document) => documentText(document, cited.get(document.id), timeZone));
}

function opinionOutcome(opinion: LetterOpinionInput): string {
  const label = OUTCOME_LABELS[opinion.outcome];
  return opinion.outcome === "OVERTURNED_IN_PART" && opinion.partOverturned ? `${label}: ${opinion.partOverturned}` : label;
}

/** The part overturned, in the words of the opinions that overturned in part. */
function partOverturned(opinions: readonly LetterOpinionInput[]): string {
  const parts = unique(
    opinions.flatMap((opinion) => (opinion.outcome === "OVERTURNED_IN_PART" && opinion.partOverturned ? [opinion.partOverturned.trim()] : [])),
  );
  return parts.join("; ");
}

/** How the outcome was reached: one reviewer, or a panel's majority with its tally. */
function decisionBasis(opinions: readonly LetterOpinionInput[]): string {
  if (opinions.length <= 1) return "One independent reviewer examined the case. Their opinion is the decision.";
  const counts = countOutcomes(opinions.map((opinion) => opinion.outcome));
  const tally = [
    counts.OVERTURNED ? `${numberWord(counts.OVERTURNED)} to overturn the denial` : null,
    counts.OVERTURNED_IN_PART ? `${numberWord(counts.OVERTURNED_IN_PART)} to overturn it in part` : null,
    counts.UPHELD ? `${numberWord(counts.UPHELD)} to uphold it` : null,
  ].filter((part): part is string => part !== null);
  return `A panel of ${numberWord(opinions.length)} independent reviewers examined the case, each on their own. The decision follows the majority (${listOf(tally)}). Every opinion is set out below.`;
}

function reviewers(opinions: readonly LetterOpinionInput[]): string {
  return opinions.length > 1 ? `a panel of ${numberWord(opinions.length)} independent physician reviewers` : "an independent physician reviewer";
}

export function letterContents(
  kase: LetterCase,
  opinions: readonly LetterOpinionInput[],
  organization: LetterOrganization,
  issue: LetterIssue,
): LetterContents {
  const { timeZone } = organization;
  const panel = opinions.length > 1;
  const plan = kase.planName;
  const service = inSentence(kase.serviceDescription);
  const part = kase.outcome === "OVERTURNED_IN_PART" ? partOverturned(opinions) : "";
  const due = issue.complianceDueAt ? formatDeadlineTime(issue.complianceDueAt, timeZone) : null;
  const decisionDate = dateOf(issue.decidedAt, timeZone);
  const code = issue.verificationCode ? formatVerificationCode(issue.verificationCode) : "(given when the letter is issued)";
  const verifyAddress = `${organization.appUrl}/verify`;
  const regulator = `the ${issue.regulator.name}: ${issue.regulator.contact}`;
  const organizationContact = [...lines(organization.postalAddress), `Phone ${organization.phone}`];
  const byWhen = due ? ` by ${due}` : " within the time the law allows";

  const summaryParagraphs: Record<DecisionOutcome, string[]> = {
    UPHELD: [
      `${capitalized(reviewers(opinions))} agreed with ${plan}'s decision to deny ${service}.`,
      `This means ${plan} does not have to approve or pay for it. The independent review is finished and the case is closed.`,
      'If you disagree, you still have other rights; they are explained under "Your rights" below.',
    ],
    OVERTURNED: [
      `${capitalized(reviewers(opinions))} found that ${plan} should not have denied ${service}.`,
      `This means ${plan} must approve or pay for it${byWhen}, and confirm to us that it did so.`,
      `If you do not hear from ${plan} by then, contact ${plan} and tell us.`,
    ],
    OVERTURNED_IN_PART: [
      `${capitalized(reviewers(opinions))} found that ${plan} should not have denied part of ${service}: ${part}.`,
      `This means ${plan} must approve or pay for that part${byWhen}, and confirm to us that it did so. The rest of the denial stands.`,
      `If you do not hear from ${plan} by then, contact ${plan} and tell us.`,
    ],
  };

  const codes = [
    kase.procedureCodes.length ? `procedure codes ${kase.procedureCodes.join(", ")}` : null,
    kase.diagnosisCodes.length ? `diagnosis codes ${kase.diagnosisCodes.join(", ")}` : null,
  ].filter(Boolean);
  const provider = [kase.providerName, kase.providerNpi ? `NPI ${kase.providerNpi}` : null, kase.providerFacility].filter(Boolean).join(", ");
  const reviewFrom = kase.acceptedAt ?? kase.receivedAt;

  const planMust: Record<DecisionOutcome, string> = {
    UPHELD: `The decision is binding on ${plan}. Because the denial is upheld, ${plan} does not have to take any action.`,
    OVERTURNED: `The decision is binding on ${plan}. ${plan} must approve or pay for ${service}${byWhen}, and confirm in the review organization's portal the date it did so and the authorization or claim number.`,
    OVERTURNED_IN_PART: `The decision is binding on ${plan}. ${plan} must approve or pay for the part overturned (${part})${byWhen}, and confirm in the review organization's portal the date it did so and the authorization or claim number.`,
  };

  return {
    title: issue.amendment ? "Amended decision of the independent medical review" : "Decision of the independent medical review",
    organizationName: organization.name,
    organizationContact,
    recipient: {
      lines: [kase.patientName, ...(kase.patientAddress ? lines(kase.patientAddress) : [])],
      copies: `Copies to: ${listOf([plan, ...(kase.providerNotified && kase.providerName ? [kase.providerName] : [])])}`,
    },
    reference: kase.reference,
    decisionDate,
    version: issue.version,
    issuedOn: dateOf(issue.issuedAt, timeZone),
    amendment: issue.amendment
      ? {
          notice: `This letter (version ${issue.version}, issued on ${dateOf(issue.issuedAt, timeZone)}) replaces version ${issue.amendment.replaces.version}, issued on ${dateOf(issue.amendment.replaces.issuedAt, timeZone)}. The decision itself is unchanged unless this letter says otherwise.`,
          reason: issue.amendment.reason,
        }
      : null,
    verification: {
      code,
      address: verifyAddress,
      footer: `Reference ${kase.reference} · Verification code ${code} · Check this letter at ${verifyAddress}`,
    },
    translationNote:
      kase.preferredLanguage && kase.preferredLanguage.toLowerCase() !== "en"
        ? `You told us you prefer ${languageName(kase.preferredLanguage)}. This letter is in English. You can ask us for a translation at no cost: ${organization.name}, ${organization.appUrl}.`
        : null,
    summary: { heading: SUMMARY_HEADING, outcome: OUTCOME_HEADLINES[kase.outcome], paragraphs: summaryParagraphs[kase.outcome] },
    caseDetails: [
      { label: "Patient", value: kase.patientName },
      { label: "Member ID", value: kase.memberId ?? "Not given" },
      { label: "Health plan", value: plan },
      { label: "Service in dispute", value: codes.length ? `${kase.serviceDescription} (${codes.join("; ")})` : kase.serviceDescription },
      { label: "Date of service or request", value: kase.serviceDate ? formatLocalDate(kase.serviceDate) : "Not given in the request" },
      { label: "Provider", value: provider || "Not given" },
      { label: "The plan's reason for the denial", value: denialReasonText(kase, timeZone) },
      {
        label: "The plan's denial",
        value:
          [kase.denialDate ? `dated ${formatLocalDate(kase.denialDate)}` : null, kase.planDenialReference ? `reference ${kase.planDenialReference}` : null]
            .filter(Boolean)
            .join(", ") || "Not given",
      },
    ],
    reviewDetails: [
      { label: "Date we received the case", value: dateOf(kase.receivedAt, timeZone) },
      { label: "Dates of review", value: `${dateOf(reviewFrom, timeZone)} to ${dateOf(kase.determinedAt ?? issue.decidedAt, timeZone)}` },
      { label: "Type of review", value: kase.track === "EXPEDITED" ? "Expedited (urgent)" : TRACK_LABELS.STANDARD },
      { label: "Type of dispute", value: kase.disputeType ? DISPUTE_TYPE_LABELS[kase.disputeType] : "Not recorded" },
      { label: "Reviewed by", value: capitalized(reviewers(opinions)) },
    ],
    evidence: {
      documents: documentsConsidered(opinions, timeZone),
      criteria: unique(opinions.flatMap((opinion) => opinion.references.map(criterionText))),
      standards: unique(opinions.map((opinion) => opinion.standardOfReview).filter(Boolean)),
    },
    decision: {
      outcome:
        kase.outcome === "OVERTURNED_IN_PART" && part
          ? `${OUTCOME_HEADLINES.OVERTURNED_IN_PART} The part overturned: ${part}.`
          : OUTCOME_HEADLINES[kase.outcome],
      basis: decisionBasis(opinions),
    },
    opinions: opinions.map((opinion) => ({
      heading: reviewerHeading(opinion, panel),
      qualifications: qualifications(opinion),
      outcome: opinionOutcome(opinion),
      submittedOn: dateOf(opinion.submittedAt, timeZone),
      principalReasons: opinion.principalReasons,
      clinicalRationale: opinion.clinicalRationale,
      ownEvidence: panel
        ? {
            standardOfReview: opinion.standardOfReview,
            criteria: opinion.references.map(criterionText),
            documents: documentsConsidered([opinion], timeZone),
          }
        : null,
      noConflict: opinion.noConflictStatement,
    })),
    binding: [
      planMust[kase.outcome],
      "This decision is the final step of the independent review. Neither the plan nor the review organization can change it; a correction is issued only as an amended letter that says what changed.",
    ],
    rights: [
      kase.outcome === "UPHELD"
        ? "You may still have the right to take legal action in court, or to other remedies under state or federal law. Time limits may apply, so consider getting legal advice soon."
        : "You keep any other rights you have under the law, including the right to take legal action in court.",
      `For help with your rights, or if ${plan} does not do what this decision requires, contact ${regulator}.`,
    ],
    contact: [
      `Questions about this letter: ${organization.name}, ${organizationContact.join(", ")}, ${organization.appUrl}. Please quote the reference number ${kase.reference}.`,
      `Anyone holding this letter can check that it is genuine at ${verifyAddress} with the reference number and the verification code ${code}.`,
    ],
  };
}

/**
 * The plan's reason in the plan's own words, from its case file. The
 * applicant's paraphrase stands in only when the plan stated none, labelled
 * as theirs (docs/rules/decision-letter.md, "The plan's reason").
 */
export function denialReasonText(kase: Pick<LetterCase, "denialReason" | "planCaseFile" | "proceededWithoutCaseFile">, timeZone: string): string {
  const file = kase.planCaseFile;
  if (file?.denialReason) {
    return `Your health plan denied the service because: “${file.denialReason}” (the plan's case file, received ${dateOf(file.receivedAt, timeZone)})`;
  }
  if (!kase.denialReason) return "Not stated in the plan's case file or in the request";
  const why = file
    ? "the plan's case file does not state its reason"
    : kase.proceededWithoutCaseFile
      ? "the review went ahead without the plan's case file, which came late"
      : "the plan's case file had not come in";
  return `As you described the denial: “${kase.denialReason}” (${why})`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The service as written in the middle of a sentence: "Lumbar spinal fusion"
 * reads "lumbar spinal fusion", while a first word that is an abbreviation or
 * a name written with capitals inside it ("MRI", "CyberKnife") keeps its case.
 */
export function inSentence(text: string): string {
  const first = text.trim().split(/\s+/)[0] ?? "";
  if (/[A-Z]/.test(first.slice(1)) || /\d/.test(first)) return text.trim();
  return text.trim().charAt(0).toLowerCase() + text.trim().slice(1);
}

function lines(text: string): string[] {
  return text
    .split(/\n|,\s*(?=\S)/)
    .map((line) => line.trim())
    .filter(Boolean);
}
