/**
 * Telling administrators that email is failing: once per incident, by email
 * through a second route (ALERT_SMTP_URL to ALERT_EMAIL), since the usual
 * one is what is failing; the admin home page shows the same counts.
 */
import { emailFailingTooLong } from "~/domain/email-retry";
import { config } from "./config.server";
import { db } from "./db.server";
import { log } from "./log.server";
import type { MailTransport } from "./mail.server";

/** The open incident, a setting row: there is one while any message is failing, and its alert went out. */
const INCIDENT_KEY = "emailIncident";

/** A message that failed and is still to be sent (waiting for its next try, or being tried), or one given up on. */
const FAILING = { OR: [{ status: { in: ["PENDING" as const, "SENDING" as const] }, lastError: { not: null } }, { status: "FAILED" as const }] };

/** How many messages are failing and how many were given up on, for the admin home page and the alert. */
export async function emailTrouble(): Promise<{ retrying: number; givenUp: number }> {
  const [failing, givenUp] = await Promise.all([db.outboxMessage.count({ where: FAILING }), db.outboxMessage.count({ where: { status: "FAILED" } })]);
  return { retrying: failing - givenUp, givenUp };
}

/**
 * After a failed try: opens an incident and alerts the administrators when
 * a message has been failing long enough and no incident is open. The
 * setting row is claimed first, so two workers alert once between them.
 */
export async function alertAdministratorsIfFailing(at: Date, transport: MailTransport | undefined): Promise<void> {
  const oldest = await db.outboxMessage.findFirst({ where: FAILING, orderBy: { queuedAt: "asc" }, select: { queuedAt: true } });
  if (!oldest || !emailFailingTooLong(oldest.queuedAt, at)) return;
  const opened = await db.setting.createMany({ data: [{ key: INCIDENT_KEY, value: { startedAt: at.toISOString() } }], skipDuplicates: true });
  if (opened.count === 0) return;
  const trouble = await emailTrouble();
  const outboxUrl = `${config().appUrl}/admin/outbox`;
  const summary = `${trouble.retrying} email(s) are failing and being retried, ${trouble.givenUp} given up on.`;
  log.error("email is failing: administrators alerted", { ...trouble });
  const alert = config().emailAlert;
  if (!alert || !transport) return;
  try {
    await transport.send({
      messageId: `<email-incident-${at.getTime()}@imr-portal>`,
      date: at,
      from: config().mailFrom,
      to: alert.email,
      subject: "The portal cannot send email",
      text: `${summary}\n\nMessages are retried for 72 hours after they were queued. See them, retry or cancel them at ${outboxUrl}\n\nYou will not be alerted again until every message has been sent or cancelled.`,
      html: `<p>${summary}</p><p>Messages are retried for 72 hours after they were queued. See them, retry or cancel them at <a href="${outboxUrl}">${outboxUrl}</a>.</p><p>You will not be alerted again until every message has been sent or cancelled.</p>`,
    });
  } catch (error) {
    // The second route failed too: the next failed try alerts again.
    await db.setting.deleteMany({ where: { key: INCIDENT_KEY } });
    log.error("email alert not sent", { error: (error as Error).message });
  }
}

/** After a message is sent or cancelled: the incident is over once nothing is failing, and the next one alerts again. */
export async function closeEmailIncidentIfClear(): Promise<void> {
  if ((await db.outboxMessage.count({ where: FAILING })) > 0) return;
  await db.setting.deleteMany({ where: { key: INCIDENT_KEY } });
}
