import { describe, expect, it } from "vitest";
import { checkLogo, LOGO_MAX_BYTES, LOGO_TOO_BIG, LOGO_WRONG_TYPE } from "~/domain/organization-branding";
import { organizationBrandingSchema } from "~/schemas/admin";

const file = (head: readonly number[], size = 256) => Uint8Array.from({ length: size }, (_, index) => head[index] ?? 0x20);
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff, 0xe0];

describe("the organization's logo", () => {
  it("takes a PNG or a JPEG, by its first bytes", () => {
    expect(checkLogo(file(PNG))).toEqual({ ok: true, contentType: "image/png" });
    expect(checkLogo(file(JPEG))).toEqual({ ok: true, contentType: "image/jpeg" });
  });

  it("refuses SVG, GIF, PDF and anything else, whatever the file is called", () => {
    for (const head of ["<svg xmlns='http://www.w3.org/2000/svg'/>", "<?xml version='1.0'?><svg/>", "GIF89a", "%PDF-1.7", ""]) {
      expect(checkLogo(file([...Buffer.from(head, "latin1")], Math.max(head.length, 1)))).toEqual({ ok: false, message: LOGO_WRONG_TYPE });
    }
  });

  it("takes 200 KB and not a byte more", () => {
    expect(checkLogo(file(PNG, LOGO_MAX_BYTES)).ok).toBe(true);
    expect(checkLogo(file(PNG, LOGO_MAX_BYTES + 1))).toEqual({ ok: false, message: LOGO_TOO_BIG });
  });
});

describe("the organization's name", () => {
  it("is required, trimmed, and 120 characters at most", () => {
    expect(organizationBrandingSchema.parse({ name: "  Keystone Review " })).toEqual({ name: "Keystone Review", removeLogo: false });
    expect(organizationBrandingSchema.safeParse({ name: "x".repeat(120) }).success).toBe(true);
    expect(organizationBrandingSchema.safeParse({ name: "x".repeat(121) }).error?.issues[0]?.message).toBe("Shorten the name to 120 characters or fewer.");
    expect(organizationBrandingSchema.safeParse({ name: " " }).error?.issues[0]?.message).toBe("Enter the organization's name.");
  });
});
