/**
 * Calling a route module's loader or action as React Router does, as a
 * signed-in person or a plan's API key: what the integration tests of routes
 * share. The route runs against the test file's database.
 */
import type { RouteConfigEntry } from "@react-router/dev/routes";
import { matchRoutes, RouterContextProvider, type MiddlewareFunction, type UNSAFE_DataWithResponseInit } from "react-router";
import routes from "~/routes";
import type { FormFailure } from "~/forms/form-data";
import { answeringAppErrors } from "~/server/route-answers.server";
import { startSession } from "~/server/session.server";
import { cookieHeaderFrom, requestWithCookie, uniqueIp } from "./factories";

// Vite finds the layouts (Playwright, which reads APP_ROUTES, has no import.meta.glob).
type Layout = { middleware?: MiddlewareFunction<Response>[] };
const LAYOUTS = import.meta.glob<Layout>("/app/routes/**/layout.ts");

/** The middleware React Router runs before the loader or action that answers `pathname`: its layouts', outermost first. */
async function middlewareFor(pathname: string): Promise<MiddlewareFunction<Response>[]> {
  const matches = matchRoutes(routes as never, pathname) as { route: RouteConfigEntry }[] | null;
  const chain: MiddlewareFunction<Response>[] = [];
  for (const { route } of matches ?? []) {
    const load = LAYOUTS[`/app/${route.file}`];
    if (load) chain.push(...((await load()).middleware ?? []));
  }
  return chain;
}

/** A session's Set-Cookie value, someone holding one, or nobody signed in. */
export type SignedIn = string | { cookie: string } | null;

export type Form = Record<string, string> | [string, string][] | FormData;

/** A loader or an action of a route module. */
export type RouteFunction = (args: never) => unknown;

/** The user with a session of their own, as after signing in. */
export async function withSession<User extends { id: string }>(user: User): Promise<User & { cookie: string }> {
  return { ...user, cookie: await startSession(user.id, requestWithCookie(null)) };
}

/** A GET of `path`, or a POST of `form` (another method with `method`), from a network address of its own. */
export function request(path: string, who: SignedIn, form?: Form, method?: string): Request {
  const headers = new Headers({ "x-imr-client-ip": uniqueIp(), "user-agent": "vitest" });
  const cookie = typeof who === "string" ? who : who?.cookie;
  if (cookie) headers.set("Cookie", cookieHeaderFrom(cookie));
  const url = `http://portal.test${path}`;
  if (!form) return new Request(url, { headers, method: method ?? "GET" });
  return new Request(url, { method: method ?? "POST", headers, body: form instanceof FormData ? form : new URLSearchParams(form) });
}

/** What a loader gives its page, whether it returns the data plain or with a status (`data(…, { status: 400 })`). */
export type LoaderData<Loader extends (...args: never) => unknown> =
  Awaited<ReturnType<Loader>> extends infer Answer ? (Answer extends UNSAFE_DataWithResponseInit<infer Data> ? Data : Answer) : never;

export interface RouteAnswer<T> {
  status: number;
  /** What the route gave back; a form that did not validate gives its messages and values. */
  data: T & FormFailure;
  /** Where a redirect sends the browser. */
  location: string | null;
  /** The Response the route returned or threw, if it was one (a file, a redirect, a 404). */
  response: Response | null;
  /** The answer's headers: the Response's, or those given with the data (a Set-Cookie). */
  headers: Headers;
}

/**
 * What a loader or an action gave back, as the server answers it (after the
 * middleware of the layouts the request's path is in, such as a role area's
 * guard; an AppError as its status page): a Response it returned or threw, or
 * data with its status.
 */
export async function call<T = unknown>(fn: RouteFunction, req: Request, params: Record<string, string> = {}): Promise<RouteAnswer<T>> {
  const answered = (response: Response): RouteAnswer<T> => ({
    status: response.status,
    data: null as unknown as T & FormFailure,
    location: response.headers.get("Location"),
    response,
    headers: response.headers,
  });
  try {
    const context = new RouterContextProvider();
    const args = { request: req, url: new URL(req.url), pattern: "", params, context };
    // The guards only read and set the context; React Router goes on to the loader when they return.
    for (const middleware of await middlewareFor(args.url.pathname)) await answeringAppErrors(middleware)(args, async () => new Response());
    const result = await answeringAppErrors(fn)(args as never);
    if (result instanceof Response) return answered(result);
    if (result && typeof result === "object" && "init" in result && "data" in result) {
      const { data, init } = result as { data: unknown; init: { status?: number; headers?: HeadersInit } | null };
      return { status: init?.status ?? 200, data: data as T & FormFailure, location: null, response: null, headers: new Headers(init?.headers) };
    }
    return { status: 200, data: result as T & FormFailure, location: null, response: null, headers: new Headers() };
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    return answered(thrown);
  }
}

/**
 * A plan system's call to `/api/v1{path}` with its API key (none: `key: null`):
 * `json` is sent as JSON, `body` as a raw file. Answers the route's Response.
 */
export function callApi(
  handler: RouteFunction,
  path: string,
  init: {
    key: string | null;
    params?: Record<string, string>;
    method?: string;
    json?: unknown;
    body?: Uint8Array<ArrayBuffer>;
    headers?: Record<string, string>;
    ip?: string;
  },
): Promise<Response> {
  const headers = new Headers({ "x-imr-client-ip": init.ip ?? uniqueIp(), ...init.headers });
  if (init.key) headers.set("Authorization", `Bearer ${init.key}`);
  let body: BodyInit | undefined;
  if (init.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(init.json);
  } else if (init.body) {
    headers.set("Content-Type", "application/octet-stream");
    headers.set("Content-Length", String(init.body.length));
    body = init.body;
  }
  const apiRequest = new Request(`http://portal.test/api/v1${path}`, {
    method: init.method ?? (body ? "POST" : "GET"),
    headers,
    body,
    duplex: "half",
  } as RequestInit);
  return handler({ request: apiRequest, params: init.params ?? {}, context: new RouterContextProvider() } as never) as Promise<Response>;
}
