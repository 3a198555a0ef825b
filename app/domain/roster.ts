/**
 * The reviewer roster's flags and word lists (docs/rules/reviewers.md, "The roster and its flags"): what
 * a coordinator must act on before a reviewer drops out of matching. Pure;
 * every date is the organization's local date ("YYYY-MM-DD"), as the
 * calendar-date columns store them.
 */
import { addDaysToLocalDate, daysInMonth, formatCivilDate, parseLocalDate, type LocalDate } from "./deadlines/time-zone";
import { VERIFICATION_VALID_YEARS, type AffiliationKind, type LicenseStatus } from "./matching";
import { formatLocalDate } from "./rule-profiles";

/** How far ahead the roster warns about a verification or an expiry. */
const FLAG_WINDOW_DAYS = 30;

export const ROSTER_FLAGS = ["reverification", "expiring", "disciplinary"] as const;
export type RosterFlagKind = (typeof ROSTER_FLAGS)[number];

export const ROSTER_FLAG_LABELS: Record<RosterFlagKind, string> = {
  reverification: `Credentials due for re-verification within ${FLAG_WINDOW_DAYS} days`,
  expiring: `License or certification expiring within ${FLAG_WINDOW_DAYS} days`,
  disciplinary: "Open disciplinary action",
};

export const LICENSE_STATUSES = ["ACTIVE", "RESTRICTED", "SUSPENDED", "REVOKED", "INACTIVE"] as const satisfies readonly LicenseStatus[];
export const LICENSE_STATUS_LABELS: Record<LicenseStatus, string> = {
  ACTIVE: "Active, unrestricted",
  RESTRICTED: "Restricted",
  SUSPENDED: "Suspended",
  REVOKED: "Revoked",
  INACTIVE: "Inactive",
};

/** A license no longer in force (inactive, revoked) is not worth a warning about its expiry. */
export const LICENSE_STATUSES_WATCHED: readonly LicenseStatus[] = ["ACTIVE", "RESTRICTED", "SUSPENDED"];

export const AFFILIATION_KINDS = ["HEALTH_PLAN", "MEDICAL_GROUP", "FACILITY", "MANUFACTURER", "PHYSICIAN"] as const satisfies readonly AffiliationKind[];
export const AFFILIATION_KIND_LABELS: Record<AffiliationKind, string> = {
  HEALTH_PLAN: "Health plan",
  MEDICAL_GROUP: "Medical group",
  FACILITY: "Facility",
  MANUFACTURER: "Drug or device maker",
  PHYSICIAN: "Physician",
};

/** The states that license physicians: the 50 states and the District of Columbia. */
export const US_STATES = [
  ["AL", "Alabama"],
  ["AK", "Alaska"],
  ["AZ", "Arizona"],
  ["AR", "Arkansas"],
  ["CA", "California"],
  ["CO", "Colorado"],
  ["CT", "Connecticut"],
  ["DE", "Delaware"],
  ["DC", "District of Columbia"],
  ["FL", "Florida"],
  ["GA", "Georgia"],
  ["HI", "Hawaii"],
  ["ID", "Idaho"],
  ["IL", "Illinois"],
  ["IN", "Indiana"],
  ["IA", "Iowa"],
  ["KS", "Kansas"],
  ["KY", "Kentucky"],
  ["LA", "Louisiana"],
  ["ME", "Maine"],
  ["MD", "Maryland"],
  ["MA", "Massachusetts"],
  ["MI", "Michigan"],
  ["MN", "Minnesota"],
  ["MS", "Mississippi"],
  ["MO", "Missouri"],
  ["MT", "Montana"],
  ["NE", "Nebraska"],
  ["NV", "Nevada"],
  ["NH", "New Hampshire"],
  ["NJ", "New Jersey"],
  ["NM", "New Mexico"],
  ["NY", "New York"],
  ["NC", "North Carolina"],
  ["ND", "North Dakota"],
  ["OH", "Ohio"],
  ["OK", "Oklahoma"],
  ["OR", "Oregon"],
  ["PA", "Pennsylvania"],
  ["RI", "Rhode Island"],
  ["SC", "South Carolina"],
  ["SD", "South Dakota"],
  ["TN", "Tennessee"],
  ["TX", "Texas"],
  ["UT", "Utah"],
  ["VT", "Vermont"],
  ["VA", "Virginia"],
  ["WA", "Washington"],
  ["WV", "West Virginia"],
  ["WI", "Wisconsin"],
  ["WY", "Wyoming"],
] as const;
export type UsStateCode = (typeof US_STATES)[number][0];
export const US_STATE_CODES = US_STATES.map(([code]) => code) as [UsStateCode, ...UsStateCode[]];

export function stateName(code: string): string {
  return US_STATES.find(([state]) => state === code)?.[1] ?? code;
}

/** `date` moved by whole years; 29 February becomes 28 February in a common year. */
export function addYearsToLocalDate(date: LocalDate, years: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  return formatCivilDate(year + years, month, Math.min(day, daysInMonth(year + years, month)));
}

/** The last day a verification done on `verifiedOn` is good for (matching drops the reviewer the day after). */
export function reverificationDueOn(verifiedOn: LocalDate): LocalDate {
  return addYearsToLocalDate(verifiedOn, VERIFICATION_VALID_YEARS);
}

/** The last day of the warning window that starts on `today`. */
export function flagWindowEnd(today: LocalDate): LocalDate {
  return addDaysToLocalDate(today, FLAG_WINDOW_DAYS);
}

/**
 * The latest verification date that is flagged on `today`: a verification on
 * or before it falls due within the window. The database filters by it, so
 * the list and the flags agree; stepping forward covers 29 February, whose
 * due date is the same as 28 February's.
 */
export function latestVerificationFlagged(today: LocalDate): LocalDate {
  const windowEnd = flagWindowEnd(today);
  let latest = addYearsToLocalDate(windowEnd, -VERIFICATION_VALID_YEARS);
  while (reverificationDueOn(addDaysToLocalDate(latest, 1)) <= windowEnd) latest = addDaysToLocalDate(latest, 1);
  return latest;
}

export interface FlagInput {
  credentialsVerifiedOn: LocalDate | null;
  openDisciplinaryAction: string | null;
  licenses: readonly { state: string; expiresOn: LocalDate; status: LicenseStatus }[];
  certifications: readonly { specialtyName: string; expiresOn: LocalDate | null }[];
}

export interface RosterFlag {
  kind: RosterFlagKind;
  text: string;
  /** Already past (expired, overdue, never verified) or an open action, rather than coming up. */
  urgent: boolean;
}

function hasOpenDisciplinaryAction(description: string | null): boolean {
  return description !== null && description.trim() !== "";
}

/** What the coordinator should see about a verification on `today`; null when nothing is due within the window. */
export function reverificationFlag(verifiedOn: LocalDate | null, today: LocalDate): RosterFlag | null {
  if (verifiedOn === null) return { kind: "reverification", text: "Credentials never verified", urgent: true };
  const dueOn = reverificationDueOn(verifiedOn);
  if (dueOn > flagWindowEnd(today)) return null;
  return dueOn < today
    ? { kind: "reverification", text: `Credentials re-verification overdue since ${formatLocalDate(addDaysToLocalDate(dueOn, 1))}`, urgent: true }
    : { kind: "reverification", text: `Credentials to re-verify by ${formatLocalDate(dueOn)}`, urgent: false };
}

function expiryFlag(what: string, expiresOn: LocalDate, today: LocalDate): RosterFlag | null {
  if (expiresOn > flagWindowEnd(today)) return null;
  return expiresOn < today
    ? { kind: "expiring", text: `${what} expired ${formatLocalDate(expiresOn)}`, urgent: true }
    : { kind: "expiring", text: `${what} expires ${formatLocalDate(expiresOn)}`, urgent: false };
}

/** Every flag of a reviewer on `today`, most pressing kind first. */
export function rosterFlags(reviewer: FlagInput, today: LocalDate): RosterFlag[] {
  const flags: RosterFlag[] = [];
  const verification = reverificationFlag(reviewer.credentialsVerifiedOn, today);
  if (verification) flags.push(verification);
  for (const license of reviewer.licenses) {
    if (!LICENSE_STATUSES_WATCHED.includes(license.status)) continue;
    const flag = expiryFlag(`License in ${license.state}`, license.expiresOn, today);
    if (flag) flags.push(flag);
  }
  for (const certification of reviewer.certifications) {
    if (certification.expiresOn === null) continue;
    const flag = expiryFlag(`Certification in ${certification.specialtyName}`, certification.expiresOn, today);
    if (flag) flags.push(flag);
  }
  if (hasOpenDisciplinaryAction(reviewer.openDisciplinaryAction)) {
    flags.push({ kind: "disciplinary", text: "Open disciplinary action", urgent: true });
  }
  return flags;
}

/** The last day of the leave that covers `today`, following back-to-back periods; null when the reviewer is available. */
export function unavailableUntil(periods: readonly { startsOn: LocalDate; endsOn: LocalDate }[], today: LocalDate): LocalDate | null {
  let until: LocalDate | null = null;
  for (let extended = true; extended;) {
    extended = false;
    const from = until === null ? today : addDaysToLocalDate(until, 1);
    for (const period of periods) {
      if (period.startsOn <= from && period.endsOn >= from && (until === null || period.endsOn > until)) {
        until = period.endsOn;
        extended = true;
      }
    }
  }
  return until;
}
