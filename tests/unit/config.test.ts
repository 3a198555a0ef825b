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

describe("the owner's database connection", () => {
  it("names the owner of DATABASE_URL's tables, so it comes with DATABASE_URL", () => {
    const owner = "postgresql://imr_owner:secret@db.example/imr";
    expect(readConfig({}).migrationDatabaseUrl).toBeUndefined();
    expect(readConfig({ DATABASE_URL: "postgresql://imr_app:secret@db.example/imr", MIGRATION_DATABASE_URL: owner }).migrationDatabaseUrl).toBe(owner);
    expect(() => readConfig({ MIGRATION_DATABASE_URL: owner })).toThrow(
      "MIGRATION_DATABASE_URL is set without DATABASE_URL: set both, or neither for the embedded database",
    );
  });
});
