import type { Role } from "./roles";

/** The roles that have a page for one case. */
export type CasePageRole = Exclude<Role, "ADMIN">;

/**
 * The order a person with several roles is sent by when a case is open to
 * them through more than one: their work on it first, their own request last.
 */
export const CASE_PAGE_PRECEDENCE: readonly CasePageRole[] = ["COORDINATOR", "REVIEWER", "PLAN", "APPLICANT"];

/** Where each role looks at one case. Links in emails go to /cases/<reference>, which sends each person here. */
export function casePagePath(role: CasePageRole, caseId: string): string {
  const id = encodeURIComponent(caseId);
  switch (role) {
    case "APPLICANT":
      return `/requests/${id}`;
    case "COORDINATOR":
      return `/iro/cases/${id}`;
    case "REVIEWER":
      return `/review/cases/${id}`;
    case "PLAN":
      return `/plan/cases/${id}`;
  }
}

/** The link put in emails about a case: it works for every party. */
export function caseLinkPath(reference: string): string {
  return `/cases/${encodeURIComponent(reference)}`;
}
