import type { Locale } from "~/i18n/locales";
import { audit } from "~/server/audit.server";
import { db } from "~/server/db.server";
import { chosenLanguage } from "~/server/i18n/locale.server";
import type { Actor } from "~/server/request-context.server";

/** Remembers a signed-in person's language on their account, with the change in the audit log. */
export async function chooseLanguage(userId: string, language: Locale, actor: Actor, at = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { language } });
    await audit(actor, { action: "account.language_chosen", objectType: "User", objectId: userId, detail: { language }, at }, tx);
  });
}

/** Signing in after choosing a language on the signed-out pages: the account takes that choice, the latest one the person made. */
export async function keepLanguageChosenBeforeSignIn(request: Request, userId: string, actor: Actor): Promise<void> {
  const chosen = await chosenLanguage(request);
  if (!chosen) return;
  const { language } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { language: true } });
  if (language !== chosen) await chooseLanguage(userId, chosen, actor);
}
