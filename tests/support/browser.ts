import fs from "node:fs";
import { chromium } from "@playwright/test";

/**
 * The Chromium the tests drive: Playwright's own if it was installed,
 * otherwise Debian's. tests/run-all.mjs installs Debian's when neither exists.
 */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    const bundled = chromium.executablePath();
    if (bundled && fs.existsSync(bundled)) return undefined;
  } catch {
    // Playwright's own browser is not installed.
  }
  return "/usr/bin/chromium";
}
