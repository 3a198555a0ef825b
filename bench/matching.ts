/**
 * Matching over a 5,000-reviewer roster (`npm run bench:matching`).
 * Target: p95 ≤ 20 ms per case.
 *
 * Measured: one matchReviewers() call per case, on the roster as plain data
 * the way the server hands it over (no index built ahead): the specialty
 * tree, every hard filter with its reasons for every reviewer, and the
 * ranking. Loading the roster from the database is not measured. The roster
 * and cases come from a fixed-seed generator, so runs are comparable.
 */
import { performance } from "node:perf_hooks";
import { matchReviewers, type AffiliationKind, type CaseFacts, type LicenseStatus, type MatchOptions, type RosterReviewer } from "~/domain/matching";
import { defaultSimilarSpecialtyRows, SPECIALTIES } from "~/domain/specialties";

const REVIEWERS = 5_000;
const RUNS = 500;
const WARM_UP_RUNS = 50;
const TARGET_P95_MS = 20;

// mulberry32: small, fast and the same sequence on every machine.
let seed = 20_260_615;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("nothing to pick from");
  return item;
}
const chance = (p: number) => random() < p;

const DAY = 86_400_000;
const TODAY = Date.UTC(2026, 5, 15);
const dayFromToday = (days: number) => new Date(TODAY + days * DAY);

const STATES = ["CA", "NY", "TX", "FL", "IL", "PA", "OH", "GA", "NC", "MI", "NJ", "VA", "WA", "AZ", "MA", "TN", "IN", "MO", "MD", "WI", "CO", "MN", "OR", "NV"];
const LICENSE_TROUBLE: LicenseStatus[] = ["RESTRICTED", "SUSPENDED", "REVOKED", "INACTIVE"];
const pool = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({ name: `${prefix} ${i + 1}`, identifier: String(1_000_000_000 + int(0, 999_999_999)) }));
const PLANS = Array.from({ length: 40 }, (_, i) => ({ id: `plan-${i}`, name: `Health Plan ${i + 1}` }));
const GROUPS = pool("Medical Group", 400);
const FACILITIES = pool("Medical Center", 300);
const MAKERS = pool("Pharma", 120);
const PHYSICIANS = pool("Dr. Treating", 2_000);

// Common specialties come up more often, in cases and on the roster alike.
const COMMON = [
  "cardiovascular-disease",
  "medical-oncology",
  "orthopaedic-surgery",
  "psychiatry",
  "neurology",
  "internal-medicine",
  "pediatrics",
  "obstetrics-and-gynecology",
];
const codes = SPECIALTIES.map((s) => s.code);
const specialtyCode = () => (chance(0.5) ? pick(COMMON) : pick(codes));
const parentOf = new Map(SPECIALTIES.map((s) => [s.code, s.parentCode]));

function affiliation(): RosterReviewer["affiliations"][number] {
  const kind = pick<AffiliationKind>(["HEALTH_PLAN", "MEDICAL_GROUP", "FACILITY", "MANUFACTURER", "PHYSICIAN"]);
  if (kind === "HEALTH_PLAN") {
    const plan = pick(PLANS);
    return { kind, name: plan.name, identifier: null, planId: chance(0.7) ? plan.id : null };
  }
  const party = pick(kind === "MEDICAL_GROUP" ? GROUPS : kind === "FACILITY" ? FACILITIES : kind === "MANUFACTURER" ? MAKERS : PHYSICIANS);
  // Reviewers type names their own way; the matcher must still see the tie.
  const name = chance(0.2) ? `  ${party.name.toUpperCase()} ` : party.name;
  return { kind, name, identifier: chance(0.6) ? party.identifier : null, planId: null };
}

function reviewer(i: number): RosterReviewer {
  const primary = specialtyCode();
  const parent = parentOf.get(primary) ?? null;
  const certifications = [{ specialtyCode: primary, expiresOn: chance(0.1) ? null : dayFromToday(chance(0.06) ? -int(1, 700) : int(1, 3_000)) }];
  if (parent !== null && chance(0.7)) certifications.push({ specialtyCode: parent, expiresOn: dayFromToday(int(-400, 3_000)) });
  if (chance(0.15)) certifications.push({ specialtyCode: pick(codes), expiresOn: dayFromToday(int(-400, 3_000)) });
  const capacity = int(2, 5);
  return {
    id: `reviewer-${i}`,
    name: `Dr. Reviewer ${String(i).padStart(4, "0")}`,
    yearsInPractice: chance(0.05) ? int(1, 4) : int(5, 35),
    credentialsVerifiedOn: chance(0.01) ? null : dayFromToday(-int(0, chance(0.08) ? 1_800 : 1_090)),
    openDisciplinaryAction: chance(0.01) ? "Board accusation pending" : null,
    capacity,
    workload: chance(0.1) ? capacity : int(0, capacity - 1),
    lastAssignedAt: chance(0.15) ? null : new Date(TODAY - int(0, 400) * DAY - int(0, DAY)),
    licenses: Array.from({ length: int(1, 3) }, () => ({
      state: pick(STATES),
      expiresOn: dayFromToday(chance(0.05) ? -int(1, 500) : int(1, 900)),
      status: chance(0.04) ? pick(LICENSE_TROUBLE) : ("ACTIVE" as const),
    })),
    certifications,
    unavailability: chance(0.2)
      ? Array.from({ length: int(1, 3) }, () => {
          const start = int(-60, 180);
          return { startsOn: dayFromToday(start), endsOn: dayFromToday(start + int(1, 30)) };
        })
      : [],
    affiliations: Array.from({ length: int(0, 5) }, affiliation),
  };
}

const roster = Array.from({ length: REVIEWERS }, (_, i) => reviewer(i));

function caseFacts(): CaseFacts {
  const plan = pick(PLANS);
  const group = pick(GROUPS);
  const facility = pick(FACILITIES);
  const physician = pick(PHYSICIANS);
  const maker = chance(0.4) ? pick(MAKERS) : null;
  const offeredAt = new Date(TODAY - int(1, 20) * DAY);
  return {
    specialtyNeeded: specialtyCode(),
    planId: plan.id,
    planName: plan.name,
    providerName: physician.name,
    providerNpi: physician.identifier,
    treatingGroupName: group.name,
    treatingGroupIdentifier: group.identifier,
    providerFacility: facility.name,
    facilityIdentifier: facility.identifier,
    manufacturerName: maker?.name ?? null,
    manufacturerIdentifier: maker?.identifier ?? null,
    assignments: Array.from({ length: int(0, 3) }, () => ({
      reviewerId: `reviewer-${int(0, REVIEWERS - 1)}`,
      status: pick(["DECLINED", "EXPIRED", "REPLACED", "OFFERED"] as const),
      offeredAt,
      respondedAt: chance(0.5) ? new Date(offeredAt.getTime() + int(1, 20) * 3_600_000) : null,
      endedAt: null,
    })),
  };
}

const cases = Array.from({ length: RUNS }, caseFacts);
const options: MatchOptions = {
  today: new Date(TODAY + 17 * 3_600_000),
  timeZone: "America/Los_Angeles",
  specialties: { specialties: SPECIALTIES, similar: defaultSimilarSpecialtyRows() },
};

for (let i = 0; i < WARM_UP_RUNS; i++) matchReviewers(cases[i % cases.length] as CaseFacts, roster, options);

const timings: number[] = [];
let suggested = 0;
let excluded = 0;
for (const facts of cases) {
  const t0 = performance.now();
  const result = matchReviewers(facts, roster, options);
  timings.push(performance.now() - t0);
  suggested += result.suggested.length;
  excluded += result.excluded.length;
}

timings.sort((a, b) => a - b);
const percentile = (p: number) => timings[Math.min(timings.length - 1, Math.ceil((p / 100) * timings.length) - 1)] ?? NaN;
const ms = (value: number) => `${value.toFixed(2)} ms`;
const p95 = percentile(95);
console.log(`matching ${REVIEWERS} reviewers, ${RUNS} cases: p50 ${ms(percentile(50))}, p95 ${ms(p95)}, max ${ms(timings.at(-1) ?? NaN)}`);
console.log(
  `(on average ${Math.round(suggested / RUNS)} suggested and ${Math.round(excluded / RUNS)} excluded per case; target p95 ≤ ${TARGET_P95_MS} ms: ${p95 <= TARGET_P95_MS ? "met" : "NOT met"})`,
);
