const ENGLISH_NAMES = new Intl.DisplayNames(["en"], { type: "language" });

/** "Spanish" for "es": a language as staff pages and English letters name it; the code itself when it names no language. */
export function languageName(code: string): string {
  try {
    return ENGLISH_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}
