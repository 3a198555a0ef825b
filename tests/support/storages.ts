/**
 * The two document storages, for tests that run once with each
 * (`describe.each(documentStorages())`): encrypted files under the test's
 * DATA_DIR/documents, and encrypted objects in a bucket of an S3 API server
 * on the loopback (s3rver), started on first use and stopped after the file.
 * Each can show and change the stored (sealed) bytes, as someone with access
 * to the disk or the bucket could.
 */
import fs from "node:fs/promises";
import path from "node:path";
import crypto from "node:crypto";
import { CreateMultipartUploadCommand, GetObjectCommand, PutObjectCommand, UploadPartCommand } from "@aws-sdk/client-s3";
import { afterAll } from "vitest";
import { config, setConfig, type AppConfig } from "~/server/config.server";
import { s3Client, type S3Settings } from "~/server/documents/s3-storage.server";
import { documentStorage } from "~/server/documents/storage.server";
import { S3RVER_CREDENTIALS, startS3Server, type S3TestServer } from "./s3-server";
import { testDatabase } from "./test-database";

export interface StorageUnderTest {
  name: "disk" | "S3";
  /** Makes it the portal's storage (STORAGE) from now on. */
  use(): Promise<void>;
  /** The names of everything stored: finished objects and unfinished writes. */
  contents(): Promise<string[]>;
  /** The names of the unfinished writes. */
  unfinished(): Promise<string[]>;
  has(key: string): Promise<boolean>;
  /** The object's bytes as stored: sealed. */
  sealedBytes(key: string): Promise<Buffer>;
  /** Replaces the object's stored bytes. */
  replaceSealedBytes(key: string, bytes: Buffer): Promise<void>;
  /** Leaves `bytes` as a write a killed process never finished: a `.part` file, an open multipart upload. */
  leaveUnfinished(bytes: Buffer): Promise<void>;
}

const BUCKET = "documents";

/** Both storages; the S3 one's server is stopped after the test file. */
export function documentStorages(): StorageUnderTest[] {
  let server: S3TestServer | undefined;
  let settings: S3Settings | undefined;
  let client: ReturnType<typeof s3Client> | undefined;
  afterAll(async () => {
    client?.destroy();
    await server?.close();
  });
  const onDisk = (): AppConfig => ({ ...config(), storage: { kind: "disk" } });
  const diskFile = (key: string) => path.join(testDatabase.dataDir, "documents", key.slice(0, 2), key);

  const shared = {
    async contents() {
      const names: string[] = [];
      for await (const entry of documentStorage().objects()) names.push(entry.name);
      return [...names, ...(await shared.unfinished())].sort();
    },
    async unfinished() {
      const names: string[] = [];
      for await (const entry of documentStorage().unfinishedWrites()) names.push(entry.name);
      return names.sort();
    },
    async has(key: string) {
      for await (const entry of documentStorage().objects()) if (entry.name === key) return true;
      return false;
    },
  };
  return [
    {
      name: "disk",
      async use() {
        setConfig(onDisk());
      },
      ...shared,
      sealedBytes: (key) => fs.readFile(diskFile(key)),
      replaceSealedBytes: (key, bytes) => fs.writeFile(diskFile(key), bytes),
      async leaveUnfinished(bytes) {
        const incoming = path.join(testDatabase.dataDir, "documents", "incoming");
        await fs.mkdir(incoming, { recursive: true });
        await fs.writeFile(path.join(incoming, `${crypto.randomUUID()}.part`), bytes);
      },
    },
    {
      name: "S3",
      async use() {
        if (!server) {
          server = await startS3Server([BUCKET]);
          // One settings object for the file: the portal keeps one client for it.
          settings = { endpoint: server.endpoint, bucket: BUCKET, region: "us-east-1", credentials: S3RVER_CREDENTIALS };
          client = s3Client(settings);
        }
        setConfig({ ...config(), storage: { kind: "s3", s3: settings! } });
      },
      ...shared,
      async sealedBytes(key) {
        const object = await client!.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
        return Buffer.from(await object.Body!.transformToByteArray());
      },
      async replaceSealedBytes(key, bytes) {
        await client!.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: bytes }));
      },
      async leaveUnfinished(bytes) {
        const Key = crypto.randomUUID();
        const { UploadId } = await client!.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key }));
        await client!.send(new UploadPartCommand({ Bucket: BUCKET, Key, UploadId, PartNumber: 1, Body: bytes }));
      },
    },
  ];
}
