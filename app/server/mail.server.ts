import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { createElement } from "react";
import { I18nextProvider } from "react-i18next";
import { render } from "@react-email/render";
import { EMAIL_TEMPLATES, type EmailTemplateName } from "#emails/index";
import { i18nFor } from "~/i18n/i18n";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";

export interface RenderedEmail {
  html: string;
  text: string;
}

/** An email as its recipient reads it: the template's text in their language (`useTranslation` works in emails as in pages). */
export async function renderEmail(template: string, props: unknown, locale: Locale = DEFAULT_LOCALE): Promise<RenderedEmail> {
  const entry = EMAIL_TEMPLATES[template as EmailTemplateName];
  if (!entry) throw new Error(`Unknown email template "${template}"`);
  const element = createElement(I18nextProvider, { i18n: i18nFor(locale) }, createElement(entry.component as React.ComponentType<object>, props as object));
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

interface OutgoingEmail {
  /** Stable per outbox row, so a resend after a crash can be recognised. */
  messageId: string;
  /**
   * When the change that wrote it was saved: the message's Date, so mail
   * sent side by side in one batch still reads in the order it was queued.
   */
  date: Date;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface MailTransport {
  kind: "smtp" | "files";
  send(email: OutgoingEmail): Promise<{ providerMessageId: string }>;
  check(): Promise<{ ok: boolean; detail: string }>;
  close(): void;
}

/**
 * How long an SMTP server may keep us waiting, per step. Together they keep a
 * send well inside its lease (SEND_TIMEOUT_MS in outbox-delivery.server.ts):
 * nodemailer's defaults would wait up to an hour on a silent connection.
 */
const SMTP_TIMEOUTS_MS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000, dnsTimeout: 10_000 };

/** Sends through SMTP_URL (smtp:// or smtps://user:pass@host:port). */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS_MS });
  return {
    kind: "smtp",
    async send(email) {
      const info = await transporter.sendMail(email);
      return { providerMessageId: info.messageId };
    },
    async check() {
      try {
        await transporter.verify();
        return { ok: true, detail: "SMTP server answered" };
      } catch (error) {
        return { ok: false, detail: `SMTP server unreachable: ${(error as Error).message}` };
      }
    },
    close: () => transporter.close(),
  };
}

/** Without SMTP_URL, each message is written as an .eml file for a person to open. */
export function fileTransport(dir: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "files",
    async send(email) {
      const info = await transporter.sendMail(email);
      // Owner-only: a message may hold a sign-in or password-reset link.
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const safeId = email.messageId.replace(/[^a-zA-Z0-9.-]/g, "");
      // Named by queue time, so the folder lists messages in the order they were written.
      const file = path.join(dir, `${email.date.toISOString().replace(/[:.]/g, "-")}-${safeId}.eml`);
      fs.writeFileSync(file, info.message as Buffer, { mode: 0o600 });
      return { providerMessageId: file };
    },
    async check() {
      try {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        fs.accessSync(dir, fs.constants.W_OK);
        return { ok: true, detail: "writing .eml files to the data folder" };
      } catch (error) {
        return { ok: false, detail: `cannot write to ${dir}: ${(error as Error).message}` };
      }
    },
    close: () => transporter.close(),
  };
}
