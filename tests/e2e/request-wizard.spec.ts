import crypto from "node:crypto";
import fs from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { addDaysToLocalDate, localDate } from "~/domain/deadlines/time-zone";
import { SMALL_PDF as PDF } from "#tests/support/case-factories";
import { db } from "~/server/db.server";
import { expect, test } from "./support/fixtures";
import { waitForEmail } from "./support/mail";
import { createDraft as createDraftCase, DEMO } from "./support/portal";

// The request wizard as an applicant meets it: every step in the browser,
// documents through the uploader, the review, the signature and the filing.
// Each test signs in as a fresh applicant of its own.

/** The first bytes of a Windows program: what a file renamed "letter.pdf" may really be. */
const PROGRAM = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), crypto.randomBytes(64 * 1024)]);

const TODAY = localDate(new Date(), "America/New_York");
const RECENT = addDaysToLocalDate(TODAY, -12);
const REFERENCE = /^IMR-\d{4}-\d{6}$/;

/** What a test types, and what must never reach an email. */
const ANSWERS = {
  birthDate: "1961-04-17",
  address: "12 Elm Street\nSpringfield, IL 62704",
  phone: "(555) 010-2345",
  memberId: "EVG-448812",
  service: "Cardiac rehabilitation after a heart attack",
  provider: "Dr. Ana Ruiz",
  planReason: "The plan says twelve sessions are enough.",
  statement: "My cardiologist says I need the full program to return to work safely.",
};

type Step = "filer" | "patient" | "plan" | "denial" | "appeal" | "urgency" | "statement" | "documents";

const saveAndContinue = (page: Page) => page.getByRole("button", { name: "Save and continue" }).click();

async function expectStep(page: Page, number: number, title: string) {
  await expect(page.getByText(`Step ${number} of 9: ${title}`)).toBeVisible();
}

/** From the applicant's empty home, through what filing takes, a new request at its first step. */
async function startRequest(page: Page) {
  await page.getByRole("link", { name: "Start a new request" }).click();
  await expect(page).toHaveURL(/\/requests\/new$/);
  await expect(page.getByRole("heading", { name: "Have these at hand" })).toBeVisible();
  await page.getByRole("button", { name: "Start my request" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}\/edit\/filer$/);
  return page.url().match(/\/requests\/([0-9a-f-]{36})\//)![1]!;
}

interface Filing {
  filedBy: "patient" | "representative";
  patientName?: string;
  track: "standard" | "expedited";
  /** Stop before this step, leaving the wizard on it. */
  until?: Step;
}

/** Fills the steps from "who is filing" to "why you disagree", as a person would. */
async function fillSteps(page: Page, filing: Filing) {
  await expectStep(page, 1, "Who is filing");
  if (filing.filedBy === "patient") {
    await page.getByLabel("I am the patient").check();
  } else {
    await page.getByLabel("I am filing for the patient (a representative)").check();
    await expect(page.getByRole("group", { name: "How are you related to the patient?" })).toContainText("Without it the request cannot be sent.");
    await page.getByLabel("Parent or guardian of a child under 18").check();
  }
  await saveAndContinue(page);
  if (filing.until === "patient") return;

  await expectStep(page, 2, "The patient");
  if (filing.patientName) await page.getByLabel("Full legal name").fill(filing.patientName);
  await page.getByLabel("Date of birth").fill(ANSWERS.birthDate);
  await page.getByLabel("Female").check();
  await page.getByLabel("Home address").fill(ANSWERS.address);
  await page.getByLabel("Phone number").fill(ANSWERS.phone);
  await page.getByLabel("Member ID").fill(ANSWERS.memberId);
  await saveAndContinue(page);
  if (filing.until === "plan") return;

  await expectStep(page, 3, "The plan");
  await page.getByLabel("Evergreen Health Plan").check();
  await saveAndContinue(page);
  if (filing.until === "denial") return;

  await expectStep(page, 4, "The denial");
  await page.getByLabel("Date of the plan's final denial").fill(RECENT);
  await page.getByLabel("What treatment, drug or test was denied?").fill(ANSWERS.service);
  // Typed without the dot, as on many letters: stored and shown as E11.9.
  await page.getByLabel("Diagnosis codes (ICD-10), if you know them (optional)").fill("I219, E119");
  await page.getByLabel("Doctor or other provider who asked for the treatment").fill(ANSWERS.provider);
  await page.getByLabel("Why did the plan say no?").fill(ANSWERS.planReason);
  await page.getByLabel("Not medically necessary").check();
  await saveAndContinue(page);

  await expectStep(page, 5, "Internal appeal");
  if (filing.track === "expedited") {
    await page.getByLabel("No, and it is not needed in my case").check();
    await page.getByLabel("The patient's health cannot wait").check();
  } else {
    await page.getByLabel("Yes, the plan decided my internal appeal").check();
    await page.getByLabel("Date of the plan's appeal decision").fill(RECENT);
  }
  await saveAndContinue(page);

  await expectStep(page, 6, "Urgency");
  if (filing.track === "expedited") {
    await page.getByLabel("Expedited (urgent) review").check();
    await page.getByLabel("Why can the patient not wait?").fill("She is in hospital after an emergency admission.");
    await page.getByLabel("The doctor will send it later").check();
  } else {
    await page.getByLabel("Standard review").check();
  }
  await saveAndContinue(page);

  await expectStep(page, 7, "Why you disagree");
  await page.getByLabel("Why do you think the plan is wrong?").fill(ANSWERS.statement);
  await saveAndContinue(page);
  await expectStep(page, 8, "Documents");
}

/** Picks files in the uploader, says what each one is, and uploads them. */
async function upload(page: Page, files: { name: string; kind: string; buffer?: Buffer }[]) {
  const uploader = page.getByRole("group", { name: "Add documents" });
  // The per-file limit comes from the server: once shown, the browser checks sizes too.
  await expect(uploader).toContainText("Up to 100 MB a file");
  const chooser = page.waitForEvent("filechooser");
  await uploader.getByRole("button", { name: "Choose files" }).click();
  await (await chooser).setFiles(files.map((file) => ({ name: file.name, mimeType: "application/pdf", buffer: file.buffer ?? PDF })));
  for (const file of files) {
    await uploader.getByRole("listitem").filter({ hasText: file.name }).getByLabel("What is this document?").selectOption({ label: file.kind });
  }
  await uploader.getByRole("button", { name: files.length > 1 ? `Upload all ${files.length} files` : `Upload ${files[0]!.name}` }).click();
  const list = page.getByRole("table", { name: "Documents you added" });
  for (const file of files) await expect(list.getByRole("row", { name: new RegExp(file.name.replace(".", "\\.")) })).toContainText(file.kind);
  await expect(uploader.getByRole("listitem")).toHaveCount(0);
}

/** Ticks the consent, signs with the name and sends; answers the reference shown. */
async function signAndSend(page: Page, name: string): Promise<string> {
  await page.getByLabel("I authorize the release of medical records").check();
  await page.getByLabel("Type your full name to sign").fill(name);
  await page.getByRole("button", { name: "Sign and send my request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your request was sent");
  const reference = (await page.locator(".reference").textContent()) ?? "";
  expect(reference).toMatch(REFERENCE);
  return reference;
}

function reviewSection(page: Page, name: string): Locator {
  return page.getByRole("region", { name });
}

test("a patient files a standard request with two documents, sees it on her home and gets a confirmation without medical details", async ({
  page,
  loginAs,
}) => {
  const patient = await loginAs("APPLICANT");
  const caseId = await startRequest(page);
  await fillSteps(page, { filedBy: "patient", track: "standard" });

  // Only the denial letter is required of a patient filing a standard request.
  const checklist = page.getByRole("list", { name: "What your request needs" });
  await expect(checklist.getByRole("listitem")).toHaveCount(1);
  await expect(checklist).toContainText("Still needed Denial letter");
  await upload(page, [
    { name: "denial-letter.pdf", kind: "Denial letter" },
    { name: "cardiology-notes.pdf", kind: "Medical records" },
  ]);
  await expect(checklist).toContainText("Added Denial letter");
  await saveAndContinue(page);

  // The review shows everything entered, each part with its change link.
  await expectStep(page, 9, "Review and sign");
  await expect(page.getByRole("region", { name: "Before you can send your request" })).toHaveCount(0);
  const patientPart = reviewSection(page, "The patient");
  await expect(patientPart).toContainText(patient.name); // filled from the account: she is the patient
  await expect(patientPart).toContainText(ANSWERS.memberId);
  await expect(patientPart).toContainText(ANSWERS.phone);
  await expect(reviewSection(page, "The plan")).toContainText("Evergreen Health Plan");
  const denialPart = reviewSection(page, "The denial");
  await expect(denialPart).toContainText(ANSWERS.service);
  await expect(denialPart).toContainText("I21.9, E11.9");
  await expect(denialPart).toContainText("Not medically necessary");
  await expect(reviewSection(page, "Internal appeal")).toContainText("Decided on");
  await expect(reviewSection(page, "Urgency")).toContainText("Standard review");
  await expect(reviewSection(page, "Why you disagree")).toContainText(ANSWERS.statement);
  const documents = page.getByRole("table", { name: "Documents sent with the request" });
  await expect(documents).toContainText("denial-letter.pdf");
  await expect(documents).toContainText("cardiology-notes.pdf");

  // A change link leads to the step and back to the review, with the change kept.
  await page.getByRole("link", { name: "Change the patient" }).click();
  await expect(page.getByLabel("Member ID")).toHaveValue(ANSWERS.memberId);
  await page.getByLabel("Group number (optional)").fill("GRP-77");
  await saveAndContinue(page);
  await expect(page).toHaveURL(new RegExp(`/requests/${caseId}/review$`));
  await expect(reviewSection(page, "The patient")).toContainText("GRP-77");

  // Signing needs the box ticked and a name typed; the messages sit by each.
  await page.getByRole("button", { name: "Sign and send my request" }).click();
  await expect(page.getByText("Tick the box to authorize the release of medical records.")).toBeVisible();
  await expect(page.getByText("Type your full name to sign.")).toBeVisible();

  const reference = await signAndSend(page, patient.name);

  await page.getByRole("link", { name: "Back to my requests" }).click();
  const sent = page.getByRole("table", { name: "Requests you sent, newest activity first" });
  const row = sent.getByRole("row", { name: new RegExp(reference) });
  await expect(row).toContainText("Received");
  await expect(row).toContainText(ANSWERS.service);
  await expect(row).toContainText("Evergreen Health Plan");
  await expect(page.getByRole("region", { name: "Requests not sent yet" })).toHaveCount(0);

  const email = await waitForEmail(patient.email, new RegExp(`${reference}: we received`));
  expect(email).toContain(`/cases/${reference}`);
  for (const detail of [ANSWERS.service, ANSWERS.provider, ANSWERS.planReason, ANSWERS.statement, ANSWERS.memberId, "E11.9", patient.name]) {
    expect(email).not.toContain(detail);
  }
  // The coordinators are told too, with the reference alone.
  const notice = await waitForEmail(DEMO.coordinator, new RegExp(`${reference}: new request`));
  expect(notice).not.toContain(ANSWERS.service);
});

test("a representative cannot send the request without the authorization, and can once it is uploaded", async ({ page, loginAs }) => {
  const representative = await loginAs("APPLICANT");
  await startRequest(page);
  await fillSteps(page, { filedBy: "representative", patientName: "Lucía Gómez", track: "standard" });

  const checklist = page.getByRole("list", { name: "What your request needs" });
  await expect(checklist).toContainText("Still needed Authorization to act for the patient");
  await upload(page, [{ name: "denial-letter.pdf", kind: "Denial letter" }]);
  await saveAndContinue(page);

  // The review says what is missing and where to add it; sending is refused.
  const missing = page.getByRole("region", { name: "Before you can send your request" });
  await expect(missing).toContainText("Upload the authorization that lets you act for the patient");
  await expect(reviewSection(page, "Who is filing")).toContainText("Parent or guardian of a child under 18");
  await page.getByLabel("I authorize the release of medical records").check();
  await page.getByLabel("Type your full name to sign").fill(representative.name);
  await page.getByRole("button", { name: "Sign and send my request" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Your request cannot be sent yet." })).toBeVisible();
  // What was typed is still there.
  await expect(page.getByLabel("Type your full name to sign")).toHaveValue(representative.name);
  expect(await db.case.count({ where: { applicantId: representative.id, status: { not: "DRAFT" } } })).toBe(0);

  await missing.getByRole("link", { name: "Go to documents" }).click();
  await upload(page, [{ name: "guardianship.pdf", kind: "Authorization to act for the patient" }]);
  await expect(checklist).toContainText("Added Authorization to act for the patient");
  await saveAndContinue(page);
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole("region", { name: "Before you can send your request" })).toHaveCount(0);
  const reference = await signAndSend(page, representative.name);

  expect(await db.case.findUnique({ where: { reference }, select: { status: true, filedBy: true, consentSignedName: true } })).toEqual({
    status: "SUBMITTED",
    filedBy: "REPRESENTATIVE",
    consentSignedName: representative.name,
  });
});

test("an expedited request is filed with the doctor's certification to follow", async ({ page, loginAs }) => {
  const patient = await loginAs("APPLICANT");
  await startRequest(page);
  await fillSteps(page, { filedBy: "patient", track: "expedited" });

  // The certification follows, so the denial letter alone is needed now.
  const checklist = page.getByRole("list", { name: "What your request needs" });
  await expect(checklist.getByRole("listitem")).toHaveCount(1);
  await expect(checklist).not.toContainText("certification");
  await upload(page, [{ name: "denial-letter.pdf", kind: "Denial letter" }]);
  await saveAndContinue(page);

  const urgency = reviewSection(page, "Urgency");
  await expect(urgency).toContainText("Expedited (urgent) review");
  await expect(urgency).toContainText("The doctor will send it later");
  await expect(reviewSection(page, "Internal appeal")).toContainText("Not needed: the patient's health cannot wait");
  const reference = await signAndSend(page, patient.name);
  await expect(page.getByText("as an expedited request, within hours")).toBeVisible();

  await page.getByRole("link", { name: "Back to my requests" }).click();
  await expect(page.getByRole("row", { name: new RegExp(reference) })).toContainText("Expedited");
  expect(await db.case.findUnique({ where: { reference }, select: { status: true, track: true, certificationToFollow: true } })).toEqual({
    status: "SUBMITTED",
    track: "EXPEDITED",
    certificationToFollow: true,
  });
  await waitForEmail(DEMO.coordinator, new RegExp(`${reference}: new EXPEDITED`));
});

test("a draft is resumed after signing out and in, where it was left, and going back loses nothing", async ({ page, loginAs, signInPageAs }) => {
  const applicant = await loginAs("APPLICANT");
  const caseId = await startRequest(page);
  await fillSteps(page, { filedBy: "patient", track: "standard", until: "denial" });

  // A denial older than the plan's 4-month window: warned, asked why, still allowed.
  const old = addDaysToLocalDate(TODAY, -200);
  await page.getByLabel("Date of the plan's final denial").fill(old);
  await expect(page.getByRole("status").filter({ hasText: "This request is past the usual deadline" })).toContainText("within 4 months of the final denial");
  await page.getByLabel("What treatment, drug or test was denied?").fill(ANSWERS.service);
  await saveAndContinue(page);
  await expect(page.getByText("Say why the request could not be filed sooner.")).toBeVisible();
  await expect(page.getByLabel("What treatment, drug or test was denied?")).toHaveValue(ANSWERS.service);
  await page.getByLabel("Why could the request not be sent sooner?").fill("I was in hospital for three months.");
  await page.getByRole("button", { name: "Save and finish later" }).click();

  // Home lists the draft with where it resumes.
  await expect(page).toHaveURL(/\/requests\?saved=/);
  await expect(page.getByRole("status").filter({ hasText: "Your answers are saved." })).toBeVisible();
  const drafts = page.getByRole("region", { name: "Requests not sent yet" });
  await expect(drafts).toContainText(ANSWERS.service);
  await expect(drafts).toContainText("Evergreen Health Plan");
  await expect(drafts).toContainText("Next: The denial");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signInPageAs(applicant);
  await page.goto("/requests");
  await page
    .getByRole("region", { name: "Requests not sent yet" })
    .getByRole("link", { name: /^Continue/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/requests/${caseId}/edit/denial$`));
  await expect(page.getByLabel("Date of the plan's final denial")).toHaveValue(old);
  await expect(page.getByLabel("What treatment, drug or test was denied?")).toHaveValue(ANSWERS.service);
  await expect(page.getByLabel("Why could the request not be sent sooner?")).toHaveValue("I was in hospital for three months.");

  // Back, with a half-done step, saves it and keeps the earlier steps as they were.
  await page.getByLabel("Doctor or other provider who asked for the treatment").fill(ANSWERS.provider);
  await page.getByRole("button", { name: "Back", exact: true }).click();
  await expectStep(page, 3, "The plan");
  await expect(page.getByLabel("Evergreen Health Plan")).toBeChecked();
  await page.getByRole("button", { name: "Back", exact: true }).click();
  await expectStep(page, 2, "The patient");
  await expect(page.getByLabel("Member ID")).toHaveValue(ANSWERS.memberId);
  await expect(page.getByLabel("Phone number")).toHaveValue(ANSWERS.phone);
  await expect(page.getByLabel("Female")).toBeChecked();
  await saveAndContinue(page);
  await expectStep(page, 3, "The plan");
  await saveAndContinue(page);
  await expectStep(page, 4, "The denial");
  await expect(page.getByLabel("Doctor or other provider who asked for the treatment")).toHaveValue(ANSWERS.provider);
  await expect(page.getByLabel("Why could the request not be sent sooner?")).toHaveValue("I was in hospital for three months.");
});

test("a wrong kind of file and a file over 100 MB are refused with their reasons, and the other files keep their answers", async ({
  page,
  loginAs,
}, testInfo) => {
  const applicant = await loginAs("APPLICANT");
  const caseId = await createDraftCase(applicant.email);
  // Too big to hand over as a buffer; a sparse file of 101 MB costs no disk.
  const oversized = testInfo.outputPath("scan.pdf");
  fs.writeFileSync(oversized, PDF);
  fs.truncateSync(oversized, 101 * 1024 * 1024);
  const renamedProgram = testInfo.outputPath("letter.pdf");
  fs.writeFileSync(renamedProgram, PROGRAM);

  await page.goto(`/requests/${caseId}/edit/documents`);
  const uploader = page.getByRole("group", { name: "Add documents" });
  await expect(uploader).toContainText("Up to 100 MB a file");
  let chooser = page.waitForEvent("filechooser");
  await uploader.getByRole("button", { name: "Choose files" }).click();
  await (await chooser).setFiles({ name: "denial-letter.pdf", mimeType: "application/pdf", buffer: PDF });
  const good = uploader.getByRole("listitem").filter({ hasText: "denial-letter.pdf" });
  await good.getByLabel("What is this document?").selectOption({ label: "Denial letter" });

  chooser = page.waitForEvent("filechooser");
  await uploader.getByRole("button", { name: "Choose files" }).click();
  await (await chooser).setFiles([renamedProgram, oversized]);
  const program = uploader.getByRole("listitem").filter({ hasText: "letter.pdf" }).filter({ hasNotText: "denial" });
  const tooLarge = uploader.getByRole("listitem").filter({ hasText: "scan.pdf" });
  await expect(program.getByRole("alert")).toContainText("not a PDF, JPEG, PNG, TIFF or Word (DOCX) document");
  await expect(tooLarge.getByRole("alert")).toContainText("larger than 100 MB");
  await expect(program.getByRole("button", { name: /^Upload/ })).toHaveCount(0);
  await expect(tooLarge.getByRole("button", { name: /^Upload/ })).toHaveCount(0);
  // The file picked first keeps what it was said to be.
  await expect(good.getByLabel("What is this document?")).toHaveValue("DENIAL_LETTER");

  await good.getByRole("button", { name: "Upload denial-letter.pdf" }).click();
  await expect(page.getByRole("table", { name: "Documents you added" }).getByRole("row", { name: /denial-letter\.pdf/ })).toContainText("Denial letter");
  // The refused files stay listed with their reasons until removed.
  await expect(program.getByRole("alert")).toBeVisible();
  await expect(tooLarge.getByRole("alert")).toBeVisible();
  await expect(page.getByRole("list", { name: "What your request needs" })).toContainText("Added Denial letter");
  expect(await db.document.findMany({ where: { caseId }, select: { fileName: true } })).toEqual([{ fileName: "denial-letter.pdf" }]);
});

test.describe("a file picked on the documents step is never lost by leaving it", () => {
  test.beforeEach(async ({ signInPageAs }) => {
    await signInPageAs(DEMO.patient);
  });

  async function pick(page: Page, name: string) {
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("group", { name: "Add documents" }).getByRole("button", { name: "Choose files" }).click();
    await (await chooser).setFiles({ name, mimeType: "application/pdf", buffer: PDF });
  }

  test("Save and continue, a link and closing the tab are stopped while a picked file is not uploaded; uploaded, it reaches the review", async ({ page }) => {
    const caseId = await createDraftCase();
    await page.goto(`/requests/${caseId}/edit/documents`);
    await pick(page, "denial.pdf");
    const uploader = page.getByRole("group", { name: "Add documents" });
    const stopped = uploader.getByRole("alert").filter({ hasText: "is not uploaded yet" });

    await saveAndContinue(page);
    await expect(stopped).toHaveText('Your file "denial.pdf" is not uploaded yet: upload it or remove it before leaving this step.');
    await expect(stopped).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`/requests/${caseId}/edit/documents$`));
    await page.getByRole("main").getByRole("link", { name: "My requests" }).click();
    await expect(stopped).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`/requests/${caseId}/edit/documents$`));

    // Closing the tab asks first; staying keeps the file in the list.
    const asked = page.waitForEvent("dialog");
    await page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe("beforeunload");
    await dialog.dismiss();
    await expect(uploader.getByRole("listitem").filter({ hasText: "denial.pdf" })).toBeVisible();

    const row = uploader.getByRole("listitem").filter({ hasText: "denial.pdf" });
    await row.getByLabel("What is this document?").selectOption({ label: "Denial letter" });
    await row.getByRole("button", { name: "Upload denial.pdf" }).click();
    await expect(page.getByRole("table", { name: "Documents you added" })).toContainText("denial.pdf");
    await expect(stopped).toHaveCount(0);
    await saveAndContinue(page);
    await expect(page).toHaveURL(new RegExp(`/requests/${caseId}/review$`));
    await expect(page.getByRole("table", { name: "Documents sent with the request" })).toContainText("denial.pdf");
  });

  test("Back is stopped while an upload is still on its way, and goes once the file is added", async ({ page }) => {
    const caseId = await createDraftCase();
    // The upload is held until the test lets it through.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/documents\?.*kind=/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/requests/${caseId}/edit/documents`);
    await pick(page, "records.pdf");
    const uploader = page.getByRole("group", { name: "Add documents" });
    const row = uploader.getByRole("listitem").filter({ hasText: "records.pdf" });
    await row.getByLabel("What is this document?").selectOption("MEDICAL_RECORDS");
    await row.getByRole("button", { name: "Upload records.pdf" }).click();
    await expect(row.getByRole("progressbar", { name: "Upload progress of records.pdf" })).toBeVisible();

    await page.getByRole("button", { name: "Back" }).click();
    await expect(uploader.getByRole("alert").filter({ hasText: "still uploading" })).toHaveText(
      'Your file "records.pdf" is still uploading: wait until it is added, or cancel it, before leaving this step.',
    );
    await expect(page).toHaveURL(new RegExp(`/requests/${caseId}/edit/documents$`));

    release();
    await expect(page.getByRole("table", { name: "Documents you added" })).toContainText("records.pdf");
    await expect(uploader.getByRole("alert")).toHaveCount(0);
    await page.getByRole("button", { name: "Back" }).click();
    await expect(page).toHaveURL(new RegExp(`/requests/${caseId}/edit/statement$`));
  });
});

test.describe("the documents step without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the file chosen goes with Save and continue and is listed on the review; one refused keeps the step with the reason", async ({
    page,
    signInPageAs,
  }) => {
    await signInPageAs(DEMO.patient);
    const caseId = await createDraftCase();
    await page.goto(`/requests/${caseId}/edit/documents`);
    await page.getByLabel("Choose a file").setInputFiles({ name: "program.pdf", mimeType: "application/pdf", buffer: PROGRAM });
    await page.getByLabel("What is this document?").selectOption({ label: "Medical records" });
    await saveAndContinue(page);
    await expect(page.getByText('"program.pdf" was not added: This file is not a PDF, JPEG, PNG, TIFF or Word (DOCX) document')).toBeVisible();
    await expect(page.getByLabel("Choose a file")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Choose a file").setInputFiles({ name: "denial.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByLabel("What is this document?").selectOption({ label: "Denial letter" });
    await saveAndContinue(page);
    await expect(page).toHaveURL(new RegExp(`/requests/${caseId}/review$`));
    await expect(page.getByRole("table", { name: "Documents sent with the request" })).toContainText("denial.pdf");
    expect(await db.document.findMany({ where: { caseId }, select: { fileName: true, kind: true } })).toEqual([
      { fileName: "denial.pdf", kind: "DENIAL_LETTER" },
    ]);
  });
});
