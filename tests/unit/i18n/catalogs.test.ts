import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { parser as Parser } from "i18next-parser";
import { describe, expect, it } from "vitest";
import config from "../../../i18next-parser.config.js";
import en from "~/i18n/catalogs/en.json";
import es from "~/i18n/catalogs/es.json";

/**
 * Every argument a message takes ({name}, {count, plural, …}) and every
 * element <Trans> puts in it (<0>…</0>), which its translation must keep.
 * Parsed as i18next-icu formats it: tags are <Trans>'s, not ICU's.
 */
function argumentsOf(message: string): string[] {
  const names = new Set<string>(message.match(/<\/?\d+>/g) ?? []);
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      if (element.type === TYPE.tag) {
        walk(element.children);
        continue;
      }
      names.add(element.value);
      if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return [...names].sort();
}

// The files i18next-parser.config.js reads (its `input`), as Vite finds them.
const SOURCES = import.meta.glob<string>(["/app/**/*.{ts,tsx}", "/emails/**/*.{ts,tsx}"], { query: "?raw", import: "default", eager: true });

function messagesInSource(): Set<string> {
  const parser = new Parser(config);
  const keys = new Set<string>();
  for (const [file, source] of Object.entries(SOURCES)) {
    // Parsing costs a TypeScript parse per file: only files that call t, msg or <Trans> can hold a message.
    if (!/\b(t|msg)\(|<Trans\b/.test(source)) continue;
    for (const entry of parser.parse(source, file)) keys.add(entry.key);
  }
  return keys;
}

describe("message catalogs", () => {
  it("hold exactly the messages the source marks: none missing, none left over (npm run i18n:extract)", { timeout: 60_000 }, () => {
    const inSource = messagesInSource();
    const inCatalog = new Set(Object.keys(en));
    expect(
      [...inSource].filter((key) => !inCatalog.has(key)),
      "in the source, not in catalogs/en.json",
    ).toEqual([]);
    expect(
      [...inCatalog].filter((key) => !inSource.has(key)),
      "in catalogs/en.json, no longer in the source",
    ).toEqual([]);
  });

  it("give every English message its Spanish, and nothing more", () => {
    const missing = Object.keys(en).filter((key) => !(es as Record<string, string>)[key]?.trim());
    expect(missing, "messages without their Spanish in catalogs/es.json").toEqual([]);
    expect(Object.keys(es).filter((key) => !(key in en))).toEqual([]);
  });

  it("keep each message's arguments in Spanish, as valid ICU", () => {
    const differing = Object.entries(en).flatMap(([key, english]) => {
      const spanish = (es as Record<string, string>)[key];
      if (!spanish) return [];
      return argumentsOf(english).join() === argumentsOf(spanish).join() ? [] : [`${key} → ${spanish}`];
    });
    expect(differing).toEqual([]);
  });
});
