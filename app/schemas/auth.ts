import { z } from "zod";
import { msg } from "~/i18n/msg";
import { ROLES } from "~/domain/roles";
import { isAuthenticatorCode, isRecoveryCode, normalizedCode } from "~/domain/second-factor";

/** Form schemas shared by the browser (react-hook-form) and the server action. */

const email = z
  .string()
  .trim()
  .min(1, msg("Enter your email address."))
  .max(254, msg("That email address is too long."))
  .pipe(z.email(msg("Enter an email address like name@example.com.")))
  .transform((value) => value.toLowerCase());

const newPassword = z
  .string()
  .min(12, msg("Use at least 12 characters."))
  .max(200, msg("Use at most 200 characters."))
  .refine((value) => value.trim().length === value.length, msg("Do not start or end the password with a space."));

/** A form that sets a password: the new one typed twice, the two the same. */
function settingPassword<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object({ ...shape, password: newPassword, confirmPassword: z.string().min(1, msg("Type the password again.")) }).refine(
    (data) => {
      // The generic shape hides the two fields this function itself adds.
      const { password, confirmPassword } = data as { password: string; confirmPassword: string };
      return password === confirmPassword;
    },
    { path: ["confirmPassword"], message: msg("The two passwords are not the same.") },
  );
}

export const loginSchema = z.object({
  email,
  password: z.string().min(1, msg("Enter your password.")),
  redirectTo: z.string().optional(),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const signUpSchema = settingPassword({
  name: z.string().trim().min(1, msg("Enter your full name.")).max(200, msg("Use at most 200 characters.")),
  email,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const forgotPasswordSchema = z.object({ email });

export const setPasswordSchema = settingPassword({ token: z.string().min(1) });

/** Changing one's password while signed in: the current one first, so a borrowed unlocked browser cannot. */
export const changePasswordSchema = settingPassword({
  intent: z.literal("change-password"),
  currentPassword: z.string().min(1, msg("Enter your current password.")),
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const inviteUserSchema = z
  .object({
    name: z.string().trim().min(1, "Enter the person's full name.").max(200, msg("Use at most 200 characters.")),
    email,
    roles: z.array(z.enum(ROLES)).min(1, "Choose at least one role."),
    planId: z.string().optional(),
  })
  .refine((data) => !data.roles.includes("PLAN") || !!data.planId, {
    path: ["planId"],
    message: "Choose the health plan this person works for.",
  })
  .refine((data) => !data.roles.includes("APPLICANT"), {
    path: ["roles"],
    message: "Applicants create their own accounts; invite staff, reviewers and plan users only.",
  });
export type InviteUserInput = z.infer<typeof inviteUserSchema>;

/** The second step of signing in: a code from the authenticator app, or one of the recovery codes. */
export const secondFactorCodeSchema = z.object({
  intent: z.literal("code"),
  code: z
    .string()
    .max(40, msg("Enter the 6-digit code from your app, or a recovery code."))
    .transform(normalizedCode)
    .refine((code) => isAuthenticatorCode(code) || isRecoveryCode(code), msg("Enter the 6-digit code from your app, or a recovery code.")),
});

/** Confirming a new authenticator app: the code it shows now. */
export const confirmAuthenticatorSchema = z.object({
  intent: z.literal("authenticator"),
  code: z
    .string()
    .max(20, msg("Enter the 6-digit code your app shows."))
    .transform(normalizedCode)
    .refine(isAuthenticatorCode, msg("Enter the 6-digit code your app shows.")),
});

/** What the browser's passkey prompt answered (WebAuthn JSON), posted by the page's script. */
const passkeyResponse = z.string().min(2, msg("The passkey did not answer. Try again.")).max(16_384, msg("The passkey's answer is too long."));

export const passkeySignInSchema = z.object({ intent: z.literal("passkey"), response: passkeyResponse });

export const addPasskeySchema = z.object({
  intent: z.literal("add-passkey"),
  response: passkeyResponse,
  name: z.string().trim().min(1, msg("Name the passkey, for example the device it is on.")).max(60, msg("Use at most 60 characters.")),
});

export const removeAuthenticatorSchema = z.object({ intent: z.literal("remove-authenticator") });
export const removePasskeySchema = z.object({ intent: z.literal("remove-passkey"), passkeyId: z.string().min(1).max(1024) });
export const newRecoveryCodesSchema = z.object({ intent: z.literal("new-recovery-codes") });
