import { describe, expect, it } from "vitest";
import { groupDuplicates, NEAR_IMAGE_MAX_BITS, NEAR_TEXT_MAX_BITS, type PageForGrouping } from "~/domain/casefile/duplicates";
import {
  hammingDistance,
  normalizeText,
  pageFingerprints,
  perceptualHash,
  textHash,
  textSimhash,
  wordCount,
  type PageImage,
} from "~/domain/casefile/fingerprints";
import { getsTextLayer, textLayerLabel } from "~/domain/casefile/text-layer";

const LETTER = `The member is a 54-year-old woman with chronic lumbar radiculopathy. Magnetic resonance imaging on
March 3 showed a disc protrusion at L4-L5 with nerve root compression. Six weeks of physical therapy and two
epidural injections gave no lasting relief. The treating surgeon recommends a microdiscectomy, which the plan
denied as not medically necessary under its spine surgery criteria, section 4.2.`;

const OTHER = `Pharmacy claims history for the period January through June: gabapentin 300 mg three times daily,
naproxen 500 mg twice daily, and cyclobenzaprine at bedtime. No opioid prescriptions were filled. The member
attended four of six scheduled appointments with the pain clinic and declined a referral to behavioural health.`;

/** A page's words with some of them misread, as OCR of a rescan does. */
function misread(text: string, every: number): string {
  return text
    .split(" ")
    .map((word, index) => (index % every === 0 ? word.replace(/[aeo]/, "c") : word))
    .join(" ");
}

/** A white page with dark bars: a drawing, a form without words. */
function drawing(width: number, height: number, bars: { x: number; y: number; w: number; h: number }[], shade = 0): PageImage {
  const rgba = new Uint8Array(width * height * 4).fill(255);
  for (const bar of bars)
    for (let y = bar.y; y < bar.y + bar.h; y += 1) for (let x = bar.x; x < bar.x + bar.w; x += 1) rgba.set([shade, shade, shade, 255], (y * width + x) * 4);
  return { width, height, rgba };
}

describe("a page's text, normalized", () => {
  it("compares words only: case, punctuation, line ends and hyphenated breaks do not count", () => {
    expect(normalizeText("The  Plan's\nDENIAL,  dated 3/4: treat-\nment")).toBe("the plan s denial dated 3 4 treatment");
    expect(normalizeText("ﬁle – Página 2")).toBe("file página 2");
    expect(wordCount(normalizeText(" \n "))).toBe(0);
  });

  it("hashes the same text alike however it is laid out, and no text to no hash", () => {
    expect(textHash(normalizeText(LETTER))).toBe(textHash(normalizeText(LETTER.replace(/\n/g, " ").toUpperCase())));
    expect(textHash(normalizeText(LETTER))).not.toBe(textHash(normalizeText(OTHER)));
    expect(textHash("")).toBeNull();
  });
});

describe("the simhash of a page's text", () => {
  it("keeps a rescan's few misread words within a few bits, and unrelated text far away", () => {
    const original = textSimhash(normalizeText(LETTER))!;
    expect(hammingDistance(original, textSimhash(normalizeText(misread(LETTER, 12)))!)).toBeLessThanOrEqual(NEAR_TEXT_MAX_BITS);
    expect(hammingDistance(original, textSimhash(normalizeText(OTHER))!)).toBeGreaterThan(2 * NEAR_TEXT_MAX_BITS);
    expect(textSimhash("")).toBeNull();
  });

  it("fits PostgreSQL's signed bigint", () => {
    for (const text of [LETTER, OTHER, "one", "two words"]) {
      const hash = textSimhash(normalizeText(text))!;
      expect(hash).toBeGreaterThanOrEqual(-(2n ** 63n));
      expect(hash).toBeLessThan(2n ** 63n);
    }
    expect(hammingDistance(-1n, 0n)).toBe(64);
  });
});

describe("the image fingerprints", () => {
  const page = drawing(180, 240, [
    { x: 20, y: 30, w: 60, h: 80 },
    { x: 100, y: 150, w: 50, h: 60 },
  ]);

  it("hash the same pixels alike, and a page's fingerprints take both text and image", () => {
    const again = pageFingerprints("", { ...page, rgba: page.rgba.slice() });
    const first = pageFingerprints("", page);
    expect(again.imageHash).toBe(first.imageHash);
    expect(first.textHash).toBeNull();
    expect(pageFingerprints(LETTER, null).imageHash).toBeNull();
  });

  it("keep a shifted, lighter copy of a drawing near, and a different drawing far", () => {
    const shifted = drawing(
      180,
      240,
      [
        { x: 24, y: 34, w: 60, h: 80 },
        { x: 104, y: 154, w: 50, h: 60 },
      ],
      40,
    );
    const other = drawing(180, 240, [
      { x: 100, y: 20, w: 60, h: 60 },
      { x: 10, y: 160, w: 70, h: 60 },
    ]);
    expect(hammingDistance(perceptualHash(page), perceptualHash(shifted))).toBeLessThanOrEqual(NEAR_IMAGE_MAX_BITS);
    expect(hammingDistance(perceptualHash(page), perceptualHash(other))).toBeGreaterThan(NEAR_IMAGE_MAX_BITS);
  });
});

function pageOf(id: string, text: string, image: PageImage | null = null): PageForGrouping {
  return { id, normalized: normalizeText(text), ...pageFingerprints(text, image) };
}

describe("duplicate grouping", () => {
  it("points an exact copy and a rescan to the first page of their group, and leaves the original and other pages alone", () => {
    const found = groupDuplicates([
      pageOf("original", LETTER),
      pageOf("other", OTHER),
      pageOf("copy", LETTER.toUpperCase()),
      pageOf("rescan", misread(LETTER, 12)),
    ]);
    expect(found.get("original")).toBeUndefined();
    expect(found.get("other")).toBeUndefined();
    expect(found.get("copy")).toEqual({ duplicateOfId: "original", kind: "EXACT" });
    expect(found.get("rescan")).toEqual({ duplicateOfId: "original", kind: "NEAR" });
  });

  it("tells a rescan from another page written on the same form, with other facts", () => {
    const nextVisit = LETTER.replace("54-year-old woman", "61-year-old man")
      .replace("lumbar radiculopathy", "cervical myelopathy")
      .replace("March 3", "June 18")
      .replace("L4-L5", "C5-C6")
      .replace("Six weeks", "Ten weeks")
      .replace("two\nepidural injections", "three\nfacet injections")
      .replace("microdiscectomy", "laminoplasty")
      .replace("section 4.2", "section 5.1");
    const found = groupDuplicates([pageOf("visit", LETTER), pageOf("next visit", nextVisit), pageOf("rescan", misread(LETTER, 12))]);
    expect(found.get("next visit")).toBeUndefined();
    expect(found.get("rescan")).toEqual({ duplicateOfId: "visit", kind: "NEAR" });
  });

  it("does not call short pages duplicates for their few shared words", () => {
    const found = groupDuplicates([pageOf("a", "Page intentionally left blank"), pageOf("b", "Page intentionally left blank")]);
    expect(found.size).toBe(0);
  });

  it("groups pages without text by their image: the same pixels exactly, a rescan nearly", () => {
    const bars = [
      { x: 20, y: 30, w: 60, h: 80 },
      { x: 100, y: 150, w: 50, h: 60 },
    ];
    const found = groupDuplicates([
      pageOf("drawing", "", drawing(180, 240, bars)),
      pageOf("same", "", drawing(180, 240, bars)),
      pageOf(
        "rescanned",
        "",
        drawing(
          180,
          240,
          bars.map((bar) => ({ ...bar, x: bar.x + 3, y: bar.y + 3 })),
          30,
        ),
      ),
      pageOf("text", LETTER, drawing(180, 240, bars)),
    ]);
    expect(found.get("same")).toEqual({ duplicateOfId: "drawing", kind: "EXACT" });
    expect(found.get("rescanned")).toEqual({ duplicateOfId: "drawing", kind: "NEAR" });
    // Its image is the drawing's, but a page of text is compared by its text.
    expect(found.get("text")).toEqual({ duplicateOfId: "drawing", kind: "EXACT" });
  });
});

describe("the text layer's progress", () => {
  it("reads as the case file shows it", () => {
    expect(textLayerLabel({ status: "RUNNING", pageCount: 112, pagesIndexed: 40, ocr: true, error: null })).toBe("OCR 40 of 112 pages");
    expect(textLayerLabel({ status: "RUNNING", pageCount: 1_200, pagesIndexed: 3, ocr: false, error: null })).toBe("Text: 3 of 1,200 pages");
    expect(textLayerLabel({ status: "DONE", pageCount: 1, pagesIndexed: 1, ocr: false, error: null })).toBe("Searchable");
    expect(textLayerLabel({ status: "FAILED", pageCount: null, pagesIndexed: 0, ocr: false, error: "The PDF is damaged." })).toBe(
      "Could not read: The PDF is damaged.",
    );
  });

  it("is made for what the parties sent, not for the portal's own letters", () => {
    expect(getsTextLayer({ kind: "MEDICAL_RECORDS", contentType: "image/tiff" })).toBe(true);
    expect(getsTextLayer({ kind: "DECISION_LETTER", contentType: "application/pdf" })).toBe(false);
    expect(getsTextLayer({ kind: "OTHER", contentType: "text/html" })).toBe(false);
  });
});
