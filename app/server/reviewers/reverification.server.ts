import { localDate, type LocalDate } from "~/domain/deadlines/time-zone";
import { latestVerificationFlagged, reverificationFlag } from "~/domain/roster";
import { organizationCalendar } from "../deadlines/calendar.server";
import { db, Prisma } from "../db.server";

/** How many the coordinators' home lists; the roster's filter shows them all. */
const PANEL_SIZE = 10;

/** Active reviewer accounts: the roster. */
export const ROSTER_WHERE = { roles: { has: "REVIEWER" }, disabledAt: null } satisfies Prisma.UserWhereInput;

/** A calendar-date column holds the local date at UTC midnight. */
export function dateColumn(date: LocalDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function localDateOf(column: Date): LocalDate {
  return column.toISOString().slice(0, 10);
}

export async function organizationToday(now: Date): Promise<LocalDate> {
  const { timeZone } = await organizationCalendar();
  return localDate(now, timeZone);
}

/** Reviewers whose credentials are never verified, or fall due within the window on `today` (overdue ones too). */
export function reverificationDueWhere(today: LocalDate): Prisma.UserWhereInput {
  return {
    OR: [
      { reviewerProfile: { is: null } },
      { reviewerProfile: { is: { credentialsVerifiedOn: null } } },
      { reviewerProfile: { is: { credentialsVerifiedOn: { lte: dateColumn(latestVerificationFlagged(today)) } } } },
    ],
  };
}

/**
 * The coordinators' reminder: reviewers to re-verify within 30 days, the
 * most pressing first (never verified, then by due date), at most ten, and
 * how many there are in all.
 */
export async function reviewersDueForReverification(now: Date = new Date()) {
  const today = await organizationToday(now);
  const rows = await db.$queryRaw<ReverificationRow[]>(reverificationPanelSql(today));
  return reverificationPanel(rows, today);
}

/** A reviewer of the panel as its statement gives them, with how many are due in all. */
export interface ReverificationRow {
  id: string;
  name: string;
  verifiedOn: Date | string | null;
  total: bigint | number;
}

/**
 * The panel's statement (as reverificationDueWhere, with the total beside the
 * first rows), in SQL: the coordinators' home asks on every visit, inside its
 * own statement (sla-dashboard.server.ts).
 */
export function reverificationPanelSql(today: LocalDate): Prisma.Sql {
  return Prisma.sql`
    SELECT u.id, u.name, r."credentialsVerifiedOn" AS "verifiedOn", count(*) OVER () AS total
      FROM "User" u LEFT JOIN "ReviewerProfile" r ON r."userId" = u.id
     WHERE 'REVIEWER' = ANY(u.roles) AND u."disabledAt" IS NULL
       AND (r."credentialsVerifiedOn" IS NULL OR r."credentialsVerifiedOn" <= ${dateColumn(latestVerificationFlagged(today))}::date)
     -- Never verified (null) first, then the oldest verification.
     ORDER BY r."credentialsVerifiedOn" ASC NULLS FIRST, u.name ASC, u.id ASC
     LIMIT ${PANEL_SIZE}`;
}

/** The panel from its statement's rows: each reviewer's verification date and how soon it is due. */
export function reverificationPanel(rows: ReverificationRow[], today: LocalDate) {
  const reviewers = rows.flatMap((row) => {
    // A date column comes back as a Date from a query, as "YYYY-MM-DD" from JSON.
    const verifiedOn = row.verifiedOn === null ? null : typeof row.verifiedOn === "string" ? row.verifiedOn.slice(0, 10) : localDateOf(row.verifiedOn);
    const flag = reverificationFlag(verifiedOn, today);
    return flag ? [{ id: row.id, name: row.name, verifiedOn, due: flag.text, overdue: flag.urgent }] : [];
  });
  return { reviewers, total: Number(rows[0]?.total ?? 0) };
}
