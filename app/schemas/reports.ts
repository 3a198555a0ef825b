import { z } from "zod";
import { zodFieldErrors, type FieldErrors } from "~/forms/form-data";
import type { DateRange } from "~/domain/reports/timeliness";

const EARLIEST = "2000-01-01";

const localDateField = (what: string) =>
  z
    .string({ error: `Enter the ${what}.` })
    .trim()
    .min(1, `Enter the ${what}.`)
    .pipe(z.iso.date({ error: `Enter the ${what} as a real date, for example 2026-03-31.` }))
    .refine((date) => date >= EARLIEST, `Enter a ${what} in 2000 or later.`);

/** The timeliness report's range: decision dates, both days included, in the organization's time zone. */
const timelinessRangeSchema = z
  .object({
    from: localDateField("first day"),
    to: localDateField("last day"),
  })
  .refine((range) => range.from <= range.to, {
    path: ["to"],
    message: "The last day must be on or after the first day.",
    // Comparing is only meaningful once both are dates; otherwise each field already has its message.
    when: (payload) => payload.issues.length === 0,
  });

export type TimelinessQuery = { ok: true; range: DateRange | undefined } | { ok: false; values: { from: string; to: string }; fieldErrors: FieldErrors };

/** The range from a query string; no range at all means the report's default. */
export function parseTimelinessQuery(searchParams: URLSearchParams): TimelinessQuery {
  if (!searchParams.has("from") && !searchParams.has("to")) return { ok: true, range: undefined };
  const values = { from: searchParams.get("from") ?? "", to: searchParams.get("to") ?? "" };
  const parsed = timelinessRangeSchema.safeParse(values);
  if (parsed.success) return { ok: true, range: parsed.data };
  return { ok: false, values, fieldErrors: zodFieldErrors(parsed.error) };
}

/** The regulator export's year. */
export const regulatorExportQuerySchema = z.object({
  year: z.coerce
    .number({ error: "Choose the year to export, for example 2025." })
    .int("Choose the year to export, for example 2025.")
    .min(2000, "Choose a year from 2000 to 2100.")
    .max(2100, "Choose a year from 2000 to 2100."),
});
