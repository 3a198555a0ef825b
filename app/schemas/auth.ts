import { z } from "zod";
import { ROLES } from "~/domain/roles";

/** Form schemas shared by the browser (react-hook-form) and the server action. */

const email = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter an email address like name@example.com."))
  .transform((value) => value.toLowerCase());

const newPassword = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(200, "Use at most 200 characters.")
  .refine((value) => value.trim().length === value.length, "Do not start or end the password with a space.");

/** A form that sets a password: the new one typed twice, the two the same. */
function settingPassword<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object({ ...shape, password: newPassword, confirmPassword: z.string().min(1, "Type the password again.") }).refine(
    (data) => {
      // The generic shape hides the two fields this function itself adds.
      const { password, confirmPassword } = data as { password: string; confirmPassword: string };
      return password === confirmPassword;
    },
    { path: ["confirmPassword"], message: "The two passwords are not the same." },
  );
}

export const loginSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password."),
  redirectTo: z.string().optional(),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const signUpSchema = settingPassword({
  name: z.string().trim().min(1, "Enter your full name.").max(200, "Use at most 200 characters."),
  email,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const forgotPasswordSchema = z.object({ email });

export const setPasswordSchema = settingPassword({ token: z.string().min(1) });

/** Changing one's password while signed in: the current one first, so a borrowed unlocked browser cannot. */
export const changePasswordSchema = settingPassword({
  intent: z.literal("change-password"),
  currentPassword: z.string().min(1, "Enter your current password."),
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const inviteUserSchema = z
  .object({
    name: z.string().trim().min(1, "Enter the person's full name.").max(200, "Use at most 200 characters."),
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
