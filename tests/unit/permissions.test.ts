import { describe, expect, it } from "vitest";
import { ACTIONS, PERMISSIONS, can, scopesFor, type Action, type Scope } from "~/domain/permissions";
import { ROLES, type Role } from "~/domain/roles";

// The policy written out cell by cell, independently of the matrix's layout:
// every role × action pair must match it exactly.
const EXPECTED: Record<Role, Partial<Record<Action, Scope>>> = {
  APPLICANT: { "case:file": "own", "case:read": "own", "case:withdraw": "own", "document:read": "own" },
  COORDINATOR: {
    "case:read": "any",
    "case:screen": "any",
    "case:assign": "any",
    "case:decide": "any",
    "document:read": "any",
    "roster:manage": "any",
    "report:read": "any",
  },
  REVIEWER: { "case:read": "assigned", "determination:write": "assigned", "document:read": "assigned" },
  PLAN: {
    "case:read": "plan",
    "plan-case-file:upload": "plan",
    "compliance:confirm": "plan",
    "document:read": "plan",
    "plan-integration:manage": "plan",
  },
  ADMIN: {
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

describe("the permission matrix", () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      it(`${role} × ${action} is ${EXPECTED[role][action] ?? "refused"}`, () => {
        expect(PERMISSIONS[role][action]).toBe(EXPECTED[role][action] ?? null);
      });
    }
  }

  it("keeps administrators out of case records", () => {
    expect(can(["ADMIN"], "case:read")).toBe(false);
    expect(can(["ADMIN"], "document:read")).toBe(false);
  });

  it("leaves a reviewer's credentials to administrators: coordinators keep the rest of the roster", () => {
    expect(can(["COORDINATOR"], "roster:manage")).toBe(true);
    expect(can(["COORDINATOR"], "credentials:manage")).toBe(false);
    expect(can(["REVIEWER"], "credentials:manage")).toBe(false);
    expect(can(["ADMIN"], "credentials:manage")).toBe(true);
  });

  it("gives a person with two roles the scopes of both", () => {
    expect(scopesFor(["REVIEWER", "APPLICANT"], "case:read").sort()).toEqual(["assigned", "own"]);
    expect(can(["REVIEWER", "APPLICANT"], "case:file")).toBe(true);
  });

  it("grants nothing to someone without roles", () => {
    for (const action of ACTIONS) expect(can([], action)).toBe(false);
  });
});
