import { db } from "../db.server";

export interface Share {
  label: string;
  decisions: number;
  /** Overturned in whole or in part. */
  overturned: number;
}

export interface TrackTimeliness {
  track: "STANDARD" | "EXPEDITED";
  decisions: number;
  onTime: number;
  medianDays: number;
}

/**
 * The library's figures, counted from the published decisions at each
 * request (no stored totals to drift): decisions per year, overturn rates by
 * diagnosis category and by plan, and by track the median days from filing
 * to decision and the share decided within the deadline. Only published
 * decisions count, so every figure can be checked against the library.
 */
export async function libraryStatistics() {
  const [years, categories, plans, tracks] = await Promise.all([
    db.$queryRaw<{ year: number; decisions: number }[]>`
      SELECT "year", count(*)::int AS decisions FROM "Publication" WHERE "status" = 'PUBLISHED' GROUP BY "year" ORDER BY "year" DESC`,
    db.$queryRaw<Share[]>`
      SELECT "diagnosisCategory" AS label, count(*)::int AS decisions, (count(*) FILTER (WHERE "outcome" <> 'UPHELD'))::int AS overturned
      FROM "Publication" WHERE "status" = 'PUBLISHED' GROUP BY "diagnosisCategory" ORDER BY decisions DESC, label`,
    db.$queryRaw<Share[]>`
      SELECT coalesce(plan."name", '') AS label, count(*)::int AS decisions, (count(*) FILTER (WHERE publication."outcome" <> 'UPHELD'))::int AS overturned
      FROM "Publication" publication LEFT JOIN "HealthPlan" plan ON plan."id" = publication."planId"
      WHERE publication."status" = 'PUBLISHED' GROUP BY plan."name" ORDER BY decisions DESC, label`,
    db.$queryRaw<TrackTimeliness[]>`
      SELECT "track"::text AS track, count(*)::int AS decisions, (count(*) FILTER (WHERE "decidedOnTime"))::int AS "onTime",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY "daysToDecision")::float8 AS "medianDays"
      FROM "Publication" WHERE "status" = 'PUBLISHED' GROUP BY "track" ORDER BY "track" DESC`,
  ]);
  return { years, categories, plans, tracks, total: years.reduce((sum, year) => sum + year.decisions, 0) };
}
export type LibraryStatistics = Awaited<ReturnType<typeof libraryStatistics>>;
