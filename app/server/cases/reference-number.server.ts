import { formatReference } from "~/domain/reference-number";
import { localDate } from "~/domain/deadlines/time-zone";
import type { Tx } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";

/**
 * The next reference number of the year (in the organization's time zone)
 * the case is filed in. Taken inside the filing transaction: the row lock
 * serialises concurrent filings, and a number is never given to two cases.
 */
export async function nextReference(tx: Tx, filedAt: Date): Promise<string> {
  const { timeZone } = await organizationCalendar(tx);
  const year = Number(localDate(filedAt, timeZone).slice(0, 4));
  const rows = await tx.$queryRaw<{ lastValue: number }[]>`
    INSERT INTO "ReferenceSequence" (year, "lastValue") VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET "lastValue" = "ReferenceSequence"."lastValue" + 1
    RETURNING "lastValue"`;
  return formatReference(year, rows[0]!.lastValue);
}
