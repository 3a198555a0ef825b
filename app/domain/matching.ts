/**
 * Which reviewers may take a case, in which order, and why the others may not
 * (docs/rules/reviewers.md, "Who may review a case"). Pure: the server loads the roster, the case and
 * the specialty map, and refuses any offer this function does not allow.
 *
 * Dates of the calendar-date columns (expiries, verification, leave) arrive
 * as Prisma gives them, at UTC midnight; every rule is checked on the
 * organization's local date of `options.today`.
 */
import { civilFromDays, daysFromCivil, daysInMonth, formatDayNumber, localDate, localDayNumberAt, MS_PER_DAY } from "./deadlines/time-zone";
import { partyName, POSSIBLE_CONFLICT_SIMILARITY, trigramSimilarity, type PartyName } from "./party-names";
import type { DisputeTypeCode } from "./reports/labels";

export type LicenseStatus = "ACTIVE" | "RESTRICTED" | "SUSPENDED" | "REVOKED" | "INACTIVE";
export type AffiliationKind = "HEALTH_PLAN" | "MEDICAL_GROUP" | "FACILITY" | "MANUFACTURER" | "PHYSICIAN";
export type AssignmentStatus = "OFFERED" | "ACCEPTED" | "DECLINED" | "EXPIRED" | "REPLACED" | "COMPLETED" | "CANCELLED";
type SpecialtyFit = "same" | "similar";

export interface RosterReviewer {
  id: string;
  name: string;
  yearsInPractice: number;
  credentialsVerifiedOn: Date | null;
  /** The open action, described; null when there is none. */
  openDisciplinaryAction: string | null;
  capacity: number;
  /** Cases offered to or held by the reviewer now (OFFERED or ACCEPTED), on any case. */
  workload: number;
  /** The last time the reviewer was offered a case; null if never. */
  lastAssignedAt: Date | null;
  licenses: readonly { state: string; expiresOn: Date; status: LicenseStatus }[];
  certifications: readonly { specialtyCode: string; expiresOn: Date | null }[];
  unavailability: readonly { startsOn: Date; endsOn: Date }[];
  affiliations: readonly { kind: AffiliationKind; name: string; identifier: string | null; planId: string | null }[];
}

/** What the coordinator recorded on the case, named as the Case columns are. */
export interface CaseFacts {
  specialtyNeeded: string;
  planId: string | null;
  planName: string | null;
  /** The treating physician. */
  providerName: string | null;
  providerNpi: string | null;
  treatingGroupName: string | null;
  treatingGroupIdentifier: string | null;
  providerFacility: string | null;
  facilityIdentifier: string | null;
  manufacturerName: string | null;
  manufacturerIdentifier: string | null;
  /**
   * Possible conflicts a coordinator cleared on this case, per reviewer: the
   * near matches' keys (NearMatch.key) as they were when cleared.
   */
  clearedConflicts?: readonly { reviewerId: string; matchKeys: readonly string[] }[];
  /** Every assignment this case has had, in any status. */
  assignments: readonly {
    reviewerId: string;
    status: AssignmentStatus;
    offeredAt: Date;
    respondedAt: Date | null;
    endedAt: Date | null;
  }[];
}

export interface SpecialtyMap {
  specialties: readonly { code: string; name: string; parentCode: string | null }[];
  /** The admin's similar-specialty pairs; a pair counts whichever way it is stored. */
  similar: readonly { specialtyCode: string; similarCode: string }[];
}

export interface MatchOptions {
  /** The moment of matching; its local date in `timeZone` is the day the rules are checked on. */
  today: Date;
  /** The organization's time zone. */
  timeZone: string;
  specialties: SpecialtyMap;
  minYearsInPractice?: number;
  /** How long a credentials verification stays good. */
  verificationValidYears?: number;
}

export interface RankedReviewer {
  reviewerId: string;
  name: string;
  fit: SpecialtyFit;
  /** The current certification that qualifies the reviewer (the closest fit). */
  certifiedIn: { code: string; name: string };
  workload: number;
  capacity: number;
  lastAssignedAt: Date | null;
}

/** A party of the case: what the page calls it, and its name as recorded. */
type PartyRole = "plan" | "physician" | "group" | "facility" | "maker";

export const PARTY_ROLE_WORDS: Record<PartyRole, string> = {
  plan: "the health plan",
  physician: "the treating physician",
  group: "the medical group",
  facility: "the facility",
  maker: "the maker of the drug or device",
};

/** A declared affiliation whose name is like a party's without being the same. */
export interface NearMatch {
  /** The affiliation's name as declared. */
  affiliation: string;
  party: PartyRole;
  /** The party's name as recorded on the case. */
  partyName: string;
  similarity: number;
  /** Names this pair whatever the spelling, so a clearance covers it and nothing else. */
  key: string;
}

/** A reviewer who meets every rule but has an affiliation like a party's: offered only once a coordinator clears it. */
export interface PossibleConflict extends RankedReviewer {
  matches: NearMatch[];
}

interface ExcludedReviewer {
  reviewerId: string;
  name: string;
  reasons: string[];
  /** Certified (even if lapsed) in the needed specialty or a similar one: left out for another reason, such as a conflict. */
  ofSpecialty: boolean;
}

export interface MatchResult {
  /** Qualified reviewers, best first. */
  suggested: RankedReviewer[];
  /** Qualified but for a near match nobody cleared yet, by name. */
  possibleConflicts: PossibleConflict[];
  /** Everyone else, by name, with every rule they fail. */
  excluded: ExcludedReviewer[];
}

const MIN_YEARS_IN_PRACTICE = 5;
export const VERIFICATION_VALID_YEARS = 3;

const LICENSE_STATUS_WORDS: Record<Exclude<LicenseStatus, "ACTIVE">, string> = {
  RESTRICTED: "restricted",
  SUSPENDED: "suspended",
  REVOKED: "revoked",
  INACTIVE: "inactive",
};

/**
 * Certification in the needed specialty or in one of its sub-specialties (at
 * any depth) is the same specialty: a board grants a sub-specialty only on top
 * of its parent. Certification in a specialty the admin's map pairs with the
 * needed one is a similar specialty. A parent is not similar by itself (an
 * internist for a cardiology case); the map says where it is.
 */
function specialtyFits(needed: string, map: SpecialtyMap): { fit: Map<string, SpecialtyFit>; names: Map<string, string> } {
  const names = new Map<string, string>();
  const children = new Map<string, string[]>();
  for (const specialty of map.specialties) {
    names.set(specialty.code, specialty.name);
    if (specialty.parentCode !== null) {
      const siblings = children.get(specialty.parentCode);
      if (siblings) siblings.push(specialty.code);
      else children.set(specialty.parentCode, [specialty.code]);
    }
  }
  const fit = new Map<string, SpecialtyFit>();
  const pending = [needed];
  for (let code = pending.pop(); code !== undefined; code = pending.pop()) {
    if (fit.has(code)) continue;
    fit.set(code, "same");
    pending.push(...(children.get(code) ?? []));
  }
  for (const pair of map.similar) {
    const other = pair.specialtyCode === needed ? pair.similarCode : pair.similarCode === needed ? pair.specialtyCode : undefined;
    if (other !== undefined && !fit.has(other)) fit.set(other, "similar");
  }
  return { fit, names };
}

const UNTIDY_SPACE = /\s\s|[^\S ]/;

/** Trimmed, with each run of white space made one space (the replace only runs when needed: this is hot). */
function tidy(name: string): string {
  const trimmed = name.trim();
  return UNTIDY_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, " ") : trimmed;
}

/** Identifiers are compared without punctuation: a tax ID is the same with or without its hyphen. */
function normalizeIdentifier(identifier: string | null): string {
  return identifier === null ? "" : identifier.replace(/[^0-9a-z]/gi, "").toLowerCase();
}

interface Parties {
  /** Each party's name key (party-names.ts), to test the same party. */
  keys: Set<string>;
  named: { role: PartyRole; name: string; compared: PartyName }[];
  identifiers: Set<string>;
}

/**
 * The names and identifiers of everyone in the dispute, to check affiliations
 * against (besides the plan's id). An affiliation is checked against every
 * party whatever kind it was declared as: a group and a facility often share a
 * name, and NPIs and tax IDs never name two parties.
 */
function partiesOf(facts: CaseFacts): Parties {
  const recorded: [PartyRole, string | null][] = [
    ["plan", facts.planName],
    ["physician", facts.providerName],
    ["group", facts.treatingGroupName],
    ["facility", facts.providerFacility],
    ["maker", facts.manufacturerName],
  ];
  const named = recorded.flatMap(([role, name]) => {
    const compared = name === null ? null : partyName(name);
    return name === null || compared === null || compared.key === "" ? [] : [{ role, name: tidy(name), compared }];
  });
  const identifiers = new Set(
    [facts.providerNpi, facts.treatingGroupIdentifier, facts.facilityIdentifier, facts.manufacturerIdentifier].map(normalizeIdentifier),
  );
  identifiers.delete("");
  return { keys: new Set(named.map((party) => party.compared.key)), named, identifiers };
}

/**
 * The parties an affiliation's name is like without being theirs. Names
 * identify parties only in their normalized form, so the key joins the two
 * normalized names: respelling either keeps a clearance, another name does not.
 */
function nearMatches(affiliation: { name: string; compared: PartyName }, parties: Parties): NearMatch[] {
  const trigrams = affiliation.compared.trigrams;
  if (trigrams.size === 0) return [];
  return parties.named.flatMap((party) => {
    // At best every trigram of the smaller set is shared: when even that is too little, skip counting.
    const [fewer, more] = [Math.min(trigrams.size, party.compared.trigrams.size), Math.max(trigrams.size, party.compared.trigrams.size)];
    if (fewer < POSSIBLE_CONFLICT_SIMILARITY * more) return [];
    const alike = trigramSimilarity(trigrams, party.compared.trigrams);
    if (alike < POSSIBLE_CONFLICT_SIMILARITY) return [];
    return [
      {
        affiliation: tidy(affiliation.name),
        party: party.role,
        partyName: party.name,
        similarity: alike,
        key: `${party.role}:${party.compared.key}~${affiliation.compared.key}`,
      },
    ];
  });
}

const dayOf = (date: Date): number => Math.floor(date.getTime() / MS_PER_DAY);
const formatDay = (date: Date): string => formatDayNumber(dayOf(date));

/** The same day `years` later; 29 February becomes the 28th in a common year. */
function addYears(day: number, years: number): number {
  const { year, month, day: dayOfMonth } = civilFromDays(day);
  return daysFromCivil(year + years, month, Math.min(dayOfMonth, daysInMonth(year + years, month)));
}

/** The earliest verification still good on `today`: one whose anniversary `years` on is today or later. */
function earliestGoodVerification(today: number, years: number): number {
  let day = addYears(today, -years);
  while (addYears(day, years) < today) day++;
  while (addYears(day - 1, years) >= today) day--;
  return day;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function involvementText(assignment: CaseFacts["assignments"][number], timeZone: string): string {
  const on = (date: Date | null) => localDate(date ?? assignment.offeredAt, timeZone);
  switch (assignment.status) {
    case "OFFERED":
      return `offered on ${on(assignment.offeredAt)}, not yet answered`;
    case "ACCEPTED":
      return `accepted the offer on ${on(assignment.respondedAt)}`;
    case "DECLINED":
      return `declined the offer on ${on(assignment.respondedAt ?? assignment.endedAt)}`;
    case "EXPIRED":
      return `left the offer of ${on(assignment.offeredAt)} unanswered`;
    case "REPLACED":
      return `replaced on ${on(assignment.endedAt)}`;
    case "COMPLETED":
      return `reviewed it, finished on ${on(assignment.endedAt)}`;
    case "CANCELLED":
      return `was on it until the review ended on ${on(assignment.endedAt)}`;
  }
}

/** The last day of leave covering `today`, following back-to-back periods. */
function unavailableUntil(periods: RosterReviewer["unavailability"], today: number): number | null {
  let until: number | null = null;
  for (let extended = true; extended;) {
    extended = false;
    const from = until === null ? today : until + 1;
    for (const period of periods) {
      const end = dayOf(period.endsOn);
      if (dayOf(period.startsOn) <= from && end >= from && (until === null || end > until)) {
        until = end;
        extended = true;
      }
    }
  }
  return until;
}

/**
 * Filters the roster for a case and ranks who is left: same specialty before
 * similar, then the lighter current workload, then the longest since the last
 * case (never assigned first), then by name.
 */
export function matchReviewers(facts: CaseFacts, roster: readonly RosterReviewer[], options: MatchOptions): MatchResult {
  const minYears = options.minYearsInPractice ?? MIN_YEARS_IN_PRACTICE;
  const validYears = options.verificationValidYears ?? VERIFICATION_VALID_YEARS;
  const today = localDayNumberAt(options.today.getTime(), options.timeZone);
  const earliestVerification = earliestGoodVerification(today, validYears);
  const { fit: fits, names } = specialtyFits(facts.specialtyNeeded, options.specialties);
  const noCertification = `no board certification in ${lowerFirst(names.get(facts.specialtyNeeded) ?? facts.specialtyNeeded)} or a similar specialty`;
  const parties = partiesOf(facts);
  const cleared = new Map((facts.clearedConflicts ?? []).map((clearance) => [clearance.reviewerId, new Set(clearance.matchKeys)]));
  const involvement = new Map<string, CaseFacts["assignments"][number][]>();
  for (const assignment of [...facts.assignments].sort((a, b) => a.offeredAt.getTime() - b.offeredAt.getTime())) {
    const earlier = involvement.get(assignment.reviewerId);
    if (earlier) earlier.push(assignment);
    else involvement.set(assignment.reviewerId, [assignment]);
  }

  const suggested: RankedReviewer[] = [];
  const possibleConflicts: PossibleConflict[] = [];
  const excluded: ExcludedReviewer[] = [];
  for (const reviewer of roster) {
    const reasons: string[] = [];

    if (!reviewer.licenses.some((license) => license.status === "ACTIVE" && dayOf(license.expiresOn) >= today)) {
      if (reviewer.licenses.length === 0) reasons.push("no license in any US state");
      for (const license of reviewer.licenses) {
        reasons.push(
          license.status !== "ACTIVE"
            ? `license in ${license.state} ${LICENSE_STATUS_WORDS[license.status]}`
            : `license in ${license.state} expired ${formatDay(license.expiresOn)}`,
        );
      }
    }

    let best: { code: string; fit: SpecialtyFit } | null = null;
    let lapsed = false;
    for (const certification of reviewer.certifications) {
      const fit = fits.get(certification.specialtyCode);
      if (fit === undefined) continue;
      if (certification.expiresOn !== null && dayOf(certification.expiresOn) < today) lapsed = true;
      else if (best === null || (best.fit === "similar" && fit === "same")) best = { code: certification.specialtyCode, fit };
    }
    if (best === null && !lapsed) reasons.push(noCertification);
    if (best === null && lapsed) {
      for (const { specialtyCode, expiresOn } of reviewer.certifications) {
        if (fits.has(specialtyCode) && expiresOn !== null) {
          reasons.push(`certification in ${lowerFirst(names.get(specialtyCode) ?? specialtyCode)} expired ${formatDay(expiresOn)}`);
        }
      }
    }

    if (reviewer.yearsInPractice < minYears) {
      reasons.push(`fewer than ${minYears} years of clinical practice (${reviewer.yearsInPractice})`);
    }
    if (reviewer.credentialsVerifiedOn === null) {
      reasons.push("credentials never verified");
    } else if (dayOf(reviewer.credentialsVerifiedOn) < earliestVerification) {
      reasons.push(`credentials last verified ${formatDay(reviewer.credentialsVerifiedOn)} (more than ${validYears} years ago)`);
    }
    if (reviewer.openDisciplinaryAction !== null && reviewer.openDisciplinaryAction.trim() !== "") {
      reasons.push("open disciplinary action");
    }
    if (reviewer.workload >= reviewer.capacity) {
      reasons.push(`at capacity (${reviewer.workload} of ${reviewer.capacity} cases)`);
    }
    const until = unavailableUntil(reviewer.unavailability, today);
    if (until !== null) reasons.push(`unavailable until ${formatDayNumber(until)}`);

    const untied: { name: string; compared: PartyName }[] = [];
    for (const affiliation of reviewer.affiliations) {
      const compared = partyName(affiliation.name);
      const touches =
        (affiliation.planId !== null && affiliation.planId === facts.planId) ||
        (compared.key !== "" && parties.keys.has(compared.key)) ||
        (affiliation.identifier !== null && parties.identifiers.has(normalizeIdentifier(affiliation.identifier)));
      if (touches) {
        const reason = `affiliated with ${tidy(affiliation.name)}`;
        if (!reasons.includes(reason)) reasons.push(reason);
      } else {
        untied.push({ name: affiliation.name, compared });
      }
    }

    const earlier = involvement.get(reviewer.id);
    if (earlier) {
      reasons.push(`already involved in this case (${earlier.map((a) => involvementText(a, options.timeZone)).join("; ")})`);
    }

    if (reasons.length > 0 || best === null) {
      excluded.push({ reviewerId: reviewer.id, name: reviewer.name, reasons, ofSpecialty: best !== null || lapsed });
    } else {
      const ranked: RankedReviewer = {
        reviewerId: reviewer.id,
        name: reviewer.name,
        fit: best.fit,
        certifiedIn: { code: best.code, name: names.get(best.code) ?? best.code },
        workload: reviewer.workload,
        capacity: reviewer.capacity,
        lastAssignedAt: reviewer.lastAssignedAt,
      };
      // Only a reviewer who is otherwise qualified is compared for near matches: the trigrams are the costly part.
      const uncleared = untied.flatMap((affiliation) => nearMatches(affiliation, parties)).filter((match) => !cleared.get(reviewer.id)?.has(match.key));
      if (uncleared.length) possibleConflicts.push({ ...ranked, matches: uncleared });
      else suggested.push(ranked);
    }
  }

  suggested.sort((a, b) => (a.fit === b.fit ? 0 : a.fit === "same" ? -1 : 1) || a.workload - b.workload || bySinceLastCase(a, b) || byName(a, b));
  excluded.sort(byName);
  possibleConflicts.sort(byName);
  return { suggested, possibleConflicts, excluded };
}

/** Never assigned first, then the earliest last assignment. */
function bySinceLastCase(a: RankedReviewer, b: RankedReviewer): number {
  if (a.lastAssignedAt === null || b.lastAssignedAt === null) return (a.lastAssignedAt === null ? 0 : 1) - (b.lastAssignedAt === null ? 0 : 1);
  return a.lastAssignedAt.getTime() - b.lastAssignedAt.getTime();
}

const collator = new Intl.Collator("en");

function byName(a: { name: string; reviewerId: string }, b: { name: string; reviewerId: string }): number {
  return collator.compare(a.name, b.name) || (a.reviewerId < b.reviewerId ? -1 : a.reviewerId > b.reviewerId ? 1 : 0);
}

/** Thrown when an offer names a reviewer the filters exclude; the server answers with the reasons. */
export class ReviewerNotOfferable extends Error {
  constructor(
    readonly reviewerId: string,
    readonly reasons: readonly string[],
    name: string | null,
  ) {
    super(`${name ?? "This reviewer"} cannot be offered this case: ${reasons.join("; ")}.`);
    this.name = "ReviewerNotOfferable";
  }
}

/** One near match, in the coordinator's words. */
export function nearMatchText(match: NearMatch): string {
  return `affiliated with ${match.affiliation}, like ${PARTY_ROLE_WORDS[match.party]} (${match.partyName}), ${Math.round(match.similarity * 100)}% alike`;
}

/**
 * The suggestion for `reviewerId`, or ReviewerNotOfferable with every reason
 * they are left out; a possible conflict is a reason until it is cleared.
 */
export function assertOfferable(reviewerId: string, result: MatchResult): RankedReviewer {
  const suggestion = result.suggested.find((reviewer) => reviewer.reviewerId === reviewerId);
  if (suggestion) return suggestion;
  const possible = result.possibleConflicts.find((reviewer) => reviewer.reviewerId === reviewerId);
  if (possible) {
    const reasons = possible.matches.map((match) => `possible conflict: ${nearMatchText(match)}`);
    throw new ReviewerNotOfferable(reviewerId, [...reasons, "a coordinator must clear it, with a reason, first"], possible.name);
  }
  const exclusion = result.excluded.find((reviewer) => reviewer.reviewerId === reviewerId);
  throw new ReviewerNotOfferable(reviewerId, exclusion?.reasons ?? ["not on the reviewer roster"], exclusion?.name ?? null);
}

const DEFAULT_PANEL_SIZE = 3;

/**
 * Reviewers a case needs: a panel for an experimental/investigational
 * treatment (`settings.panelSize`, 3 unless the admin set otherwise), one
 * otherwise. The decision follows the panel's majority, so a panel is odd.
 */
export function panelSizeFor(disputeType: DisputeTypeCode | null, settings: { panelSize?: number }): number {
  if (disputeType !== "EXPERIMENTAL_INVESTIGATIONAL") return 1;
  const size = settings.panelSize ?? DEFAULT_PANEL_SIZE;
  if (!Number.isInteger(size) || size < 1 || size % 2 === 0) throw new RangeError(`A panel needs an odd number of reviewers, not ${size}`);
  return size;
}

/**
 * Every rule again, now, for a reviewer already offered the case or holding
 * it (docs/rules/reviewers.md, "Checked again"): at acceptance, and after a
 * change to their roster profile. Their own offer or assignment is left out:
 * it is neither an earlier involvement nor more work than they have. A
 * reviewer holding the case keeps it whatever their capacity now (capacity
 * limits new work). The reasons they fail, empty while they still qualify.
 */
export function recheckReviewer(facts: CaseFacts, reviewer: RosterReviewer, holds: "offer" | "assignment", options: MatchOptions): string[] {
  const others = facts.assignments.filter((assignment) => assignment.reviewerId !== reviewer.id || !["OFFERED", "ACCEPTED"].includes(assignment.status));
  const now = { ...reviewer, workload: Math.max(0, reviewer.workload - 1), capacity: holds === "assignment" ? Number.POSITIVE_INFINITY : reviewer.capacity };
  try {
    assertOfferable(reviewer.id, matchReviewers({ ...facts, assignments: others }, [now], options));
    return [];
  } catch (error) {
    if (error instanceof ReviewerNotOfferable) return [...error.reasons];
    throw error;
  }
}
