import type { LocalDate } from "~/domain/deadlines/time-zone";
import type { RuleDuration } from "~/domain/rule-profiles";
import type { AppealNotNeededReason, AppealStatus, DisputeType, FiledBy, PatientSex, ReferralSource, RepresentativeRelationship, Track } from "./options";

/**
 * What the applicant has entered so far, in the form's own terms (dates as
 * local dates, codes as lists). Every step reads and writes a part of it;
 * the completeness check reads all of it.
 */
export interface RequestDraft {
  filedBy: FiledBy | null;
  representativeRelationship: RepresentativeRelationship | null;
  referralSource: ReferralSource | null;

  patientName: string | null;
  patientBirthDate: LocalDate | null;
  patientSex: PatientSex | null;
  patientAddress: string | null;
  patientPhone: string | null;
  patientEmail: string | null;
  preferredLanguage: string | null;
  memberId: string | null;
  groupNumber: string | null;

  planId: string | null;

  denialDate: LocalDate | null;
  planDenialReference: string | null;
  serviceDescription: string | null;
  serviceDate: LocalDate | null;
  procedureCodes: string[];
  diagnosisCodes: string[];
  providerName: string | null;
  providerNpi: string | null;
  providerFacility: string | null;
  notifyProvider: boolean;
  providerEmail: string | null;
  denialReason: string | null;
  disputeType: DisputeType | null;
  lateFilingReason: string | null;

  /** Not stored: follows from which of the two columns below is set. */
  appealStatus: AppealStatus | null;
  appealCompletedDate: LocalDate | null;
  appealNotNeededReason: AppealNotNeededReason | null;

  track: Track | null;
  expeditedReason: string | null;
  /** Expedited only: true when the physician's certification follows, false when it is attached; null not answered. */
  certificationToFollow: boolean | null;

  applicantStatement: string | null;
}

/** What the rules of a draft depend on besides what was entered. */
export interface FilingContext {
  /** The organization's local date now. */
  today: LocalDate;
  /** The filing window of the chosen plan's rule profile in force now; null until a plan is chosen. */
  filingWindow: RuleDuration | null;
}
