import { AUTO_OFFER_SETTING, autoOfferOn } from "~/domain/offers";
import { audit } from "../audit.server";
import { db } from "../db.server";
import type { Actor } from "../request-context.server";

/** Whether a declined, lapsed or withdrawn offer is followed by an offer to the next suggestion (docs/rules/reviewers.md, "Offers"). */
export async function autoOfferSetting(): Promise<boolean> {
  const setting = await db.setting.findUnique({ where: { key: AUTO_OFFER_SETTING }, select: { value: true } });
  return autoOfferOn(setting?.value);
}

/** An administrator turns the automatic next offer on or off, audited with before and after. */
export async function setAutoOffer(on: boolean, actor: Actor): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const setting = await tx.setting.findUnique({ where: { key: AUTO_OFFER_SETTING }, select: { value: true } });
    const from = autoOfferOn(setting?.value);
    if (from === on) return { changed: false };
    await tx.setting.upsert({ where: { key: AUTO_OFFER_SETTING }, create: { key: AUTO_OFFER_SETTING, value: on }, update: { value: on } });
    await audit(actor, { action: "settings.auto_offer_changed", objectType: "Setting", objectId: AUTO_OFFER_SETTING, detail: { from, to: on } }, tx);
    return { changed: true };
  });
}
