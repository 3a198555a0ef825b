import { describe, expect, it } from "vitest";
import {
  isAuthenticatorCode,
  isRecoveryCode,
  mayRemoveFactor,
  normalizedCode,
  RECOVERY_CODE_ALPHABET,
  recoveryCodeFrom,
  secondFactorRequired,
  stageAfterPassword,
} from "~/domain/second-factor";

describe("who owes a second factor", () => {
  it("is every staff role, not an applicant", () => {
    for (const role of ["ADMIN", "COORDINATOR", "REVIEWER", "PLAN"] as const) expect(secondFactorRequired([role])).toBe(true);
    expect(secondFactorRequired(["APPLICANT"])).toBe(false);
    expect(secondFactorRequired(["APPLICANT", "REVIEWER"])).toBe(true);
  });

  it("sends a right password on to the factor, to setting one up, or straight in", () => {
    expect(stageAfterPassword(["COORDINATOR"], true)).toBe("SECOND_FACTOR");
    expect(stageAfterPassword(["COORDINATOR"], false)).toBe("ENROLMENT");
    expect(stageAfterPassword(["APPLICANT"], true)).toBe("SECOND_FACTOR");
    expect(stageAfterPassword(["APPLICANT"], false)).toBe("SIGNED_IN");
  });

  it("lets staff remove a factor only while another remains; applicants may remove the last", () => {
    expect(mayRemoveFactor(["PLAN"], 0)).toBe(false);
    expect(mayRemoveFactor(["PLAN"], 1)).toBe(true);
    expect(mayRemoveFactor(["APPLICANT"], 0)).toBe(true);
  });
});

describe("codes as typed", () => {
  it("ignores spaces, dashes and case", () => {
    expect(normalizedCode(" 123 456 ")).toBe("123456");
    expect(normalizedCode("abcde-fghjk")).toBe("ABCDEFGHJK");
  });

  it("tells an authenticator code from a recovery code", () => {
    expect(isAuthenticatorCode("123456")).toBe(true);
    expect(isAuthenticatorCode("12345")).toBe(false);
    expect(isRecoveryCode("ABCDEFGHJK")).toBe(true);
    // O, I, L and U are left out of recovery codes, so they are never a recovery code's letters.
    expect(isRecoveryCode("ABCDEFGHJO")).toBe(false);
    expect(isRecoveryCode("123456")).toBe(false);
  });

  it("makes recovery codes of two groups of five readable characters", () => {
    const code = recoveryCodeFrom(Uint8Array.from([0, 1, 2, 3, 4, 29, 30, 31, 255, 128]));
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect([...code.replace("-", "")].every((character) => RECOVERY_CODE_ALPHABET.includes(character))).toBe(true);
    expect(isRecoveryCode(normalizedCode(code))).toBe(true);
    expect(() => recoveryCodeFrom(new Uint8Array(4))).toThrow();
  });
});
