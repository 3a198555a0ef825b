/**
 * What a decision letter says (docs/rules/decision-letter.md, "What the letter says"), as plain
 * data: the PDF (app/letters/decision-letter.tsx) and the coordinator's
 * preview both render it, so the preview is the letter. Pure: the caller
 * loads the case, the counted opinions and the issue's facts.
 *
 * Reviewers are anonymous to the parties: an opinion carries the reviewer's
 * specialty and qualifications, and nothing here ever takes a name.
 */
import { languageName } from "./language-names";
import type { TFunction } from "i18next";
import { translateMessage, translator } from "~/i18n/i18n";
import { noticeLocale, type Locale } from "~/i18n/locales";
import { msg, type MessageKey } from "~/i18n/msg";
import { citedPagesByDocument, type Citation } from "./citations";
import type { LocalDate } from "./deadlines/time-zone";
import type { DocumentKind } from "./documents/document-kinds";
import { letterDay, letterDayOf, letterDeadline } from "./letter-dates";
import { countOutcomes, type DecisionOutcome } from "./panel";
import { NO_CONFLICT_STATEMENT, STANDARDS_OF_REVIEW } from "./review-statements";
import type { DisputeTypeCode, TrackCode } from "./reports/labels";
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
  /** The language the letter is written in. */
  locale: Locale;
  title: string;
  organizationName: string;
  /** Printed with the taglines offering help in other languages. */
  organizationPhone: string;
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
  /** In a letter not in English: the reviewers' own words follow in English, and where to call for free help with them. */
  findingsNote: string | null;
  binding: string[];
  rights: string[];
  contact: string[];
}

export const SUMMARY_HEADING = msg("What was decided and what happens now");

/** The outcome as the letter states it, first thing. */
const OUTCOME_HEADLINES: Record<DecisionOutcome, MessageKey> = {
  UPHELD: msg("The denial is upheld."),
  OVERTURNED: msg("The denial is overturned."),
  OVERTURNED_IN_PART: msg("The denial is overturned in part."),
};

/** The outcome in the past tense, for /verify. */
export const OUTCOME_VERIFIED_WORDS: Record<DecisionOutcome, string> = {
  UPHELD: "The denial was upheld.",
  OVERTURNED: "The denial was overturned.",
  OVERTURNED_IN_PART: "The denial was overturned in part.",
};

/** A reviewer's own outcome, in the words of the determination form (panel.ts's OUTCOME_LABELS). */
const OPINION_OUTCOMES: Record<DecisionOutcome, MessageKey> = {
  UPHELD: msg("Uphold the denial"),
  OVERTURNED: msg("Overturn the denial"),
  OVERTURNED_IN_PART: msg("Overturn the denial in part"),
};

/** The regulators' names for the type of dispute (reports/labels.ts), as the letter states them. */
const DISPUTE_TYPES: Record<DisputeTypeCode, MessageKey> = {
  MEDICAL_NECESSITY: msg("Medical necessity"),
  EXPERIMENTAL_INVESTIGATIONAL: msg("Experimental/Investigational"),
  URGENT_CARE: msg("Urgent care"),
};

/** The kinds of document (documents/document-kinds.ts), as the letter's list of documents names them. */
const DOCUMENT_KINDS: Record<DocumentKind, MessageKey> = {
  DENIAL_LETTER: msg("Denial letter"),
  APPEAL_DECISION: msg("Appeal decision"),
  MEDICAL_RECORDS: msg("Medical records"),
  PHYSICIAN_LETTER: msg("Letter from a doctor"),
  AUTHORIZATION: msg("Authorization to act for the patient"),
  PHYSICIAN_CERTIFICATION: msg("Doctor's certification for an expedited review"),
  PLAN_CASE_FILE: msg("Plan case file"),
  DECISION_LETTER: msg("Decision letter"),
  NOTICE: msg("Notice"),
  OTHER: msg("Other document"),
};

const NUMBER_WORDS: Record<Locale, readonly string[]> = {
  en: ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
  es: ["ningún", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"],
};
const AND: Record<Locale, string> = { en: "and", es: "y" };

function listOf(items: readonly string[], locale: Locale = "en"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${AND[locale]} ${items[items.length - 1]}`;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** How a letter in one language writes: its translator, its dates and its lists. */
interface Writing {
  t: TFunction;
  locale: Locale;
  timeZone: string;
}

const dayOf = (instant: Date, w: Writing) => letterDayOf(instant, w.timeZone, w.locale);

const OUR_STANDARDS: ReadonlySet<string> = new Set(STANDARDS_OF_REVIEW.map((standard) => standard.text));

/** A standard of review: one the form offers, in the letter's language; one the reviewer described, as they wrote it. */
function standardText(standard: string, w: Writing): string {
  return OUR_STANDARDS.has(standard) ? translateMessage(w.t, standard) : standard;
}

/**
 * The reviewer's no-conflict statement: in English, word for word as
 * signed; in another language, ours in that language with the time it was
 * signed. A statement in other words (an earlier wording) stays as signed.
 */
function noConflictText(opinion: LetterOpinionInput, w: Writing): string {
  if (w.locale === "en" || !opinion.noConflictStatement.startsWith(NO_CONFLICT_STATEMENT)) return opinion.noConflictStatement;
  const signed = w.t("Signed electronically on {time}.", { time: letterDeadline(opinion.submittedAt, w.timeZone, w.locale) });
  return `${w.t(NO_CONFLICT_STATEMENT)} ${signed}`;
}

/** The specialties a reviewer is board-certified in, else their primary specialty; never their name. */
function reviewerHeading(opinion: LetterOpinionInput, panel: boolean, w: Writing): string {
  const who = panel ? w.t("Reviewer {number}", { number: opinion.number }) : w.t("The reviewer");
  const certified = unique(opinion.reviewer.boardCertifications.map((certification) => certification.specialty));
  if (certified.length) return w.t("{who} (board-certified in {specialties})", { who, specialties: listOf(certified, w.locale) });
  return opinion.reviewer.specialty ? `${who} (${opinion.reviewer.specialty})` : who;
}

/**
 * Years in practice as a band, never the exact figure: on a small roster an
 * exact number singles out one reviewer (issue 18, finding 6). A boundary
 * year belongs to the higher band.
 */
export function practiceBand(years: number, t: TFunction = translator("en")): string {
  if (years < 5) return t("Fewer than 5 years");
  if (years < 10) return t("5–10 years");
  if (years <= 20) return t("10–20 years");
  return t("More than 20 years");
}

function qualifications(opinion: LetterOpinionInput, w: Writing): string[] {
  const { reviewer } = opinion;
  const { t } = w;
  return [
    ...(reviewer.specialty ? [t("Specialty: {specialty}", { specialty: reviewer.specialty })] : []),
    ...reviewer.boardCertifications.map((certification) =>
      t("Board certification: {specialty} ({board})", { specialty: certification.specialty, board: certification.board }),
    ),
    ...(reviewer.credentials ? [t("Qualifications: {credentials}", { credentials: reviewer.credentials })] : []),
    ...(reviewer.yearsInPractice ? [t("{band} of clinical practice", { band: practiceBand(reviewer.yearsInPractice, t) })] : []),
    t("Licensed physician, independent of the health plan, the patient and the treating providers"),
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
export function documentText(document: LetterDocument, citedPages: string | undefined, timeZone: string, locale: Locale = "en"): string {
  const t = translator(locale);
  const kind = document.kind in DOCUMENT_KINDS ? t(DOCUMENT_KINDS[document.kind as DocumentKind]) : null;
  const dated = document.authoredOn
    ? t("dated {date}", { date: letterDay(document.authoredOn, locale) })
    : t("undated; received {date}", { date: letterDayOf(document.receivedAt, timeZone, locale) });
  return [
    kind ? `${document.fileName} (${kind})` : document.fileName,
    `, ${dated}`,
    document.author ? t(", by {author}", { author: document.author }) : "",
    citedPages ? t("; cited: {pages}", { pages: citedPagesIn(citedPages, locale) }) : "",
  ].join("");
}

/** citations.ts writes "page 3" and "pages 3–5, 12"; a Spanish letter says "página" and "páginas". */
function citedPagesIn(pages: string, locale: Locale): string {
  return locale === "es" ? pages.replace(/^pages\b/, "páginas").replace(/^page\b/, "página") : pages;
}

/** Every document the opinions considered, once each, with the pages any of them cites merged. */
function documentsConsidered(opinions: readonly LetterOpinionInput[], w: Writing): string[] {
  const documents = new Map(opinions.flatMap((opinion) => opinion.documentsConsidered.map((document) => [document.id, document] as const)));
  const cited = citedPagesByDocument(opinions.flatMap((opinion) => opinion.citations));
  return [...documents.values()].map((document) => documentText(document, cited.get(document.id), w.timeZone, w.locale));
}

function opinionOutcome(opinion: LetterOpinionInput, w: Writing): string {
  const label = w.t(OPINION_OUTCOMES[opinion.outcome]);
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
function decisionBasis(opinions: readonly LetterOpinionInput[], w: Writing): string {
  const { t } = w;
  if (opinions.length <= 1) return t("One independent reviewer examined the case. Their opinion is the decision.");
  const word = (n: number) => NUMBER_WORDS[w.locale][n] ?? String(n);
  const counts = countOutcomes(opinions.map((opinion) => opinion.outcome));
  const tally = [
    counts.OVERTURNED ? t("{count} to overturn the denial", { count: word(counts.OVERTURNED) }) : null,
    counts.OVERTURNED_IN_PART ? t("{count} to overturn it in part", { count: word(counts.OVERTURNED_IN_PART) }) : null,
    counts.UPHELD ? t("{count} to uphold it", { count: word(counts.UPHELD) }) : null,
  ].filter((part): part is string => part !== null);
  return t(
    "A panel of {count} independent reviewers examined the case, each on their own. The decision follows the majority ({tally}). Every opinion is set out below.",
    { count: word(opinions.length), tally: listOf(tally, w.locale) },
  );
}

function reviewers(opinions: readonly LetterOpinionInput[], w: Writing): string {
  return opinions.length > 1
    ? w.t("a panel of {count} independent physician reviewers", { count: NUMBER_WORDS[w.locale][opinions.length] ?? String(opinions.length) })
    : w.t("an independent physician reviewer");
}

/**
 * The letter in one language (English unless told): the same facts, code
 * and dates in each, so the applicant's Spanish copy and the plan's English
 * one state the same decision. The English copy of a letter whose
 * applicant reads Spanish says so at the top.
 */
export function letterContents(
  kase: LetterCase,
  opinions: readonly LetterOpinionInput[],
  organization: LetterOrganization,
  issue: LetterIssue,
  locale: Locale = "en",
): LetterContents {
  const { timeZone } = organization;
  const t = translator(locale);
  const w: Writing = { t, locale, timeZone };
  const panel = opinions.length > 1;
  const plan = kase.planName;
  const service = inSentence(kase.serviceDescription);
  const part = kase.outcome === "OVERTURNED_IN_PART" ? partOverturned(opinions) : "";
  const due = issue.complianceDueAt ? letterDeadline(issue.complianceDueAt, timeZone, locale) : null;
  const decisionDate = dayOf(issue.decidedAt, w);
  const code = issue.verificationCode ? formatVerificationCode(issue.verificationCode) : t("(given when the letter is issued)");
  const verifyAddress = `${organization.appUrl}/verify`;
  // The rule profile's regulator is our wording until an administrator edits it: ours reads in the letter's language.
  const regulator = t("the {regulator}: {contact}", {
    regulator: translateMessage(t, issue.regulator.name),
    contact: translateMessage(t, issue.regulator.contact),
  });
  const organizationContact = [...lines(organization.postalAddress), t("Phone {phone}", { phone: organization.phone })];
  const who = capitalized(reviewers(opinions, w));
  const ifNotHeard = t("If you do not hear from {plan} by then, contact {plan} and tell us.", { plan });

  const summaryParagraphs: Record<DecisionOutcome, string[]> = {
    UPHELD: [
      t("{reviewers} agreed with {plan}'s decision to deny {service}.", { reviewers: who, plan, service }),
      t("This means {plan} does not have to approve or pay for it. The independent review is finished and the case is closed.", { plan }),
      t('If you disagree, you still have other rights; they are explained under "Your rights" below.'),
    ],
    OVERTURNED: [
      t("{reviewers} found that {plan} should not have denied {service}.", { reviewers: who, plan, service }),
      due
        ? t("This means {plan} must approve or pay for it by {due}, and confirm to us that it did so.", { plan, due })
        : t("This means {plan} must approve or pay for it within the time the law allows, and confirm to us that it did so.", { plan }),
      ifNotHeard,
    ],
    OVERTURNED_IN_PART: [
      t("{reviewers} found that {plan} should not have denied part of {service}: {part}.", { reviewers: who, plan, service, part }),
      due
        ? t("This means {plan} must approve or pay for that part by {due}, and confirm to us that it did so. The rest of the denial stands.", { plan, due })
        : t(
            "This means {plan} must approve or pay for that part within the time the law allows, and confirm to us that it did so. The rest of the denial stands.",
            { plan },
          ),
      ifNotHeard,
    ],
  };

  const codes = [
    kase.procedureCodes.length ? t("procedure codes {codes}", { codes: kase.procedureCodes.join(", ") }) : null,
    kase.diagnosisCodes.length ? t("diagnosis codes {codes}", { codes: kase.diagnosisCodes.join(", ") }) : null,
  ].filter(Boolean);
  const provider = [kase.providerName, kase.providerNpi ? `NPI ${kase.providerNpi}` : null, kase.providerFacility].filter(Boolean).join(", ");
  const reviewFrom = kase.acceptedAt ?? kase.receivedAt;
  const binding = t("The decision is binding on {plan}.", { plan });

  const planMust: Record<DecisionOutcome, string> = {
    UPHELD: `${binding} ${t("Because the denial is upheld, {plan} does not have to take any action.", { plan })}`,
    OVERTURNED: `${binding} ${
      due
        ? t(
            "{plan} must approve or pay for {service} by {due}, and confirm in the review organization's portal the date it did so and the authorization or claim number.",
            { plan, service, due },
          )
        : t(
            "{plan} must approve or pay for {service} within the time the law allows, and confirm in the review organization's portal the date it did so and the authorization or claim number.",
            { plan, service },
          )
    }`,
    OVERTURNED_IN_PART: `${binding} ${
      due
        ? t(
            "{plan} must approve or pay for the part overturned ({part}) by {due}, and confirm in the review organization's portal the date it did so and the authorization or claim number.",
            { plan, part, due },
          )
        : t(
            "{plan} must approve or pay for the part overturned ({part}) within the time the law allows, and confirm in the review organization's portal the date it did so and the authorization or claim number.",
            { plan, part },
          )
    }`,
  };

  const copiesTo = listOf([plan, ...(kase.providerNotified && kase.providerName ? [kase.providerName] : [])], locale);
  const notSpanishOrEnglish = kase.preferredLanguage && !["en", "es"].includes(kase.preferredLanguage.toLowerCase());

  return {
    locale,
    title: issue.amendment ? t("Amended decision of the independent medical review") : t("Decision of the independent medical review"),
    organizationName: organization.name,
    organizationPhone: organization.phone,
    organizationContact,
    recipient: {
      lines: [kase.patientName, ...(kase.patientAddress ? lines(kase.patientAddress) : [])],
      copies: t("Copies to: {recipients}", { recipients: copiesTo }),
    },
    reference: kase.reference,
    decisionDate,
    version: issue.version,
    issuedOn: dayOf(issue.issuedAt, w),
    amendment: issue.amendment
      ? {
          notice: t(
            "This letter (version {version}, issued on {issuedOn}) replaces version {previous}, issued on {previousIssuedOn}. The decision itself is unchanged unless this letter says otherwise.",
            {
              version: String(issue.version),
              issuedOn: dayOf(issue.issuedAt, w),
              previous: String(issue.amendment.replaces.version),
              previousIssuedOn: dayOf(issue.amendment.replaces.issuedAt, w),
            },
          ),
          reason: issue.amendment.reason,
        }
      : null,
    verification: {
      code,
      address: verifyAddress,
      footer: t("Reference {reference} · Verification code {code} · Check this letter at {address}", {
        reference: kase.reference,
        code,
        address: verifyAddress,
      }),
    },
    translationNote:
      locale === "en" && noticeLocale(kase.preferredLanguage) !== "en"
        ? t(
            "This is the English copy of this letter. The patient was sent a copy in {language}. Both copies have the same verification code and state the same decision.",
            { language: languageName(kase.preferredLanguage) },
          )
        : notSpanishOrEnglish
          ? t("You told us you prefer {language}. This letter is in English. You can ask us for a translation at no cost: {organization}, {address}.", {
              language: languageName(kase.preferredLanguage),
              organization: organization.name,
              address: organization.appUrl,
            })
          : null,
    summary: { heading: t(SUMMARY_HEADING), outcome: t(OUTCOME_HEADLINES[kase.outcome]), paragraphs: summaryParagraphs[kase.outcome] },
    caseDetails: [
      { label: t("Patient"), value: kase.patientName },
      { label: t("Member ID"), value: kase.memberId ?? t("Not given") },
      { label: t("Health plan"), value: plan },
      { label: t("Service in dispute"), value: codes.length ? `${kase.serviceDescription} (${codes.join("; ")})` : kase.serviceDescription },
      { label: t("Date of service or request"), value: kase.serviceDate ? letterDay(kase.serviceDate, locale) : t("Not given in the request") },
      { label: t("Provider"), value: provider || t("Not given") },
      { label: t("The plan's reason for the denial"), value: denialReasonText(kase, timeZone, locale) },
      {
        label: t("The plan's denial"),
        value:
          [
            kase.denialDate ? t("dated {date}", { date: letterDay(kase.denialDate, locale) }) : null,
            kase.planDenialReference ? t("reference {reference}", { reference: kase.planDenialReference }) : null,
          ]
            .filter(Boolean)
            .join(", ") || t("Not given"),
      },
    ],
    reviewDetails: [
      { label: t("Date we received the case"), value: dayOf(kase.receivedAt, w) },
      { label: t("Dates of review"), value: t("{from} to {to}", { from: dayOf(reviewFrom, w), to: dayOf(kase.determinedAt ?? issue.decidedAt, w) }) },
      { label: t("Type of review"), value: kase.track === "EXPEDITED" ? t("Expedited (urgent)") : t("Standard") },
      { label: t("Type of dispute"), value: kase.disputeType ? t(DISPUTE_TYPES[kase.disputeType]) : t("Not recorded") },
      { label: t("Reviewed by"), value: who },
    ],
    evidence: {
      documents: documentsConsidered(opinions, w),
      criteria: unique(opinions.flatMap((opinion) => opinion.references.map(criterionText))),
      standards: unique(opinions.map((opinion) => standardText(opinion.standardOfReview, w)).filter(Boolean)),
    },
    decision: {
      outcome:
        kase.outcome === "OVERTURNED_IN_PART" && part
          ? t("The denial is overturned in part. The part overturned: {part}.", { part })
          : t(OUTCOME_HEADLINES[kase.outcome]),
      basis: decisionBasis(opinions, w),
    },
    opinions: opinions.map((opinion) => ({
      heading: reviewerHeading(opinion, panel, w),
      qualifications: qualifications(opinion, w),
      outcome: opinionOutcome(opinion, w),
      submittedOn: dayOf(opinion.submittedAt, w),
      principalReasons: opinion.principalReasons,
      clinicalRationale: opinion.clinicalRationale,
      ownEvidence: panel
        ? {
            standardOfReview: standardText(opinion.standardOfReview, w),
            criteria: opinion.references.map(criterionText),
            documents: documentsConsidered([opinion], w),
          }
        : null,
      noConflict: noConflictText(opinion, w),
    })),
    findingsNote:
      locale === "en"
        ? null
        : t(
            "{count, plural, one {The reviewer's findings below are reproduced as the reviewer wrote them, in English.} other {The reviewers' findings below are reproduced as they wrote them, in English.}} For free help with them in your language, call {phone}.",
            { count: opinions.length, phone: organization.phone },
          ),
    binding: [
      planMust[kase.outcome],
      t(
        "This decision is the final step of the independent review. Neither the plan nor the review organization can change it; a correction is issued only as an amended letter that says what changed.",
      ),
    ],
    rights: [
      kase.outcome === "UPHELD"
        ? t(
            "You may still have the right to take legal action in court, or to other remedies under state or federal law. Time limits may apply, so consider getting legal advice soon.",
          )
        : t("You keep any other rights you have under the law, including the right to take legal action in court."),
      t("For help with your rights, or if {plan} does not do what this decision requires, contact {regulator}.", { plan, regulator }),
    ],
    contact: [
      t("Questions about this letter: {organization}, {contact}, {address}. Please quote the reference number {reference}.", {
        organization: organization.name,
        contact: organizationContact.join(", "),
        address: organization.appUrl,
        reference: kase.reference,
      }),
      t("Anyone holding this letter can check that it is genuine at {address} with the reference number and the verification code {code}.", {
        address: verifyAddress,
        code,
      }),
    ],
  };
}

/**
 * The plan's reason in the plan's own words, from its case file. The
 * applicant's paraphrase stands in only when the plan stated none, labelled
 * as theirs (docs/rules/decision-letter.md, "The plan's reason").
 */
export function denialReasonText(
  kase: Pick<LetterCase, "denialReason" | "planCaseFile" | "proceededWithoutCaseFile">,
  timeZone: string,
  locale: Locale = "en",
): string {
  const t = translator(locale);
  const file = kase.planCaseFile;
  if (file?.denialReason) {
    return t("Your health plan denied the service because: “{reason}” (the plan's case file, received {date})", {
      reason: file.denialReason,
      date: letterDayOf(file.receivedAt, timeZone, locale),
    });
  }
  if (!kase.denialReason) return t("Not stated in the plan's case file or in the request");
  const why = file
    ? t("the plan's case file does not state its reason")
    : kase.proceededWithoutCaseFile
      ? t("the review went ahead without the plan's case file, which came late")
      : t("the plan's case file had not come in");
  return t("As you described the denial: “{reason}” ({why})", { reason: kase.denialReason, why });
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
