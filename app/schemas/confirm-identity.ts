import { z } from "zod";
import { msg } from "~/i18n/msg";
import { isAuthenticatorCode, isRecoveryCode, normalizedCode } from "~/domain/second-factor";

/**
 * Proving it is you again before a sensitive action: the password and, for
 * someone with an authenticator app, its code (or a recovery code). `redirectTo`
 * is the page to go back to.
 */
export const confirmIdentitySchema = z.object({
  intent: z.literal("password"),
  password: z
    .string({ error: msg("Enter your password.") })
    .min(1, msg("Enter your password."))
    .max(1000, msg("Use at most 1,000 characters.")),
  code: z
    .string()
    .max(40, msg("Enter the 6-digit code from your app, or a recovery code."))
    .transform(normalizedCode)
    .refine((code) => code === "" || isAuthenticatorCode(code) || isRecoveryCode(code), msg("Enter the 6-digit code from your app, or a recovery code."))
    .optional(),
  redirectTo: z.string().max(2000).optional(),
});

/** Or a passkey's answer, posted by the page's script. */
export const confirmWithPasskeySchema = z.object({
  intent: z.literal("passkey"),
  response: z.string().min(2, msg("The passkey did not answer. Try again.")).max(16_384, msg("The passkey's answer is too long.")),
  redirectTo: z.string().max(2000).optional(),
});
