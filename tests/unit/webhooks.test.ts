import { describe, expect, it } from "vitest";
import { nextWebhookAttempt, WEBHOOK_RETRY_WINDOW_MS, webhookRetryDelay, webhookUrlProblem } from "~/domain/webhooks";

describe("webhook retries", () => {
  it("wait 5 s after the first failure and double each time, up to an hour", () => {
    expect([1, 2, 3, 4, 5].map((failures) => webhookRetryDelay(failures))).toEqual([5_000, 10_000, 20_000, 40_000, 80_000]);
    expect(webhookRetryDelay(11)).toBe(3_600_000);
    expect(webhookRetryDelay(40)).toBe(3_600_000);
  });

  it("stop once the next try would fall more than 24 hours after the message was created", () => {
    const created = new Date("2026-11-23T10:00:00Z");
    const early = new Date("2026-11-23T10:00:05Z");
    expect(nextWebhookAttempt(1, created, early)).toEqual(new Date("2026-11-23T10:00:10Z"));
    const late = new Date(created.getTime() + WEBHOOK_RETRY_WINDOW_MS - 60_000);
    expect(nextWebhookAttempt(20, created, late)).toBeNull();
    expect(nextWebhookAttempt(1, created, late)).toEqual(new Date(late.getTime() + 5_000));
  });
});

describe("webhook addresses", () => {
  it("must be https, except plain http where the portal allows it (development)", () => {
    expect(webhookUrlProblem("https://plan.example/hooks", false)).toBeNull();
    expect(webhookUrlProblem("http://plan.example/hooks", false)).toBe("The address must start with https://");
    expect(webhookUrlProblem("http://127.0.0.1:9000/hooks", true)).toBeNull();
    expect(webhookUrlProblem("ftp://plan.example/hooks", true)).toBe("The address must start with https://");
    expect(webhookUrlProblem("plan.example/hooks", false)).toBe("Enter a full address starting with https://");
  });
});
