import type { Role } from "./roles";

/**
 * Who may do what, as data. Every role must answer every action (a missing
 * entry does not compile). A scope says which objects the permission covers;
 * the server turns it into the `where` of the query, so a row outside it is
 * never loaded.
 *   own      — the applicant's own requests
 *   assigned — cases assigned to the reviewer
 *   plan     — cases of the user's own health plan
 *   any      — every case (review organization staff)
 *   null     — not allowed
 * report:read covers aggregate reports and the regulator export (no records).
 * plan-integration:manage covers a plan's API keys and webhook endpoints.
 * credentials:manage covers what qualifies a reviewer: licenses, board
 * certifications, practice and verification, disciplinary actions, and the
 * removal of a declared affiliation (roster:manage keeps the rest of the
 * roster: specialties, capacity, leave, adding affiliations).
 */
export type Scope = "own" | "assigned" | "plan" | "any";

export const ACTIONS = [
  "case:file",
  "case:read",
  "case:withdraw",
  "case:screen",
  "case:assign",
  "case:decide",
  "determination:write",
  "plan-case-file:upload",
  "compliance:confirm",
  "document:read",
  "user:manage",
  "plan:manage",
  "roster:manage",
  "credentials:manage",
  "rules:manage",
  "audit:read",
  "outbox:read",
  "report:read",
  "plan-integration:manage",
] as const;
export type Action = (typeof ACTIONS)[number];

type Matrix = { readonly [R in Role]: { readonly [A in Action]: Scope | null } };

export const PERMISSIONS: Matrix = {
  APPLICANT: {
    "case:file": "own",
    "case:read": "own",
    "case:withdraw": "own",
    "case:screen": null,
    "case:assign": null,
    "case:decide": null,
    "determination:write": null,
    "plan-case-file:upload": null,
    "compliance:confirm": null,
    "document:read": "own",
    "user:manage": null,
    "plan:manage": null,
    "roster:manage": null,
    "credentials:manage": null,
    "rules:manage": null,
    "audit:read": null,
    "outbox:read": null,
    "report:read": null,
    "plan-integration:manage": null,
  },
  COORDINATOR: {
    "case:file": null,
    "case:read": "any",
    "case:withdraw": null,
    "case:screen": "any",
    "case:assign": "any",
    "case:decide": "any",
    "determination:write": null,
    "plan-case-file:upload": null,
    "compliance:confirm": null,
    "document:read": "any",
    "user:manage": null,
    "plan:manage": null,
    "roster:manage": "any",
    "credentials:manage": null,
    "rules:manage": null,
    "audit:read": null,
    "outbox:read": null,
    "report:read": "any",
    "plan-integration:manage": null,
  },
  REVIEWER: {
    "case:file": null,
    "case:read": "assigned",
    "case:withdraw": null,
    "case:screen": null,
    "case:assign": null,
    "case:decide": null,
    "determination:write": "assigned",
    "plan-case-file:upload": null,
    "compliance:confirm": null,
    "document:read": "assigned",
    "user:manage": null,
    "plan:manage": null,
    "roster:manage": null,
    "credentials:manage": null,
    "rules:manage": null,
    "audit:read": null,
    "outbox:read": null,
    "report:read": null,
    "plan-integration:manage": null,
  },
  PLAN: {
    "case:file": null,
    "case:read": "plan",
    "case:withdraw": null,
    "case:screen": null,
    "case:assign": null,
    "case:decide": null,
    "determination:write": null,
    "plan-case-file:upload": "plan",
    "compliance:confirm": "plan",
    "document:read": "plan",
    "user:manage": null,
    "plan:manage": null,
    "roster:manage": null,
    "credentials:manage": null,
    "rules:manage": null,
    "audit:read": null,
    "outbox:read": null,
    "report:read": null,
    "plan-integration:manage": "plan",
  },
  ADMIN: {
    "case:file": null,
    "case:read": null,
    "case:withdraw": null,
    "case:screen": null,
    "case:assign": null,
    "case:decide": null,
    "determination:write": null,
    "plan-case-file:upload": null,
    "compliance:confirm": null,
    "document:read": null,
    "user:manage": "any",
    "plan:manage": "any",
    "roster:manage": "any",
    "credentials:manage": "any",
    "rules:manage": "any",
    "audit:read": "any",
    "outbox:read": "any",
    "report:read": "any",
    "plan-integration:manage": "any",
  },
};

/** The scopes a person holds for an action across all their roles. */
export function scopesFor(roles: readonly Role[], action: Action): Scope[] {
  const scopes = new Set<Scope>();
  for (const role of roles) {
    const scope = PERMISSIONS[role][action];
    if (scope) scopes.add(scope);
  }
  return [...scopes];
}

export function can(roles: readonly Role[], action: Action): boolean {
  return scopesFor(roles, action).length > 0;
}
