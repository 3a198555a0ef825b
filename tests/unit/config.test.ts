import { describe, expect, it } from "vitest";
import { readConfig } from "~/server/config.server";

describe("the alert route for failing email", () => {
  it("is a second SMTP server and an address, both or neither", () => {
    expect(readConfig({}).emailAlert).toBeUndefined();
    expect(readConfig({ ALERT_SMTP_URL: "smtp://alerts.example:25", ALERT_EMAIL: "admins@imr.example" }).emailAlert).toEqual({
      smtpUrl: "smtp://alerts.example:25",
      email: "admins@imr.example",
    });
    expect(() => readConfig({ ALERT_EMAIL: "admins@imr.example" })).toThrow("Set both ALERT_SMTP_URL and ALERT_EMAIL, or neither");
    expect(() => readConfig({ ALERT_SMTP_URL: "smtp://alerts.example:25" })).toThrow("Set both ALERT_SMTP_URL and ALERT_EMAIL, or neither");
  });
});
