/**
 * Document storage in an S3-compatible bucket, against a real S3 API server
 * (s3rver) on the loopback: the SDK talks HTTP to it as to MinIO or AWS.
 */
import crypto from "node:crypto";
import { CreateMultipartUploadCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, UploadPartCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config, setConfig } from "~/server/config.server";
import { DocumentIntegrityError } from "~/server/documents/document-cipher.server";
import { S3DocumentStorage, s3Client, type S3Settings } from "~/server/documents/s3-storage.server";
import { documentStorage, type StorageEntry } from "~/server/documents/storage.server";
import { S3RVER_CREDENTIALS, startS3Server, type S3TestServer } from "#tests/support/s3-server";

const BUCKET = "documents";
const MiB = 1024 * 1024;
/** The smallest part S3 allows: a few MiB make a multipart upload. */
const PART_BYTES = 5 * MiB;

let server: S3TestServer;
let settings: S3Settings;
let client: ReturnType<typeof s3Client>;
let storage: S3DocumentStorage;
const masterKey = crypto.randomBytes(32);

beforeAll(async () => {
  server = await startS3Server([BUCKET]);
  settings = { endpoint: server.endpoint, bucket: BUCKET, region: "us-east-1", credentials: S3RVER_CREDENTIALS };
  client = s3Client(settings);
  storage = new S3DocumentStorage(settings, client, masterKey, { partBytes: PART_BYTES });
});

afterAll(async () => {
  client.destroy();
  await server.close();
});

/** `bytes` in 64 KiB chunks, as an upload's body arrives; throws after `failAfter` bytes when set. */
async function* chunksOf(bytes: Buffer, failAfter?: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += 64 * 1024) {
    if (failAfter !== undefined && offset >= failAfter) throw new Error("The client went away");
    yield bytes.subarray(offset, offset + 64 * 1024);
  }
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

async function collect(entries: AsyncIterable<StorageEntry>): Promise<StorageEntry[]> {
  const all: StorageEntry[] = [];
  for await (const entry of entries) all.push(entry);
  return all;
}

async function storedKeys(): Promise<string[]> {
  const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (listed.Contents ?? []).map((object) => object.Key!);
}

describe("S3 document storage", () => {
  it("stores a document of several parts and gives back the same bytes, measured as sent", async () => {
    const content = crypto.randomBytes(11 * MiB + 123);
    const stored = await storage.put(chunksOf(content));

    expect(stored.sizeBytes).toBe(content.length);
    expect(stored.sha256).toBe(crypto.createHash("sha256").update(content).digest("hex"));
    const back = await readAll(await storage.get(stored.key));
    expect(back.equals(content)).toBe(true);
  });

  it("keeps only ciphertext in the bucket", async () => {
    const content = Buffer.from("Diagnosis: the patient's full medical history");
    const stored = await storage.put(chunksOf(content));

    const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: stored.key }));
    const raw = Buffer.from(await object.Body!.transformToByteArray());
    expect(raw.subarray(0, 4).toString()).toBe("IMRD");
    expect(raw.includes(content)).toBe(false);
  });

  it("refuses a tampered object before streaming any of it", async () => {
    const stored = await storage.put(chunksOf(crypto.randomBytes(2 * MiB)));
    const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: stored.key }));
    const raw = Buffer.from(await object.Body!.transformToByteArray());
    raw[100]! ^= 1;
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: stored.key, Body: raw }));

    await expect(storage.get(stored.key)).rejects.toBeInstanceOf(DocumentIntegrityError);
  });

  it("fails before streaming when the object is missing", async () => {
    await expect(storage.get(crypto.randomUUID())).rejects.toThrow(/does not exist/);
  });

  it("deletes a document, and deleting it again is not an error", async () => {
    const stored = await storage.put(chunksOf(Buffer.from("a letter")));

    await storage.delete(stored.key);
    await storage.delete(stored.key);

    expect(await storedKeys()).not.toContain(stored.key);
    await expect(storage.get(stored.key)).rejects.toThrow();
  });

  it("lists what it stored, with each object's size", async () => {
    const stored = await storage.put(chunksOf(Buffer.from("listed")));

    const entries = await collect(storage.objects());
    const entry = entries.find((candidate) => candidate.name === stored.key);
    expect(entry?.sizeBytes).toBeGreaterThan("listed".length);
    expect(entries.map((candidate) => candidate.name).sort()).toEqual((await storedKeys()).sort());
  });

  it("leaves no object and no open upload when the content fails midway", async () => {
    const before = await storedKeys();

    await expect(storage.put(chunksOf(crypto.randomBytes(12 * MiB), 7 * MiB))).rejects.toThrow("The client went away");

    expect(await storedKeys()).toEqual(before);
    expect(await collect(storage.unfinishedWrites())).toEqual([]);
  });

  it("finds an upload a killed process left open, and aborts it", async () => {
    const key = crypto.randomUUID();
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key }));
    await client.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId, PartNumber: 1, Body: crypto.randomBytes(PART_BYTES) }));

    const unfinished = await collect(storage.unfinishedWrites());
    expect(unfinished.map((entry) => entry.name)).toEqual([`${key}/${UploadId}`]);

    await storage.removeUnfinished(unfinished[0]!.name);
    await storage.removeUnfinished(unfinished[0]!.name);
    expect(await collect(storage.unfinishedWrites())).toEqual([]);
    expect(await storedKeys()).not.toContain(key);
  });

  it("passes its check when the bucket is there, and fails it when not", async () => {
    await expect(storage.check()).resolves.toBeUndefined();
    await expect(new S3DocumentStorage({ ...settings, bucket: "no-such-bucket" }, client, masterKey).check()).rejects.toThrow();
  });

  it("is the storage the portal uses when STORAGE=s3", async () => {
    const before = config();
    setConfig({ ...before, storage: { kind: "s3", s3: { endpoint: server.endpoint, bucket: BUCKET, region: "us-east-1", credentials: S3RVER_CREDENTIALS } } });
    try {
      const stored = await documentStorage().put(chunksOf(Buffer.from("through the portal's storage")));
      expect(await storedKeys()).toContain(stored.key);
      expect((await readAll(await documentStorage().get(stored.key))).toString()).toBe("through the portal's storage");
    } finally {
      setConfig(before);
    }
  });
});
