/**
 * When a failed email is tried again, and when the portal gives up on it. A
 * decision notice must outlast a provider's bad day, so the schedule runs by
 * the time since the message was queued, not by a count of attempts.
 */

/** Retries go on for this long after a message was queued; then it is given up on, and an administrator can retry it. */
export const EMAIL_RETRY_WINDOW_MS = 72 * 3_600_000;
/** The wait after the first failure. */
const EMAIL_FIRST_RETRY_MS = 30_000;
/** The longest wait between two tries: a message is sent within this long of its provider coming back. */
export const EMAIL_MAX_RETRY_MS = 15 * 60_000;
/** Administrators are alerted once a message has been failing this long after it was queued. */
const EMAIL_ALERT_AFTER_MS = 15 * 60_000;

/**
 * When to try a message again after a failure at `at`, or null to give up.
 * The wait is as long as the message has already waited (so it doubles),
 * between the first retry's wait and the cap; a message is given up on only
 * after the whole retry window has gone by.
 */
export function nextEmailAttempt(queuedAt: Date, at: Date, firstRetryMs = EMAIL_FIRST_RETRY_MS): Date | null {
  const waited = at.getTime() - queuedAt.getTime();
  if (waited >= EMAIL_RETRY_WINDOW_MS) return null;
  const wait = Math.min(EMAIL_MAX_RETRY_MS, Math.max(firstRetryMs, waited));
  return new Date(at.getTime() + wait);
}

/** Whether a message still failing at `at` has failed long enough for the administrators to hear of it. */
export function emailFailingTooLong(queuedAt: Date, at: Date): boolean {
  return at.getTime() - queuedAt.getTime() >= EMAIL_ALERT_AFTER_MS;
}
