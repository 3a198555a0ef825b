/**
 * What every notice and decision letter carries for language access
 * (Section 1557 of the Affordable Care Act, 45 CFR 92.11): taglines, a short
 * sentence in each of the top 15 non-English languages spoken in the United
 * States offering help in that language free of charge, and the
 * nondiscrimination notice. Pure: the caller gives the organization's name and
 * phone.
 */
import type { TFunction } from "i18next";
import { msg } from "~/i18n/msg";

/**
 * The writing system a tagline is in (ISO 15924), which picks the font that
 * draws it: Han is written differently in Chinese (Hant) and Japanese (Jpan).
 */
export type TaglineScript = "Latn" | "Hant" | "Hang" | "Armn" | "Cyrl" | "Jpan" | "Arab" | "Guru" | "Khmr" | "Deva" | "Thai";

export interface Tagline {
  /** The language's name in English, which tells the taglines apart. */
  englishName: string;
  script: TaglineScript;
  /** The tagline in its own language; in TAGLINES, `{phone}` is where the number goes. */
  text: string;
}

/**
 * The top 15 non-English languages spoken in the United States (Census
 * figures HHS used for Section 1557), each offering help in itself; the
 * wording follows HHS's published sample taglines.
 */
export const TAGLINES: readonly Tagline[] = [
  {
    englishName: "Spanish",
    script: "Latn",
    text: "ATENCIÓN: si habla español, tiene a su disposición servicios gratuitos de asistencia lingüística. Llame al {phone}.",
  },
  { englishName: "Chinese", script: "Hant", text: "注意：如果您使用繁體中文，您可以免費獲得語言援助服務。請致電 {phone}。" },
  {
    englishName: "Vietnamese",
    script: "Latn",
    text: "CHÚ Ý: Nếu bạn nói Tiếng Việt, có các dịch vụ hỗ trợ ngôn ngữ miễn phí dành cho bạn. Gọi số {phone}.",
  },
  {
    englishName: "Tagalog",
    script: "Latn",
    text: "PAUNAWA: Kung nagsasalita ka ng Tagalog, maaari kang gumamit ng mga serbisyo ng tulong sa wika nang walang bayad. Tumawag sa {phone}.",
  },
  {
    englishName: "Korean",
    script: "Hang",
    text: "주의: 한국어를 사용하시는 경우, 언어 지원 서비스를 무료로 이용하실 수 있습니다. {phone} 번으로 전화해 주십시오.",
  },
  {
    englishName: "Armenian",
    script: "Armn",
    text: "ՈՒՇԱԴՐՈՒԹՅՈՒՆ՝ Եթե խոսում եք հայերեն, ապա ձեզ անվճար կարող են տրամադրվել լեզվական աջակցության ծառայություններ: Զանգահարեք {phone}:",
  },
  {
    englishName: "Russian",
    script: "Cyrl",
    text: "ВНИМАНИЕ: Если вы говорите на русском языке, то вам доступны бесплатные услуги перевода. Звоните {phone}.",
  },
  {
    englishName: "Japanese",
    script: "Jpan",
    text: "注意事項：日本語を話される場合、無料の言語支援をご利用いただけます。{phone} まで、お電話にてご連絡ください。",
  },
  {
    englishName: "Persian (Farsi)",
    script: "Arab",
    text: "توجه: اگر به زبان فارسی گفتگو می کنید، تسهیلات زبانی بصورت رایگان برای شما فراهم می باشد. با {phone} تماس بگیرید.",
  },
  {
    englishName: "Punjabi",
    script: "Guru",
    text: "ਧਿਆਨ ਦਿਓ: ਜੇ ਤੁਸੀਂ ਪੰਜਾਬੀ ਬੋਲਦੇ ਹੋ, ਤਾਂ ਭਾਸ਼ਾ ਵਿੱਚ ਸਹਾਇਤਾ ਸੇਵਾ ਤੁਹਾਡੇ ਲਈ ਮੁਫਤ ਉਪਲਬਧ ਹੈ। {phone} 'ਤੇ ਕਾਲ ਕਰੋ।",
  },
  {
    englishName: "Khmer",
    script: "Khmr",
    text: "ប្រយ័ត្ន៖ បើសិនជាអ្នកនិយាយ ភាសាខ្មែរ, សេវាជំនួយផ្នែកភាសា ដោយមិនគិតឈ្នួល គឺអាចមានសំរាប់បំរើអ្នក។ ចូរ ទូរស័ព្ទ {phone}។",
  },
  {
    englishName: "Hmong",
    script: "Latn",
    text: "LUS CEEV: Yog tias koj hais lus Hmoob, cov kev pab txog lus, muaj kev pab dawb rau koj. Hu rau {phone}.",
  },
  {
    englishName: "Arabic",
    script: "Arab",
    text: "ملحوظة: إذا كنت تتحدث العربية، فإن خدمات المساعدة اللغوية تتوافر لك بالمجان. اتصل برقم {phone}.",
  },
  {
    englishName: "Hindi",
    script: "Deva",
    text: "ध्यान दें: यदि आप हिंदी बोलते हैं तो आपके लिए मुफ्त में भाषा सहायता सेवाएं उपलब्ध हैं। {phone} पर कॉल करें।",
  },
  { englishName: "Thai", script: "Thai", text: "เรียน: ถ้าคุณพูดภาษาไทย คุณสามารถใช้บริการช่วยเหลือทางภาษาได้ฟรี โทร {phone}" },
];

/** The English tagline, for a notice written in another language. */
const ENGLISH_TAGLINE: Tagline = {
  englishName: "English",
  script: "Latn",
  text: "ATTENTION: If you speak English, language assistance services, free of charge, are available to you. Call {phone}.",
};

/**
 * The taglines a notice prints, with the organization's phone: the top 15
 * languages, and English first on a notice written in another language.
 */
export function taglines(phone: string, noticeLanguage: string): Tagline[] {
  const lines = noticeLanguage === "en" ? TAGLINES : [ENGLISH_TAGLINE, ...TAGLINES];
  // In right-to-left text a number after Arabic letters is an "Arabic number", and the hyphens
  // between its groups put them in reverse order (0143-555-800-1); a left-to-right mark before it
  // keeps the number whole, read left to right (Unicode bidirectional algorithm, rule W2).
  return lines.map((line) => ({ ...line, text: line.text.replace("{phone}", line.script === "Arab" ? `\u200E${phone}` : phone) }));
}

/**
 * The nondiscrimination notice (45 CFR 92.10), in the notice's language:
 * `t` is the translator of that language.
 */
export function nondiscriminationNotice(t: TFunction, organization: { name: string; phone: string }): { heading: string; paragraphs: string[] } {
  const values = { organization: organization.name, phone: organization.phone };
  return {
    heading: t(NONDISCRIMINATION_HEADING, values),
    paragraphs: NONDISCRIMINATION_PARAGRAPHS.map((paragraph) => t(paragraph, values)),
  };
}

const NONDISCRIMINATION_HEADING = msg("Nondiscrimination notice");
const NONDISCRIMINATION_PARAGRAPHS = [
  msg(
    "{organization} complies with applicable federal civil rights laws and does not discriminate on the basis of race, color, national origin, age, disability or sex (including pregnancy, sexual orientation and gender identity). {organization} does not exclude people or treat them differently because of any of these.",
  ),
  msg(
    "We provide free aids and services to people with disabilities so they can communicate with us, such as qualified sign language interpreters and written information in other formats (large print, audio, accessible electronic formats). We provide free language services to people whose primary language is not English, such as qualified interpreters and information written in other languages. If you need these services, call {organization} at {phone}.",
  ),
  msg(
    "If you believe that {organization} has failed to provide these services or discriminated in another way, you can file a grievance with {organization} at {phone}. You can also file a civil rights complaint with the U.S. Department of Health and Human Services, Office for Civil Rights, at https://ocrportal.hhs.gov/ocr/portal/lobby.jsf, by phone at 1-800-368-1019 (TDD 1-800-537-7697), or by mail at 200 Independence Avenue SW, Room 509F, HHH Building, Washington, DC 20201.",
  ),
] as const;
