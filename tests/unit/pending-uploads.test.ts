import { describe, expect, it } from "vitest";
import { leaveStoppedMessage } from "~/domain/documents/pending-uploads";
import { translator } from "~/i18n/i18n";

const en = translator("en");
const es = translator("es");

describe("why leaving was stopped while a picked file is not on the request", () => {
  it("names a file waiting for its Upload button, and what to do with it", () => {
    expect(leaveStoppedMessage(en, [{ name: "denial.pdf", uploading: false }], "step")).toBe(
      'Your file "denial.pdf" is not uploaded yet: upload it or remove it before leaving this step.',
    );
  });

  it("names a file still on its way separately from the ones waiting", () => {
    expect(
      leaveStoppedMessage(
        en,
        [
          { name: "a.pdf", uploading: false },
          { name: "b.pdf", uploading: true },
          { name: "c.pdf", uploading: false },
          { name: "d.pdf", uploading: false },
        ],
        "page",
      ),
    ).toBe(
      'Your files "a.pdf", "c.pdf" and "d.pdf" are not uploaded yet: upload them or remove them before leaving this page. ' +
        'Your file "b.pdf" is still uploading: wait until it is added, or cancel it, before leaving this page.',
    );
    expect(
      leaveStoppedMessage(
        en,
        [
          { name: "x.pdf", uploading: true },
          { name: "y.pdf", uploading: true },
        ],
        "step",
      ),
    ).toBe('Your files "x.pdf" and "y.pdf" are still uploading: wait until they are added, or cancel them, before leaving this step.');
  });

  it("says it in Spanish to a Spanish reader, naming a step or a page as Spanish does", () => {
    expect(leaveStoppedMessage(es, [{ name: "denial.pdf", uploading: false }], "step")).toBe(
      'Su archivo "denial.pdf" todavía no se ha subido: súbalo o quítelo antes de salir de este paso.',
    );
    expect(
      leaveStoppedMessage(
        es,
        [
          { name: "a.pdf", uploading: false },
          { name: "b.pdf", uploading: true },
          { name: "c.pdf", uploading: false },
        ],
        "page",
      ),
    ).toBe(
      'Sus archivos "a.pdf" y "c.pdf" todavía no se han subido: súbalos o quítelos antes de salir de esta página. ' +
        'Su archivo "b.pdf" todavía se está subiendo: espere a que se agregue, o cancélelo, antes de salir de esta página.',
    );
  });

  it("has nothing to say when no file is pending", () => {
    expect(leaveStoppedMessage(en, [], "step")).toBeNull();
  });
});
