/**
 * The answers the request form offers, with the words shown for each. The
 * codes are what the case stores; the labels are plain language for patients,
 * in English (msg), translated where they are shown.
 */
import { msg } from "~/i18n/msg";

export const FILED_BY = ["PATIENT", "REPRESENTATIVE"] as const;
export type FiledBy = (typeof FILED_BY)[number];

export const FILED_BY_LABELS: Record<FiledBy, string> = {
  PATIENT: msg("I am the patient"),
  REPRESENTATIVE: msg("I am filing for the patient (a representative)"),
};

/** Who pointed the patient to independent review: the case log records it (docs/rules/records-audit-reports.md, "Case log"). */
export const REFERRAL_SOURCES = ["HEALTH_PLAN", "REGULATOR", "PROVIDER", "ADVOCATE", "SELF"] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const REFERRAL_LABELS: Record<ReferralSource, string> = {
  HEALTH_PLAN: msg("The health plan (its denial letter or appeal decision)"),
  REGULATOR: msg("The state insurance department or another regulator"),
  PROVIDER: msg("The patient's doctor or another provider"),
  ADVOCATE: msg("An attorney, a consumer advocate or an assistance program"),
  SELF: msg("Nobody: we found it ourselves"),
};

/** The referral source in a staff report's words; null when the applicant did not say. */
export function referralLabel(source: string | null): string | null {
  return source && source in REFERRAL_LABELS ? REFERRAL_LABELS[source as ReferralSource] : null;
}

/** Who may act for the patient (docs/rules/filing.md, "Who may file"). */
export const REPRESENTATIVE_RELATIONSHIPS = ["PARENT_OR_GUARDIAN", "CONSERVATOR", "ATTORNEY", "TREATING_PROVIDER", "DESIGNATED_PERSON"] as const;
export type RepresentativeRelationship = (typeof REPRESENTATIVE_RELATIONSHIPS)[number];

export const RELATIONSHIP_LABELS: Record<RepresentativeRelationship, { label: string; hint: string }> = {
  PARENT_OR_GUARDIAN: { label: msg("Parent or guardian of a child under 18"), hint: msg("Upload a birth certificate or the guardianship papers.") },
  CONSERVATOR: { label: msg("Conservator"), hint: msg("Upload the court order that names you conservator.") },
  ATTORNEY: { label: msg("Attorney"), hint: msg("Upload the patient's signed authorization or your retainer naming this matter.") },
  TREATING_PROVIDER: { label: msg("The patient's doctor or other treating provider"), hint: msg("Upload the patient's signed authorization for you to file.") },
  DESIGNATED_PERSON: {
    label: msg("Someone else the patient chose (family member, friend)"),
    hint: msg("Upload the form the patient signed naming you to act for them."),
  },
};

export const PATIENT_SEXES = ["FEMALE", "MALE", "X", "NOT_SAID"] as const;
export type PatientSex = (typeof PATIENT_SEXES)[number];

export const SEX_LABELS: Record<PatientSex, string> = {
  FEMALE: msg("Female"),
  MALE: msg("Male"),
  X: msg("Another sex (X)"),
  NOT_SAID: msg("Prefer not to say"),
};

/** The patient's sex in words, as the wizard stored it (a code), for pages and exports. */
export function sexLabel(stored: string | null): string | null {
  if (stored === null) return null;
  return (PATIENT_SEXES as readonly string[]).includes(stored) ? SEX_LABELS[stored as PatientSex] : stored;
}

/** Languages letters and notices are offered in (ISO 639-1 codes). */
export const LANGUAGES = ["en", "es", "zh", "vi", "ko", "tl", "ru", "ar", "hy", "fa", "pt", "fr", "ht", "ja", "hi", "pl"] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_LABELS: Record<Language, string> = {
  en: msg("English"),
  es: msg("Spanish (Español)"),
  zh: msg("Chinese (中文)"),
  vi: msg("Vietnamese (Tiếng Việt)"),
  ko: msg("Korean (한국어)"),
  tl: msg("Tagalog"),
  ru: msg("Russian (Русский)"),
  ar: msg("Arabic (العربية)"),
  hy: msg("Armenian (Հայերեն)"),
  fa: msg("Persian (فارسی)"),
  pt: msg("Portuguese (Português)"),
  fr: msg("French (Français)"),
  ht: msg("Haitian Creole (Kreyòl)"),
  ja: msg("Japanese (日本語)"),
  hi: msg("Hindi (हिन्दी)"),
  pl: msg("Polish (Polski)"),
};

export const DISPUTE_TYPES = ["MEDICAL_NECESSITY", "EXPERIMENTAL_INVESTIGATIONAL", "URGENT_CARE"] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];

export const DISPUTE_TYPE_LABELS: Record<DisputeType, { label: string; hint: string }> = {
  MEDICAL_NECESSITY: {
    label: msg("Not medically necessary"),
    hint: msg("The plan said the treatment, test, drug, level of care or setting (for example a hospital stay instead of a clinic) is not needed."),
  },
  EXPERIMENTAL_INVESTIGATIONAL: {
    label: msg("Experimental or investigational"),
    hint: msg("The plan said the treatment is too new or not proven enough for your condition."),
  },
  URGENT_CARE: {
    label: msg("Urgent or emergency care not paid"),
    hint: msg("The plan refused to pay for urgent or emergency care you already received."),
  },
};

export const APPEAL_STATUSES = ["COMPLETED", "NOT_NEEDED"] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = {
  COMPLETED: msg("Yes, the plan decided my internal appeal"),
  NOT_NEEDED: msg("No, and it is not needed in my case"),
};

/** Why the plan's internal appeal is not needed first (docs/rules/filing.md, "Internal appeal"). */
export const APPEAL_NOT_NEEDED_REASONS = ["EXPEDITED", "PLAN_MISSED_DEADLINE", "PLAN_WAIVED"] as const;
export type AppealNotNeededReason = (typeof APPEAL_NOT_NEEDED_REASONS)[number];

export const APPEAL_NOT_NEEDED_LABELS: Record<AppealNotNeededReason, { label: string; hint: string }> = {
  EXPEDITED: {
    label: msg("The patient's health cannot wait"),
    hint: msg("An expedited review can go ahead at the same time as the plan's appeal. Ask for it on the urgency step."),
  },
  PLAN_MISSED_DEADLINE: {
    label: msg("The plan did not decide the appeal in time"),
    hint: msg("The plan had to answer the appeal by a deadline in its letter (usually 30 days) and did not."),
  },
  PLAN_WAIVED: {
    label: msg("The plan said I do not have to appeal first"),
    hint: msg("Some plans agree in writing to skip their own appeal."),
  },
};

export const TRACKS = ["STANDARD", "EXPEDITED"] as const;
export type Track = (typeof TRACKS)[number];

export const TRACK_LABELS: Record<Track, { label: string; hint: string }> = {
  STANDARD: { label: msg("Standard review"), hint: msg("Decided within weeks (the exact time depends on your plan's rules).") },
  EXPEDITED: {
    label: msg("Expedited (urgent) review"),
    hint: msg("Decided within about 72 hours, when waiting could seriously harm the patient's life, health or ability to recover."),
  },
};
