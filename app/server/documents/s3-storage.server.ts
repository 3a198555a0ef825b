import crypto from "node:crypto";
import { Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListMultipartUploadsCommand,
  NoSuchUpload,
  S3Client,
  paginateListObjectsV2,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { HEADER_BYTES, sealedSpan, verifiedPlaintext, type PlainRange } from "./document-cipher.server";
import { sealToBucket } from "./document-sealer.server";
import type { DocumentStorage, PutOptions, StorageEntry, StoredDocument } from "./storage.server";

const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * 8 MiB parts, two uploading while the next fills: about 24 MiB held per
 * upload, whatever the document's size. S3 allows 10,000 parts, so a
 * document may reach about 78 GiB.
 */
const PART_BYTES = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

export interface S3Settings {
  /** The server's URL, e.g. http://minio:9000; unset for AWS itself. */
  endpoint: string | undefined;
  bucket: string;
  region: string;
  /** Unset: the SDK's own chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, an instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
}

export interface S3StorageOptions {
  /** Smaller parts let a test exercise multipart uploads with a few MiB (S3 itself wants at least 5 MiB but for the last). */
  partBytes?: number;
}

/** The client for `settings`, with path-style addressing (bucket in the path), as MinIO and the like need. */
export function s3Client(settings: S3Settings): S3Client {
  return new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    credentials: settings.credentials,
    forcePathStyle: true,
    // By default the SDK sends a streamed body in aws-chunked encoding with a
    // trailing checksum, which S3-compatible servers do not all read. The
    // sealed format carries its own tags, checked on every read.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/**
 * Documents as encrypted objects in an S3-compatible bucket, named by their
 * key, in the same sealed format as on disk (document-cipher.server.ts): the
 * object store sees only ciphertext. A document is sealed and sent up on the
 * sealing thread, as a disk file is written (document-sealer.server.ts), as a
 * multipart upload of sealed bytes as they are made, so it never sits in
 * memory whole; an upload that fails is aborted, and one a dead process left
 * open is what `unfinishedWrites` finds.
 */
export class S3DocumentStorage implements DocumentStorage {
  private readonly partBytes: number;

  constructor(
    /** Where the bucket is: the sealing thread makes its own client from them. */
    private readonly settings: S3Settings,
    /** This thread's client, for everything but sending a new document up. */
    private readonly client: S3Client,
    private readonly masterKey: Buffer,
    options: S3StorageOptions = {},
  ) {
    this.partBytes = options.partBytes ?? PART_BYTES;
  }

  private get bucket(): string {
    return this.settings.bucket;
  }

  async put(content: AsyncIterable<Uint8Array>, options: PutOptions = {}): Promise<StoredDocument> {
    const key = crypto.randomUUID();
    const bucket = { settings: this.settings, key, partBytes: this.partBytes };
    const sealed = await sealToBucket(content, bucket, this.masterKey, { takeChunks: options.takeChunks ?? false });
    return { key, ...sealed };
  }

  /**
   * Stores bytes another storage sealed, as they are, under the key they had
   * there (the storage migration: storage-migrate.server.ts). They open here
   * only if they were sealed with this storage's master key.
   */
  async putSealed(key: string, sealed: AsyncIterable<Uint8Array>): Promise<void> {
    await uploadSealed(this.client, this.bucket, checked(key), sealed, this.partBytes);
  }

  async get(key: string, range?: PlainRange): Promise<ReadableStream<Uint8Array>> {
    if (!range) {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checked(key) }));
      return verifiedPlaintext(response.Body as Readable, this.masterKey);
    }
    // Two requests: the header, whose answer also gives the object's size, then the segments holding the range.
    const head = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checked(key), Range: `bytes=0-${HEADER_BYTES - 1}` }));
    const header = Buffer.from(await head.Body!.transformToByteArray());
    const sealedBytes = Number(/\/(\d+)$/.exec(head.ContentRange ?? "")?.[1] ?? header.length);
    const span = sealedSpan(header, sealedBytes, this.masterKey, range);
    const segments = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=${span.from}-${span.to - 1}` }));
    return span.open(segments.Body as Readable);
  }

  async delete(key: string): Promise<void> {
    // S3 answers a delete of a missing object with success.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checked(key) }));
  }

  async *objects(): AsyncIterable<StorageEntry> {
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.bucket })) {
      for (const object of page.Contents ?? []) {
        if (!object.Key || !KEY_PATTERN.test(object.Key)) continue;
        yield { name: object.Key, sizeBytes: object.Size ?? 0, writtenAt: object.LastModified ?? new Date(0) };
      }
    }
  }

  /**
   * Multipart uploads left open, named `<key>/<upload id>`. Their size is
   * not listed with them (it would take a request per upload): it counts as 0.
   */
  async *unfinishedWrites(): AsyncIterable<StorageEntry> {
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    for (;;) {
      const page = await this.client.send(new ListMultipartUploadsCommand({ Bucket: this.bucket, KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }));
      for (const upload of page.Uploads ?? []) {
        if (!upload.Key || !upload.UploadId || !KEY_PATTERN.test(upload.Key)) continue;
        yield { name: `${upload.Key}/${upload.UploadId}`, sizeBytes: 0, writtenAt: upload.Initiated ?? new Date(0) };
      }
      if (!page.IsTruncated) return;
      keyMarker = page.NextKeyMarker;
      uploadIdMarker = page.NextUploadIdMarker;
    }
  }

  async removeUnfinished(name: string): Promise<void> {
    const slash = name.indexOf("/");
    const key = name.slice(0, slash);
    const uploadId = name.slice(slash + 1);
    if (slash < 0 || !KEY_PATTERN.test(key) || !uploadId) throw new Error(`Not an unfinished write: ${JSON.stringify(name)}`);
    try {
      await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }));
    } catch (error) {
      if (!(error instanceof NoSuchUpload)) throw error;
    }
  }

  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }
}

/**
 * Sends sealed bytes up as the object `key`, as a multipart upload of
 * `partBytes` parts (a single request when they fit in one); a failed upload
 * is aborted, leaving no parts.
 */
export async function uploadSealed(client: S3Client, bucket: string, key: string, sealed: AsyncIterable<Uint8Array>, partBytes: number): Promise<void> {
  const upload = new Upload({
    client,
    params: { Bucket: bucket, Key: key, Body: Readable.from(sealed, { objectMode: false }) },
    partSize: partBytes,
    queueSize: PARTS_IN_FLIGHT,
    // Said outright because it is the point: a failed upload aborts its multipart upload, leaving no parts.
    leavePartsOnError: false,
  });
  await upload.done();
}

/** Keys are ours (UUIDs); checking the shape keeps any other string from naming an object. */
function checked(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`Not a document storage key: ${JSON.stringify(key)}`);
  return key;
}
