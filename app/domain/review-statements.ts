/**
 * The fixed words of ours a reviewer's opinion carries into the decision
 * letter: the standards of review offered on the determination form and
 * the no-conflict statement the reviewer signs. Each is a catalog message,
 * so a letter in Spanish states it in Spanish; what a reviewer writes
 * themselves is printed as written.
 */
import { msg } from "~/i18n/msg";

/** The standards a reviewer applies, by dispute type (NAIC Model Act #76 wording); a reviewer may describe their own instead. */
export const STANDARDS_OF_REVIEW = [
  {
    key: "medical-necessity",
    text: msg("Medical necessity, under generally accepted standards of medical practice"),
  },
  {
    key: "experimental",
    text: msg(
      "Experimental or investigational treatment: whether, on the medical and scientific evidence, it is likely to be more beneficial than any available standard treatment, without substantially greater risk",
    ),
  },
  {
    key: "emergency",
    text: msg("Urgent or emergency care: whether a prudent layperson would have believed the symptoms needed immediate care"),
  },
] as const;

/** What the reviewer signs on submitting; the record keeps it with the time, "Signed electronically on …". */
export const NO_CONFLICT_STATEMENT = msg(
  "The reviewer attests that they have no material professional, familial or financial conflict of interest with the health plan or its officers, the patient or the patient's family, the treating physician or their medical group, the facility, or the maker of the drug or device in dispute, and had no earlier involvement in this case or its appeal.",
);
