import crypto from "node:crypto";
import { OUTCOME_VERIFIED_WORDS } from "~/domain/decision-letter";
import { localDate } from "~/domain/deadlines/time-zone";
import type { DecisionOutcome } from "~/domain/panel";
import { formatLocalDate } from "~/domain/rule-profiles";
import { normalizeVerificationCode } from "~/domain/verification-code";
import { audit } from "../audit.server";
import { db, type Prisma } from "../db.server";
import { readForm } from "../forms.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { hitRateLimit } from "../rate-limit.server";
import type { Actor } from "../request-context.server";

/**
 * The public check of a decision letter (/verify). Whoever holds a letter
 * learns whether it is one the organization issued, and sees only what the
 * letter itself states at the top: the reference, the version, the date,
 * the outcome, and the SHA-256 on file. A wrong reference and a wrong code
 * get the same answer, and attempts are limited per address so codes cannot
 * be guessed.
 */

const VERIFY_ATTEMPTS = 20;
const VERIFY_WINDOW_SECONDS = 15 * 60;

export interface VerifiedLetter {
  reference: string;
  version: number;
  issuedOn: string;
  decisionDate: string;
  outcome: string;
  /** The English original's, the plan's copy. */
  sha256: string;
  /** The copy in the applicant's language, when the letter was issued in another language too: the same code, its own file. */
  copies: { language: string; sha256: string }[];
  /** A later amendment replaces this version. */
  newer: { version: number; issuedOn: string } | null;
}

export type VerifyAnswer = { kind: "match"; letter: VerifiedLetter } | { kind: "no-match" } | { kind: "limited"; retryAfterSeconds: number };

const letterSelect = {
  id: true,
  version: true,
  sha256: true,
  outcome: true,
  issuedAt: true,
  documentId: true,
  case: { select: { reference: true, decidedAt: true, decisionLetters: { orderBy: { version: "desc" }, take: 1, select: { version: true, issuedAt: true } } } },
} satisfies Prisma.DecisionLetterSelect;

type LetterRow = Prisma.DecisionLetterGetPayload<{ select: typeof letterSelect }>;

async function answer(row: LetterRow | null, actor: Actor, by: "code" | "file"): Promise<VerifyAnswer> {
  await audit(actor, { action: "decision_letter.verified", objectType: "DecisionLetter", objectId: row?.id, detail: { by, matched: row !== null } });
  if (!row?.case.reference) return { kind: "no-match" };
  const { timeZone } = await organizationCalendar();
  const day = (instant: Date) => formatLocalDate(localDate(instant, timeZone));
  const latest = row.case.decisionLetters[0];
  const copies = await db.document.findMany({
    where: { translationOfId: row.documentId },
    orderBy: { language: "asc" },
    select: { language: true, sha256: true },
  });
  return {
    kind: "match",
    letter: {
      reference: row.case.reference,
      version: row.version,
      issuedOn: day(row.issuedAt),
      decisionDate: day(row.case.decidedAt ?? row.issuedAt),
      outcome: OUTCOME_VERIFIED_WORDS[row.outcome as DecisionOutcome],
      sha256: row.sha256,
      copies: copies.map((copy) => ({ language: copy.language ?? "", sha256: copy.sha256 })),
      newer: latest && latest.version > row.version ? { version: latest.version, issuedOn: day(latest.issuedAt) } : null,
    },
  };
}

async function limited(actor: Actor): Promise<VerifyAnswer | null> {
  const limit = await hitRateLimit(`verify:${actor.ip ?? "unknown"}`, VERIFY_ATTEMPTS, VERIFY_WINDOW_SECONDS);
  return limit.allowed ? null : { kind: "limited", retryAfterSeconds: limit.retryAfterSeconds };
}

/** By the reference number and the verification code printed on the letter. */
export async function verifyByCode(input: { reference: string; code: string; actor: Actor }): Promise<VerifyAnswer> {
  const refused = await limited(input.actor);
  if (refused) return refused;
  const code = normalizeVerificationCode(input.code);
  const row = code
    ? await db.decisionLetter.findFirst({ where: { verificationCode: code, case: { reference: input.reference.trim().toUpperCase() } }, select: letterSelect })
    : null;
  return answer(row, input.actor, "code");
}

/** By the file itself: a letter is the one issued only if every byte is the same (its SHA-256 is on file). */
export async function verifyByFile(input: { bytes: Uint8Array; actor: Actor }): Promise<VerifyAnswer> {
  const refused = await limited(input.actor);
  if (refused) return refused;
  const sha256 = crypto.createHash("sha256").update(input.bytes).digest("hex");
  // The English original's fingerprint is on the letter's row; a copy in the applicant's language is a document pointing at it.
  const copy = await db.document.findFirst({
    where: { sha256, kind: "DECISION_LETTER", translationOfId: { not: null } },
    select: { translationOfId: true },
  });
  const row = await db.decisionLetter.findFirst({
    where: copy?.translationOfId ? { documentId: copy.translationOfId } : { sha256 },
    orderBy: { issuedAt: "asc" },
    select: letterSelect,
  });
  return answer(row, input.actor, "file");
}

/**
 * The form of a /verify upload, read only up to `maxBytes` (plus room for
 * the form's own fields): a larger body is refused before it is held in
 * memory. Null when it is too large.
 */
export async function formDataWithin(request: Request, maxBytes: number): Promise<FormData | null> {
  const limit = maxBytes + 64 * 1024;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return readForm(request);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const headers = new Headers({ "content-type": request.headers.get("content-type") ?? "" });
  return readForm(new Response(Buffer.concat(chunks), { headers }));
}
