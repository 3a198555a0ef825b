/**
 * An S3 API server on the loopback for tests: s3rver, with its files in a
 * temporary folder. s3rver 3.7 does not implement ListMultipartUploads or
 * AbortMultipartUpload, which the storage's clean-up needs; they are answered
 * here from s3rver's own record of open uploads
 * (<bucket>/._S3rver_uploads/<upload id>/key), the same record its
 * UploadPart and CompleteMultipartUpload use.
 */
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export interface S3TestServer {
  endpoint: string;
  /** s3rver's folder: what is stored, and what open uploads hold. */
  directory: string;
  close(): Promise<void>;
}

/** The credentials s3rver accepts. */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export async function startS3Server(buckets: string[]): Promise<S3TestServer> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "imr-s3rver-"));
  const s3rver = new S3rver({ directory, silent: true, configureBuckets: buckets.map((name) => ({ name, configs: [] })) });
  await s3rver.configureBuckets();
  const handle = s3rver.callback();
  const server = http.createServer((request, response) => {
    openUploads(directory, request, response).then(
      (answered) => {
        if (!answered) handle(request, response);
      },
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    directory,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

/** Answers ListMultipartUploads and AbortMultipartUpload; false for any other request. */
async function openUploads(directory: string, request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  const [bucket, ...keyParts] = url.pathname.slice(1).split("/").filter(Boolean).map(decodeURIComponent);
  const uploads = path.join(directory, bucket ?? "", "._S3rver_uploads");
  if (request.method === "GET" && keyParts.length === 0 && url.searchParams.has("uploads")) {
    const listed: string[] = [];
    for (const uploadId of await fs.readdir(uploads).catch(() => [])) {
      const key = await fs.readFile(path.join(uploads, uploadId, "key"), "utf8");
      const { birthtime } = await fs.stat(path.join(uploads, uploadId));
      listed.push(`<Upload><Key>${key}</Key><UploadId>${uploadId}</UploadId><Initiated>${birthtime.toISOString()}</Initiated></Upload>`);
    }
    response.writeHead(200, { "content-type": "application/xml" });
    response.end(
      `<?xml version="1.0" encoding="UTF-8"?><ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>${bucket}</Bucket><IsTruncated>false</IsTruncated>${listed.join("")}</ListMultipartUploadsResult>`,
    );
    return true;
  }
  const uploadId = url.searchParams.get("uploadId");
  if (request.method === "DELETE" && keyParts.length > 0 && uploadId) {
    const folder = path.join(uploads, path.basename(uploadId));
    const found = await fs.stat(folder).then(
      () => true,
      () => false,
    );
    if (!found) {
      response.writeHead(404, { "content-type": "application/xml" });
      response.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>`);
      return true;
    }
    await fs.rm(folder, { recursive: true, force: true });
    response.writeHead(204).end();
    return true;
  }
  return false;
}
