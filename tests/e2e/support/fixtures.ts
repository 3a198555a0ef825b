import crypto from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import { generate, generateSecret } from "otplib";
import { isStaff, type Role } from "~/domain/roles";
import { setUpAuthenticatorWithSecret } from "~/server/auth/second-factor.server";
import { createReviewer, createUser, PASSWORD } from "#tests/support/factories";
import { connectToPortal, disconnectFromPortal, evergreenPlanId, signInAs, userByEmail } from "./portal";

export const HOMES: Record<Role, { path: string; heading: RegExp }> = {
  APPLICANT: { path: "/requests", heading: /My requests/ },
  COORDINATOR: { path: "/iro", heading: /Deadlines dashboard/ },
  REVIEWER: { path: "/review", heading: /My reviews/ },
  PLAN: { path: "/plan", heading: /Evergreen Health Plan: cases/ },
  ADMIN: { path: "/admin", heading: /Administration/ },
};

export interface TestUser {
  id: string;
  email: string;
  name: string;
  /** The password to type, for the tests of signing in. */
  password: string;
  roles: Role[];
  /** The secret of the authenticator app staff are made with (applicants have none). */
  authenticatorSecret: string | null;
}

const PERIOD_SECONDS = 30;
const lastStepUsed = new Map<string, number>();

/**
 * The code an authenticator app holding `secret` shows. The portal takes each
 * code once, so a second sign-in within the same 30 seconds types the next
 * step's code (the portal accepts one step ahead); a third waits for the clock.
 */
export async function authenticatorCode(secret: string): Promise<string> {
  const stepNow = () => Math.floor(Date.now() / 1000 / PERIOD_SECONDS);
  const step = Math.max(stepNow(), (lastStepUsed.get(secret) ?? -1) + 1);
  await expect.poll(stepNow, { timeout: 2 * PERIOD_SECONDS * 1000, message: "the next authenticator code" }).toBeGreaterThanOrEqual(step - 1);
  lastStepUsed.set(secret, step);
  return generate({ secret: secret.replace(/ /g, ""), epoch: step * PERIOD_SECONDS });
}

/** Types an email and a password into the sign-in form, then the authenticator app's code if one is given: only the tests of signing in do this. */
export async function signIn(page: Page, email: string, password: string, authenticatorSecret?: string | null): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (!authenticatorSecret) return;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm it is you");
  await page.getByLabel(/Code from your authenticator app/).fill(await authenticatorCode(authenticatorSecret));
  await page.getByRole("button", { name: "Continue" }).click();
}

/** Console errors of a page fail the test, except a form's 400 (its messages go next to the fields, and Chromium logs the answer). */
/** A form the server sent back with its messages (400, or 409 for a case that changed meanwhile): the browser logs the status. */
const FORM_REFUSAL = /the server responded with a status of (400|409)/;

function collectConsoleErrors(page: Page, allowed: RegExp[]): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !allowed.some((pattern) => pattern.test(message.text()))) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

interface Fixtures {
  /** Every browser console error fails the test, unless the test expects it (`allow`). */
  consoleErrors: { allow: (pattern: RegExp) => void };
  /** Creates a user with these roles (plan staff belong to Evergreen Health Plan), not signed in. */
  makeUser: (roles: Role[]) => Promise<TestUser>;
  /** Creates a user with this role and signs `page` in as them, on their home page. */
  loginAs: (role: Role) => Promise<TestUser>;
  /** Signs `page` in as this account (a demo account's email, or a user), without opening a page. */
  signInPageAs: (who: string | { id: string }) => Promise<void>;
  /** Another person's browser, signed in as them; its console errors fail the test too. */
  pageAs: (who: string | { id: string }) => Promise<Page>;
}

interface WorkerFixtures {
  /** This worker's connection to the portal under test (its database, storage and session secret). */
  portal: void;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  portal: [
    async ({}, use) => {
      connectToPortal();
      await use();
      await disconnectFromPortal();
    },
    { scope: "worker", auto: true },
  ],
  consoleErrors: [
    async ({ page }, use) => {
      const allowed: RegExp[] = [FORM_REFUSAL];
      const errors = collectConsoleErrors(page, allowed);
      await use({ allow: (pattern) => allowed.push(pattern) });
      expect(errors).toEqual([]);
    },
    { auto: true },
  ],
  // Users stay when the test ends: each run's server has a database of its own, made fresh.
  makeUser: async ({}, use) => {
    await use(async (roles) => {
      const planId = roles.includes("PLAN") ? await evergreenPlanId() : null;
      const name = `Test ${roles.join(" ").toLowerCase()} ${crypto.randomBytes(2).toString("hex")}`;
      const user = roles.length === 1 && roles[0] === "REVIEWER" ? await createReviewer({ name: `Dr. ${name}` }) : await createUser({ roles, planId, name });
      // Staff have a second factor, as after their first sign-in.
      const authenticatorSecret = isStaff(roles) ? generateSecret() : null;
      if (authenticatorSecret) await setUpAuthenticatorWithSecret([user.id], authenticatorSecret, new Date());
      return { id: user.id, email: user.email, name: user.name, password: PASSWORD, roles: user.roles, authenticatorSecret };
    });
  },
  signInPageAs: async ({ page }, use) => {
    await use(async (who) => signInAs(page.context(), typeof who === "string" ? await userByEmail(who) : who));
  },
  loginAs: async ({ page, makeUser, signInPageAs }, use) => {
    await use(async (role) => {
      const user = await makeUser([role]);
      await signInPageAs(user);
      await page.goto(HOMES[role].path);
      return user;
    });
  },
  pageAs: async ({ browser }, use) => {
    const opened: { page: Page; errors: string[] }[] = [];
    await use(async (who) => {
      const context = await browser.newContext();
      await signInAs(context, typeof who === "string" ? await userByEmail(who) : who);
      const page = await context.newPage();
      opened.push({ page, errors: collectConsoleErrors(page, [FORM_REFUSAL]) });
      return page;
    });
    for (const { page } of opened) await page.context().close();
    expect(opened.flatMap(({ errors }) => errors)).toEqual([]);
  },
});

export { expect };
