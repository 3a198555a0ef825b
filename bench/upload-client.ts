/**
 * The client of `npm run bench:upload`, run in its own process by
 * bench/upload.ts: POSTs one file from disk and prints, as JSON on stdout,
 * the server's answer, how long the upload took and the CPU time it used.
 *
 * It stays as light as a real uploader, whose CPU is on another machine:
 * two 1 MiB buffers, read into in turn while the other is being sent, and
 * nothing else. Sending from the bench's own process, each read was a new
 * 1 MiB buffer, so that process's heap (Prisma and all) was collected again
 * and again, and the client took 1.8 of the two vCPUs' seconds per GiB,
 * mostly away from the server it was measuring.
 *
 * Usage: tsx bench/upload-client.ts '<JSON of UploadClientRequest>'
 */
import fs from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";

export interface UploadClientRequest {
  port: number;
  /** Path and query of the upload, e.g. /documents?caseId=... */
  path: string;
  cookie: string;
  file: string;
  bytes: number;
}

export interface UploadClientAnswer {
  status: number;
  body: string;
  /** From the request's start to the answer's last byte. */
  elapsedMs: number;
  /** User and system CPU time this process spent on the upload. */
  cpuSeconds: number;
}

const CHUNK_BYTES = 1024 * 1024;

const request = JSON.parse(process.argv[2] ?? "") as UploadClientRequest;
process.stdout.write(JSON.stringify(await upload(request)));

async function upload(options: UploadClientRequest): Promise<UploadClientAnswer> {
  const file = await fs.promises.open(options.file, "r");
  try {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const outgoing = http.request({
      host: "127.0.0.1",
      port: options.port,
      method: "POST",
      path: options.path,
      headers: { Cookie: options.cookie, "Content-Type": "application/pdf", "Content-Length": String(options.bytes) },
    });
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      outgoing.on("error", reject);
      outgoing.on("response", (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      });
    });
    const send = (chunk: Buffer) => new Promise<void>((resolve, reject) => outgoing.write(chunk, (error) => (error ? reject(error) : resolve())));
    const buffers = [Buffer.allocUnsafeSlow(CHUNK_BYTES), Buffer.allocUnsafeSlow(CHUNK_BYTES)];
    let sending = Promise.resolve();
    for (let position = 0, turn = 0; position < options.bytes; turn ^= 1) {
      const { bytesRead } = await file.read(buffers[turn]!, 0, Math.min(CHUNK_BYTES, options.bytes - position), position);
      if (bytesRead === 0) throw new Error(`${options.file} ends before ${options.bytes} bytes`);
      // The other buffer is free again once its bytes are with the kernel.
      await sending;
      sending = send(buffers[turn]!.subarray(0, bytesRead));
      position += bytesRead;
    }
    await sending;
    outgoing.end();
    // A refusal can answer before the body is sent; the answer is what counts.
    const { status, body } = await answered;
    const elapsedMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    return { status, body, elapsedMs, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  } finally {
    await file.close();
  }
}
