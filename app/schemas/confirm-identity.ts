import { z } from "zod";
import { isAuthenticatorCode, isRecoveryCode, normalizedCode } from "~/domain/second-factor";

/**
 * Proving it is you again before a sensitive action: the password and, for
 * someone with an authenticator app, its code (or a recovery code). `redirectTo`
 * is the page to go back to.
 */
export const confirmIdentitySchema = z.object({
  intent: z.literal("password"),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1000, "Use at most 1,000 characters."),
  code: z
    .string()
    .max(40, "Enter the 6-digit code from your app, or a recovery code.")
    .transform(normalizedCode)
    .refine((code) => code === "" || isAuthenticatorCode(code) || isRecoveryCode(code), "Enter the 6-digit code from your app, or a recovery code.")
    .optional(),
  redirectTo: z.string().max(2000).optional(),
});

/** Or a passkey's answer, posted by the page's script. */
export const confirmWithPasskeySchema = z.object({
  intent: z.literal("passkey"),
  response: z.string().min(2, "The passkey did not answer. Try again.").max(16_384, "The passkey's answer is too long."),
  redirectTo: z.string().max(2000).optional(),
});
