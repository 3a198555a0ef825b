import { z } from "zod";
import { DISPUTES, TRACKS } from "~/domain/deadlines/case-deadlines";

/** The years a preview may start in: deadlines are counted on the calendar of real years, not of 0000 or 9999. */
export const PREVIEW_YEARS = { first: 1900, last: 2199 } as const;

/** The query of GET /api/v1/rules/deadlines. */
export const deadlinePreviewQuery = z.object({
  profile: z.enum(["naic", "federal", "california"], { error: "must be one of naic, federal, california" }),
  track: z.enum(TRACKS, { error: "must be standard or expedited" }).default("standard"),
  dispute: z.enum(DISPUTES, { error: "must be one of medical_necessity, experimental_investigational, urgent_care" }).default("medical_necessity"),
  from: z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 instant with a time zone, e.g. 2026-11-23T10:00:00-05:00" })
    .refine((from) => {
      // Not an instant at all is the format's message alone.
      const year = new Date(from).getUTCFullYear();
      return Number.isNaN(year) || (year >= PREVIEW_YEARS.first && year <= PREVIEW_YEARS.last);
    }, `must be in the years ${PREVIEW_YEARS.first} to ${PREVIEW_YEARS.last}`)
    .optional(),
});
export type DeadlinePreviewQuery = z.infer<typeof deadlinePreviewQuery>;
