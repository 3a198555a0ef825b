import { beforeAll, describe, expect, it } from "vitest";
import { LOGO_TOO_BIG, LOGO_WRONG_TYPE } from "~/domain/organization-branding";
import * as root from "~/root";
import * as settingsRoute from "~/routes/admin/settings";
import * as logoRoute from "~/routes/organization-logo";
import { db } from "~/server/db.server";
import { createUser } from "#tests/support/factories";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (size: number) => Uint8Array.from({ length: size }, (_, index) => PNG_SIGNATURE[index] ?? index % 251);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

let admin: { id: string; cookie: string };

beforeAll(async () => {
  admin = await withSession(await createUser({ roles: ["ADMIN"] }));
});

function organizationForm(name: string, logo?: { bytes: Uint8Array; fileName: string; type: string }, removeLogo = false): FormData {
  const form = new FormData();
  form.set("intent", "organization");
  form.set("name", name);
  if (logo) form.set("logo", new File([Buffer.from(logo.bytes)], logo.fileName, { type: logo.type }));
  if (removeLogo) form.set("removeLogo", "on");
  return form;
}

const save = (form: FormData, cookie = admin.cookie) => call(settingsRoute.action as RouteFunction, request("/admin/settings", cookie, form));
const header = async (cookie: string | null) =>
  (await call<{ organization: { name: string; logo: string | null } | null }>(root.loader as RouteFunction, request("/", cookie))).data.organization;
const changes = () => db.auditLog.findMany({ where: { action: "settings.organization_changed" }, orderBy: { id: "asc" } });

describe("the organization's name and logo", () => {
  it("refuses a name too long, no name, a file that is not PNG or JPEG, or one over 200 KB, each with its message, saving nothing", async () => {
    const tooLong = await save(organizationForm("R".repeat(121)));
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.fieldErrors).toEqual({ name: "Shorten the name to 120 characters or fewer." });
    expect(tooLong.data.values).toMatchObject({ name: "R".repeat(121) });

    expect((await save(organizationForm("   "))).data.fieldErrors).toEqual({ name: "Enter the organization's name." });

    // An SVG named and labelled as a PNG: its bytes say what it is.
    const svg = await save(organizationForm("Keystone Review", { bytes: SVG, fileName: "logo.png", type: "image/png" }));
    expect(svg.status).toBe(400);
    expect(svg.data.fieldErrors).toEqual({ logo: LOGO_WRONG_TYPE });

    const big = await save(organizationForm("Keystone Review", { bytes: png(200 * 1024 + 1), fileName: "logo.png", type: "image/png" }));
    expect(big.status).toBe(400);
    expect(big.data.fieldErrors).toEqual({ logo: LOGO_TOO_BIG });

    expect(await db.organizationBranding.count()).toBe(0);
    expect(await changes()).toEqual([]);
    expect(await header(admin.cookie)).toBeNull();
  });

  it("an admin names the organization and uploads a logo: audited, shown in every header, served with a long cache and its ETag", async () => {
    const logo = png(200 * 1024);
    const saved = await save(organizationForm("  Keystone Review  ", { bytes: logo, fileName: "keystone.png", type: "image/png" }));
    expect(saved).toMatchObject({ status: 302, location: "/admin/settings?saved=organization" });

    const coordinator = await withSession(await createUser({ roles: ["COORDINATOR"] }));
    const shown = await header(coordinator.cookie);
    expect(shown?.name).toBe("Keystone Review");
    expect(shown?.logo).toMatch(/^\/organization-logo\?v=[0-9a-f]{64}$/);

    const served = await call(logoRoute.loader as RouteFunction, request(shown!.logo!, null));
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/png");
    expect(served.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(served.headers.get("Content-Security-Policy")).toContain("sandbox");
    expect(new Uint8Array(await served.response!.arrayBuffer())).toEqual(logo);
    const etag = served.headers.get("ETag")!;
    const again = new Request(`http://portal.test${shown!.logo!}`, { headers: { "If-None-Match": etag } });
    expect((await call(logoRoute.loader as RouteFunction, again)).status).toBe(304);

    const [entry] = await changes();
    expect(entry).toMatchObject({
      actorId: admin.id,
      objectId: "organization",
      detail: { name: { from: null, to: "Keystone Review" }, logoSha256: { from: null, to: shown!.logo!.split("=")[1] } },
    });

    // Saved again unchanged: nothing to audit.
    expect((await save(organizationForm("Keystone Review"))).location).toBe("/admin/settings");
    expect(await changes()).toHaveLength(1);
  });

  it("a JPEG replaces the logo; removing it leaves the name, and the old address finds nothing", async () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 512 }, (_, index) => index % 256)]);
    await save(organizationForm("Keystone Review", { bytes: jpeg, fileName: "keystone.jpg", type: "image/jpeg" }));
    const replaced = (await header(null))!.logo!;
    const served = await call(logoRoute.loader as RouteFunction, request(replaced, null));
    expect(served.headers.get("Content-Type")).toBe("image/jpeg");

    await save(organizationForm("Keystone Independent Review", undefined, true));
    expect(await header(null)).toEqual({ name: "Keystone Independent Review", logo: null });
    expect((await call(logoRoute.loader as RouteFunction, request(replaced, null))).status).toBe(404);
    expect((await changes()).at(-1)?.detail).toMatchObject({
      name: { from: "Keystone Review", to: "Keystone Independent Review" },
      logoSha256: { from: replaced.split("=")[1], to: null },
    });
  });

  it("only an admin changes it", async () => {
    const coordinator = await withSession(await createUser({ roles: ["COORDINATOR"] }));
    expect((await save(organizationForm("Not allowed"), coordinator.cookie)).status).toBe(403);
    expect((await header(null))?.name).toBe("Keystone Independent Review");
  });
});
