import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { db } from "~/server/db.server";
import { createAcceptedCase } from "#tests/support/case-factories";
import { createQualifiedReviewer } from "#tests/support/roster-factories";
import { expect, test } from "./support/fixtures";
import { waitForEmail } from "./support/mail";
import { DEMO, demoParties } from "./support/portal";

/** A case of the demo patient accepted just now, looked after by the demo coordinator, in a specialty only this test's reviewer holds today. */
async function caseWithReviewer(specialty: string) {
  const tag = crypto.randomBytes(3).toString("hex");
  const kase = await createAcceptedCase({
    ...(await demoParties()),
    details: { serviceDescription: "Home sleep apnea testing", providerFacility: `Harbor Sleep Center ${tag}`, specialtyNeeded: specialty },
  });
  const reviewer = await createQualifiedReviewer({ name: `Dr. Hannah Brooks ${tag}`, specialty, capacity: 3 });
  return { kase, reviewer };
}

async function offerFromAssignPage(coordinator: Page, caseId: string, reviewer: { name: string }) {
  await coordinator.goto(`/iro/cases/${caseId}/assign`);
  await coordinator
    .getByRole("table", { name: /qualified reviewers?, best first/ })
    .getByRole("row")
    .filter({ hasText: reviewer.name })
    .getByRole("button", { name: `Offer to ${reviewer.name}` })
    .click();
  await expect(coordinator.getByText("The offer is sent. Each reviewer was emailed and answers in the portal.")).toBeVisible();
}

test("an administrator records an open disciplinary action: the reviewer's open offer is withdrawn and the coordinator sees why", async ({
  pageAs,
  makeUser,
}) => {
  const { kase, reviewer } = await caseWithReviewer("neurotology");
  const coordinator = await pageAs(DEMO.coordinator);
  await offerFromAssignPage(coordinator, kase.id, reviewer);

  const admin = await pageAs(await makeUser(["ADMIN"]));
  await admin.goto(`/iro/roster/${reviewer.id}`);
  const practice = admin.getByRole("region", { name: "Practice and verification" });
  await practice.getByLabel("Open disciplinary action").fill("Medical board accusation filed, hearing pending");
  await practice.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByRole("status")).toHaveText("The practice and verification details are saved.");

  await coordinator.reload();
  await expect(coordinator.getByRole("region", { name: "On the case now" })).toContainText("No reviewer is on this case yet.");
  const withdrawn = coordinator.getByRole("table", { name: "Everyone this case was offered to who is no longer on it" }).getByRole("row").filter({
    hasText: reviewer.name,
  });
  await expect(withdrawn).toContainText("Offer withdrawn");
  await expect(withdrawn).toContainText("No longer qualifies: open disciplinary action.");
  await coordinator.getByText(/not suggested, with the reasons/).click();
  await expect(coordinator.getByRole("listitem").filter({ hasText: reviewer.name })).toContainText("open disciplinary action");
  await waitForEmail(DEMO.coordinator, new RegExp(`was withdrawn: they no longer qualify\\s+Reference number: ${kase.reference}`, "i"));
});

test("a reviewer whose license was suspended since the offer is refused at acceptance with the reason, and the records stay closed", async ({
  page,
  pageAs,
  signInPageAs,
}) => {
  const { kase, reviewer } = await caseWithReviewer("neurotology");
  const coordinator = await pageAs(DEMO.coordinator);
  await offerFromAssignPage(coordinator, kase.id, reviewer);
  const offer = await db.reviewerAssignment.findFirstOrThrow({ where: { caseId: kase.id, reviewerId: reviewer.id } });
  // The license was recorded suspended by the board's feed, with no roster change in the portal.
  await db.reviewerLicense.updateMany({ where: { reviewerId: reviewer.id }, data: { status: "SUSPENDED" } });

  await signInPageAs(reviewer);
  await page.goto(`/review/offers/${offer.id}`);
  await page.getByLabel("Each statement above is true for me on this case").check();
  await page.getByLabel("Type your full name to sign").fill(reviewer.name);
  await page.getByRole("button", { name: "Accept the case and sign the attestation" }).click();
  await expect(page.getByText("You can no longer accept this case: license in CA suspended. The offer is withdrawn and the coordinator told.")).toBeVisible();
  expect((await page.request.get(`/review/cases/${kase.id}`)).status()).toBe(404);
  await page.reload();
  await expect(page.getByText("This offer was withdrawn, or you were released from the case.")).toBeVisible();
});
