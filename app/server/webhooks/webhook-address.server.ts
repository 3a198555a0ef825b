/**
 * Where a webhook may be sent: never to the portal's own machine, a private
 * or internal network, a cloud's metadata service or a multicast group
 * (SSRF). The name is resolved, every address it gives is checked, and the
 * request connects to the address that was checked, so a name that changes
 * its answer between the check and the call (DNS rebinding) gets nowhere.
 * WEBHOOK_INTERNAL_HOSTS lets development name hosts it may still reach.
 */
import dns from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { config } from "../config.server";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** How a name becomes addresses; tests hand in their own. */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolve: Resolve = async (hostname) =>
  (await dns.lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

const FORBIDDEN = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, and the metadata services at 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and broadcast
] as const) {
  FORBIDDEN.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["::ffff:0:0", 96], // an IPv4 address written as IPv6
  ["64:ff9b::", 96], // NAT64, which reaches IPv4 ones
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  FORBIDDEN.addSubnet(network, prefix, "ipv6");
}

function forbidden({ address, family }: ResolvedAddress): boolean {
  return FORBIDDEN.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** The host of a URL as a name or a bare address ("[::1]" is "::1"). */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
}

const internalAllowed = (host: string) => config().webhookInternalHosts.includes(host);

/**
 * Why an address may not be saved as an endpoint, or null. Only what needs no
 * lookup: an address written out, or a name of this machine. The name's
 * addresses are checked when a delivery is sent.
 */
export function webhookHostProblem(url: URL): string | null {
  const host = hostOf(url);
  if (internalAllowed(host)) return null;
  const family = isIP(host);
  const own = host === "localhost" || host.endsWith(".localhost");
  if (own || (family !== 0 && forbidden({ address: host, family: family === 6 ? 6 : 4 }))) {
    return "The address is on a private or internal network. Give the public address of your system.";
  }
  return null;
}

/** The address a delivery connects to, checked; an error naming why when there is none it may use. */
export async function webhookAddress(url: URL, resolve: Resolve = systemResolve): Promise<ResolvedAddress> {
  const host = hostOf(url);
  const family = isIP(host);
  const addresses: ResolvedAddress[] = family !== 0 ? [{ address: host, family: family === 6 ? 6 : 4 }] : await resolve(host);
  if (addresses.length === 0) throw new Error(`${host} has no address`);
  if (!internalAllowed(host) && addresses.some(forbidden)) {
    throw new Error(`${host} points to a private or internal network address; nothing was sent`);
  }
  return addresses[0]!;
}
