import crypto from "node:crypto";
import type { Page, TestInfo } from "@playwright/test";
import { createCaseInReview, createPlanActionCase } from "#tests/support/case-factories";
import { db } from "~/server/db.server";
import { expect, test } from "./support/fixtures";
import { DEMO, demoParties } from "./support/portal";

const DAY = 86_400_000;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** A full-page screenshot kept with the test's results (tests/.artifacts), for a person to look at. */
async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/** Nothing on the page is wider than the screen: no sideways scrolling, nothing cut off. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
}

test("the applicant's decided request reads on a 390-px phone: the result first, file names whole, the letter's Download link in view", async ({
  page,
  signInPageAs,
}, testInfo) => {
  const kase = await createPlanActionCase({ ...(await demoParties()), stage: "overturned", dueAt: new Date(Date.now() + 2 * DAY) });
  await db.document.create({
    data: {
      caseId: kase.id,
      kind: "MEDICAL_RECORDS",
      fileName: "cardiology-consultation-notes-2026-08-14.pdf",
      contentType: "application/pdf",
      sizeBytes: 482_133,
      sha256: crypto.randomBytes(32).toString("hex"),
      storageKey: crypto.randomUUID(),
    },
  });
  await signInPageAs(DEMO.patient);

  await page.setViewportSize(PHONE);
  await page.goto(`/requests/${kase.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Request ${kase.reference}`);
  // The status badge has its colour and its icon, so it is told apart by either.
  const status = page.getByRole("region", { name: "Where your request stands" }).locator(".badge", { hasText: "Decided" });
  await expect(status.locator("svg")).toHaveCount(1);
  const [badgeColour, textColour] = await status.evaluate((badge) => [getComputedStyle(badge).color, getComputedStyle(document.body).color]);
  expect(badgeColour).not.toBe(textColour);
  // The decision reads as a result first, then what it means.
  const decision = page.getByRole("region", { name: "The decision" });
  await expect(decision.getByRole("heading", { level: 3 })).toHaveText("Denial overturned");
  await expect(decision).toContainText("The denial is overturned: your health plan must approve or pay for the service.");
  await keepScreenshot(page, testInfo, "applicant-case-390");
  await expectNoSidewaysScroll(page);

  // A file name breaks only where it must: at most two lines, not a few letters a line.
  const fileName = page.locator('td[data-label="File"]', { hasText: "cardiology-consultation-notes-2026-08-14.pdf" });
  const { lines } = await fileName.evaluate((cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell.firstChild!);
    return { lines: new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size };
  });
  expect(lines).toBeLessThanOrEqual(2);

  const download = page.getByRole("link", { name: new RegExp(`Download .*${kase.reference}-decision\\.pdf`) }).first();
  await download.scrollIntoViewIfNeeded();
  const box = (await download.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);

  await page.setViewportSize(DESKTOP);
  await keepScreenshot(page, testInfo, "applicant-case-1280");
  await expectNoSidewaysScroll(page);
});

test("the coordinator's case and reviewers pages keep the patient, service, plan and track in view while scrolling, at 1280 and 390 px", async ({
  page,
  makeUser,
  signInPageAs,
}, testInfo) => {
  const reviewer = await makeUser(["REVIEWER"]);
  const kase = await createCaseInReview({
    ...(await demoParties()),
    reviewerIds: [reviewer.id],
    details: { patientName: "Maria Lopez", serviceDescription: "Cardiac rehabilitation program" },
  });
  await signInPageAs(DEMO.coordinator);
  for (const [path, name] of [
    [`/iro/cases/${kase.id}`, "coordinator-case"],
    [`/iro/cases/${kase.id}/assign`, "coordinator-assign"],
  ] as const) {
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      await page.goto(path);
      // Going to the same address again would keep the last scroll position.
      await page.evaluate(() => window.scrollTo(0, 0));
      const facts = page.getByRole("region", { name: "This case" });
      await expect(facts).toContainText("Maria Lopez");
      await expect(facts).toContainText("Cardiac rehabilitation program");
      await expect(facts).toContainText("Evergreen Health Plan");
      await expect(facts).toContainText("Standard");
      await expect(facts).toContainText("With the reviewer");
      await keepScreenshot(page, testInfo, `${name}-${viewport.width}`);
      await expectNoSidewaysScroll(page);
      // At the bottom of the page the facts are still at the top of the window.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect.poll(async () => (await facts.boundingBox())?.y).toBe(0);
    }
  }
});

test("the plan's case page reads on a phone and a desktop", async ({ page, makeUser, signInPageAs }, testInfo) => {
  const kase = await createPlanActionCase({ ...(await demoParties()), stage: "caseFileRequested", dueAt: new Date(Date.now() + 3 * DAY) });
  await signInPageAs(await makeUser(["PLAN"]));
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await page.goto(`/plan/cases/${kase.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(kase.reference!);
    await keepScreenshot(page, testInfo, `plan-case-${viewport.width}`);
    await expectNoSidewaysScroll(page);
  }
});
