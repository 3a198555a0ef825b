import { describe, expect, it } from "vitest";
import { EMAIL_MAX_RETRY_MS, EMAIL_RETRY_WINDOW_MS, emailFailingTooLong, nextEmailAttempt } from "~/domain/email-retry";

const SECOND = 1_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const queuedAt = new Date("2026-03-07T23:59:30Z");
const after = (ms: number) => new Date(queuedAt.getTime() + ms);

describe("when a failed email is tried again", () => {
  it("waits 30 seconds after a failure on the spot, then as long as the message has waited, up to 15 minutes", () => {
    expect(nextEmailAttempt(queuedAt, queuedAt)).toEqual(after(30 * SECOND));
    expect(nextEmailAttempt(queuedAt, after(30 * SECOND))).toEqual(after(60 * SECOND));
    expect(nextEmailAttempt(queuedAt, after(4 * MINUTE))).toEqual(after(8 * MINUTE));
    expect(nextEmailAttempt(queuedAt, after(20 * MINUTE))).toEqual(after(35 * MINUTE));
    expect(nextEmailAttempt(queuedAt, after(50 * HOUR))).toEqual(after(50 * HOUR + EMAIL_MAX_RETRY_MS));
  });

  it("takes a shorter first wait when given one (the tests' worker)", () => {
    expect(nextEmailAttempt(queuedAt, after(0), SECOND)).toEqual(after(SECOND));
    expect(nextEmailAttempt(queuedAt, after(3 * SECOND), SECOND)).toEqual(after(6 * SECOND));
  });

  it("keeps trying for 72 hours after the message was queued, however many tries that takes, and then gives up", () => {
    let at = queuedAt;
    let tries = 0;
    for (let next = nextEmailAttempt(queuedAt, at); next; next = nextEmailAttempt(queuedAt, at)) {
      expect(next.getTime() - at.getTime()).toBeLessThanOrEqual(EMAIL_MAX_RETRY_MS);
      at = next;
      tries += 1;
    }
    expect(at.getTime() - queuedAt.getTime()).toBeGreaterThanOrEqual(EMAIL_RETRY_WINDOW_MS);
    expect(tries).toBeGreaterThan(280);
    expect(nextEmailAttempt(queuedAt, after(72 * HOUR - 1))).toEqual(after(72 * HOUR - 1 + EMAIL_MAX_RETRY_MS));
    expect(nextEmailAttempt(queuedAt, after(72 * HOUR))).toBeNull();
  });

  it("alerts the administrators about a message that has been failing for 15 minutes since it was queued", () => {
    expect(emailFailingTooLong(queuedAt, after(14 * MINUTE))).toBe(false);
    expect(emailFailingTooLong(queuedAt, after(15 * MINUTE))).toBe(true);
  });
});
