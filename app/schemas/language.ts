import { z } from "zod";
import { LOCALES } from "~/i18n/locales";

/** The language choice on every public and applicant page. */
export const languageChoiceSchema = z.object({
  language: z.enum(LOCALES),
  redirectTo: z.string().max(2000).optional(),
});
