import { describe, expect, it } from "vitest";
import { ECHO_MAX_CHARS, echoableValues, formDataToValues, zodFieldErrors } from "~/forms/form-data";
import { inviteUserSchema, loginSchema, signUpSchema } from "~/schemas/auth";

describe("form data", () => {
  it("turns checkbox groups into arrays, even with one or no box ticked", () => {
    const one = new FormData();
    one.append("roles", "REVIEWER");
    one.append("name", "Ada");
    expect(formDataToValues(one, ["roles"])).toEqual({ roles: ["REVIEWER"], name: "Ada" });
    expect(formDataToValues(new FormData(), ["roles"])).toEqual({ roles: [] });
  });

  it("never sends a password or a token back to the page", () => {
    expect(echoableValues({ email: "a@b.c", password: "secret", confirmPassword: "x", token: "t" })).toEqual({ email: "a@b.c" });
  });

  it("gives one message per field, by its path", () => {
    const result = signUpSchema.safeParse({ name: "", email: "not-an-email", password: "short", confirmPassword: "other" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(zodFieldErrors(result.error)).toMatchObject({
      name: "Enter your full name.",
      email: "Enter an email address like name@example.com.",
      password: "Use at least 12 characters.",
    });
  });
});

describe("account forms", () => {
  it("normalises the email so the same person cannot register twice by case", () => {
    expect(loginSchema.parse({ email: "  Maria.Lopez@Example.COM ", password: "x" }).email).toBe("maria.lopez@example.com");
  });

  it("says when the two passwords differ", () => {
    const result = signUpSchema.safeParse({ name: "A", email: "a@example.com", password: "long enough pass", confirmPassword: "long enough pasS" });
    expect(result.success).toBe(false);
    if (!result.success) expect(zodFieldErrors(result.error).confirmPassword).toBe("The two passwords are not the same.");
  });

  it("needs a plan for a plan user and refuses to invite applicants", () => {
    const planUser = inviteUserSchema.safeParse({ name: "P", email: "p@example.com", roles: ["PLAN"] });
    expect(planUser.success).toBe(false);
    if (!planUser.success) expect(zodFieldErrors(planUser.error).planId).toBe("Choose the health plan this person works for.");
    const applicant = inviteUserSchema.safeParse({ name: "A", email: "a@example.com", roles: ["APPLICANT"] });
    expect(applicant.success).toBe(false);
    expect(inviteUserSchema.safeParse({ name: "R", email: "r@example.com", roles: ["REVIEWER", "COORDINATOR"] }).success).toBe(true);
  });
});

describe("what a refused form sends back", () => {
  it("is never longer than the longest field takes, and never holds a password", () => {
    const echoed = echoableValues({ email: "a".repeat(5_000_000), password: "secret", tags: Array.from({ length: 10_000 }, () => "x") });
    expect((echoed.email as string).length).toBe(ECHO_MAX_CHARS);
    expect(echoed).not.toHaveProperty("password");
    expect((echoed.tags as string[]).length).toBe(200);
  });
});
