import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { E2E } from "./e2e-env";

/** Quoted-printable bytes, read as the UTF-8 they encode (a Spanish email's "ó" is =C3=B3). */
function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** The headers' encoded words (RFC 2047), as a subject that is not plain ASCII is written. */
function decodeHeaderWords(headers: string): string {
  return headers
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, word: string) =>
      encoding.toLowerCase() === "b" ? Buffer.from(word, "base64").toString("utf8") : decodeQuotedPrintable(word.replace(/_/g, " ")),
    );
}

/** A message as a person reads it: its headers' words and its body decoded. */
function decoded(message: string): string {
  const end = message.indexOf("\n\n");
  return decodeHeaderWords(message.slice(0, end)) + decodeQuotedPrintable(message.slice(end));
}

/**
 * Waits until the portal's mail worker has written `count` emails to `to`
 * with this subject (the run's .eml files) and returns the newest, decoded.
 */
export async function waitForEmail(to: string, subject: RegExp, count = 1): Promise<string> {
  const dir = path.join(E2E.dataDir, "mail");
  let found = "";
  await expect
    .poll(
      () => {
        if (!fs.existsSync(dir)) return false;
        const matching = fs
          .readdirSync(dir)
          .sort()
          .map((file) => decoded(fs.readFileSync(path.join(dir, file), "utf8")))
          .filter((message) => message.includes(`To: ${to}`) && subject.test(message));
        found = matching.at(-1) ?? "";
        return matching.length >= count;
      },
      { timeout: 20_000, message: `an email to ${to}` },
    )
    .toBe(true);
  return found;
}

export function linkIn(email: string, pathPrefix: string): string {
  const match = email.match(new RegExp(`https?://[^\\s"<>]+${pathPrefix}\\?token=[A-Za-z0-9_-]+`));
  if (!match) throw new Error(`No ${pathPrefix} link in the email`);
  return new URL(match[0]).pathname + new URL(match[0]).search;
}
