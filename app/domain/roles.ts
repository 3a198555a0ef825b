import { msg } from "~/i18n/msg";
/** Roles a person can hold; one person may hold several. Shared by server and browser. */
export const ROLES = ["APPLICANT", "COORDINATOR", "REVIEWER", "PLAN", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  APPLICANT: msg("Applicant"),
  COORDINATOR: msg("Review coordinator"),
  REVIEWER: msg("Physician reviewer"),
  PLAN: msg("Health plan"),
  ADMIN: msg("Administrator"),
};

/** Where each role lands after signing in. */
export const ROLE_HOMES: Record<Role, string> = {
  APPLICANT: "/requests",
  COORDINATOR: "/iro",
  REVIEWER: "/review",
  PLAN: "/plan",
  ADMIN: "/admin",
};

/** The order a person with several roles is sent home by. */
const HOME_PRECEDENCE: Role[] = ["ADMIN", "COORDINATOR", "REVIEWER", "PLAN", "APPLICANT"];

export function primaryRole(roles: readonly Role[]): Role | undefined {
  return HOME_PRECEDENCE.find((role) => roles.includes(role));
}

/** Where this person lands after signing in. */
export function homeOf(roles: readonly Role[]): string {
  return ROLE_HOMES[primaryRole(roles) ?? "APPLICANT"];
}

/** Staff sessions end after 30 idle minutes; applicants are patients at home. */
export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((role) => role !== "APPLICANT");
}
