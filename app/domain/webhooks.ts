/**
 * Webhooks to health plans' systems (Standard Webhooks convention): which
 * events a plan can subscribe to, and when a failed delivery is tried again.
 */
export const WEBHOOK_EVENTS = [
  "case.filed",
  "case.accepted",
  "case_file.requested",
  "information.requested",
  "case.information_added",
  "decision.issued",
  "decision.amended",
  "deadline.reminder",
  "case.closed",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "case.filed": "A request about one of your members was filed",
  "case.accepted": "A case was accepted for review",
  "case_file.requested": "Your case file is requested",
  "information.requested": "Information is requested from you",
  "case.information_added": "The applicant sent new information",
  "decision.issued": "A decision was issued",
  "decision.amended": "A decision was amended",
  "deadline.reminder": "A deadline of yours is coming up",
  "case.closed": "A case was closed",
};

/** Retries stop once a message is this old: it then shows as failed, and can be redelivered by hand. */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 3_600_000;

/**
 * Waits before each retry, doubling from the first: 5 s, 10 s, 20 s ... up to
 * an hour between tries, for as long as the retry window lasts.
 */
export const WEBHOOK_FIRST_RETRY_MS = 5_000;
const WEBHOOK_MAX_RETRY_MS = 3_600_000;

export function webhookRetryDelay(failedAttempts: number, firstRetryMs = WEBHOOK_FIRST_RETRY_MS): number {
  const exponent = Math.max(0, failedAttempts - 1);
  return Math.min(WEBHOOK_MAX_RETRY_MS, firstRetryMs * 2 ** Math.min(exponent, 30));
}

/** When to try a message again after `failedAttempts` failures, or null when its retry window is over. */
export function nextWebhookAttempt(failedAttempts: number, createdAt: Date, now: Date, firstRetryMs = WEBHOOK_FIRST_RETRY_MS): Date | null {
  const next = new Date(now.getTime() + webhookRetryDelay(failedAttempts, firstRetryMs));
  return next.getTime() - createdAt.getTime() > WEBHOOK_RETRY_WINDOW_MS ? null : next;
}

/** Plans register HTTPS endpoints; plain HTTP only for a portal in development or tests. */
export function webhookUrlProblem(url: string, allowPlainHttp: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Enter a full address starting with https://";
  }
  if (parsed.protocol === "https:") return null;
  if (parsed.protocol === "http:" && allowPlainHttp) return null;
  return "The address must start with https://";
}
