import { createContext } from "react-router";

/** Who is acting and from where: what every audit row and timeline event records. */
export interface Actor {
  userId: string | null;
  email: string | null;
  ip: string | null;
  userAgent: string | null;
}

export function clientIp(request: Request): string | null {
  // The Express adapter copies the socket address into this header; behind a
  // proxy, set TRUST_PROXY and Express resolves X-Forwarded-For first.
  return request.headers.get("x-imr-client-ip");
}

export function anonymousActor(request: Request): Actor {
  return { userId: null, email: null, ip: clientIp(request), userAgent: request.headers.get("user-agent") };
}

/** The nonce of this response's Content-Security-Policy, for the scripts React Router renders. */
export const cspNonceContext = createContext<string>("");
