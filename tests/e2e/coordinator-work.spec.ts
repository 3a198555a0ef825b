import crypto from "node:crypto";
import { createAcceptedCase, createFiledCase } from "#tests/support/case-factories";
import { createQualifiedReviewer } from "#tests/support/roster-factories";
import { expect, test } from "./support/fixtures";
import { DEMO, demoParties } from "./support/portal";

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A reviewer who qualifies today, told apart from other runs' by a suffix. */
function vascularNeurologist(surname: string, affiliations: { kind: "FACILITY"; name: string }[] = []) {
  return createQualifiedReviewer({
    name: `Dr. ${surname} ${crypto.randomBytes(2).toString("hex")}`,
    specialty: "vascular-neurology",
    capacity: 3,
    affiliations,
  });
}

/** The day before a "YYYY-MM-DD" date. */
function dayBefore(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

test("while screening, what the applicant gave sits beside the checklist on a wide screen and above it on a phone; reviewers wait for acceptance", async ({
  page,
  signInPageAs,
}) => {
  const kase = await createFiledCase({ ...(await demoParties()), details: { serviceDescription: "Home sleep study", diagnosisCodes: ["G47.33"] } });
  await signInPageAs(DEMO.coordinator);
  await page.setViewportSize(DESKTOP);
  await page.goto(`/iro/cases/${kase.id}`);
  const gave = page.getByRole("region", { name: "What the applicant gave" });
  const checklist = page.getByRole("region", { name: "Eligibility" });
  await expect(gave).toContainText("Home sleep study");
  await expect(checklist.getByRole("button", { name: "Save the checklist" })).toBeVisible();
  const [gaveBox, checklistBox] = [await gave.boundingBox(), await checklist.boundingBox()];
  // Side by side: the two start at the same height, the checklist to the right.
  expect(Math.abs(gaveBox!.y - checklistBox!.y)).toBeLessThan(2);
  expect(checklistBox!.x).toBeGreaterThanOrEqual(gaveBox!.x + gaveBox!.width);

  await page.setViewportSize(PHONE);
  const [gaveOnPhone, checklistOnPhone] = [await gave.boundingBox(), await checklist.boundingBox()];
  expect(checklistOnPhone!.y).toBeGreaterThanOrEqual(gaveOnPhone!.y + gaveOnPhone!.height);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  // Nothing to offer before acceptance: no link, and the reviewers page says why instead of showing forms.
  await expect(page.getByRole("link", { name: "Find and offer reviewers" })).toHaveCount(0);
  await page.goto(`/iro/cases/${kase.id}/assign`);
  await expect(page.getByText("Nothing can be offered yet: this case has not been accepted for review.")).toBeVisible();
  await expect(page.getByLabel("Specialty needed")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save the matching facts" })).toHaveCount(0);
});

test("on an accepted case the coordinator confirms the suggested specialty, offers with an internal due date and changes it; the reviewer sees it", async ({
  page,
  pageAs,
  signInPageAs,
}) => {
  const facility = `Riverbend Stroke Center ${crypto.randomUUID().slice(0, 6)}`;
  const kase = await createAcceptedCase({
    ...(await demoParties()),
    details: { serviceDescription: "Carotid stenting", diagnosisCodes: ["I63.9"], providerFacility: facility },
  });
  const chosen = await vascularNeurologist("Aldana");
  const tied = await vascularNeurologist("Tierney", [{ kind: "FACILITY", name: facility }]);

  const coordinator = await pageAs(DEMO.coordinator);
  await coordinator.goto(`/iro/cases/${kase.id}`);
  await coordinator.getByRole("link", { name: "Find and offer reviewers" }).click();

  // The specialty comes first, suggested from the diagnosis code by its everyday name.
  await expect(coordinator.getByRole("heading", { level: 2 }).first()).toHaveText("Specialty the case needs");
  await expect(
    coordinator.getByText("Suggested from the ICD-10 code I63.9 (Cardiac/Circulatory: Stroke): Stroke neurology (Vascular neurology)."),
  ).toBeVisible();
  const specialty = coordinator.getByLabel("Specialty needed");
  await expect(specialty).toHaveValue("vascular-neurology");
  // The search matches common names: "heart" finds cardiology, not dermatology.
  await coordinator.getByLabel("Find a specialty").fill("heart");
  await expect(specialty.getByRole("option", { name: "Cardiology (Cardiovascular disease)" })).toHaveCount(1);
  await expect(specialty.getByRole("option", { name: "Dermatology" })).toHaveCount(0);
  await coordinator.getByLabel("Find a specialty").fill("");
  await coordinator.getByRole("button", { name: "Use this specialty" }).click();
  await expect(coordinator.getByText("The specialty is saved. The reviewers below are those who qualify for it.")).toBeVisible();
  await expect(coordinator.getByText("Recorded: Stroke neurology (Vascular neurology).")).toBeVisible();

  // Candidates follow it; of the excluded, those of the specialty, then everyone on asking.
  const suggestions = coordinator.getByRole("table", { name: /qualified reviewers?, best first/ });
  await expect(suggestions.getByRole("row").filter({ hasText: chosen.name })).toContainText("Same specialty: Vascular neurology");
  await coordinator.getByText(/not suggested, with the reasons \(of this specialty/).click();
  await expect(coordinator.getByRole("listitem").filter({ hasText: tied.name })).toContainText(`affiliated with ${facility}`);
  await expect(coordinator.getByRole("listitem").filter({ hasText: "Dr. Sofia Marchetti" })).toHaveCount(0);
  await coordinator.getByRole("link", { name: /^Show all \d+ reviewers not suggested, other specialties too$/ }).click();
  await expect(coordinator.getByRole("listitem").filter({ hasText: "Dr. Sofia Marchetti" })).toContainText("affiliated with Evergreen Health Plan");
  await expect(coordinator.getByRole("link", { name: "Show only the reviewers of this specialty" })).toBeVisible();

  // The internal due date starts at the suggestion; a date past the decision deadline is refused by its field.
  const dueDate = coordinator.getByLabel("Internal due date for the determination");
  const suggested = await dueDate.inputValue();
  expect(suggested).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await dueDate.fill("2099-01-01");
  await suggestions.getByRole("button", { name: `Offer to ${chosen.name}` }).click();
  await expect(
    coordinator.getByText(/Choose a date before the decision is due \(.*\): the internal date leaves time for quality review and the letter\./),
  ).toBeVisible();
  await expect(dueDate).toHaveAttribute("aria-invalid", "true");
  await dueDate.fill(suggested);
  await suggestions.getByRole("button", { name: `Offer to ${chosen.name}` }).click();
  await expect(coordinator.getByText("The offer is sent. Each reviewer was emailed and answers in the portal.")).toBeVisible();
  const card = coordinator.getByRole("region", { name: "On the case now" }).getByRole("listitem").filter({ hasText: chosen.name });
  await expect(card).toContainText("Internal due date: ");

  // Changed afterwards: saved, and on the case page and its timeline.
  const earlier = dayBefore(suggested);
  await card.getByText(`Change the internal due date for ${chosen.name}`).click();
  await card.getByLabel("Internal due date").fill(earlier);
  await card.getByRole("button", { name: `Save the internal due date for ${chosen.name}` }).click();
  await expect(coordinator.getByText("The internal due date is saved. The reviewer sees it on their pages.")).toBeVisible();
  const shown = (await coordinator
    .getByRole("region", { name: "On the case now" })
    .getByText(/^Internal due date: /)
    .textContent())!;
  const dueText = shown.replace(/^Internal due date: /, "").replace(/ \(our date for their determination\)$/, "");
  await coordinator.goto(`/iro/cases/${kase.id}`);
  await expect(coordinator.getByRole("region", { name: "Reviewers" })).toContainText(
    `${chosen.name}, offer waiting for an answer. Internal due date: ${dueText}.`,
  );
  await expect(coordinator.getByRole("region", { name: "Timeline" })).toContainText("Reviewer's internal due date set");

  // The reviewer accepts and reads the date, apart from the regulatory deadline.
  await signInPageAs(chosen);
  await page.goto("/review");
  await page.getByRole("link", { name: `Answer the offer of ${kase.reference}` }).click();
  await page.getByLabel("Each statement above is true for me on this case").check();
  await page.getByLabel("Type your full name to sign").fill(chosen.name);
  await page.getByRole("button", { name: "Accept the case and sign the attestation" }).click();
  await expect(page).toHaveURL(`/review/cases/${kase.id}`);
  await expect(page.getByRole("region", { name: "Where the case stands" })).toContainText(`Due to us by ${dueText} (the review organization's internal date`);
  await page.goto("/review");
  await expect(page.getByRole("row").filter({ hasText: kase.reference })).toContainText(`Due to us by ${dueText}`);
});
