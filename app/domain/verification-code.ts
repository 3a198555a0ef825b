/**
 * The code printed on every page of a decision letter, with which anyone
 * holding the letter checks it at /verify. Ten characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L), so it survives being read aloud or
 * typed from paper: 31^10 ≈ 8 × 10^14 codes, and /verify is rate-limited.
 */
export const VERIFICATION_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const VERIFICATION_CODE_LENGTH = 10;

// The largest multiple of the alphabet's size that fits a byte: bytes above it are
// skipped, so every character is equally likely.
const UNBIASED_LIMIT = Math.floor(256 / VERIFICATION_ALPHABET.length) * VERIFICATION_ALPHABET.length;

/**
 * A new code drawn from `randomBytes` (crypto.randomBytes on the server).
 * Pure: the source of randomness is the caller's.
 */
export function newVerificationCode(randomBytes: (size: number) => Uint8Array): string {
  let code = "";
  while (code.length < VERIFICATION_CODE_LENGTH) {
    for (const byte of randomBytes(VERIFICATION_CODE_LENGTH * 2)) {
      if (byte >= UNBIASED_LIMIT) continue;
      code += VERIFICATION_ALPHABET[byte % VERIFICATION_ALPHABET.length];
      if (code.length === VERIFICATION_CODE_LENGTH) break;
    }
  }
  return code;
}

/** "K7PQ2-M9XWD": the stored code in two halves, as printed and shown. */
export function formatVerificationCode(code: string): string {
  const half = VERIFICATION_CODE_LENGTH / 2;
  return `${code.slice(0, half)}-${code.slice(half)}`;
}

/**
 * The stored form of what someone typed: spaces and dashes dropped, upper
 * case. Null when it cannot be a code, so the lookup is never made.
 */
export function normalizeVerificationCode(typed: string): string | null {
  const code = typed.replace(/[\s-]+/g, "").toUpperCase();
  if (code.length !== VERIFICATION_CODE_LENGTH) return null;
  for (const character of code) if (!VERIFICATION_ALPHABET.includes(character)) return null;
  return code;
}
