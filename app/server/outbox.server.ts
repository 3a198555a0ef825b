import { EMAIL_TEMPLATES, type EmailTemplateName, type EmailTemplateProps } from "#emails/index";
import type { TFunction } from "i18next";
import { translator } from "~/i18n/i18n";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import type { Prisma, Tx } from "./db.server";

export interface QueuedEmail<N extends EmailTemplateName> {
  template: N;
  to: string;
  props: EmailTemplateProps[N];
  /** The recipient's language: an applicant's account, or their case's notices (noticeLocale); staff read English. */
  locale?: Locale;
  caseId?: string;
  /** Queuing the same key twice keeps the first (a reminder per deadline, say). */
  dedupeKey?: string;
  /** When the change that caused it happened (the email's date); defaults to now. */
  at?: Date;
}

/**
 * Puts an email in the outbox inside the caller's transaction: it goes out
 * only if the change that caused it commits. The mail worker sends it.
 */
export async function queueEmail<N extends EmailTemplateName>(tx: Tx, email: QueuedEmail<N>): Promise<void> {
  const entry = EMAIL_TEMPLATES[email.template] as { subject: (props: EmailTemplateProps[N], t: TFunction) => string };
  const locale = email.locale ?? DEFAULT_LOCALE;
  const data = {
    template: email.template,
    toAddress: email.to,
    subject: entry.subject(email.props, translator(locale)),
    props: email.props as unknown as Prisma.InputJsonValue,
    language: locale,
    caseId: email.caseId ?? null,
    dedupeKey: email.dedupeKey ?? null,
    createdAt: email.at,
    // The retry window and the worker's schedule run on the application's clock, not the database's.
    queuedAt: new Date(),
  };
  if (email.dedupeKey) {
    await tx.outboxMessage.upsert({ where: { dedupeKey: email.dedupeKey }, create: data, update: {} });
  } else {
    await tx.outboxMessage.create({ data });
  }
}
