import { FILE_TYPES, sniffFileType } from "./documents/file-types";

/**
 * What the staff pages' header shows of the organization: its name, or its
 * logo with the name as its text. A logo is a small PNG or JPEG, recognised
 * by its first bytes: SVG is refused because it can carry scripts.
 */
export const ORGANIZATION_NAME_MAX_CHARS = 120;
export const LOGO_MAX_BYTES = 200 * 1024;
export const LOGO_TYPES = [FILE_TYPES.png, FILE_TYPES.jpeg] as const;
export type LogoContentType = (typeof LOGO_TYPES)[number]["contentType"];

export const LOGO_TOO_BIG = "This image is larger than 200 KB. Choose a smaller one, or save it with fewer pixels.";
export const LOGO_WRONG_TYPE = "The logo must be a PNG or JPEG image. Save it as one of these, then choose it again.";

/** The logo's type from its content, or the message to show next to the field. */
export function checkLogo(bytes: Uint8Array): { ok: true; contentType: LogoContentType } | { ok: false; message: string } {
  if (bytes.byteLength > LOGO_MAX_BYTES) return { ok: false, message: LOGO_TOO_BIG };
  const sniff = sniffFileType(bytes, true);
  const type = sniff.verdict === "type" ? LOGO_TYPES.find((logoType) => logoType.id === sniff.type.id) : undefined;
  return type ? { ok: true, contentType: type.contentType } : { ok: false, message: LOGO_WRONG_TYPE };
}

/** The logo's address: its fingerprint is in it, so a browser keeps it until it changes. */
export function logoPath(sha256: string): string {
  return `/organization-logo?v=${sha256}`;
}
