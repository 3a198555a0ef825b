import { z } from "zod";
import { parseLocalDate, type LocalDate } from "~/domain/deadlines/time-zone";
import {
  durationIn,
  formatLocalDate,
  MAX_AMOUNT,
  RULE_DEFINITIONS,
  RULE_DURATION_SLOTS,
  RULE_PROFILE_CODES,
  unitLabel,
  type DurationUnit,
  type RuleDuration,
  type RuleSet,
} from "~/domain/rule-profiles";

/** Form schemas of the admin's rule pages, shared by the browser and the actions. */

const LOCAL_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function isLocalDate(value: string): boolean {
  if (!LOCAL_DATE_RE.test(value)) return false;
  try {
    parseLocalDate(value);
    return true;
  } catch {
    return false;
  }
}

function localDateField(missing: string, check?: (date: LocalDate) => string | null) {
  return z.string().superRefine((value, ctx) => {
    if (value.trim() === "") ctx.addIssue({ code: "custom", message: missing });
    else if (!isLocalDate(value)) ctx.addIssue({ code: "custom", message: "Enter a real date, like 2027-01-01." });
    else {
      const problem = check?.(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }
  });
}

function orList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

const amountField = z
  .string()
  .trim()
  .min(1, "Enter a whole number of 1 or more.")
  .regex(/^\d+$/, "Enter a whole number, like 5.")
  .transform(Number)
  .pipe(z.number().int().min(1, "Enter a whole number of 1 or more."));

/** What the new version's effective date is checked against (local dates in the organization's time zone). */
export interface RuleVersionLimits {
  today: LocalDate;
  latest: { version: number; effectiveDate: LocalDate } | null;
}

export type RuleVersionInput = {
  effectiveDate: LocalDate;
  regulatorName: string;
  regulatorContact: string;
  rules: RuleSet;
};

/**
 * A new version of a rule profile: every rule's amount and unit (flat fields,
 * see RULE_DURATION_SLOTS), the regulator, and the day it takes effect, which
 * is neither in the past nor on or before the latest version's.
 */
export function ruleVersionSchema(limits: RuleVersionLimits) {
  const shape: Record<string, z.ZodType> = {
    effectiveDate: localDateField("Enter the date this version takes effect.", (date) => {
      if (date < limits.today) return `The date cannot be in the past: choose ${formatLocalDate(limits.today)} or later.`;
      if (limits.latest && date <= limits.latest.effectiveDate) {
        return `Choose a date after ${formatLocalDate(limits.latest.effectiveDate)}, when version ${limits.latest.version} takes effect.`;
      }
      return null;
    }),
    regulatorName: z.string().trim().min(1, "Enter the regulator's name.").max(200, "Use at most 200 characters."),
    regulatorContact: z.string().trim().min(1, "Enter how applicants reach the regulator (phone, website).").max(500, "Use at most 500 characters."),
  };
  for (const slot of RULE_DURATION_SLOTS) {
    // A rule a profile may leave out is left out with its amounts blank.
    shape[slot.amountField] = slot.rule.whenAbsent ? z.union([z.literal("").transform(() => null), amountField]) : amountField;
    shape[slot.unitField] = z.enum(slot.rule.units, { error: `Choose ${orList(slot.rule.units.map(unitLabel))}.` });
  }
  return z
    .object(shape)
    .superRefine((values, ctx) => {
      // The bound depends on the unit chosen beside the amount.
      for (const slot of RULE_DURATION_SLOTS) {
        const amount = values[slot.amountField];
        const unit = values[slot.unitField] as DurationUnit;
        if (typeof amount !== "number" || !slot.rule.units.includes(unit)) continue;
        if (amount > MAX_AMOUNT[unit]) {
          ctx.addIssue({ code: "custom", path: [slot.amountField], message: `Use at most ${MAX_AMOUNT[unit]} ${unitLabel(unit)}.` });
        }
      }
      for (const rule of RULE_DEFINITIONS.filter((definition) => definition.whenAbsent)) {
        const slots = RULE_DURATION_SLOTS.filter((slot) => slot.rule.key === rule.key);
        const blank = slots.filter((slot) => values[slot.amountField] === null);
        for (const slot of blank.length > 0 && blank.length < slots.length ? blank : []) {
          ctx.addIssue({ code: "custom", path: [slot.amountField], message: "Enter the amount for both tracks, or leave both blank." });
        }
      }
    })
    .transform((values): RuleVersionInput => {
      const duration = (amountKey: string, unitKey: string): RuleDuration => ({
        amount: values[amountKey] as number,
        unit: values[unitKey] as DurationUnit,
      });
      const rules: Record<string, unknown> = {};
      for (const rule of RULE_DEFINITIONS) {
        const slots = RULE_DURATION_SLOTS.filter((slot) => slot.rule.key === rule.key);
        if (slots.some((slot) => values[slot.amountField] === null)) continue;
        rules[rule.key] = rule.tracks
          ? Object.fromEntries(slots.map((slot) => [slot.track, duration(slot.amountField, slot.unitField)]))
          : duration(slots[0]!.amountField, slots[0]!.unitField);
      }
      return {
        effectiveDate: values.effectiveDate as LocalDate,
        regulatorName: values.regulatorName as string,
        regulatorContact: values.regulatorContact as string,
        rules: rules as unknown as RuleSet,
      };
    });
}

/** The form's fields filled in from an existing version, to start the next one from. */
export function ruleVersionFormValues(version: { rules: RuleSet; regulatorName: string; regulatorContact: string }): Record<string, string> {
  const values: Record<string, string> = {
    effectiveDate: "",
    regulatorName: version.regulatorName,
    regulatorContact: version.regulatorContact,
  };
  for (const slot of RULE_DURATION_SLOTS) {
    const duration = durationIn(version.rules, slot);
    values[slot.amountField] = duration ? String(duration.amount) : "";
    // A rule left out offers days, the unit the regulators use for it.
    values[slot.unitField] = duration?.unit ?? (slot.rule.units.includes("calendar_days") ? "calendar_days" : slot.rule.units[0]!);
  }
  return values;
}

/** A rule profile named in a page's address. */
export const ruleProfileCodeSchema = z.enum(RULE_PROFILE_CODES);

export const HOLIDAY_YEARS = { from: 2000, to: 2100 } as const;

export const holidaySchema = z.object({
  date: localDateField("Enter the holiday's date.", (date) => {
    const { year } = parseLocalDate(date);
    return year < HOLIDAY_YEARS.from || year > HOLIDAY_YEARS.to ? `Choose a date between ${HOLIDAY_YEARS.from} and ${HOLIDAY_YEARS.to}.` : null;
  }),
  name: z.string().trim().min(1, "Enter the holiday's name, like Day after Thanksgiving.").max(100, "Use at most 100 characters."),
});
export type HolidayInput = z.infer<typeof holidaySchema>;

export const removeHolidaySchema = z.object({ date: localDateField("Choose the holiday to remove.") });

/** The holidays page's query: the year shown, and the holiday just added or removed (or about to be). */
export const holidaysPageQuery = z.object({
  year: z.coerce.number().int().min(HOLIDAY_YEARS.from).max(HOLIDAY_YEARS.to).optional().catch(undefined),
  remove: removeHolidaySchema.shape.date.optional().catch(undefined),
  added: removeHolidaySchema.shape.date.optional().catch(undefined),
  removed: removeHolidaySchema.shape.date.optional().catch(undefined),
});

/** An IANA zone this runtime knows (Intl throws a RangeError for any other name). */
function isTimeZone(value: string): boolean {
  if (value === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.object({
  timeZone: z.string().refine(isTimeZone, "Choose a time zone from the list."),
});

/** The organization's setting "offer the next suggested reviewer automatically". */
export const autoOfferSchema = z.object({
  autoOfferNext: z.enum(["on", "off"], { message: "Choose on or off." }),
});
