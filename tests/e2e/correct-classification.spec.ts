import { createAcceptedCase } from "#tests/support/case-factories";
import { expect, test } from "./support/fixtures";
import { waitForEmail } from "./support/mail";
import { DEMO, demoParties } from "./support/portal";

test("a coordinator corrects an experimental denial filed as medical necessity: the clock and the panel change on the page", async ({ page, signInPageAs }) => {
  const parties = await demoParties();
  // Evergreen is under the NAIC profile: medical necessity gets one reviewer and 45 days to decide.
  const kase = await createAcceptedCase({
    ...parties,
    details: { serviceDescription: "Deep brain stimulation for depression", disputeType: "MEDICAL_NECESSITY", track: "STANDARD" },
  });
  await signInPageAs(DEMO.coordinator);
  await page.goto(`/iro/cases/${kase.id}`);
  const deadlines = page.getByRole("table", { name: "Deadlines on this case" });
  await expect(deadlines).toContainText("Decision due by");
  await expect(deadlines).not.toContainText("Reviewers' opinions");
  const correction = page.getByRole("region", { name: "Correct the dispute type or track" });
  await expect(correction).toContainText("One reviewer for now.");
  await expect(correction.getByRole("group", { name: "Type of dispute" }).getByLabel("Medical necessity")).toBeChecked();

  // No reason: the message sits next to the field, and nothing changed.
  await correction.getByRole("group", { name: "Type of dispute" }).getByLabel("Experimental/Investigational").check();
  await correction.getByRole("button", { name: "Correct the classification" }).click();
  await expect(page.getByText("Say why the dispute type or the track is corrected.")).toBeVisible();

  await correction.getByLabel("Why it is corrected").fill("The denial letter calls the stimulation investigational for depression.");
  await correction.getByRole("button", { name: "Correct the classification" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The dispute type and track are corrected" })).toBeVisible();

  await expect(page.getByRole("region", { name: "This case" })).toContainText("Experimental/Investigational");
  await expect(page.getByRole("region", { name: "Correct the dispute type or track" })).toContainText("A panel of 3 reviewers for now.");
  // NAIC: the decision clock from acceptance is now the reviewers' 20 days; the decision's 20 follow their opinions.
  await expect(deadlines).toContainText("Reviewers' opinions due by");
  await expect(deadlines).not.toContainText("Decision due by");
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Dispute type or track corrected");
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("The denial letter calls the stimulation investigational for depression.");

  const toPlan = await waitForEmail(DEMO.evergreenContact, new RegExp(`${kase.reference}: The review organization corrected how this case\\s+is classified`));
  expect(toPlan).not.toContain("stimulation investigational");
});
