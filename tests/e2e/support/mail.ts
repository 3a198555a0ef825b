import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { E2E } from "./e2e-env";

function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
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
          .map((file) => decodeQuotedPrintable(fs.readFileSync(path.join(dir, file), "utf8")))
          .filter((decoded) => decoded.includes(`To: ${to}`) && subject.test(decoded));
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
