import { createCookie, redirect } from "react-router";
import { isStaff, type Role } from "~/domain/roles";
import { config } from "./config.server";
import { db } from "./db.server";
import { secrets } from "./secrets.server";
import { clientIp, type Actor } from "./request-context.server";

const STAFF_IDLE_MS = 30 * 60_000;
const APPLICANT_IDLE_MS = 24 * 3600_000;
const ABSOLUTE_LIFETIME_MS = 30 * 24 * 3600_000;
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

async function sessionIdFrom(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[0-9a-f-]{36}$/.test(value) ? value : null;
}

function idleLimitMs(roles: readonly Role[]): number {
  return isStaff(roles) ? STAFF_IDLE_MS : APPLICANT_IDLE_MS;
}

/** The signed-in person, or null when the session is missing, revoked, expired or idle too long. */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await sessionIdFrom(request);
  if (!sessionId) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, name: true, roles: true, planId: true, disabledAt: true } },
    },
  });
  if (!session || session.revokedAt || session.user.disabledAt) return null;
  const now = Date.now();
  const roles = session.user.roles as Role[];
  if (session.expiresAt.getTime() <= now || now - session.lastSeenAt.getTime() > idleLimitMs(roles)) return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  const { disabledAt: _disabled, ...user } = session.user;
  return { ...user, roles, sessionId: session.id };
}

/** Starts a session and returns the Set-Cookie header value. */
export async function startSession(userId: string, request: Request): Promise<string> {
  const session = await db.session.create({
    data: {
      userId,
      expiresAt: new Date(Date.now() + ABSOLUTE_LIFETIME_MS),
      ip: clientIp(request),
      userAgent: request.headers.get("user-agent")?.slice(0, 500) ?? null,
    },
    select: { id: true },
  });
  return sessionCookie().serialize(session.id, { maxAge: ABSOLUTE_LIFETIME_MS / 1000 });
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
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
