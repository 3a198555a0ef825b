import { describe, expect, it } from "vitest";
import { allowanceFor, allowanceText, formatFileSize, sizeRefusal, UNSUPPORTED_TYPE, UPLOAD_LIMITS, type UploadRefusal } from "~/domain/documents/limits";
import { translateMessage, translator } from "~/i18n/i18n";

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;
const applicant = UPLOAD_LIMITS.APPLICANT;
const en = translator("en");
const es = translator("es");
/** A refusal as the reader of `t`'s language reads it. */
const said = (t: typeof en, refusal: UploadRefusal | null) => (refusal ? translateMessage(t, refusal.detail, refusal.values) : null);

describe("the upload allowance, said one way wherever it is shown", () => {
  it("reads the whole allowance and one just under it the same way, never as 1,024 MB", () => {
    expect(allowanceText(en, applicant, 0)).toBe("Up to 100 MB a file; 1 GB left of the 1 GB this request may hold.");
    expect(allowanceText(en, applicant, 200 * KB)).toBe("Up to 100 MB a file; 1 GB left of the 1 GB this request may hold.");
    expect(allowanceText(en, applicant, 1 * GB - 300_000)).toBe("Up to 100 MB a file; 293 KB left of the 1 GB this request may hold.");
    expect(allowanceText(en, applicant, 700 * MB)).toBe("Up to 100 MB a file; 324 MB left of the 1 GB this request may hold.");
  });

  it("says nothing is left, never a negative size, once the request is full", () => {
    expect(allowanceText(en, applicant, 1 * GB)).toBe("Up to 100 MB a file; 0 bytes left of the 1 GB this request may hold.");
    expect(allowanceText(en, applicant, 1 * GB + 5)).toBe("Up to 100 MB a file; 0 bytes left of the 1 GB this request may hold.");
  });

  it("gives plans, who have no limit per case, only the size of a file", () => {
    expect(allowanceText(en, UPLOAD_LIMITS.PLAN, 5 * GB)).toBe("Up to 1 GB a file.");
  });

  it("uses the uploader's words in the refusal of a file that does not fit", () => {
    const used = 1 * GB - 300_000;
    const refusal = sizeRefusal(400_000, applicant, allowanceFor(applicant, used));
    expect(said(en, refusal)).toBe(
      "This file does not fit: only 293 KB left of the 1 GB this request may hold. Remove a document you no longer need, or send a smaller file.",
    );
    expect(allowanceText(en, applicant, used)).toContain("293 KB left of the 1 GB this request may hold");
    expect(said(en, sizeRefusal(10, applicant, allowanceFor(applicant, 1 * GB)))).toBe(
      "This file does not fit: the documents already fill the 1 GB this request may hold. Remove a document you no longer need before adding another.",
    );
  });

  it("says the allowance and every refusal in Spanish to a Spanish reader", () => {
    expect(allowanceText(es, applicant, 1 * GB - 300_000)).toBe("Hasta 100 MB por archivo; quedan 293 KB de los 1 GB que admite esta solicitud.");
    expect(allowanceText(es, UPLOAD_LIMITS.PLAN, 0)).toBe("Hasta 1 GB por archivo.");
    expect(said(es, sizeRefusal(101 * MB, applicant, allowanceFor(applicant, 0)))).toBe(
      "Este archivo pesa más de 100 MB, el máximo por archivo. Divídalo en archivos más pequeños (por ejemplo, uno por consulta) o escanéelo con menos resolución.",
    );
    expect(said(es, sizeRefusal(400_000, applicant, allowanceFor(applicant, 1 * GB - 300_000)))).toBe(
      "Este archivo no cabe: solo quedan 293 KB de los 1 GB que admite esta solicitud. Quite un documento que ya no necesite o envíe un archivo más pequeño.",
    );
    expect(said(es, sizeRefusal(10, applicant, allowanceFor(applicant, 1 * GB)))).toBe(
      "Este archivo no cabe: los documentos ya ocupan los 1 GB que admite esta solicitud. Quite un documento que ya no necesite antes de agregar otro.",
    );
    expect(said(es, sizeRefusal(0, applicant, allowanceFor(applicant, 0)))).toBe(
      "Este archivo está vacío. Revise que se abra en su dispositivo y vuelva a elegirlo.",
    );
    expect(said(es, UNSUPPORTED_TYPE)).toBe(
      "Este archivo no es un documento PDF, JPEG, PNG, TIFF o Word (DOCX) (se revisó su contenido, no su nombre). Guárdelo o escanéelo como PDF e inténtelo de nuevo.",
    );
  });

  it("formats sizes in the largest unit they hold one of once rounded", () => {
    expect(formatFileSize(1)).toBe("1 byte");
    expect(formatFileSize(1023)).toBe("1,023 bytes");
    expect(formatFileSize(1024 * MB - 1)).toBe("1 GB");
    expect(formatFileSize(1.25 * MB)).toBe("1.3 MB");
  });
});
