/**
 * What a decided case becomes in the public library before anyone reads it
 * (docs/rules/publication.md, "From decision to library"): its findings
 * de-identified, its birth date an age range, its dates a year, and no name,
 * address or ID among the facts. Pure: the caller reads the case.
 */
import { localDate, type LocalDate } from "~/domain/deadlines/time-zone";
import { OTHER } from "~/domain/reports/regulator-categories";
import { ageRange, calendarDaysBetween } from "~/domain/reports/regulator-export";
import { redactFindings, type CaseIdentifiers, type Redaction } from "./redaction";

/** A decided case, as much as its publication needs of it. */
export interface DecidedCase {
  findings: string;
  identifiers: CaseIdentifiers;
  patientBirthDate: LocalDate | null;
  patientSex: string | null;
  diagnosisCategory: string | null;
  diagnosisSubcategory: string | null;
  treatmentCategory: string | null;
  treatmentSubcategory: string | null;
  submittedAt: Date;
  decidedAt: Date;
  /** When the decision's clock ran out; null when the case had none. */
  decisionDueAt: Date | null;
}

export interface PublicationDraft {
  draftFindings: string;
  redactions: Redaction[];
  year: number;
  ageRange: string | null;
  gender: string | null;
  diagnosisCategory: string;
  diagnosisSubcategory: string;
  treatmentCategory: string;
  treatmentSubcategory: string;
  daysToDecision: number;
  decidedOnTime: boolean;
}

/** Genders the library shows as they are; anything else a person wrote stays out (it could be theirs alone). */
const SHOWN_GENDERS = new Set(["FEMALE", "MALE", "X"]);

export function publicationDraft(kase: DecidedCase, timeZone: string): PublicationDraft {
  const redacted = redactFindings(kase.findings, kase.identifiers);
  return {
    draftFindings: redacted.text,
    redactions: redacted.redactions,
    year: Number(localDate(kase.decidedAt, timeZone).slice(0, 4)),
    ageRange: ageRange(kase.patientBirthDate, localDate(kase.submittedAt, timeZone)),
    gender: kase.patientSex && SHOWN_GENDERS.has(kase.patientSex) ? kase.patientSex : null,
    // A case recorded without categories is published as "Other", never left out of the counts.
    diagnosisCategory: kase.diagnosisCategory ?? OTHER,
    diagnosisSubcategory: kase.diagnosisSubcategory ?? OTHER,
    treatmentCategory: kase.treatmentCategory ?? OTHER,
    treatmentSubcategory: kase.treatmentSubcategory ?? OTHER,
    daysToDecision: calendarDaysBetween(kase.submittedAt, kase.decidedAt, timeZone),
    decidedOnTime: kase.decisionDueAt === null || kase.decidedAt.getTime() <= kase.decisionDueAt.getTime(),
  };
}
