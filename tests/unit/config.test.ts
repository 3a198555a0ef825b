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

describe("document storage", () => {
  it("is the disk unless STORAGE=s3 names a bucket", () => {
    expect(readConfig({}).storage).toEqual({ kind: "disk" });
    expect(
      readConfig({ STORAGE: "s3", S3_BUCKET: "imr-documents", S3_ENDPOINT: "http://minio:9000", AWS_ACCESS_KEY_ID: "imr", AWS_SECRET_ACCESS_KEY: "secret" })
        .storage,
    ).toEqual({
      kind: "s3",
      s3: { endpoint: "http://minio:9000", bucket: "imr-documents", region: "us-east-1", credentials: { accessKeyId: "imr", secretAccessKey: "secret" } },
    });
    expect(readConfig({ STORAGE: "s3", S3_BUCKET: "imr-documents", S3_REGION: "eu-west-1" }).storage).toEqual({
      kind: "s3",
      s3: { endpoint: undefined, bucket: "imr-documents", region: "eu-west-1", credentials: undefined },
    });
  });

  it("refuses settings that would not reach the bucket, saying which", () => {
    expect(() => readConfig({ STORAGE: "minio" })).toThrow('STORAGE must be "disk" or "s3", got "minio"');
    expect(() => readConfig({ STORAGE: "s3" })).toThrow("STORAGE=s3 needs S3_BUCKET");
    expect(() => readConfig({ S3_BUCKET: "imr-documents" })).toThrow("S3_BUCKET set without STORAGE=s3");
    expect(() => readConfig({ STORAGE: "s3", S3_BUCKET: "imr-documents", S3_ENDPOINT: "minio:9000" })).toThrow(
      "S3_ENDPOINT must be the server's http:// or https:// address",
    );
    expect(() => readConfig({ STORAGE: "s3", S3_BUCKET: "imr-documents", AWS_ACCESS_KEY_ID: "imr" })).toThrow(
      "Set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither",
    );
  });
});

describe("the proxies trusted to name the client", () => {
  it("reads TRUST_PROXY as Express means it: all, none, a number of hops, or addresses and names", () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(readConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(readConfig({ TRUST_PROXY: "loopback, 10.0.0.0/8" }).trustProxy).toBe("loopback, 10.0.0.0/8");
  });
});

describe("the drain before an app server's listener closes", () => {
  it("is none unless SHUTDOWN_DRAIN_MS sets it, and at most 10 s of the shutdown's 20", () => {
    expect(readConfig({}).shutdownDrainMs).toBe(0);
    expect(readConfig({ SHUTDOWN_DRAIN_MS: "5000" }).shutdownDrainMs).toBe(5000);
    expect(readConfig({ SHUTDOWN_DRAIN_MS: "10000" }).shutdownDrainMs).toBe(10_000);
    for (const raw of ["10001", "-1", "2.5", "five seconds"]) {
      expect(() => readConfig({ SHUTDOWN_DRAIN_MS: raw })).toThrow(`SHUTDOWN_DRAIN_MS must be a whole number of milliseconds from 0 to 10000, got "${raw}"`);
    }
  });
});
