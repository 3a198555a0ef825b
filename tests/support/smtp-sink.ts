/**
 * A real SMTP server for integration tests: it listens on 127.0.0.1 at a free
 * port, keeps every message it accepts, and can be told to refuse the next
 * messages with an SMTP error, the way a mail provider that is down would,
 * or to hold its answers, the way a slow one does.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

interface ReceivedMessage {
  /** RCPT TO addresses, as the client gave them. */
  recipients: string[];
  mailFrom: string;
  /** The whole message as sent after DATA (headers and body, CRLF line ends). */
  raw: string;
}

export interface SmtpSink {
  port: number;
  url: string;
  /** Accepted messages, oldest first. */
  messages: ReceivedMessage[];
  /** Messages sent to this address. */
  messagesTo(address: string): ReceivedMessage[];
  /** Number of DATA commands refused so far. */
  rejected: number;
  /** Refuses the next `count` messages with `code` (4xx: try again later, 5xx: permanent). */
  rejectNext(count: number, code?: number): void;
  /** Holds the answer to every message from now on: its sender waits, mid-send, until `releaseHeld`. */
  holdAnswers(): void;
  /** Messages whose answer is held now. */
  held(): number;
  /** Accepts the held messages whose sender is still connected, and stops holding; returns the recipients of those whose sender went away. */
  releaseHeld(): string[];
  /** Forgets received messages and pending rejections. */
  reset(): void;
  stop(): Promise<void>;
}

interface HeldMessage {
  message: ReceivedMessage;
  sessionId: string;
  accept: () => void;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  let rejectRemaining = 0;
  let rejectCode = 451;
  let holding = false;
  const heldMessages: HeldMessage[] = [];
  const closedSessions = new Set<string>();
  const sink = {
    port: 0,
    url: "",
    messages: [] as ReceivedMessage[],
    rejected: 0,
    messagesTo(address: string) {
      return sink.messages.filter((message) => message.recipients.includes(address));
    },
    rejectNext(count: number, code = 451) {
      rejectRemaining = count;
      rejectCode = code;
    },
    holdAnswers() {
      holding = true;
    },
    held: () => heldMessages.filter((held) => !closedSessions.has(held.sessionId)).length,
    releaseHeld() {
      holding = false;
      const gone: string[] = [];
      for (const held of heldMessages.splice(0)) {
        if (closedSessions.has(held.sessionId)) {
          gone.push(...held.message.recipients);
        } else {
          sink.messages.push(held.message);
          held.accept();
        }
      }
      return gone;
    },
    reset() {
      sink.messages.length = 0;
      sink.rejected = 0;
      rejectRemaining = 0;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (error: Error) => callback(error));
      stream.on("end", () => {
        if (rejectRemaining > 0) {
          rejectRemaining -= 1;
          sink.rejected += 1;
          const error = Object.assign(new Error(`Test sink refuses this message (${rejectCode})`), {
            responseCode: rejectCode,
          });
          callback(error);
          return;
        }
        const message = {
          recipients: session.envelope.rcptTo.map((address) => address.address),
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          raw: Buffer.concat(chunks).toString("utf8"),
        };
        const accept = () => callback(null, "Queued by the test sink");
        if (holding) {
          heldMessages.push({ message, sessionId: session.id, accept });
          return;
        }
        sink.messages.push(message);
        accept();
      });
    },
    onClose(session) {
      closedSessions.add(session.id);
    },
  });
  // A dropped client connection must not crash the test run.
  server.on("error", () => undefined);

  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  return sink;
}

export interface ParsedMessage {
  /** Header values by lower-case name, unfolded, encoded words decoded. */
  headers: Map<string, string>;
  /** The decoded text/plain part ("" when there is none). */
  text: string;
  /** The decoded text/html part ("" when there is none). */
  html: string;
}

/**
 * Just enough MIME to read what nodemailer sends: headers, multipart bodies,
 * quoted-printable and base64 parts.
 */
export function parseMessage(raw: string): ParsedMessage {
  const result: ParsedMessage = { headers: new Map(), text: "", html: "" };
  const { headers, body } = splitEntity(raw);
  for (const [name, value] of headers) result.headers.set(name, decodeEncodedWords(value));
  collectParts(headers, body, result);
  return result;
}

function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
  const normalized = raw.replace(/\r\n/g, "\n");
  const end = normalized.indexOf("\n\n");
  const head = end === -1 ? normalized : normalized.slice(0, end);
  const body = end === -1 ? "" : normalized.slice(end + 2);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function collectParts(headers: Map<string, string>, body: string, result: ParsedMessage): void {
  const contentType = headers.get("content-type") ?? "text/plain";
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type.startsWith("multipart/")) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (!boundary) return;
    const sections = body.split(`--${boundary}`);
    // Before the first boundary is the preamble; "--" after the last one is the epilogue.
    for (const section of sections.slice(1)) {
      if (section.startsWith("--")) break;
      const part = splitEntity(section.replace(/^\n/, ""));
      collectParts(part.headers, part.body, result);
    }
    return;
  }
  const decoded = decodeTransfer(body, headers.get("content-transfer-encoding") ?? "7bit");
  if (type === "text/plain" && !result.text) result.text = decoded;
  if (type === "text/html" && !result.html) result.html = decoded;
}

function decodeTransfer(body: string, encoding: string): string {
  switch (encoding.trim().toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    case "quoted-printable":
      return decodeQuotedPrintable(body.replace(/=\n/g, ""));
    default:
      return body;
  }
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_match, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}
