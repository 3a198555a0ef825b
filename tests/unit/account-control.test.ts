import { describe, expect, it } from "vitest";
import { accountChangeRefusal, type AccountFacts } from "~/domain/account-control";
import { isFreshlyAuthenticated } from "~/domain/fresh-authentication";

const ADMIN = "admin-1";
const account = (facts: Partial<AccountFacts> = {}): AccountFacts => ({
  id: "user-1",
  roles: ["COORDINATOR"],
  disabled: false,
  openAssignments: 0,
  hasSecondFactor: true,
  ...facts,
});
const roles = (list: AccountFacts["roles"], planId: string | null = null) => ({ kind: "change-roles" as const, roles: list, planId });

describe("what an administrator may change about an account", () => {
  it("resets someone else's second factor, not their own, and only one that is set up", () => {
    expect(accountChangeRefusal(ADMIN, account(), { kind: "reset-second-factor" })).toBeNull();
    expect(accountChangeRefusal(ADMIN, account({ id: ADMIN, roles: ["ADMIN"] }), { kind: "reset-second-factor" })?.message).toMatch(/your account page/);
    expect(accountChangeRefusal(ADMIN, account({ hasSecondFactor: false }), { kind: "reset-second-factor" })?.message).toBe(
      "This person has no second factor to reset.",
    );
  });

  it("deactivates someone else's active account, and reactivates a deactivated one", () => {
    expect(accountChangeRefusal(ADMIN, account(), { kind: "deactivate" })).toBeNull();
    expect(accountChangeRefusal(ADMIN, account({ disabled: true }), { kind: "reactivate" })).toBeNull();
    expect(accountChangeRefusal(ADMIN, account({ disabled: true }), { kind: "deactivate" })?.message).toBe("This account is already deactivated.");
    expect(accountChangeRefusal(ADMIN, account(), { kind: "reactivate" })?.message).toBe("This account is active.");
  });

  it("deactivates a reviewer with open assignments: taking access away is never held up", () => {
    expect(accountChangeRefusal(ADMIN, account({ roles: ["REVIEWER"], openAssignments: 2 }), { kind: "deactivate" })).toBeNull();
  });

  it("never lets administrators lock themselves out: no self-deactivation, no removing their own ADMIN, no forced reset of their own password", () => {
    const me = account({ id: ADMIN, roles: ["ADMIN"] });
    expect(accountChangeRefusal(ADMIN, me, { kind: "deactivate" })?.message).toMatch(/cannot deactivate your own account/);
    expect(accountChangeRefusal(ADMIN, me, roles(["COORDINATOR"]))).toEqual({ field: "roles", message: expect.stringMatching(/own administrator role/) });
    expect(accountChangeRefusal(ADMIN, me, { kind: "force-password-reset" })?.message).toMatch(/your account page/);
    // Adding a role to oneself while keeping ADMIN is fine.
    expect(accountChangeRefusal(ADMIN, me, roles(["ADMIN", "COORDINATOR"]))).toBeNull();
    // Another administrator may take the role away: the one acting still holds it.
    expect(accountChangeRefusal("admin-2", me, roles(["COORDINATOR"]))).toBeNull();
  });

  it("keeps plan users in a plan, and nobody else", () => {
    expect(accountChangeRefusal(ADMIN, account(), roles(["PLAN"]))).toEqual({ field: "planId", message: "Choose the health plan this person works for." });
    expect(accountChangeRefusal(ADMIN, account(), roles(["PLAN"], "plan-1"))).toBeNull();
    expect(accountChangeRefusal(ADMIN, account(), roles(["COORDINATOR"], "plan-1"))).toEqual({
      field: "planId",
      message: "Only plan users belong to a health plan.",
    });
  });

  it("leaves the applicant role as the person made it, and an account with at least one role", () => {
    expect(accountChangeRefusal(ADMIN, account(), roles(["APPLICANT", "COORDINATOR"]))?.field).toBe("roles");
    expect(accountChangeRefusal(ADMIN, account({ roles: ["APPLICANT", "COORDINATOR"] }), roles(["COORDINATOR"]))?.field).toBe("roles");
    expect(accountChangeRefusal(ADMIN, account({ roles: ["APPLICANT", "COORDINATOR"] }), roles(["APPLICANT"]))).toBeNull();
    expect(accountChangeRefusal(ADMIN, account(), roles([]))).toEqual({ field: "roles", message: "Choose at least one role." });
  });

  it("keeps a reviewer's role while they hold open assignments", () => {
    const reviewer = account({ roles: ["REVIEWER"], openAssignments: 1 });
    expect(accountChangeRefusal(ADMIN, reviewer, roles(["COORDINATOR"]))?.message).toBe(
      "This reviewer has 1 open assignment: replace them on those cases first.",
    );
    expect(accountChangeRefusal(ADMIN, account({ roles: ["REVIEWER"] }), roles(["COORDINATOR"]))).toBeNull();
  });
});

describe("fresh authentication", () => {
  const at = new Date("2026-03-08T06:59:30Z");
  it("holds for ten minutes after the password was given, and not a moment longer", () => {
    expect(isFreshlyAuthenticated(new Date(at.getTime() - 10 * 60_000), at)).toBe(true);
    expect(isFreshlyAuthenticated(new Date(at.getTime() - 10 * 60_000 - 1), at)).toBe(false);
  });
});
