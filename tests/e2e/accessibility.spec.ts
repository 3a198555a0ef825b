/**
 * Every page of the portal, in each state that renders differently (empty,
 * filled, a form's messages, a confirmation), checked once by axe. Each test
 * names the pages (their paths in app/routes.ts) it visits; the first test
 * fails when a page is added to app/routes.ts without a visit here.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { db } from "~/server/db.server";
import { issueToken } from "~/server/auth/tokens.server";
import { offerCase } from "~/server/assignment/offer-case.server";
import { APP_ROUTES } from "#tests/support/app-routes";
import {
  createAcceptedCase,
  createCaseInReview,
  createFiledCase,
  createInformationRequest,
  createPlanActionCase,
  SMALL_PDF,
} from "#tests/support/case-factories";
import { approveSubmittedDetermination, submitSignedDetermination } from "#tests/support/determination-factories";
import { actorFor, createUser, PASSWORD, sessionUserOf } from "#tests/support/factories";
import { multiPagePdf } from "#tests/support/multi-page-pdf";
import { solidPng } from "#tests/support/images";
import { createQualifiedReviewer } from "#tests/support/roster-factories";
import { authenticatorCode, expect, signIn, test } from "./support/fixtures";
import { createDraft, DEMO, demoParties, evergreenPlanId, userByEmail } from "./support/portal";

/** The first bytes of a Windows program: refused whatever its name says. */
const PROGRAM = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(1024)]);

/** The pages of app/routes.ts (route modules with a component, .tsx), as their full paths. */
const PAGE_PATHS = APP_ROUTES.filter((route) => route.file.endsWith(".tsx")).map((route) => route.path);

const VISITED: string[] = [];

type Fixtures = Parameters<Parameters<typeof test>[2]>[0];
type Check = (page: Page, route: string, state: string) => Promise<void>;

/**
 * A test that visits these pages (paths as in app/routes.ts) and checks each
 * state with `check`; it fails if it leaves one of them out.
 */
function pages(title: string, paths: string[], body: (fixtures: Fixtures & { check: Check }, testInfo: TestInfo) => Promise<void>) {
  VISITED.push(...paths);
  // Playwright sets up the fixtures a test names here.
  test(`${title}: ${paths.length} pages`, async ({ page, consoleErrors, makeUser, loginAs, signInPageAs, pageAs }, testInfo) => {
    const checked = new Set<string>();
    const check: Check = async (page, route, state) => {
      expect(paths, `${route} is one of this test's pages`).toContain(route);
      checked.add(route);
      // axe reads every node of the page: each check brings its own time, so a test's allowance grows with its checks.
      testInfo.setTimeout(testInfo.timeout + 12_000);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const found = violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
      expect.soft(found, `${route}, ${state} (${page.url()})`).toEqual([]);
    };
    await body({ page, consoleErrors, makeUser, loginAs, signInPageAs, pageAs, check } as Fixtures & { check: Check }, testInfo);
    expect([...checked].sort()).toEqual([...paths].sort());
  });
}

test("every page in app/routes.ts has its accessibility checked here", () => {
  expect([...new Set(VISITED)].sort()).toEqual([...new Set(PAGE_PATHS)].sort());
});

pages(
  "signed out: welcome, sign-in, sign-up, links from emails, letter check, not found",
  ["", "login", "signup", "forgot-password", "reset-password", "verify-email", "invitation", "verify", "*"],
  async ({ page, consoleErrors, check }) => {
    consoleErrors.allow(/status of 404/);
    await page.goto("/");
    await check(page, "", "welcome");
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#field-email-error")).toBeVisible();
    await check(page, "login", "with a message by each empty field");
    await page.goto("/signup");
    await page.getByRole("button", { name: "Create my account" }).click();
    await expect(page.locator("#field-email-error")).toBeVisible();
    await check(page, "signup", "with its messages");
    await page.goto("/forgot-password");
    await check(page, "forgot-password", "the form");

    const user = await createUser({ roles: ["APPLICANT"], verified: false });
    const token = (kind: "EMAIL_VERIFICATION" | "PASSWORD_RESET" | "INVITATION") => db.$transaction((tx) => issueToken(tx, user.id, kind));
    await page.goto(`/reset-password?token=${await token("PASSWORD_RESET")}`);
    await check(page, "reset-password", "a working link: the new password form");
    await page.goto(`/verify-email?token=${await token("EMAIL_VERIFICATION")}`);
    await check(page, "verify-email", "a working link: the confirm button");
    await page.goto(`/invitation?token=${await token("INVITATION")}`);
    await check(page, "invitation", "a working link: the password form");
    await page.goto("/invitation?token=not-a-token");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
    await check(page, "invitation", "a link that no longer works");

    await page.goto("/verify");
    await check(page, "verify", "the two ways to check a letter");
    await page.goto("/no/such/page");
    await check(page, "*", "the friendly 404 page");
  },
);

pages(
  "second factor: setting one up at the first sign-in, the second step, managing one's factors",
  ["login/set-up-second-factor", "login/second-factor", "account/second-factor"],
  async ({ page, makeUser, check }) => {
    const newcomer = await createUser({ roles: ["COORDINATOR"] });
    await signIn(page, newcomer.email, PASSWORD);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up your second factor");
    await check(page, "login/set-up-second-factor", "a passkey or an authenticator app");
    await page.context().clearCookies();

    const user = await makeUser(["REVIEWER"]);
    await signIn(page, user.email, user.password);
    await page.getByLabel(/Code from your authenticator app/).fill("000000");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator("#field-code-error")).toBeVisible();
    await check(page, "login/second-factor", "with the message by the code");
    await page.getByLabel(/Code from your authenticator app/).fill(await authenticatorCode(user.authenticatorSecret!));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/review$/);
    await page.goto("/account/second-factor");
    await page.getByRole("button", { name: "Make new recovery codes" }).click();
    await expect(page.getByRole("list", { name: "Recovery codes" })).toBeVisible();
    await check(page, "account/second-factor", "an authenticator app, no passkeys, new recovery codes shown");
  },
);

const saveAndContinue = (page: Page) => page.getByRole("button", { name: "Save and continue" }).click();
const expectStep = (page: Page, number: number, title: string) => expect(page.getByText(`Step ${number} of 9: ${title}`)).toBeVisible();

pages(
  "an applicant filing a request: home, start, each step of the form with its messages, the review",
  ["requests", "requests/new", "requests/:caseId/edit/:step", "requests/:caseId/review"],
  async ({ page, loginAs, check }) => {
    const applicant = await loginAs("APPLICANT");
    await check(page, "requests", "no request yet");
    await page.getByRole("link", { name: "Start a new request" }).click();
    await check(page, "requests/new", "what filing takes");
    await page.getByRole("button", { name: "Start my request" }).click();
    await expectStep(page, 1, "Who is filing");
    await page.getByLabel("I am filing for the patient (a representative)").check();
    await expect(page.getByRole("group", { name: "How are you related to the patient?" })).toBeVisible();
    await check(page, "requests/:caseId/edit/:step", "who is filing, with its follow-up question");
    await page.getByLabel("Parent or guardian of a child under 18").check();
    await saveAndContinue(page);
    await expectStep(page, 2, "The patient");
    await page.getByLabel("Phone number").fill("12");
    await saveAndContinue(page);
    await expect(page.getByText("Enter the whole phone number, with its area code.")).toBeVisible();
    await check(page, "requests/:caseId/edit/:step", "the patient, with its messages");

    const caseId = await createDraft(applicant.email);
    await page.goto(`/requests/${caseId}/edit/plan`);
    await expectStep(page, 3, "The plan");
    await check(page, "requests/:caseId/edit/:step", "the plan");
    await page.goto(`/requests/${caseId}/edit/denial`);
    await page.getByLabel("Date of the plan's final denial").fill("2001-01-02");
    await page.getByLabel("Also send the decision to this provider").check();
    await saveAndContinue(page);
    await expect(page.getByText("Say why the request could not be filed sooner.")).toBeVisible();
    await check(page, "requests/:caseId/edit/:step", "the denial, with the late-filing warning and its messages");
    await page.goto(`/requests/${caseId}/edit/appeal`);
    await page.getByLabel("No, and it is not needed in my case").check();
    await expect(page.getByRole("group", { name: "Why is the appeal not needed?" })).toBeVisible();
    await check(page, "requests/:caseId/edit/:step", "the internal appeal, with its follow-up question");
    await page.goto(`/requests/${caseId}/edit/urgency`);
    await page.getByLabel("Expedited (urgent) review").check();
    await expect(page.getByRole("group", { name: "The treating doctor's certification" })).toBeVisible();
    await check(page, "requests/:caseId/edit/:step", "urgency, with the expedited questions");
    await page.goto(`/requests/${caseId}/edit/statement`);
    await saveAndContinue(page);
    await expect(page.getByText("Tell us why you disagree with the plan's decision.")).toBeVisible();
    await check(page, "requests/:caseId/edit/:step", "why you disagree, with its message");
    await page.goto(`/requests/${caseId}/edit/documents`);
    const uploader = page.getByRole("group", { name: "Add documents" });
    const chooser = page.waitForEvent("filechooser");
    await uploader.getByRole("button", { name: "Choose files" }).click();
    await (
      await chooser
    ).setFiles([
      { name: "denial-letter.pdf", mimeType: "application/pdf", buffer: SMALL_PDF },
      { name: "letter.pdf", mimeType: "application/pdf", buffer: PROGRAM },
    ]);
    await expect(uploader.getByRole("alert")).toContainText("not a PDF");
    await check(page, "requests/:caseId/edit/:step", "documents, one file refused");
    await page.goto(`/requests/${caseId}/review`);
    await expect(page.getByRole("region", { name: "Before you can send your request" })).toContainText("Upload the plan's final denial letter.");
    await check(page, "requests/:caseId/review", "what is missing before it can be sent");
  },
);

pages(
  "an applicant following her request: the case, an answer, withdrawing, the decision, her account",
  ["requests", "requests/:caseId", "requests/:caseId/information/:requestId", "requests/:caseId/withdraw", "account"],
  async ({ page, signInPageAs, check }) => {
    const { applicantId, planId, coordinatorId } = await demoParties();
    const kase = await createFiledCase({ applicantId, planId, details: { serviceDescription: "Knee brace after a ligament tear" } });
    const information = await createInformationRequest({ caseId: kase.id, question: "Please send the letter from your physiotherapist." });
    const decided = await createPlanActionCase({ applicantId, planId, coordinatorId, stage: "overturned", dueAt: new Date(Date.now() + 20 * 86_400_000) });
    await signInPageAs(DEMO.patient);

    await page.goto("/requests");
    await check(page, "requests", "the demo patient's requests, drafts and decisions");
    await page.goto(`/requests/${kase.id}`);
    await expect(page.getByRole("region", { name: "Requests for information" })).toBeVisible();
    await check(page, "requests/:caseId", "filed, with a request for information open");
    await page.goto(`/requests/${decided.id}`);
    await expect(page.getByRole("region", { name: "The decision" })).toBeVisible();
    await check(page, "requests/:caseId", "decided, with the letter");
    await page.goto(`/requests/${kase.id}/information/${information.id}`);
    await page.getByRole("button", { name: "Send your answer" }).click();
    await expect(page.getByText("Write your answer, or add a document that answers the question.")).toBeVisible();
    await check(page, "requests/:caseId/information/:requestId", "an empty answer, with its message");
    await page.goto(`/requests/${kase.id}/withdraw`);
    await check(page, "requests/:caseId/withdraw", "the confirmation");
    await page.goto("/account");
    await check(page, "account", "her sessions");
  },
);

pages(
  "a coordinator at intake: the dashboard, the queue, a case in screening and accepted, reports",
  [
    "iro",
    "iro/queue",
    "iro/cases/:caseId",
    "iro/reports",
    "iro/reports/timeliness",
    "iro/reports/outcomes",
    "iro/reports/reviewer-workload",
    "iro/reports/plan-compliance",
    "iro/reports/case-log",
  ],
  async ({ page, signInPageAs, check }) => {
    const { applicantId, planId, coordinatorId } = await demoParties();
    const filed = await createFiledCase({ applicantId, planId, details: { serviceDescription: "Cosmetic eyelid surgery" } });
    const accepted = await createAcceptedCase({ applicantId, planId, coordinatorId });
    await signInPageAs(DEMO.coordinator);

    await page.goto("/iro");
    await check(page, "iro", "the demo's cases, with credentials due for re-verification");
    await page.goto("/iro?risk=overdue");
    await check(page, "iro", "filtered to overdue cases");
    await page.goto("/iro/queue");
    await check(page, "iro/queue", "requests waiting to be screened");
    await page.goto(`/iro/cases/${filed.id}`);
    const decide = page.getByRole("region", { name: "Decide" });
    await decide.getByRole("button", { name: "Send the request for information" }).click();
    await expect(decide.getByLabel("What is needed")).toHaveAttribute("aria-invalid", "true");
    await check(page, "iro/cases/:caseId", "in screening, a request for information sent empty");
    await page.goto(`/iro/cases/${accepted.id}`);
    await expect(page.getByRole("region", { name: "The plan's case file" })).toBeVisible();
    await check(page, "iro/cases/:caseId", "accepted, the plan's case file asked for");
    await page.goto("/iro/reports");
    await check(page, "iro/reports", "the reports");
    await page.goto("/iro/reports/timeliness?from=2026-12-01&to=2026-01-01");
    await expect(page.getByText("The last day must be on or after the first day.")).toBeVisible();
    await check(page, "iro/reports/timeliness", "a range the wrong way round");
    await page.goto("/iro/reports/timeliness");
    await check(page, "iro/reports/timeliness", "this month's decisions");
    await page.goto("/iro/reports/outcomes?from=2000-01-01&to=2099-12-31");
    await check(page, "iro/reports/outcomes", "every decision on record");
    await page.goto("/iro/reports/reviewer-workload?from=2000-01-01&to=2099-12-31");
    await check(page, "iro/reports/reviewer-workload", "every reviewer's offers on record");
    await page.goto("/iro/reports/plan-compliance?from=2000-01-01&to=2099-12-31");
    await check(page, "iro/reports/plan-compliance", "every overturn on record");
    await page.goto("/iro/reports/case-log");
    await check(page, "iro/reports/case-log", "last month's cases received");
  },
);

pages(
  "a coordinator finding reviewers and deciding: assignment, roster, quality review, the decision",
  ["iro/cases/:caseId/assign", "iro/roster", "iro/roster/:reviewerId", "iro/cases/:caseId/quality", "iro/cases/:caseId/decision"],
  async ({ page, signInPageAs, makeUser, check }) => {
    const parties = await demoParties();
    const coordinator = await userByEmail(DEMO.coordinator);
    // Urology is no other test's specialty: the journeys' suggestions stay their own.
    const toAssign = await createAcceptedCase({ ...parties, details: { specialtyNeeded: "urology", providerFacility: "Hillcrest Clinic" } });
    await createQualifiedReviewer({ name: "Dr. Zoe Uro", specialty: "urology" });
    await createQualifiedReviewer({ name: "Dr. Zack Tied", specialty: "urology", affiliations: [{ kind: "FACILITY", name: "Hillcrest Clinic" }] });
    const reviewer = await makeUser(["REVIEWER"]);
    const reviewed = await createCaseInReview({ ...parties, reviewerIds: [reviewer.id] });
    await submitSignedDetermination({ caseId: reviewed.id, reviewer: await userByEmail(reviewer.email) });
    const approved = await createCaseInReview({ ...parties, reviewerIds: [reviewer.id] });
    await submitSignedDetermination({ caseId: approved.id, reviewer: await userByEmail(reviewer.email) });
    await approveSubmittedDetermination({ caseId: approved.id, coordinator });
    await signInPageAs(coordinator);

    await page.goto(`/iro/cases/${toAssign.id}/assign`);
    await page.getByText(/not suggested, with the reasons/).click();
    await check(page, "iro/cases/:caseId/assign", "suggestions, and the reviewers left out with their reasons");
    await page.goto("/iro/roster");
    await check(page, "iro/roster", "the demo roster");
    // Credentials are an administrator's: the form with its messages is theirs.
    await signInPageAs(await makeUser(["ADMIN"]));
    await page.goto(`/iro/roster/${reviewer.id}`);
    const licenses = page.getByRole("region", { name: "Licenses" });
    await licenses.getByRole("button", { name: "Add the license" }).click();
    await expect(licenses.getByText("Choose the state that issued the license.")).toBeVisible();
    await check(page, "iro/roster/:reviewerId", "a license without its state, with the messages");
    await signInPageAs(coordinator);
    await page.goto(`/iro/roster/${reviewer.id}`);
    await check(page, "iro/roster/:reviewerId", "the credentials read-only, as a coordinator sees them");
    await page.goto(`/iro/cases/${reviewed.id}/quality`);
    await check(page, "iro/cases/:caseId/quality", "a determination to review");
    await page.goto(`/iro/cases/${approved.id}/decision`);
    await check(page, "iro/cases/:caseId/decision", "the letter's preview");
    await page.getByRole("button", { name: "Issue the decision" }).click();
    await expect(page.getByText("The decision is issued.")).toBeVisible();
    await check(page, "iro/cases/:caseId/decision", "issued, with its versions");
  },
);

pages(
  "a reviewer: home, an offer and its attestation, the case file and determination, the profile",
  ["review", "review/offers/:assignmentId", "review/cases/:caseId", "review/profile"],
  async ({ page, signInPageAs, check }) => {
    const parties = await demoParties();
    const reviewer = await createQualifiedReviewer({ name: "Dr. Zelda Uro", specialty: "urology" });
    const offered = await createAcceptedCase({ ...parties, details: { specialtyNeeded: "urology", providerFacility: "Lakeside Clinic" } });
    const coordinator = await userByEmail(DEMO.coordinator);
    await offerCase({
      user: sessionUserOf(coordinator),
      actor: actorFor(coordinator),
      caseId: offered.id,
      expectedVersion: offered.version,
      reviewerIds: [reviewer.id],
    });
    const assignment = await db.reviewerAssignment.findFirstOrThrow({ where: { caseId: offered.id, reviewerId: reviewer.id } });
    const inReview = await createCaseInReview({ ...parties, reviewerIds: [reviewer.id] });
    await signInPageAs(reviewer);

    await page.goto("/review");
    await check(page, "review", "an offer waiting and a case to review");
    await page.goto(`/review/offers/${assignment.id}`);
    await page.getByLabel("Type your full name to sign").fill(reviewer.name);
    await page.getByRole("button", { name: "Accept the case and sign the attestation" }).click();
    await expect(page.getByText("Tick the box to attest that you have no conflict of interest in this case.")).toBeVisible();
    await check(page, "review/offers/:assignmentId", "signing without the box ticked");
    await page.goto(`/review/cases/${inReview.id}`);
    await page.getByRole("button", { name: "Submit determination" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "things to fix" })).toBeVisible();
    await check(page, "review/cases/:caseId", "submitted too early, with what to fix");
    await submitSignedDetermination({ caseId: inReview.id, reviewer });
    await page.goto(`/review/cases/${inReview.id}`);
    await expect(page.getByText(/You submitted this determination on/)).toBeVisible();
    await check(page, "review/cases/:caseId", "submitted");
    await page.goto("/review/profile");
    await check(page, "review/profile", "availability and affiliations");
  },
);

pages(
  "plan staff: their cases, a case file to send, compliance to confirm, integrations",
  ["plan", "plan/cases/:caseId", "plan/integrations"],
  async ({ page, signInPageAs, check }) => {
    const parties = await demoParties();
    const caseFile = await createPlanActionCase({ ...parties, stage: "caseFileRequested", dueAt: new Date(Date.now() + 3 * 86_400_000) });
    const overturned = await createPlanActionCase({ ...parties, stage: "overturned", dueAt: new Date(Date.now() + 2 * 86_400_000) });
    await signInPageAs(DEMO.evergreenStaff);

    await page.goto("/plan");
    await check(page, "plan", "the plan's cases");
    await page.goto(`/plan/cases/${caseFile.id}`);
    await page.getByRole("button", { name: "Case file complete" }).click();
    // The plan's reason for the denial is asked first, in the browser (issue 19).
    await expect(page.locator("#complete-denialReason-error")).toBeVisible();
    await check(page, "plan/cases/:caseId", "the case file checklist, marked complete too early");
    await page.goto(`/plan/cases/${overturned.id}`);
    await page.getByRole("button", { name: "Confirm compliance" }).click();
    await expect(page.locator("#field-implementedOn-error")).toBeVisible();
    await check(page, "plan/cases/:caseId", "an overturn to comply with, confirmed without its details");
    await page.goto("/plan/integrations");
    await check(page, "plan/integrations", "API keys and webhook endpoints");
  },
);

pages(
  "an administrator's people and plans: users, an account, invitation, confirming one's identity, audit log, plans and their integrations",
  ["admin/users", "admin/users/:userId", "admin/users/invite", "confirm-identity", "admin/audit", "admin/plans", "admin/plans/:planId/integrations"],
  async ({ page, loginAs, makeUser, check }) => {
    const account = await makeUser(["COORDINATOR"]);
    await loginAs("ADMIN");
    await page.goto(`/admin/users/${account.id}`);
    await page.getByRole("button", { name: "Deactivate the account" }).click();
    await expect(page.locator("#deactivate-reason-error")).toBeVisible();
    await check(page, "admin/users/:userId", "an account, deactivated without a reason");
    await page.goto("/confirm-identity?redirectTo=%2Fadmin%2Fusers");
    await page.getByRole("button", { name: "Confirm and go back" }).click();
    await expect(page.locator("#field-password-error")).toBeVisible();
    await check(page, "confirm-identity", "sent empty, with its message");
    for (const path of ["users", "audit", "plans"]) {
      await page.goto(`/admin/${path}`);
      await check(page, `admin/${path}`, "as it opens");
    }
    await page.goto("/admin/users/invite");
    await page.getByRole("button", { name: "Send the invitation" }).click();
    await expect(page.locator("#field-name-error")).toBeVisible();
    await check(page, "admin/users/invite", "sent empty, with its messages");
    await page.goto(`/admin/plans/${await evergreenPlanId()}/integrations`);
    await check(page, "admin/plans/:planId/integrations", "a plan's keys and endpoints");
  },
);

pages("an administrator's email: overview, its alert, the outbox and its actions", ["admin", "admin/outbox"], async ({ page, loginAs, check }) => {
  await loginAs("ADMIN");
  await check(page, "admin", "the overview");
  await page.goto("/admin/outbox");
  await check(page, "admin/outbox", "as it opens");
  // An email given up on: the overview's alert, and the outbox's retry and cancel.
  const givenUp = await db.outboxMessage.create({
    data: {
      template: "case-update",
      toAddress: "given-up@example.test",
      subject: "An email given up on",
      status: "FAILED",
      attempts: 9,
      lastError: "421 Service not available",
    },
  });
  await page.goto("/admin");
  await expect(page.getByText("Email is failing")).toBeVisible();
  await check(page, "admin", "with an alert about failing email");
  await page.goto("/admin/outbox?status=FAILED");
  const row = page.getByRole("row").filter({ hasText: "An email given up on" });
  await row.locator("summary").click();
  await row.getByRole("button", { name: "Cancel the email" }).click();
  await expect(page.locator(`#cancel-${givenUp.id}-reason-error`)).toBeVisible();
  await check(page, "admin/outbox", "an email given up on, cancelled without a reason");
  await row.getByLabel("Why it should not be sent").fill("Checked by the accessibility test");
  await row.getByRole("button", { name: "Cancel the email" }).click();
  await expect(page.getByText("The email was cancelled and will not be sent.")).toBeVisible();
});

pages(
  "an administrator's rules: rule profiles, a new version, holidays, specialties, time zone, record retention",
  ["admin/rules", "admin/rules/:code/new", "admin/holidays", "admin/specialties", "admin/settings", "admin/retention"],
  async ({ page, loginAs, check }) => {
    await loginAs("ADMIN");
    await page.goto("/admin/retention");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.locator("#field-reference-error")).toBeVisible();
    await check(page, "admin/retention", "a legal hold without a reference, refused");
    for (const path of ["rules", "specialties", "settings"]) {
      await page.goto(`/admin/${path}`);
      await check(page, `admin/${path}`, "as it opens");
    }
    await page.goto("/admin/rules/california/new");
    await page.getByLabel("Decision due after acceptance, standard track: amount").fill("0");
    await page.getByRole("button", { name: "Save the new version" }).click();
    await expect(page.locator("#field-decision-standard-amount-error")).toBeVisible();
    await check(page, "admin/rules/:code/new", "a new version with its messages");
    await page.goto("/admin/holidays?year=2031");
    await page.getByLabel("Date").fill("2031-07-04");
    await page.getByLabel("Name").fill("Fourth of July");
    await page.getByRole("button", { name: "Add the holiday" }).click();
    await expect(page.locator("#field-date-error")).toBeVisible();
    await check(page, "admin/holidays", "a second holiday on a day, refused");
    await page
      .getByRole("row", { name: /Independence Day/ })
      .first()
      .getByRole("link", { name: /Remove/ })
      .click();
    await expect(page.getByRole("button", { name: "Yes, remove it" })).toBeVisible();
    await check(page, "admin/holidays", "asked to confirm a removal");
  },
);

pages("record retention: an archived case awaiting a confirmation to purge", ["admin/retention"], async ({ page, loginAs, check }) => {
  // A case closed four years ago and archived: the page asks to confirm its purge.
  const archived = await createFiledCase({ ...(await demoParties()) });
  await db.case.update({
    where: { id: archived.id },
    data: { status: "CLOSED", closedAt: new Date(Date.now() - 4 * 365 * 86_400_000), archivedAt: new Date() },
  });
  await loginAs("ADMIN");
  await page.goto("/admin/retention");
  await page.getByRole("button", { name: "Confirm the purge" }).click();
  await expect(page.getByRole("group", { name: "Cases to purge" })).toContainText("Choose the cases to purge.");
  await check(page, "admin/retention", "a purge confirmed with no case chosen");
});

pages(
  "the plan's case page: what is disputed, the plan's reason for the denial and the timeline",
  ["plan/cases/:caseId"],
  async ({ page, signInPageAs, check }) => {
    const kase = await createPlanActionCase({ ...(await demoParties()), stage: "caseFileRequested", dueAt: new Date(Date.now() + 3 * 86_400_000) });
    await db.caseEvent.create({
      data: { caseId: kase.id, type: "eligibility_objection", actorId: (await userByEmail(DEMO.evergreenStaff)).id, note: "The member was not enrolled." },
    });
    await signInPageAs(DEMO.evergreenStaff);
    await page.goto(`/plan/cases/${kase.id}`);
    await page.getByLabel("Why your plan denied the service").fill("x".repeat(1_001));
    await page.getByRole("button", { name: "Case file complete" }).click();
    await expect(page.locator("#complete-denialReason-error")).toContainText("Use at most 1,000 characters.");
    await check(page, "plan/cases/:caseId", "the plan's reason for the denial, too long");

    await page.getByLabel("Why your plan denied the service").fill("Not medically necessary under medical policy MP-114.");
    for (const checkbox of await page.getByRole("group", { name: "Items your plan does not have" }).getByRole("checkbox").all()) await checkbox.check();
    await page.getByRole("button", { name: "Case file complete" }).click();
    await expect(page.getByRole("region", { name: "Timeline" })).toContainText("The health plan's case file completed");
    await check(page, "plan/cases/:caseId", "a complete case file: the plan's reason at the top, the timeline with its entries");
  },
);

pages(
  "the reviewer's workspace: the draft saved as they type, their time log, the coordinator's view of it",
  ["review/cases/:caseId", "iro/cases/:caseId", "iro/reports/reviewer-workload"],
  async ({ page, makeUser, signInPageAs, pageAs, check }) => {
    const reviewer = await makeUser(["REVIEWER"]);
    const kase = await createCaseInReview({ ...(await demoParties()), reviewerIds: [reviewer.id] });
    await signInPageAs(reviewer);
    await page.goto(`/review/cases/${kase.id}`);
    await page.getByLabel("Principal reasons").fill("Rehabilitation is the standard of care.");
    await expect(page.getByRole("status").filter({ hasText: /^Draft saved at/ })).toBeVisible();
    await check(page, "review/cases/:caseId", "a draft saved on its own, side by side with the case file");
    const log = page.getByRole("form", { name: "Log time" });
    await log.getByLabel("Minutes spent").fill("601");
    await log.getByRole("button", { name: "Log the time" }).click();
    await expect(log.locator("#field-minutes-error")).toBeVisible();
    await check(page, "review/cases/:caseId", "time refused, with its message");
    await log.getByLabel("Minutes spent").fill("45");
    await log.getByRole("button", { name: "Log the time" }).click();
    await page.getByRole("link", { name: "Change the entry of 45 minutes" }).click();
    await expect(page.getByRole("form", { name: "Change the entry" })).toBeVisible();
    await check(page, "review/cases/:caseId", "time logged, one entry being changed");
    await page.setViewportSize({ width: 390, height: 844 });
    await check(page, "review/cases/:caseId", "on a phone, stacked");

    const coordinator = await pageAs(DEMO.coordinator);
    await coordinator.goto(`/iro/cases/${kase.id}`);
    await expect(coordinator.getByRole("region", { name: "Reviewers' time" })).toContainText("45 minutes");
    await check(coordinator, "iro/cases/:caseId", "with the reviewers' time");
    await coordinator.goto("/iro/reports/reviewer-workload");
    await expect(coordinator.getByRole("columnheader", { name: "Minutes logged" })).toBeVisible();
    await check(coordinator, "iro/reports/reviewer-workload", "with the minutes logged");
  },
);

pages(
  "the applicant's pending files and certification: a step left with a file not uploaded, the doctor's certification to send",
  ["requests/:caseId/edit/:step", "requests/:caseId", "requests/:caseId/information/:requestId"],
  async ({ page, signInPageAs, check }) => {
    await signInPageAs(DEMO.patient);
    const pickAndLeave = async (group: string, leave: () => Promise<void>) => {
      const chooser = page.waitForEvent("filechooser");
      await page.getByRole("group", { name: group }).getByRole("button", { name: "Choose files" }).click();
      await (await chooser).setFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: SMALL_PDF });
      await leave();
      await expect(page.getByRole("alert").filter({ hasText: 'Your file "letter.pdf" is not uploaded yet' })).toBeVisible();
    };

    const draftId = await createDraft();
    await page.goto(`/requests/${draftId}/edit/documents`);
    await pickAndLeave("Add documents", () => page.getByRole("button", { name: "Save and continue" }).click());
    await check(page, "requests/:caseId/edit/:step", "documents step left with a file not uploaded");

    const { applicantId, planId } = await demoParties();
    const expedited = await createFiledCase({
      applicantId,
      planId,
      details: { track: "EXPEDITED", expeditedReason: "Admitted through the emergency room", certificationToFollow: true },
    });
    await page.goto(`/requests/${expedited.id}`);
    await expect(page.getByRole("region", { name: "Your doctor's certification is still needed" })).toBeVisible();
    await check(page, "requests/:caseId", "the doctor's certification still needed");

    const asked = await createFiledCase({ applicantId, planId });
    const request = await createInformationRequest({ caseId: asked.id, question: "Please send the letter.", dueAt: new Date(Date.now() + 5 * 86_400_000) });
    await page.goto(`/requests/${asked.id}/information/${request.id}`);
    await page.getByRole("textbox", { name: "Your answer" }).fill("The letter is attached.");
    await pickAndLeave("Add documents to your answer", () => page.getByRole("button", { name: "Send your answer" }).click());
    await check(page, "requests/:caseId/information/:requestId", "an answer sent with a file not uploaded");
  },
);

pages(
  "the organization's name and logo: refused, then shown in every header",
  ["admin/settings", "iro"],
  async ({ page, loginAs, makeUser, pageAs, check }) => {
    try {
      await loginAs("ADMIN");
      await page.goto("/admin/settings");
      const form = page.getByRole("form", { name: "Organization" });
      await form.getByLabel("Organization name").fill("Keystone Review");
      await form.getByLabel("Logo (optional)").setInputFiles({ name: "logo.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a") });
      await form.getByRole("button", { name: "Save the name and logo" }).click();
      await expect(page.locator("#field-logo-error")).toBeVisible();
      await check(page, "admin/settings", "a logo that is not PNG or JPEG, refused");
      await form.getByLabel("Logo (optional)").setInputFiles({ name: "keystone.png", mimeType: "image/png", buffer: solidPng(32, [29, 78, 137]) });
      await form.getByRole("button", { name: "Save the name and logo" }).click();
      await expect(page.getByRole("status")).toContainText("The organization's name and logo are saved.");
      await check(page, "admin/settings", "with the organization's logo");
      const coordinator = await pageAs(await makeUser(["COORDINATOR"]));
      await coordinator.goto("/iro");
      await expect(coordinator.getByRole("banner").getByRole("img", { name: "Keystone Review" })).toBeVisible();
      await check(coordinator, "iro", "the header with the organization's logo");
    } finally {
      // Every page's header shows it: the other tests expect none.
      await db.organizationBranding.deleteMany();
    }
  },
);

pages(
  "a coordinator's screening beside what was given, the reviewers page by specialty with internal due dates, and the reviewer reading the date",
  ["iro/cases/:caseId", "iro/cases/:caseId/assign", "review", "review/cases/:caseId"],
  async ({ page, makeUser, signInPageAs, check }) => {
    const parties = await demoParties();
    const screening = await createFiledCase({ ...parties, details: { diagnosisCodes: ["H40.11"] } });
    // Ophthalmology is no other test's specialty: the suggestions and exclusions stay this test's.
    const accepted = await createAcceptedCase({ ...parties, details: { diagnosisCodes: ["H40.11"], providerFacility: "Clearview Eye Institute" } });
    const eyeReviewer = await createQualifiedReviewer({ name: "Dr. Iris Ocula", specialty: "ophthalmology" });
    await createQualifiedReviewer({ name: "Dr. Ian Tied", specialty: "ophthalmology", affiliations: [{ kind: "FACILITY", name: "Clearview Eye Institute" }] });
    const reviewer = await makeUser(["REVIEWER"]);
    const inReview = await createCaseInReview({ ...parties, reviewerIds: [reviewer.id] });
    await db.reviewerAssignment.updateMany({ where: { caseId: inReview.id }, data: { internalDueAt: new Date(Date.now() + 7 * 86_400_000) } });
    await signInPageAs(DEMO.coordinator);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/iro/cases/${screening.id}`);
    await expect(page.getByRole("region", { name: "What the applicant gave" })).toBeVisible();
    await check(page, "iro/cases/:caseId", "screening, what the applicant gave beside the checklist");
    await page.goto(`/iro/cases/${screening.id}/assign`);
    await expect(page.getByText("Nothing can be offered yet: this case has not been accepted for review.")).toBeVisible();
    await check(page, "iro/cases/:caseId/assign", "before acceptance, saying why nothing can be offered");

    await page.goto(`/iro/cases/${accepted.id}/assign`);
    await page.getByLabel("Find a specialty").fill("eye");
    await check(page, "iro/cases/:caseId/assign", "the suggested specialty, searched by a common name");
    await page.getByLabel("Find a specialty").fill("");
    await page.getByRole("button", { name: "Use this specialty" }).click();
    await expect(page.getByText("Recorded: Ophthalmology.")).toBeVisible();
    await page.goto(`/iro/cases/${accepted.id}/assign?excluded=all`);
    const dueDate = page.getByLabel("Internal due date for the determination");
    const suggested = await dueDate.inputValue();
    await dueDate.fill("2099-01-01");
    await page.getByRole("button", { name: `Offer to ${eyeReviewer.name}` }).click();
    await expect(dueDate).toHaveAttribute("aria-invalid", "true");
    await check(page, "iro/cases/:caseId/assign", "every reviewer left out listed, and an internal due date refused");
    await dueDate.fill(suggested);
    await page.getByRole("button", { name: `Offer to ${eyeReviewer.name}` }).click();
    await expect(page.getByText("The offer is sent.", { exact: false })).toBeVisible();
    await page.getByText(`Change the internal due date for ${eyeReviewer.name}`).click();
    await check(page, "iro/cases/:caseId/assign", "a reviewer on the case with the internal due date form open");
    await page.goto(`/iro/cases/${accepted.id}`);
    await expect(page.getByRole("region", { name: "Reviewers" })).toContainText("Internal due date:");
    await check(page, "iro/cases/:caseId", "accepted, a reviewer with an internal due date");

    await signInPageAs(reviewer);
    await page.goto("/review");
    await expect(page.getByText(/^Due to us by /)).toBeVisible();
    await check(page, "review", "a case with an internal due date");
    await page.goto(`/review/cases/${inReview.id}`);
    await expect(page.getByText(/^Due to us by /)).toBeVisible();
    await check(page, "review/cases/:caseId", "the internal due date beside the regulatory deadline");
  },
);

pages(
  "pages cited in a determination and each document's author and date: the reviewer's form, the coordinator's case page and quality review",
  ["review/cases/:caseId", "iro/cases/:caseId", "iro/cases/:caseId/quality"],
  async ({ page, makeUser, signInPageAs, check }) => {
    const parties = await demoParties();
    const reviewer = await makeUser(["REVIEWER"]);
    const kase = await createCaseInReview({ ...parties, reviewerIds: [reviewer.id] });
    const [letter, records] = kase.documents;
    await db.document.update({ where: { id: letter!.id }, data: { pageCount: 4, author: "Dr. Sam Lee", authoredOn: new Date("2026-08-20") } });
    await db.pageMark.create({
      data: { userId: reviewer.id, caseId: kase.id, documentId: records!.id, pageNumber: 2, bookmarkedAt: new Date(), note: "Therapy notes" },
    });

    await signInPageAs(reviewer);
    await page.goto(`/review/cases/${kase.id}?cite=${letter!.id}&citePage=3`);
    const cited = page.getByRole("group", { name: "Citation 1" });
    await expect(cited.getByLabel("From page")).toHaveValue("3");
    await cited.getByLabel("To page (optional)").fill("9");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(cited.getByText("This document has 4 pages.")).toBeVisible();
    await page.getByText(`${records!.fileName}: Undated`).click();
    const details = page.getByRole("form", { name: `Author and date of ${records!.fileName}` });
    await details.getByLabel("Date of the document").fill("2999-01-01");
    await details.getByRole("button", { name: /Save the author and date/ }).click();
    await expect(details.getByText("The document's date cannot be in the future.")).toBeVisible();
    await check(page, "review/cases/:caseId", "a citation past the document's last page, a bookmark to cite, a document's date refused");

    await submitSignedDetermination({ caseId: kase.id, reviewer: await userByEmail(reviewer.email) });
    await db.determination.updateMany({
      where: { caseId: kase.id },
      data: { citations: [{ documentId: letter!.id, fromPage: 2, toPage: 3, note: "The prior trial of physical therapy" }] },
    });
    await signInPageAs(DEMO.coordinator);
    await page.goto(`/iro/cases/${kase.id}/quality`);
    await expect(page.getByText(`${letter!.fileName}, pp. 2–3: The prior trial of physical therapy`)).toBeVisible();
    await check(page, "iro/cases/:caseId/quality", "a determination citing pages");
    await page.goto(`/iro/cases/${kase.id}`);
    await page.getByText(`${letter!.fileName}: Dated`).click();
    await expect(page.getByRole("form", { name: `Author and date of ${letter!.fileName}` }).getByLabel("Author")).toHaveValue("Dr. Sam Lee");
    await check(page, "iro/cases/:caseId", "a document's author and date, open to change");
  },
);

pages(
  "the case file's search: hits with marked words and a duplicate shown, a query refused, nothing found",
  ["review/cases/:caseId", "iro/cases/:caseId"],
  async ({ page, makeUser, signInPageAs, check }) => {
    const reviewer = await makeUser(["REVIEWER"]);
    const kase = await createCaseInReview({ ...(await demoParties()), reviewerIds: [reviewer.id] });
    const records = kase.documents[1]!;
    await db.document.update({ where: { id: records.id }, data: { textLayerStatus: "RUNNING", pageCount: 3, pagesIndexed: 2 } });
    const original = await db.documentPage.create({
      data: { documentId: records.id, caseId: kase.id, pageNumber: 1, text: "Findings consistent with heart failure; start metoprolol.", source: "EMBEDDED" },
    });
    await db.documentPage.create({
      data: {
        documentId: records.id,
        caseId: kase.id,
        pageNumber: 2,
        text: original.text,
        source: "OCR",
        duplicateOfId: original.id,
        duplicateKind: "EXACT",
      },
    });
    await signInPageAs(reviewer);
    await page.goto(`/review/cases/${kase.id}?q=${encodeURIComponent('"heart failure"')}&duplicates=show`);
    await expect(page.getByText("2 pages match")).toBeVisible();
    await check(page, "review/cases/:caseId", "search hits, a duplicate page among them");
    await page.goto(`/review/cases/${kase.id}?q=${encodeURIComponent("(heart")}`);
    await expect(page.getByText("An opening bracket has no closing bracket.")).toBeVisible();
    await check(page, "review/cases/:caseId", "a search query refused by the field");

    await signInPageAs(DEMO.coordinator);
    await page.goto(`/iro/cases/${kase.id}?q=metoprolo`);
    await expect(page.getByText("No exact matches; showing close spellings of “metoprolo”.")).toBeVisible();
    await check(page, "iro/cases/:caseId", "search by close spellings");
    await page.goto(`/iro/cases/${kase.id}?q=appendectomy`);
    await expect(page.getByText("No pages match “appendectomy”.")).toBeVisible();
    await check(page, "iro/cases/:caseId", "a search that finds nothing");
  },
);

pages(
  "the record viewer: a PDF drawn page by page with the reviewer's marks, an image, a Word document's text, the coordinator's view, and the bookmarks on the case page",
  ["review/cases/:caseId/documents/:documentId", "iro/cases/:caseId/documents/:documentId", "review/cases/:caseId"],
  async ({ page, makeUser, signInPageAs, check }) => {
    const reviewer = await makeUser(["REVIEWER"]);
    const kase = await createCaseInReview({
      ...(await demoParties()),
      reviewerIds: [reviewer.id],
      files: [
        {
          fileName: "clinic-notes.pdf",
          contentType: "application/pdf",
          kind: "MEDICAL_RECORDS",
          bytes: multiPagePdf([["Clinic notes, page 1"], ["Clinic notes, page 2", "Knee pain on walking."]]),
        },
        { fileName: "knee-photo.png", contentType: "image/png", kind: "MEDICAL_RECORDS", bytes: solidPng(40, [30, 80, 140]) },
        {
          fileName: "surgeon-letter.docx",
          contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          kind: "OTHER",
          bytes: SMALL_PDF,
        },
      ],
    });
    const [pdf, image, letter] = [kase.documents[0]!, kase.documents[1]!, kase.documents[2]!];
    await db.document.update({ where: { id: pdf.id }, data: { pageCount: 2, pagesIndexed: 2, textLayerStatus: "DONE" } });
    await db.documentPage.createMany({
      data: [
        { documentId: pdf.id, caseId: kase.id, pageNumber: 1, text: "Clinic notes, page 1", source: "EMBEDDED" },
        { documentId: pdf.id, caseId: kase.id, pageNumber: 2, text: "Clinic notes, page 2\nKnee pain on walking.", source: "EMBEDDED" },
        { documentId: letter.id, caseId: kase.id, pageNumber: 1, text: "The surgeon recommends a knee replacement.", source: "DOCX" },
      ],
    });
    await signInPageAs(reviewer);

    await page.goto(`/review/cases/${kase.id}/documents/${pdf.id}?page=2&q=knee`);
    await expect(page.getByRole("img", { name: "Page 2 of 2" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Your marks on page 2" }).getByRole("status")).toContainText("You have read this page.");
    await page.locator("details.page-text summary").click();
    await check(page, "review/cases/:caseId/documents/:documentId", "a PDF page drawn and read, its text open with the search's terms highlighted");
    const marks = page.getByRole("region", { name: "Your marks on page 2" });
    await marks.getByLabel("Bookmark note for page 2").fill("x".repeat(1_001));
    await marks.getByRole("button", { name: "Bookmark this page" }).click();
    await expect(marks.getByText("Use at most 1,000 characters.")).toBeVisible();
    await check(page, "review/cases/:caseId/documents/:documentId", "a bookmark's note refused as too long");
    await marks.getByLabel("Bookmark note for page 2").fill("Knee pain: the reason for the surgery.");
    await marks.getByRole("button", { name: "Bookmark this page" }).click();
    await expect(marks.getByRole("button", { name: "Remove the bookmark" })).toBeVisible();
    await page.getByRole("navigation", { name: "Pages" }).getByLabel("Unread pages only").check();
    await check(page, "review/cases/:caseId/documents/:documentId", "bookmarked, only unread pages among the thumbnails");

    await page.goto(`/review/cases/${kase.id}/documents/${image.id}`);
    await expect(page.getByRole("img", { name: "knee-photo.png, page 1 of 1" })).toBeVisible();
    await check(page, "review/cases/:caseId/documents/:documentId", "an image, one page");
    await page.goto(`/review/cases/${kase.id}/documents/${letter.id}`);
    await expect(page.getByText("The surgeon recommends a knee replacement.")).toBeVisible();
    await check(page, "review/cases/:caseId/documents/:documentId", "a Word document as its text");

    await page.goto(`/review/cases/${kase.id}`);
    await expect(page.getByRole("region", { name: "Your bookmarks" }).getByRole("link", { name: "clinic-notes.pdf, page 2" })).toBeVisible();
    await check(page, "review/cases/:caseId", "pages read per document and the reviewer's bookmarks");

    await signInPageAs(DEMO.coordinator);
    await page.goto(`/iro/cases/${kase.id}/documents/${pdf.id}`);
    await expect(page.getByRole("img", { name: "Page 1 of 2" })).toBeVisible();
    await check(page, "iro/cases/:caseId/documents/:documentId", "the coordinator reading a PDF, without page marks");
  },
);

test.describe("in Spanish", () => {
  test.use({ locale: "es-MX" });

  pages(
    "a Spanish-speaking visitor and applicant: welcome, sign-up, links from emails, letter check, the account",
    ["", "signup", "forgot-password", "reset-password", "verify-email", "verify", "account"],
    async ({ page, signInPageAs, check }) => {
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "es");
      await check(page, "", "welcome, in Spanish");
      await page.goto("/signup");
      await page.getByRole("button", { name: "Crear mi cuenta" }).click();
      await expect(page.locator("#field-email-error")).toBeVisible();
      await check(page, "signup", "with its messages, in Spanish");
      await page.goto("/forgot-password");
      await check(page, "forgot-password", "the form, in Spanish");

      const user = await createUser({ roles: ["APPLICANT"], verified: false });
      await db.user.update({ where: { id: user.id }, data: { language: "es" } });
      const token = (kind: "EMAIL_VERIFICATION" | "PASSWORD_RESET") => db.$transaction((tx) => issueToken(tx, user.id, kind));
      await page.goto(`/reset-password?token=${await token("PASSWORD_RESET")}`);
      await check(page, "reset-password", "the new password form, in Spanish");
      await page.goto(`/verify-email?token=${await token("EMAIL_VERIFICATION")}`);
      await check(page, "verify-email", "the confirm button, in Spanish");
      await page.goto("/verify");
      await check(page, "verify", "the two ways to check a letter, in Spanish");

      await signInPageAs(user);
      await page.goto("/account");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Su cuenta");
      await check(page, "account", "her sessions and her language, in Spanish");
    },
  );

  pages("the public library of decisions, in Spanish", ["decisions", "decisions/:number"], async ({ page, check }) => {
    await page.goto("/decisions");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Decisiones publicadas");
    await check(page, "decisions", "the whole library, in Spanish");
    const number = await demoPublishedNumber();
    await page.goto(`/decisions/${number}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Decisión ${number}`);
    await check(page, "decisions/:number", "a published decision, in Spanish");
  });
});

pages(
  "the request wizard in Spanish: the start, a step with its messages, the documents step and the review",
  ["requests/new", "requests/:caseId/edit/:step", "requests/:caseId/review"],
  async ({ page, makeUser, signInPageAs, check }) => {
    const applicant = await makeUser(["APPLICANT"]);
    await db.user.update({ where: { id: applicant.id }, data: { language: "es" } });
    await signInPageAs(applicant);
    await page.goto("/requests/new");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await check(page, "requests/new", "in Spanish");
    await page.getByRole("button", { name: "Empezar mi solicitud" }).click();
    await page.getByLabel("Soy el paciente").check();
    await page.getByRole("button", { name: "Guardar y continuar" }).click();
    await expect(page.getByText("Paso 2 de 9: El paciente")).toBeVisible();
    await page.getByRole("button", { name: "Guardar y continuar" }).click();
    await expect(page.locator("#field-patientBirthDate-error")).toContainText("Escriba la fecha de nacimiento del paciente.");
    await check(page, "requests/:caseId/edit/:step", "the patient in Spanish, with its messages");
    const caseId = page.url().match(/\/requests\/([0-9a-f-]{36})\//)![1]!;
    await page.goto(`/requests/${caseId}/edit/documents`);
    await expect(page.getByRole("group", { name: "Agregar documentos" })).toContainText("Hasta 100 MB por archivo");
    await check(page, "requests/:caseId/edit/:step", "the documents step in Spanish");
    await page.goto(`/requests/${caseId}/review`);
    await expect(page.getByRole("region", { name: "Antes de poder enviar su solicitud" })).toBeVisible();
    await check(page, "requests/:caseId/review", "the review in Spanish, with what is missing");
  },
);

pages(
  "an applicant who reads Spanish: their requests, a case, answering and withdrawing",
  ["requests", "requests/:caseId", "requests/:caseId/information/:requestId", "requests/:caseId/withdraw"],
  async ({ page, makeUser, signInPageAs, check }) => {
    const applicant = await makeUser(["APPLICANT"]);
    await db.user.update({ where: { id: applicant.id }, data: { language: "es" } });
    const kase = await createFiledCase({ applicantId: applicant.id, planId: await evergreenPlanId() });
    const request = await createInformationRequest({ caseId: kase.id });
    await signInPageAs(applicant);
    await page.goto("/requests");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mis solicitudes");
    await check(page, "requests", "in Spanish, one request sent");
    await page.goto(`/requests/${kase.id}`);
    await expect(page.getByRole("heading", { name: "Plazos" })).toBeVisible();
    await check(page, "requests/:caseId", "in Spanish, with a request for information open");
    await page.goto(`/requests/${kase.id}/information/${request.id}`);
    await page.getByRole("button", { name: "Enviar su respuesta" }).click();
    await expect(page.getByText("Escriba su respuesta o agregue un documento que responda a la pregunta.")).toBeVisible();
    await check(page, "requests/:caseId/information/:requestId", "in Spanish, an empty answer refused");
    await page.goto(`/requests/${kase.id}/withdraw`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("¿Retirar su solicitud?");
    await check(page, "requests/:caseId/withdraw", "in Spanish");
  },
);

pages(
  "a decision's publication: the coordinator's draft beside the findings as written, a refusal, then the public figures",
  ["iro/cases/:caseId/publication", "decisions/statistics"],
  async ({ page, signInPageAs, check }) => {
    const parties = await demoParties();
    const decided = await createPlanActionCase({ ...parties, stage: "overturned", dueAt: new Date(Date.now() + 5 * 86_400_000) });
    await signInPageAs(DEMO.coordinator);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/iro/cases/${decided.id}/publication`);
    await expect(page.getByRole("heading", { name: "The findings as written" })).toBeVisible();
    await check(page, "iro/cases/:caseId/publication", "the draft beside the original");
    await page.getByLabel("Findings to publish").fill("");
    await page.getByRole("button", { name: "Save the draft" }).click();
    await expect(page.getByLabel("Findings to publish")).toHaveAttribute("aria-invalid", "true");
    await check(page, "iro/cases/:caseId/publication", "empty findings refused");

    await page.context().clearCookies();
    await page.goto("/decisions/statistics");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Figures from the published decisions");
    await check(page, "decisions/statistics", "signed out, the demo library's figures");
  },
);

/** A decision the demo publishes, for the library's own page. */
const demoPublishedNumber = async () => (await db.publication.findFirstOrThrow({ where: { status: "PUBLISHED" }, orderBy: { number: "asc" } })).number;

pages("the public library of decisions, signed out: the search with filters and a decision", ["decisions", "decisions/:number"], async ({ page, check }) => {
  await page.goto("/decisions");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Published decisions");
  await check(page, "decisions", "the whole library, with its filters");
  await page.getByLabel("Words to search for").fill("no-such-word-anywhere");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("No published decision matches this search.")).toBeVisible();
  await check(page, "decisions", "a search that finds nothing");
  const number = await demoPublishedNumber();
  await page.goto(`/decisions/${number}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Decision ${number}`);
  await check(page, "decisions/:number", "a published decision");
});
