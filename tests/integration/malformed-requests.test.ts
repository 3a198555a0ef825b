/**
 * Malformed requests at the HTTP level, against the Express app `npm start`
 * serves (createApp), on a loopback port: what is refused before React Router
 * reads anything. An address that is not a path (`OPTIONS *`), too long, or
 * holding a NUL byte; a body too large or of unknown length; a method an API
 * resource does not answer. Each is a 4xx with a body: problem+json under
 * /api/, a page elsewhere. Also the shutdown watchdog's last words.
 */
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ServerBuild } from "react-router";
import { APPLICANT_FILE_LIMIT_BYTES } from "~/domain/documents/limits";
import { answerClientErrors, MAX_BODY_BYTES, MAX_URL_BYTES } from "~/server/http.server";
import { createApp, shutDown } from "~/server/main.server";
import { APP_ROUTES } from "#tests/support/app-routes";

const MODULES = import.meta.glob<Record<string, unknown>>("/app/routes/api.v1/*.ts", { eager: true });

/** The API's routes as the server build holds them: what the 405 reads its Allow header from. */
function apiBuild(): ServerBuild {
  const routes: Record<string, unknown> = { root: { id: "root", path: "", module: {} } };
  for (const route of APP_ROUTES.filter(({ path }) => path.startsWith("api/"))) {
    routes[route.file] = { id: route.file, parentId: "root", path: route.path, module: MODULES[`/app/${route.file}`] };
  }
  return {
    routes,
    entry: { module: {} },
    assets: { routes: {} },
    future: {},
    publicPath: "/",
    basename: "/",
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: "lazy", manifestPath: "/__manifest" },
  } as unknown as ServerBuild;
}

let server: http.Server;
let port = 0;

beforeAll(async () => {
  const build = apiBuild();
  server = createApp(async () => build).listen(0, "127.0.0.1");
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Sent {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Bytes to write; the request may declare more in Content-Length. */
  body?: string;
  chunked?: boolean;
}

/** One raw request on its own connection; answers before the body is whole are read too. */
function send({ method = "GET", path, headers = {}, body, chunked }: Sent): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers: { Connection: "close", ...headers }, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    // The server may answer and close while the body is still being written.
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    if (chunked) req.setHeader("Transfer-Encoding", "chunked");
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const isProblem = (answer: { headers: http.IncomingHttpHeaders; text: string }, status: number) => {
  expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(answer.text)).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
};

describe("addresses the portal will not read", () => {
  it("answers OPTIONS * with 400 and a page", async () => {
    const answer = await send({ method: "OPTIONS", path: "*" });
    expect([answer.status, answer.text]).toEqual([400, expect.stringContaining("must name a path")]);
  });

  it("answers a NUL byte in the address with 400: problem+json under /api/, a page elsewhere", async () => {
    const api = await send({ path: "/api/v1/cases/IMR-2026-000001%00" });
    expect(api.status).toBe(400);
    isProblem(api, 400);
    for (const path of ["/login%00", "/requests?page=%00", "/documents/%E0%A4%A"]) {
      const page = await send({ path });
      expect([path, page.status, page.headers["content-type"]]).toEqual([path, 400, expect.stringMatching(/^text\/html/)]);
    }
  });

  it(`answers an address over ${MAX_URL_BYTES} bytes with 414 and a body, also past Node's own header limit`, async () => {
    const long = "x".repeat(MAX_URL_BYTES);
    const api = await send({ path: `/api/v1/rules/deadlines?profile=naic&q=${long}` });
    expect(api.status).toBe(414);
    isProblem(api, 414);
    const page = await send({ path: `/iro/queue?q=${long}` });
    expect([page.status, page.text]).toEqual([414, expect.stringContaining("Address too long")]);
    // Past Node's own 16 KiB limit, before Express: still a 414 with a page.
    const huge = await send({ path: `/iro/queue?q=${"x".repeat(20 * 1024)}` });
    expect([huge.status, huge.text]).toEqual([414, expect.stringContaining("URI Too Long")]);
    const headers = await send({ path: "/login", headers: { "X-Padding": "x".repeat(20 * 1024) } });
    expect([headers.status, headers.text]).toEqual([431, expect.stringContaining("headers are too large")]);
  });

  it("answers bytes that are not HTTP with 400 and a page", async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () => socket.end("HELLO THERE\r\n\r\n"));
      let text = "";
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => (text += chunk));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n[\s\S]*The request could not be read\./);
  });
});

describe("bodies the portal will not read", () => {
  const tooLarge = String(MAX_BODY_BYTES + 1);

  it(`answers a form or an API body over ${MAX_BODY_BYTES} bytes with 413 before reading it`, async () => {
    const form = await send({
      method: "POST",
      path: "/login",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": tooLarge },
      body: "email=a",
    });
    expect([form.status, form.text]).toEqual([413, expect.stringContaining("Request too large")]);
    const api = await send({
      method: "POST",
      path: "/api/v1/cases/IMR-2026-000001/compliance",
      headers: { "Content-Type": "application/json", "Content-Length": tooLarge },
      body: "{",
    });
    expect(api.status).toBe(413);
    isProblem(api, 413);
  });

  it("holds the sign-in and account forms to 64 KiB and the API's JSON to 256 KiB, other forms to 1 MiB", async () => {
    const declared = (bytes: number) => ({ "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(bytes) });
    const signIn = await send({ method: "POST", path: "/login", headers: declared(64 * 1024 + 1), body: "email=a" });
    expect([signIn.status, signIn.text]).toEqual([413, expect.stringContaining("A sign-in or account form may send at most 64 KiB")]);
    const api = await send({
      method: "POST",
      path: "/api/v1/cases/IMR-2026-000001/compliance",
      headers: { "Content-Type": "application/json", "Content-Length": String(256 * 1024 + 1) },
      body: "{",
    });
    expect(api.status).toBe(413);
    isProblem(api, 413);
    // A case form takes longer texts: 64 KiB + 1 reaches the route (which sends a stranger to sign in).
    const caseForm = await send({
      method: "POST",
      path: "/iro/cases/00000000-0000-4000-8000-000000000000",
      headers: declared(64 * 1024 + 1),
      body: `note=${"x".repeat(64 * 1024 - 4)}`,
    });
    expect(caseForm.status).not.toBe(413);
  });

  it("lets the documents step's form carry one file's worth, for a file chosen without JavaScript, and no more", async () => {
    const path = "/requests/00000000-0000-4000-8000-000000000000/edit/documents";
    const headers = (bytes: number) => ({ "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(bytes) });
    // Over the 1 MiB of other forms, it reaches the route (which sends a stranger to sign in).
    const overFormLimit = await send({ method: "POST", path, headers: headers(MAX_BODY_BYTES + 1), body: `intent=${"x".repeat(MAX_BODY_BYTES - 6)}` });
    expect(overFormLimit.status).not.toBe(413);
    const overFileLimit = await send({ method: "POST", path, headers: headers(APPLICANT_FILE_LIMIT_BYTES + 64 * 1024 + 1), body: "intent=continue" });
    expect([overFileLimit.status, overFileLimit.text]).toEqual([413, expect.stringContaining("The documents step may send at most")]);
  });

  it("answers a body of unknown length with 411", async () => {
    const answer = await send({
      method: "POST",
      path: "/login",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=a",
      chunked: true,
    });
    expect([answer.status, answer.text]).toEqual([411, expect.stringContaining("Content-Length")]);
  });

  it("leaves the uploads, which stream and count their bodies, to their own limits", async () => {
    const answer = await send({
      method: "POST",
      path: "/api/v1/cases/IMR-2026-000001/documents",
      headers: { "Content-Type": "application/pdf", "Content-Length": tooLarge },
      body: "%PDF",
    });
    // It reached the route, which asks for the plan's key before reading a byte.
    expect(answer.status).toBe(401);
    isProblem(answer, 401);
  });
});

describe("methods an API resource does not answer", () => {
  it("answers PUT, PATCH, DELETE, OPTIONS and a method it has not with 405, problem+json and the methods it answers", async () => {
    const answers: Record<string, [number, string | undefined]> = {};
    for (const method of ["PUT", "PATCH", "DELETE", "OPTIONS"]) {
      for (const path of ["/api/v1/cases", "/api/v1/cases/IMR-2026-000001", "/api/v1/cases/IMR-2026-000001/compliance"]) {
        const answer = await send({ method, path, headers: { "Content-Length": "0" } });
        isProblem(answer, 405);
        answers[`${method} ${path}`] = [answer.status, answer.headers.allow];
      }
    }
    for (const [method, path] of [
      ["GET", "/api/v1/cases/IMR-2026-000001/compliance"],
      ["POST", "/api/v1/cases"],
    ] as const) {
      const answer = await send({ method, path, headers: { "Content-Length": "0" } });
      isProblem(answer, 405);
      answers[`${method} ${path}`] = [answer.status, answer.headers.allow];
    }
    expect(answers).toEqual({
      "GET /api/v1/cases/IMR-2026-000001/compliance": [405, "POST"],
      "POST /api/v1/cases": [405, "GET, HEAD"],
      "PUT /api/v1/cases": [405, "GET, HEAD"],
      "PUT /api/v1/cases/IMR-2026-000001": [405, "GET, HEAD"],
      "PUT /api/v1/cases/IMR-2026-000001/compliance": [405, "POST"],
      "PATCH /api/v1/cases": [405, "GET, HEAD"],
      "PATCH /api/v1/cases/IMR-2026-000001": [405, "GET, HEAD"],
      "PATCH /api/v1/cases/IMR-2026-000001/compliance": [405, "POST"],
      "DELETE /api/v1/cases": [405, "GET, HEAD"],
      "DELETE /api/v1/cases/IMR-2026-000001": [405, "GET, HEAD"],
      "DELETE /api/v1/cases/IMR-2026-000001/compliance": [405, "POST"],
      "OPTIONS /api/v1/cases": [405, "GET, HEAD"],
      "OPTIONS /api/v1/cases/IMR-2026-000001": [405, "GET, HEAD"],
      "OPTIONS /api/v1/cases/IMR-2026-000001/compliance": [405, "POST"],
    });
  });
});

describe("the shutdown watchdog", () => {
  it("logs the step it was still waiting for when it gives up, and exits 1", async () => {
    vi.stubEnv("LOG_LEVEL", "info");
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const exits: number[] = [];
    let release = () => {};
    const stuck = new Promise<void>((resolve) => (release = resolve));
    try {
      const done = shutDown(
        "SIGTERM",
        [
          { name: "finishing the requests in flight", run: async () => undefined },
          { name: "stopping the job worker", run: () => stuck },
        ],
        { timeoutMs: 50, exit: (code) => exits.push(code) },
      );
      await vi.waitFor(() => expect(exits).toEqual([1]), { timeout: 5_000 });
      const lines = warn.mock.calls.map(([line]) => JSON.parse(String(line)) as { message: string; step?: string; signal?: string });
      expect(lines).toContainEqual(
        expect.objectContaining({ message: expect.stringContaining("while stopping the job worker"), step: "stopping the job worker", signal: "SIGTERM" }),
      );
      release();
      await done;
    } finally {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
    }
  });
});
