/**
 * `npm run storage:migrate`: the documents on the disk copied into an S3
 * bucket (s3rver on the loopback), then opened through the portal with
 * STORAGE=s3. The tests run in order, each run of the migration seeing what
 * the ones before it left.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config, setConfig, type AppConfig } from "~/server/config.server";
import { db } from "~/server/db.server";
import { downloadDocument } from "~/server/documents/download-document.server";
import { s3Client } from "~/server/documents/s3-storage.server";
import { migrateStorage, migrationStorages, StorageMigrationRefused, type MigrationStep } from "~/server/documents/storage-migrate.server";
import { documentStorage } from "~/server/documents/storage.server";
import { actorFor, createCase, createUser, sessionUserOf } from "#tests/support/factories";
import { S3RVER_CREDENTIALS, startS3Server, type S3TestServer } from "#tests/support/s3-server";
import { testDatabase } from "#tests/support/test-database";

const BUCKET = "documents";
const MiB = 1024 * 1024;
const AT = new Date("2026-03-04T09:00:00Z");

let server: S3TestServer;
let client: ReturnType<typeof s3Client>;
let onDisk: AppConfig;
let inBucket: AppConfig;
let applicant: Awaited<ReturnType<typeof createUser>>;
let caseId: string;
/** Each seeded document's id, key and content. */
const seeded: { id: string; storageKey: string; content: Buffer }[] = [];

beforeAll(async () => {
  server = await startS3Server([BUCKET]);
  client = s3Client({ endpoint: server.endpoint, bucket: BUCKET, region: "us-east-1", credentials: S3RVER_CREDENTIALS });
  onDisk = config();
  inBucket = { ...onDisk, storage: { kind: "s3", s3: { endpoint: server.endpoint, bucket: BUCKET, region: "us-east-1", credentials: S3RVER_CREDENTIALS } } };
  applicant = await createUser({ roles: ["APPLICANT"] });
  caseId = (await createCase({ applicantId: applicant.id })).id;
});

afterAll(async () => {
  setConfig(onDisk);
  client.destroy();
  await server.close();
});

/** Stores `content` on the disk as an upload does, with its Document row. */
async function seed(content: Buffer): Promise<{ id: string; storageKey: string; content: Buffer }> {
  setConfig(onDisk);
  const stored = await documentStorage().put(
    (async function* () {
      for (let offset = 0; offset < content.length; offset += 64 * 1024) yield content.subarray(offset, offset + 64 * 1024);
    })(),
  );
  const row = await db.document.create({
    data: {
      caseId,
      kind: "MEDICAL_RECORDS",
      fileName: "records.pdf",
      contentType: "application/pdf",
      sizeBytes: BigInt(stored.sizeBytes),
      sha256: stored.sha256,
      storageKey: stored.key,
      uploadedById: applicant.id,
    },
  });
  const document = { id: row.id, storageKey: stored.key, content };
  seeded.push(document);
  return document;
}

const diskFile = (key: string) => path.join(testDatabase.dataDir, "documents", key.slice(0, 2), key);

async function bucketKeys(): Promise<string[]> {
  const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (listed.Contents ?? []).map((object) => object.Key!).sort();
}

async function bucketBytes(key: string): Promise<Buffer> {
  const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await object.Body!.transformToByteArray());
}

/** The migration as `npm run storage:migrate` runs it: the environment says STORAGE=s3. */
async function migrate(steps: MigrationStep[] = []) {
  setConfig(inBucket);
  return migrateStorage(AT, migrationStorages(), (step) => steps.push(step));
}

/** The document as the portal serves it, from the bucket. */
async function downloaded(documentId: string): Promise<Buffer> {
  setConfig(inBucket);
  const download = await downloadDocument({ user: sessionUserOf(applicant), actor: actorFor(applicant), documentId, inline: false });
  return Buffer.from(await new Response(download.body).arrayBuffer());
}

describe("npm run storage:migrate", () => {
  it("refuses to start unless the portal is set up for a bucket, saying what to set", () => {
    setConfig(onDisk);
    expect(() => migrationStorages()).toThrow(StorageMigrationRefused);
    expect(() => migrationStorages()).toThrow(/Set STORAGE=s3 and S3_BUCKET/);
  });

  it("copies every document into the bucket, where each opens through the portal with the bytes it had on the disk", async () => {
    await seed(Buffer.from("%PDF-1.4 a one-page letter"));
    await seed(crypto.randomBytes(2 * MiB + 5));
    // More than one 8 MiB part: copied as a multipart upload, streamed from the file.
    await seed(crypto.randomBytes(9 * MiB));

    const steps: MigrationStep[] = [];
    const summary = await migrate(steps);

    expect(summary).toEqual({ total: 3, copied: 3, skipped: 0, failed: [], unnamedOnDisk: 0 });
    expect(steps.map((step) => step.done)).toEqual([1, 2, 3]);
    expect(await bucketKeys()).toEqual(seeded.map((document) => document.storageKey).sort());
    for (const document of seeded) {
      // The sealed bytes as they were: the same key and format, so the Document rows need no change.
      expect((await bucketBytes(document.storageKey)).equals(await fs.readFile(diskFile(document.storageKey)))).toBe(true);
      expect((await downloaded(document.id)).equals(document.content)).toBe(true);
    }
    const audited = await db.auditLog.findFirstOrThrow({ where: { action: "storage.migrated" } });
    expect(audited.detail).toMatchObject({ total: 3, copied: 3, skipped: 0, failed: [] });
  });

  it("leaves the files on the disk", async () => {
    for (const document of seeded) await expect(fs.stat(diskFile(document.storageKey))).resolves.toBeTruthy();
  });

  it("copies nothing the second time: each document already in the bucket is read back, verified and skipped", async () => {
    const summary = await migrate();

    expect(summary).toEqual({ total: 3, copied: 0, skipped: 3, failed: [], unnamedOnDisk: 0 });
    // Nothing copied, nothing failed: nothing to audit.
    expect(await db.auditLog.count({ where: { action: "storage.migrated" } })).toBe(1);
  });

  it("reports a damaged file on the disk as failed, does not count it as copied, and keeps it out of the bucket", async () => {
    const damaged = await seed(crypto.randomBytes(MiB + 100));
    const file = diskFile(damaged.storageKey);
    const bytes = await fs.readFile(file);
    bytes[bytes.length - 40]! ^= 1;
    await fs.writeFile(file, bytes);

    const summary = await migrate();

    expect(summary.copied).toBe(0);
    expect(summary.skipped).toBe(3);
    expect(summary.failed).toEqual([
      { documentId: damaged.id, storageKey: damaged.storageKey, reason: expect.stringMatching(/did not verify.*segment 1 failed its integrity check/) },
    ]);
    expect(await bucketKeys()).not.toContain(damaged.storageKey);
    const audited = await db.auditLog.findMany({ where: { action: "storage.migrated" }, orderBy: { at: "asc" } });
    expect(audited.at(-1)?.detail).toMatchObject({ copied: 0, failed: [{ documentId: damaged.id }] });
  });

  it("reports a document whose file is missing from the disk and the bucket, and counts files on the disk no document names", async () => {
    await db.document.deleteMany({ where: { id: seeded.at(-1)!.id } });
    const lost = await seed(Buffer.from("a scan"));
    await fs.rm(diskFile(lost.storageKey));

    const summary = await migrate();

    expect(summary.failed).toEqual([{ documentId: lost.id, storageKey: lost.storageKey, reason: "Not on the disk, and not in the bucket" }]);
    // The damaged file whose row went: left for the storage sweep.
    expect(summary.unnamedOnDisk).toBe(1);
  });
});
