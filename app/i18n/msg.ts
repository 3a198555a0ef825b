import type en from "./catalogs/en.json";

export type MessageKey = keyof typeof en;

/** What fills a message's `{placeholders}` where it is translated: a size, a name. */
export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * Marks a message written where no `t` is at hand (a zod schema, a table of
 * labels): it stays the English text, typed against the catalog, and is
 * translated where it is shown (`translateMessage` in ./i18n).
 */
export function msg<Key extends MessageKey>(key: Key): Key {
  return key;
}
