import { addDaysToLocalDate, instantAt, localDate } from "~/domain/deadlines/time-zone";
import { type DateRange, lastFullMonth, yearToDate } from "~/domain/reports/timeliness";
import { organizationCalendar } from "../deadlines/calendar.server";

/**
 * A report's range of local dates (by default the last full month before
 * `now`) as the instants it covers, start included and end excluded, in the
 * organization's time zone, with the presets the pages offer.
 */
export async function reportRange(range: DateRange | undefined, now: Date) {
  const { timeZone } = await organizationCalendar();
  const today = localDate(now, timeZone);
  const chosen = range ?? lastFullMonth(today);
  return {
    range: chosen,
    timeZone,
    start: instantAt(chosen.from, 0, 0, 0, timeZone),
    end: instantAt(addDaysToLocalDate(chosen.to, 1), 0, 0, 0, timeZone),
    presets: { lastFullMonth: lastFullMonth(today), yearToDate: yearToDate(today) },
  };
}
