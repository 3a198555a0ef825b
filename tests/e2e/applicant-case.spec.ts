import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { formatTableInstant } from "~/domain/format-instant";
import { bumpCaseVersion, createFiledCase, createInformationRequest, SMALL_PDF } from "#tests/support/case-factories";
import { db } from "~/server/db.server";
import { expect, test } from "./support/fixtures";
import { waitForEmail } from "./support/mail";
import { DEMO, demoParties } from "./support/portal";

const DAY = 86_400_000;

/** A request the demo patient filed with Evergreen just now. */
async function filedRequest(service: string) {
  const { applicantId, planId } = await demoParties();
  return createFiledCase({ applicantId, planId, details: { serviceDescription: service } });
}

test.beforeEach(async ({ signInPageAs }) => {
  await signInPageAs(DEMO.patient);
});

test("the applicant sees her deadlines in plain words and answers a request for information", async ({ page }) => {
  const kase = await filedRequest("Knee brace after a ligament tear");
  // Six days and two hours away: "6 days left" however long the page takes.
  const dueAt = new Date(Date.now() + 6 * DAY + 2 * 3_600_000);
  const due = formatDeadlineTime(dueAt, "America/New_York");
  await createInformationRequest({ caseId: kase.id, question: "Please send the letter from your physiotherapist.", dueAt });

  await page.goto(`/requests/${kase.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Request ${kase.reference}`);
  const status = page.getByRole("region", { name: "Where your request stands" });
  await expect(status).toContainText("Received");
  await expect(status).toContainText(`We need more information from you: answer our request below by ${due}.`);
  await expect(status).toContainText("We received your request. A coordinator will check that it can be reviewed. We will tell you by");
  const deadlines = page.getByRole("table", { name: "Deadlines on your request" });
  // In the table the date is short: the year only when it is not this year's.
  const dueInTable = formatTableInstant(dueAt, "America/New_York", new Date()).text;
  await expect(deadlines.getByRole("row").filter({ hasText: "Additional information" })).toContainText(
    `Additional information due by ${dueInTable} — 6 days left`,
  );
  await expect(deadlines.getByRole("row").filter({ hasText: "Additional information" })).toContainText("You");
  await expect(deadlines.getByRole("row").filter({ hasText: "Eligibility decision" })).toContainText("The review organization");
  await expect(page.getByRole("region", { name: "Requests for information" })).toContainText(`Answer due by ${due} — 6 days left`);

  await page.getByRole("link", { name: "Answer request 1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Answer our request for information");
  await expect(page.getByText("Please send the letter from your physiotherapist.")).toBeVisible();

  // Nothing typed and nothing attached: the message sits by the answer.
  await page.getByRole("button", { name: "Send your answer" }).click();
  await expect(page.getByText("Write your answer, or add a document that answers the question.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Your answer" })).toHaveAttribute("aria-invalid", "true");

  // A document answers too: picked, described, uploaded.
  await page.locator('input[type="file"]').setInputFiles({ name: "physio-letter.pdf", mimeType: "application/pdf", buffer: SMALL_PDF });
  await page.getByLabel("What is this document?").selectOption({ label: "Letter from a doctor" });
  await page.getByRole("button", { name: "Upload physio-letter.pdf" }).click();
  await expect(page.getByRole("table", { name: "Documents added to your answer" })).toContainText("physio-letter.pdf");

  // Someone changes the case meanwhile: told so, and the typed answer stays.
  await bumpCaseVersion(kase.id);
  await page.getByRole("textbox", { name: "Your answer" }).fill("The letter from my physiotherapist is attached.");
  await page.getByRole("button", { name: "Send your answer" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Someone changed this case while you were looking; here is the latest." })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Your answer" })).toHaveValue("The letter from my physiotherapist is attached.");

  await page.getByRole("button", { name: "Send your answer" }).click();
  await expect(page).toHaveURL(new RegExp(`/requests/${kase.id}\\?done=answered$`));
  await expect(page.getByRole("status").filter({ hasText: "Your answer was sent to the review organization." })).toBeVisible();
  const requests = page.getByRole("region", { name: "Requests for information" });
  await expect(requests).toContainText("Answered");
  await expect(requests).toContainText("The letter from my physiotherapist is attached.");
  await expect(requests.getByRole("table", { name: "Documents sent with request 1" })).toContainText("physio-letter.pdf");
  await expect(page.getByRole("link", { name: "Answer request 1" })).toHaveCount(0);
  await expect(deadlines.getByRole("row").filter({ hasText: "Additional information" })).toContainText(/Additional information met on .+ \(due by /);
  await expect(page.getByRole("region", { name: "What has happened so far" })).toContainText("Requested information sent");
});

test("the applicant withdraws a request through the confirmation screen, and the plan is told", async ({ page }) => {
  const kase = await filedRequest("Sleep study at a hospital");
  await page.goto(`/cases/${kase.reference}`);
  await expect(page).toHaveURL(new RegExp(`/requests/${kase.id}$`));

  await page.getByRole("link", { name: "Withdraw this request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Withdraw your request?");
  await expect(page.getByText("The independent review stops at once, and it cannot be started again.")).toBeVisible();

  // Changing one's mind leaves everything as it was.
  await page.getByRole("link", { name: "No, keep my request" }).click();
  await expect(page.getByRole("region", { name: "Where your request stands" })).toContainText("Received");

  await page.getByRole("link", { name: "Withdraw this request" }).click();
  await page.getByLabel("Why are you withdrawing? (optional)").fill("My plan agreed to pay after all.");
  await page.getByRole("button", { name: "Yes, withdraw my request" }).click();
  await expect(page).toHaveURL(new RegExp(`/requests/${kase.id}\\?done=withdrawn$`));
  await expect(page.getByRole("status").filter({ hasText: "Your request was withdrawn." })).toBeVisible();
  const status = page.getByRole("region", { name: "Where your request stands" });
  await expect(status).toContainText("Withdrawn");
  await expect(status).toContainText("You withdrew this request. The review has stopped and nothing more is due.");
  await expect(page.getByRole("table", { name: "Deadlines on your request" })).toContainText(/Eligibility decision stopped on .+ when the review ended/);
  await expect(page.getByRole("region", { name: "What has happened so far" })).toContainText("My plan agreed to pay after all.");
  await expect(page.getByRole("link", { name: "Withdraw this request" })).toHaveCount(0);

  const email = await waitForEmail(DEMO.evergreenContact, new RegExp(`${kase.reference}: The applicant withdrew the request`));
  expect(email).not.toContain("My plan agreed to pay");
  await waitForEmail(DEMO.patient, new RegExp(`${kase.reference}: Your request was withdrawn`));

  // Going back to the confirmation screen says why it cannot be done twice.
  await page.goto(`/requests/${kase.id}/withdraw`);
  await expect(page.getByText("This request is already withdrawn.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Yes, withdraw my request" })).toHaveCount(0);
});

test("an expedited request waiting for the doctor's certification shows the to-do until the applicant uploads it", async ({ page }) => {
  const { applicantId, planId } = await demoParties();
  const kase = await createFiledCase({
    applicantId,
    planId,
    details: {
      serviceDescription: "Surgery after a fall",
      track: "EXPEDITED",
      expeditedReason: "Admitted through the emergency room",
      certificationToFollow: true,
    },
  });
  await page.goto(`/requests/${kase.id}`);
  const todo = page.getByRole("region", { name: "Your doctor's certification is still needed" });
  await expect(todo).toContainText("that waiting for a standard review would seriously put the patient's life or health at risk");
  await expect(todo).toContainText("that the patient was admitted to hospital in an emergency and has not been discharged yet.");
  await expect(todo).toContainText("The rules set no deadline of its own for it");
  await expect(todo).toContainText(/Ask the doctor to give or send the signed certification to you, then upload it here\..*Questions\? Call .+ at [\d-]+\./);

  const uploader = todo.getByRole("group", { name: "Upload the doctor's certification" });
  const chooser = page.waitForEvent("filechooser");
  await uploader.getByRole("button", { name: "Choose files" }).click();
  await (await chooser).setFiles({ name: "dr-lee-certification.pdf", mimeType: "application/pdf", buffer: SMALL_PDF });
  // The only kind it takes is already chosen.
  await expect(uploader.getByLabel("What is this document?")).toHaveValue("PHYSICIAN_CERTIFICATION");
  await uploader.getByRole("button", { name: "Upload dr-lee-certification.pdf" }).click();

  await expect(todo).toHaveCount(0);
  await expect(page.getByRole("region", { name: "What has happened so far" })).toContainText("The doctor's certification for the expedited review arrived");
  await expect(page.getByRole("table", { name: "Documents you sent" })).toContainText("dr-lee-certification.pdf");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Request " + kase.reference })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your doctor's certification is still needed" })).toHaveCount(0);
  expect(await db.caseEvent.count({ where: { caseId: kase.id, type: "certification_received" } })).toBe(1);
});
