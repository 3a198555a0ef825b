/**
 * Who must prove a second factor, and what counts as one. Staff open many
 * people's health records, so a password alone never signs them in; an
 * applicant sees only their own requests and may turn a second factor on.
 * Shared by server and browser.
 */
import { isStaff, type Role } from "./roles";

export type SignInStage = "SIGNED_IN" | "SECOND_FACTOR" | "ENROLMENT";

export function secondFactorRequired(roles: readonly Role[]): boolean {
  return isStaff(roles);
}

/** Where a right password leads: straight in, to the second factor, or to setting one up first. */
export function stageAfterPassword(roles: readonly Role[], hasSecondFactor: boolean): SignInStage {
  if (hasSecondFactor) return "SECOND_FACTOR";
  return secondFactorRequired(roles) ? "ENROLMENT" : "SIGNED_IN";
}

const SECOND_STEP: Record<Exclude<SignInStage, "SIGNED_IN">, string> = {
  SECOND_FACTOR: "/login/second-factor",
  ENROLMENT: "/login/set-up-second-factor",
};

/** The page a sign-in goes to next: `next` once signed in, else the second step, which comes back to `next`. */
export function pathAfterSignIn(stage: SignInStage, next: string): string {
  return stage === "SIGNED_IN" ? next : `${SECOND_STEP[stage]}?redirectTo=${encodeURIComponent(next)}`;
}

/** Someone who must have a second factor keeps at least one (an authenticator app or a passkey). */
export function mayRemoveFactor(roles: readonly Role[], factorsLeftAfter: number): boolean {
  return factorsLeftAfter > 0 || !secondFactorRequired(roles);
}

export const RECOVERY_CODE_COUNT = 10;
/** Letters and digits no one misreads (no 0/O, 1/I/L, U), as in Crockford's base32. */
export const RECOVERY_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
const RECOVERY_CODE_LENGTH = 10;

/** Typed codes are compared without spaces, dashes or case: "abcde-fghjk" is "ABCDEFGHJK". */
export function normalizedCode(typed: string): string {
  return typed.replace(/[\s-]/g, "").toUpperCase();
}

export function isAuthenticatorCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

export function isRecoveryCode(code: string): boolean {
  return code.length === RECOVERY_CODE_LENGTH && [...code].every((character) => RECOVERY_CODE_ALPHABET.includes(character));
}

/** A recovery code as shown once: two groups of five. */
export function recoveryCodeFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length < RECOVERY_CODE_LENGTH) throw new Error(`A recovery code takes ${RECOVERY_CODE_LENGTH} random bytes`);
  const characters = [...randomBytes.subarray(0, RECOVERY_CODE_LENGTH)].map((byte) => RECOVERY_CODE_ALPHABET[byte % RECOVERY_CODE_ALPHABET.length]);
  return `${characters.slice(0, 5).join("")}-${characters.slice(5).join("")}`;
}
