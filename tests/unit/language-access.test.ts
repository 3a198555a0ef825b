import { Font } from "@react-pdf/renderer";
import { describe, expect, it } from "vitest";
import { nondiscriminationNotice, TAGLINES, taglines } from "~/domain/language-access";
import { documentsForReader } from "~/domain/notice-copies";
import { translator } from "~/i18n/i18n";
import { SCRIPT_FONTS } from "~/letters/language-access";

const PHONE = "1-800-555-0143";

describe("the Section 1557 taglines", () => {
  it("offer help in the top 15 languages, each in itself with the phone number", () => {
    expect(TAGLINES).toHaveLength(15);
    const lines = taglines(PHONE, "en");
    expect(lines.map((line) => line.englishName)).toEqual([
      "Spanish",
      "Chinese",
      "Vietnamese",
      "Tagalog",
      "Korean",
      "Armenian",
      "Russian",
      "Japanese",
      "Persian (Farsi)",
      "Punjabi",
      "Khmer",
      "Hmong",
      "Arabic",
      "Hindi",
      "Thai",
    ]);
    for (const line of lines) expect(line.text).toContain(PHONE);
    expect(lines[0]!.text).toBe(`ATENCIÓN: si habla español, tiene a su disposición servicios gratuitos de asistencia lingüística. Llame al ${PHONE}.`);
    expect(lines[1]!.text).toBe(`注意：如果您使用繁體中文，您可以免費獲得語言援助服務。請致電 ${PHONE}。`);
  });

  it("add English first on a notice written in another language", () => {
    const lines = taglines(PHONE, "es");
    expect(lines).toHaveLength(16);
    expect(lines[0]).toMatchObject({
      englishName: "English",
      text: `ATTENTION: If you speak English, language assistance services, free of charge, are available to you. Call ${PHONE}.`,
    });
  });

  it("keep the phone whole, read left to right, in the right-to-left ones", () => {
    const arabic = taglines(PHONE, "en").find((line) => line.englishName === "Arabic");
    expect(arabic).toMatchObject({ script: "Arab" });
    expect(arabic!.text).toContain(`\u200E${PHONE}`);
    expect(taglines(PHONE, "en").find((line) => line.englishName === "Korean")!.text).not.toContain("\u200E");
  });

  it("are drawn in fonts that have every letter of them", async () => {
    for (const line of taglines(PHONE, "es")) {
      const fonts = await Promise.all(
        SCRIPT_FONTS[line.script].map(async (fontFamily) => {
          await Font.load({ fontFamily });
          return Font.getFont({ fontFamily }).data!;
        }),
      );
      const missing = [...line.text].filter((letter) => !fonts.some((font) => font.hasGlyphForCodePoint(letter.codePointAt(0)!)));
      expect({ tagline: line.englishName, missing }).toEqual({ tagline: line.englishName, missing: [] });
    }
  });
});

describe("the nondiscrimination notice", () => {
  it("is written in the notice's language, naming the organization and its phone", () => {
    const organization = { name: "Independent Review Organization", phone: PHONE };
    const english = nondiscriminationNotice(translator("en"), organization);
    expect(english.heading).toBe("Nondiscrimination notice");
    expect(english.paragraphs.join(" ")).toContain(
      "Independent Review Organization complies with applicable federal civil rights laws and does not discriminate on the basis of race, color, national origin, age, disability or sex",
    );
    expect(english.paragraphs.join(" ")).toContain(`call Independent Review Organization at ${PHONE}`);
    const spanish = nondiscriminationNotice(translator("es"), organization);
    expect(spanish.heading).toBe("Aviso de no discriminación");
    expect(spanish.paragraphs.join(" ")).toContain(`llame a Independent Review Organization al ${PHONE}`);
    expect(spanish.paragraphs.join(" ")).toContain("Oficina de Derechos Civiles");
  });
});

describe("which copy of a notice a reader gets", () => {
  const documents = [
    { id: "record", translationOfId: null, language: null },
    { id: "notice", translationOfId: null, language: null },
    { id: "notice-es", translationOfId: "notice", language: "es" },
    { id: "letter", translationOfId: null, language: null },
  ];

  it("gives a Spanish reader the Spanish copy in place of its original, and everything else as it is", () => {
    expect(documentsForReader(documents, "es").map((document) => document.id)).toEqual(["record", "notice-es", "letter"]);
  });

  it("gives an English reader (the plan) the originals only", () => {
    expect(documentsForReader(documents, "en").map((document) => document.id)).toEqual(["record", "notice", "letter"]);
  });
});
