import { createCookie, redirect } from "react-router";
import { isStaff, type Role } from "~/domain/roles";
import type { SignInStage } from "~/domain/second-factor";
import { config } from "./config.server";
import { db, Prisma, readRows } from "./db.server";
import { secrets } from "./secrets.server";
import { clientIp, type Actor } from "./request-context.server";

const STAFF_IDLE_MS = 30 * 60_000;
const APPLICANT_IDLE_MS = 24 * 3600_000;
// However active, a session ends: a staff member's after a working day, so
// an unlocked office computer does not stay signed in to health records.
const STAFF_LIFETIME_MS = 12 * 3600_000;
const APPLICANT_LIFETIME_MS = 30 * 24 * 3600_000;
// A sign-in that passed the password has this long for its second factor (or to set one up).
const PENDING_SIGN_IN_MS = 10 * 60_000;
// Writing lastSeenAt on every request would be a write per click; a minute's
// precision is plenty for a 30-minute idle limit.
const TOUCH_EVERY_MS = 60_000;

export interface SessionUser {
  id: string;
  sessionId: string;
  email: string;
  name: string;
  roles: Role[];
  planId: string | null;
  /** The language they chose for their pages (app/i18n/locales.ts). */
  language: string;
}

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  cookie ??= createCookie("imr_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: config().cookieSecure,
    path: "/",
    secrets: [secrets().sessionSecret],
  });
  return cookie;
}

/**
 * Session cookies whose signature this process has checked, and the session
 * each names. Checking costs an HMAC through WebCrypto on every request; a
 * signature once valid stays valid (whether the session is still open is the
 * database's answer). Only checked cookies are kept, at most this many.
 */
const checkedCookies = new Map<string, string>();
const MAX_CHECKED_COOKIES = 10_000;

async function sessionIdFrom(request: Request): Promise<string | null> {
  const header = request.headers.get("Cookie");
  const sent = header ? /(?:^|;\s*)imr_session=([^;]+)/.exec(header)?.[1] : undefined;
  if (!sent) return null;
  const checked = checkedCookies.get(sent);
  if (checked) return checked;
  const value: unknown = await sessionCookie().parse(header);
  if (typeof value !== "string" || !/^[0-9a-f-]{36}$/.test(value)) return null;
  if (checkedCookies.size >= MAX_CHECKED_COOKIES) checkedCookies.delete(checkedCookies.keys().next().value!);
  checkedCookies.set(sent, value);
  return value;
}

function idleLimitMs(roles: readonly Role[]): number {
  return isStaff(roles) ? STAFF_IDLE_MS : APPLICANT_IDLE_MS;
}

function lifetimeMs(roles: readonly Role[]): number {
  return isStaff(roles) ? STAFF_LIFETIME_MS : APPLICANT_LIFETIME_MS;
}

interface SessionRow {
  sessionId: string;
  stage: SignInStage;
  revokedAt: Date | null;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  id: string;
  email: string;
  name: string;
  roles: Role[];
  planId: string | null;
  language: string;
  disabledAt: Date | null;
}

/** One lookup per request: the root's loader and the area's guard both ask, for the same Request. */
const lookups = new WeakMap<Request, Promise<SessionUser | null>>();

/** The signed-in person, or null when the session is missing, revoked, expired or idle too long. */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  let lookup = lookups.get(request);
  if (!lookup) {
    lookup = lookUpSession(request);
    lookups.set(request, lookup);
  }
  return lookup;
}

async function lookUpSession(request: Request): Promise<SessionUser | null> {
  const sessionId = await sessionIdFrom(request);
  if (!sessionId) return null;
  // Straight to PostgreSQL: every page asks this, and Prisma's query compiler would cost more than the lookup itself.
  const rows = await readRows<SessionRow>(Prisma.sql`
    SELECT s.id AS "sessionId", s.stage::text AS stage, s."revokedAt", s."createdAt", s."expiresAt", s."lastSeenAt",
           u.id, u.email, u.name, u.roles::text[] AS roles, u."planId", u.language, u."disabledAt"
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s.id = ${sessionId}::uuid`);
  const session = rows[0];
  // A sign-in still owing its second factor opens nothing but that step (pendingSignIn).
  if (!session || session.revokedAt || session.disabledAt || session.stage !== "SIGNED_IN") return null;
  const now = Date.now();
  // By the roles held now: someone made staff during a session gets staff limits at once.
  const ended = session.expiresAt.getTime() <= now || now - session.createdAt.getTime() > lifetimeMs(session.roles);
  if (ended || now - session.lastSeenAt.getTime() > idleLimitMs(session.roles)) return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.$executeRaw`UPDATE "Session" SET "lastSeenAt" = ${new Date(now)} WHERE id = ${sessionId}::uuid`;
  }
  return { id: session.id, sessionId, email: session.email, name: session.name, roles: session.roles, planId: session.planId, language: session.language };
}

/**
 * Starts a session and returns the Set-Cookie header value. A session at
 * another stage than SIGNED_IN is a sign-in halfway: it lasts 10 minutes and
 * opens only the second-factor pages.
 */
export async function startSession(userId: string, request: Request, stage: SignInStage = "SIGNED_IN"): Promise<string> {
  const { roles } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { roles: true } });
  const lifetime = stage === "SIGNED_IN" ? lifetimeMs(roles as Role[]) : PENDING_SIGN_IN_MS;
  const now = Date.now();
  const session = await db.session.create({
    data: {
      userId,
      stage,
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      // Starting a session is giving the password: it counts as fresh for sensitive actions.
      authenticatedAt: new Date(now),
      expiresAt: new Date(now + lifetime),
      ip: clientIp(request),
      userAgent: request.headers.get("user-agent")?.slice(0, 500) ?? null,
    },
    select: { id: true },
  });
  return sessionCookie().serialize(session.id, { maxAge: lifetime / 1000 });
}

/** A sign-in that has passed the password and owes its second factor, or must set one up first. */
export interface PendingSignIn {
  sessionId: string;
  stage: Exclude<SignInStage, "SIGNED_IN">;
  user: { id: string; email: string; name: string; roles: Role[] };
}

export async function pendingSignIn(request: Request): Promise<PendingSignIn | null> {
  const sessionId = await sessionIdFrom(request);
  if (!sessionId) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { stage: true, revokedAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true, roles: true, disabledAt: true } } },
  });
  if (!session || session.stage === "SIGNED_IN" || session.revokedAt || session.user.disabledAt || session.expiresAt.getTime() <= Date.now()) return null;
  const { disabledAt: _disabledAt, ...user } = session.user;
  return { sessionId, stage: session.stage, user };
}

/**
 * The second factor passed: the halfway session ends and a new one starts,
 * under a new id, so an id seen before the second factor opens nothing after it.
 */
export async function finishSignIn(pending: PendingSignIn, request: Request): Promise<string> {
  await db.session.update({ where: { id: pending.sessionId }, data: { revokedAt: new Date() } });
  return startSession(pending.user.id, request);
}

/** Keeps the WebAuthn challenge this browser was just given. */
export async function rememberChallenge(sessionId: string, challenge: string): Promise<void> {
  await db.session.update({ where: { id: sessionId }, data: { challenge } });
}

/** The challenge this browser was given, at most once: a replayed answer finds none. */
export async function takeChallenge(sessionId: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ challenge: string | null }[]>`
    WITH given AS (SELECT id, challenge FROM "Session" WHERE id = ${sessionId}::uuid FOR UPDATE)
    UPDATE "Session" s SET challenge = NULL FROM given WHERE s.id = given.id RETURNING given.challenge`;
  return rows[0]?.challenge ?? null;
}

export async function endSession(request: Request): Promise<string> {
  const sessionId = await sessionIdFrom(request);
  if (sessionId) await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
  return sessionCookie().serialize("", { maxAge: 0 });
}

export async function revokeAllSessions(userId: string): Promise<number> {
  const result = await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return result.count;
}

function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  return redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
}

/** The signed-in person; otherwise a redirect to the login page that comes back here. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

export function actorOf(user: Pick<SessionUser, "id" | "email"> | null, request: Request): Actor {
  return {
    userId: user?.id ?? null,
    email: user?.email ?? null,
    ip: clientIp(request),
    userAgent: request.headers.get("user-agent"),
  };
}

/** Only paths inside the portal, so a crafted link cannot send people elsewhere. */
/** Any origin of ours stands for the portal's own when a path is resolved. */
const OWN_ORIGIN = "https://portal.invalid";

export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  // Resolved as a browser would ("/\t/evil.example" is another site to it: tabs
  // and newlines are dropped, a backslash is a slash), then kept only if it
  // stays on this origin.
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  const resolved = new URL(to, OWN_ORIGIN);
  const controlOrBackslash = [...to].some((character) => character < " " || character === "\u007f" || character === "\\");
  if (resolved.origin !== OWN_ORIGIN || controlOrBackslash) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
