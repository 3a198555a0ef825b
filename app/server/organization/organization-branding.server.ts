import crypto from "node:crypto";
import { echoableValues, formDataToValues, zodFieldErrors, type FieldErrors } from "~/forms/form-data";
import { checkLogo, LOGO_MAX_BYTES, LOGO_TOO_BIG, type LogoContentType } from "~/domain/organization-branding";
import { organizationBrandingSchema } from "~/schemas/admin";
import { audit } from "../audit.server";
import { db } from "../db.server";
import { nulFieldErrors, readForm, type ParsedForm } from "../forms.server";
import type { Actor } from "../request-context.server";

const ROW = 1;

/** What the header shows: the name, and the logo's fingerprint when there is one. Null until an administrator names the organization. */
export async function organizationBranding(): Promise<{ name: string; logoSha256: string | null } | null> {
  return db.organizationBranding.findUnique({ where: { id: ROW }, select: { name: true, logoSha256: true } });
}

/** The logo's bytes, for its own address. */
export async function organizationLogo(): Promise<{ bytes: Uint8Array<ArrayBuffer>; contentType: string; sha256: string } | null> {
  const row = await db.organizationBranding.findUnique({ where: { id: ROW }, select: { logo: true, logoContentType: true, logoSha256: true } });
  if (!row?.logo || !row.logoContentType || !row.logoSha256) return null;
  return { bytes: new Uint8Array(row.logo), contentType: row.logoContentType, sha256: row.logoSha256 };
}

export interface BrandingChange {
  name: string;
  /** A new logo (already checked), "remove", or "keep" the one there is. */
  logo: { bytes: Uint8Array; contentType: LogoContentType } | "remove" | "keep";
}

/**
 * An administrator names the organization and sets or removes its logo. The
 * audit row says what changed: the name before and after, and the logo's
 * fingerprints (never its bytes).
 */
export async function setOrganizationBranding(change: BrandingChange, actor: Actor): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const before = await tx.organizationBranding.findUnique({ where: { id: ROW }, select: { name: true, logoSha256: true } });
    const logo =
      change.logo === "keep"
        ? undefined
        : change.logo === "remove"
          ? { logo: null, logoContentType: null, logoSha256: null }
          : {
              logo: Buffer.from(change.logo.bytes),
              logoContentType: change.logo.contentType,
              logoSha256: crypto.createHash("sha256").update(change.logo.bytes).digest("hex"),
            };
    const fromLogo = before?.logoSha256 ?? null;
    const toLogo = logo === undefined ? fromLogo : logo.logoSha256;
    if (before?.name === change.name && fromLogo === toLogo) return { changed: false };
    await tx.organizationBranding.upsert({ where: { id: ROW }, create: { id: ROW, name: change.name, ...logo }, update: { name: change.name, ...logo } });
    await audit(
      actor,
      {
        action: "settings.organization_changed",
        objectType: "Setting",
        objectId: "organization",
        detail: { name: { from: before?.name ?? null, to: change.name }, logoSha256: { from: fromLogo, to: toLogo } },
      },
      tx,
    );
    return { changed: true };
  });
}

/**
 * The settings form (multipart): the name by the same schema as the
 * browser, and the chosen file, if any, checked by its size and first bytes.
 * Every message goes next to its field.
 */
export async function readBrandingForm(request: Request): Promise<ParsedForm<BrandingChange>> {
  const form = await readForm(request);
  const values = formDataToValues(form);
  const parsed = organizationBrandingSchema.safeParse(values);
  const fieldErrors: FieldErrors = { ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...nulFieldErrors(form) };
  const file = form.get("logo");
  let logo: BrandingChange["logo"] = parsed.success && parsed.data.removeLogo ? "remove" : "keep";
  if (file instanceof File && file.size > 0) {
    const checked = file.size > LOGO_MAX_BYTES ? { ok: false as const, message: LOGO_TOO_BIG } : await checkedFile(file);
    if (checked.ok) logo = checked.logo;
    else fieldErrors.logo = checked.message;
  }
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false, failure: { values: echoableValues(values), fieldErrors } };
  return { ok: true, data: { name: parsed.data.name, logo }, values };
}

async function checkedFile(file: File): Promise<{ ok: true; logo: { bytes: Uint8Array; contentType: LogoContentType } } | { ok: false; message: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = checkLogo(bytes);
  return checked.ok ? { ok: true, logo: { bytes, contentType: checked.contentType } } : checked;
}
