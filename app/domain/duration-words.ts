import type { TFunction } from "i18next";
import type { RuleDuration } from "./rule-profiles";

/** A rule's duration in the reader's words: "5 business days", "4 meses". */
export function durationWords(t: TFunction, rule: RuleDuration): string {
  const count = rule.amount;
  switch (rule.unit) {
    case "hours":
      return t("{count, plural, one {# hour} other {# hours}}", { count });
    case "calendar_days":
      return t("{count, plural, one {# calendar day} other {# calendar days}}", { count });
    case "business_days":
      return t("{count, plural, one {# business day} other {# business days}}", { count });
    case "months":
      return t("{count, plural, one {# month} other {# months}}", { count });
    case "years":
      return t("{count, plural, one {# year} other {# years}}", { count });
  }
}
