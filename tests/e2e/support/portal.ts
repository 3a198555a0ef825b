/**
 * The end-to-end tests' own connection to the portal under test: its
 * database, its document storage and its session cookies, so the tests
 * prepare data with the same typed factories as the integration tests
 * (tests/support) and sign in without typing a password.
 */
import type { BrowserContext } from "@playwright/test";
import { readConfig, setConfig } from "~/server/config.server";
import { connectDatabase, db, disconnectDatabase } from "~/server/db.server";
import { loadSecrets, setSecrets } from "~/server/secrets.server";
import { createCase, requestWithCookie } from "#tests/support/factories";
import { startSession } from "~/server/session.server";
import { E2E } from "./e2e-env";

/** Connects this test process to the running e2e server's database, with its settings and secrets. */
export function connectToPortal(): void {
  const secrets = loadSecrets(E2E.dataDir, {});
  const databaseUrl = `postgresql://imr:${encodeURIComponent(secrets.embeddedDatabasePassword)}@127.0.0.1:${E2E.databasePort}/imr`;
  setConfig(readConfig({ NODE_ENV: "production", DATA_DIR: E2E.dataDir, DATABASE_URL: databaseUrl, APP_URL: E2E.baseUrl, PORT: String(E2E.port) }));
  setSecrets(secrets);
  connectDatabase(databaseUrl);
}

export const disconnectFromPortal = disconnectDatabase;

/** Demo accounts and plans, as the README lists them. */
export const DEMO = {
  password: "Demo-password-2026",
  patient: "maria.lopez@example.com",
  coordinator: "coordinator@imr.example",
  cardiologist: "cardiology@reviewers.example",
  evergreenStaff: "plan@evergreen-health.example",
  pacificCoastStaff: "plan@pacific-coast-health.example",
  evergreenContact: "appeals@evergreen-health.example",
} as const;

/** A demo account (or any account) by its email. */
export function userByEmail(email: string) {
  return db.user.findUniqueOrThrow({ where: { email } });
}

export async function evergreenPlanId(): Promise<string> {
  return (await db.healthPlan.findUniqueOrThrow({ where: { name: "Evergreen Health Plan" }, select: { id: true } })).id;
}

/** Signs the browser context in as this user, as the sign-in form would: a new session and its cookie. */
export async function signInAs(context: BrowserContext, user: { id: string }): Promise<void> {
  const setCookie = await startSession(user.id, requestWithCookie(null));
  const [pair] = setCookie.split(";");
  const separator = pair!.indexOf("=");
  await context.addCookies([
    {
      name: pair!.slice(0, separator),
      value: pair!.slice(separator + 1),
      url: E2E.baseUrl,
      httpOnly: true,
      secure: /;\s*Secure/i.test(setCookie),
      sameSite: "Lax",
    },
  ]);
}

/** The demo patient, her plan (Evergreen) and the demo coordinator: who most test cases are between. */
export async function demoParties(): Promise<{ applicantId: string; planId: string; coordinatorId: string }> {
  const [applicant, coordinator] = await Promise.all([userByEmail(DEMO.patient), userByEmail(DEMO.coordinator)]);
  return { applicantId: applicant.id, planId: await evergreenPlanId(), coordinatorId: coordinator.id };
}

/** A draft request of this applicant (by default the demo patient) to Evergreen Health Plan. */
export async function createDraft(applicantEmail: string = DEMO.patient): Promise<string> {
  const applicant = await userByEmail(applicantEmail);
  return (await createCase({ applicantId: applicant.id, planId: await evergreenPlanId(), status: "DRAFT" })).id;
}
