import { describe, expect, it } from "vitest";
import { networkPrefix } from "~/domain/network-prefix";

describe("networkPrefix", () => {
  it("puts the addresses of one IPv4 /24 in one network, and those of the next in another", () => {
    expect(networkPrefix("198.51.100.7")).toBe("198.51.100.0/24");
    expect(networkPrefix("198.51.100.250")).toBe("198.51.100.0/24");
    expect(networkPrefix("198.51.101.7")).toBe("198.51.101.0/24");
    expect(networkPrefix("::ffff:198.51.100.9")).toBe("198.51.100.0/24");
  });

  it("puts the addresses of one IPv6 /64 in one network, however they are written", () => {
    expect(networkPrefix("2001:db8:0:1::1")).toBe("2001:db8:0:1::/64");
    expect(networkPrefix("2001:0db8:0000:0001:abcd:ef01:2345:6789")).toBe("2001:db8:0:1::/64");
    expect(networkPrefix("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(networkPrefix("2001:db8:0:2::1")).toBe("2001:db8:0:2::/64");
  });

  it("gives an unknown address a network of its own", () => {
    expect(networkPrefix(null)).toBe("unknown");
  });
});
