import { z } from "zod";

/** Giving one's password again before a sensitive action; `redirectTo` is the page to go back to. */
export const confirmIdentitySchema = z.object({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1000, "Use at most 1,000 characters."),
  redirectTo: z.string().max(2000).optional(),
});
