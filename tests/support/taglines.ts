/**
 * Words from each Section 1557 tagline in a script other than Latin-1, as
 * pdf.js reads them from a notice: they are there only when the tagline is
 * drawn in its own letters. pdf.js reads Indic and Khmer in drawing order
 * (a vowel drawn before its consonant comes first), so the words are ones
 * whose order is the same either way.
 */
export const TAGLINE_WORDS = [
  "如果您使用繁體中文",
  "Nếu bạn nói Tiếng Việt",
  "한국어를 사용하시는 경우",
  "Եթե խոսում եք հայերեն",
  "ВНИМАНИЕ: Если вы говорите на русском языке",
  "注意事項：日本語",
  "اگر به زبان فارسی گفتگو می کنید",
  "ਪੰਜਾਬੀ ਬੋਲਦੇ ਹੋ",
  "ចូរ ទូរស័ព្ទ",
  "إذا كنت تتحدث العربية",
  "भाषा सहायता सेवाएं उपलब्ध",
  "ถ้าคุณพูดภาษาไทย",
] as const;
