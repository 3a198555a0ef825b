/**
 * API errors as RFC 9457 problem details (application/problem+json), naming
 * the parameter or field at fault so a program can point at it.
 */
export interface InvalidParam {
  name: string;
  reason: string;
}

export function problem(status: number, title: string, detail: string, extras: { invalidParams?: InvalidParam[]; headers?: HeadersInit } = {}): Response {
  const body = {
    type: "about:blank",
    title,
    status,
    detail,
    ...(extras.invalidParams ? { "invalid-params": extras.invalidParams } : {}),
  };
  const headers = new Headers(extras.headers);
  headers.set("Content-Type", "application/problem+json");
  headers.set("Cache-Control", "no-store");
  return new Response(JSON.stringify(body), { status, headers });
}

export function badParameters(invalidParams: InvalidParam[]): Response {
  const names = invalidParams.map((param) => param.name).join(", ");
  return problem(400, "Invalid request parameters", `Check ${names}: ${invalidParams.map((p) => `${p.name} ${p.reason}`).join("; ")}.`, {
    invalidParams,
  });
}
