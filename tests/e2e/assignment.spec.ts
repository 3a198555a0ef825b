import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { createAcceptedCase } from "#tests/support/case-factories";
import { createQualifiedReviewer } from "#tests/support/roster-factories";
import { expect, test } from "./support/fixtures";
import { waitForEmail } from "./support/mail";
import { DEMO, demoParties } from "./support/portal";

/** A case of the demo patient accepted just now, which the demo coordinator looks after (and hears about declined offers). */
async function caseToAssign(details: { providerFacility: string; specialtyNeeded?: string }) {
  return createAcceptedCase({ ...(await demoParties()), details: { serviceDescription: "Allergen immunotherapy", ...details } });
}

/** A reviewer who qualifies today, named "Dr. <surname> <id>" so names sort by surname. */
function rosterReviewer(surname: string, specialty: string, affiliation?: { kind: "FACILITY"; name: string }) {
  return createQualifiedReviewer({
    name: `Dr. ${surname} ${crypto.randomBytes(2).toString("hex")}`,
    specialty,
    capacity: 3,
    affiliations: affiliation ? [affiliation] : [],
  });
}

/** The offer's path in the email the reviewer was sent. */
async function offerLinkFor(reviewer: { email: string }, reference: string): Promise<string> {
  const email = await waitForEmail(reviewer.email, new RegExp(`${reference}: a case is offered to you for review`));
  const match = email.match(/https?:\/\/[^\s"<>]+(\/review\/offers\/[0-9a-f-]{36})/);
  if (!match) throw new Error("No offer link in the email");
  return match[1]!;
}

async function offerTo(coordinator: Page, reviewer: { name: string }): Promise<void> {
  await coordinator
    .getByRole("row")
    .filter({ hasText: reviewer.name })
    .getByRole("button", { name: `Offer to ${reviewer.name}` })
    .click();
  await expect(coordinator.getByText("The offer is sent. Each reviewer was emailed and answers in the portal.")).toBeVisible();
  const current = coordinator.getByRole("region", { name: "On the case now" });
  await expect(current.getByRole("listitem").filter({ hasText: reviewer.name })).toContainText("Offer waiting for an answer");
}

test("the coordinator offers the case to a suggested reviewer, who accepts with the attestation and then sees the case", async ({
  page,
  pageAs,
  signInPageAs,
}) => {
  const facility = `Lakeside Allergy Center ${crypto.randomUUID().slice(0, 6)}`;
  const kase = await caseToAssign({ providerFacility: facility });
  const chosen = await rosterReviewer("Abbott", "allergy-and-immunology");
  const tied = await rosterReviewer("Tanaka", "allergy-and-immunology", { kind: "FACILITY", name: facility });

  const coordinator = await pageAs(DEMO.coordinator);
  await coordinator.goto(`/iro/cases/${kase.id}/assign`);
  await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText(`Reviewers for case ${kase.reference}`);
  await expect(coordinator.getByText("Save the specialty the case needs (above) to see which reviewers qualify.")).toBeVisible();
  // The applicant's provider details start the form.
  await expect(coordinator.getByLabel("Facility", { exact: true })).toHaveValue(facility);
  await expect(coordinator.getByLabel("Treating physician", { exact: true })).toHaveValue("Dr. Ann Lee");

  await coordinator.getByLabel("Specialty needed").selectOption({ label: "Allergy (Allergy and immunology)" });
  await coordinator.getByRole("button", { name: "Use this specialty" }).click();
  await expect(coordinator.getByText("The specialty is saved. The reviewers below are those who qualify for it.")).toBeVisible();

  // The qualified reviewer is suggested; the one tied to the facility is left out, with the reason.
  const suggestions = coordinator.getByRole("table", { name: /qualified reviewers?, best first/ });
  await expect(suggestions.getByRole("row").filter({ hasText: chosen.name })).toContainText("Same specialty: Allergy and immunology");
  await expect(suggestions).not.toContainText(tied.name);
  await coordinator.getByText(/ not suggested, with the reasons \(of this specialty; \d+ of other specialties not listed\)$/).click();
  await expect(coordinator.getByRole("listitem").filter({ hasText: tied.name })).toContainText(`affiliated with ${facility}`);
  // Reviewers of other specialties are listed on asking.
  await coordinator.getByRole("link", { name: /^Show all \d+ reviewers not suggested, other specialties too$/ }).click();
  await expect(coordinator.getByRole("listitem").filter({ hasText: "Dr. Sofia Marchetti" })).toContainText("affiliated with Evergreen Health Plan");

  await offerTo(coordinator, chosen);

  // The reviewer follows the emailed link: only the summary and the attestation until they sign.
  const link = await offerLinkFor(chosen, kase.reference);
  await signInPageAs(chosen);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Offer of case ${kase.reference}`);
  await expect(page.getByText("Allergy and immunology")).toBeVisible();
  await expect(page.getByRole("heading", { name: `No-conflict attestation for case ${kase.reference}` })).toBeVisible();
  await expect(page.getByText(`the facility where the treatment is or would be given (${facility})`)).toBeVisible();
  // The parties the attestation covers, the patient among them; the records stay closed.
  await expect(page.getByRole("region", { name: "Who is in the dispute" })).toContainText("Maria Lopez");
  const casePage = await page.request.get(`/review/cases/${kase.id}`);
  expect(casePage.status()).toBe(404);

  // Signing needs the box ticked; what was typed stays.
  await page.getByLabel("Type your full name to sign").fill(chosen.name);
  await page.getByRole("button", { name: "Accept the case and sign the attestation" }).click();
  await expect(page.getByText("Tick the box to attest that you have no conflict of interest in this case.")).toBeVisible();
  await expect(page.getByLabel("Type your full name to sign")).toHaveValue(chosen.name);
  await page.getByLabel("Each statement above is true for me on this case").check();
  await page.getByRole("button", { name: "Accept the case and sign the attestation" }).click();

  await expect(page).toHaveURL(`/review/cases/${kase.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${kase.reference}`);
  await expect(page.getByText("Maria Lopez, born Apr 12, 1979")).toBeVisible();

  // The coordinator sees the reviewer on the case, reviewing.
  await coordinator.reload();
  await expect(coordinator.getByRole("region", { name: "On the case now" }).getByRole("listitem").filter({ hasText: chosen.name })).toContainText("Reviewing");
  await expect(coordinator.getByRole("region", { name: "This case" })).toContainText("With the reviewer");
});

test("a declined offer goes back to the coordinator with the next suggestion ready", async ({ page, pageAs, signInPageAs }) => {
  const kase = await caseToAssign({ providerFacility: "Hillcrest Clinic", specialtyNeeded: "rheumatology" });
  const first = await rosterReviewer("Adler", "rheumatology");
  const next = await rosterReviewer("Brandt", "rheumatology");

  const coordinator = await pageAs(DEMO.coordinator);
  await coordinator.goto(`/iro/cases/${kase.id}/assign`);
  const suggestions = coordinator.getByRole("table", { name: /qualified reviewers?, best first/ });
  await expect(suggestions.getByRole("row").nth(1)).toContainText(first.name);
  await offerTo(coordinator, first);

  const link = await offerLinkFor(first, kase.reference);
  await signInPageAs(first);
  await page.goto(link);
  await page.getByRole("button", { name: "Decline the offer" }).click();
  await expect(page.getByText("Say why you decline, so the coordinator can find someone else.")).toBeVisible();
  await page.getByLabel("Why you decline").fill("I am away at a conference all week.");
  await page.getByRole("button", { name: "Decline the offer" }).click();
  await expect(page.getByText("You declined the offer. The coordinator was told and will offer the case to someone else.")).toBeVisible();
  await expect(page.getByText("You declined this offer.")).toBeVisible();

  // The subject is encoded (it has a dash), so the email is found by its text, whose heading is in capitals.
  const email = await waitForEmail(DEMO.coordinator, new RegExp(`${first.name} declined the offer\\s+Reference number: ${kase.reference}`, "i"));
  expect(email).toContain(`The next suggestion is ${next.name}: offer the case from its assignment page.`);

  await coordinator.reload();
  const history = coordinator.getByRole("table", { name: "Everyone this case was offered to who is no longer on it" });
  await expect(history.getByRole("row").filter({ hasText: first.name })).toContainText("Declined");
  await expect(history.getByRole("row").filter({ hasText: first.name })).toContainText("I am away at a conference all week.");
  await expect(suggestions.getByRole("row").nth(1)).toContainText(next.name);
  await expect(suggestions).not.toContainText(first.name);
  await expect(coordinator.getByText("No reviewer is on this case yet.")).toBeVisible();
  await offerTo(coordinator, next);
});
