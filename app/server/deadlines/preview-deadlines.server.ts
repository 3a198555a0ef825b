import { computeAllDeadlines } from "~/domain/deadlines/case-deadlines";
import { formatOffsetIso } from "~/domain/deadlines/time-zone";
import type { DeadlinePreviewQuery } from "~/schemas/deadline-preview";
import { organizationCalendar } from "./calendar.server";
import { ruleProfileInForce } from "./rule-profiles.server";

/**
 * Every deadline of a profile as if its clock started at `from`: what a
 * plan's systems use to plan their own work. Uses the profile version in
 * force at `from` and the organization's calendar.
 */
export async function previewDeadlines(query: DeadlinePreviewQuery, now = new Date()) {
  const from = query.from ? new Date(query.from) : now;
  const [profile, calendar] = await Promise.all([ruleProfileInForce(query.profile, from), organizationCalendar()]);
  const deadlines = computeAllDeadlines(profile.rules, query.track, query.dispute, from, calendar);
  return {
    profile: query.profile,
    profileVersion: profile.version,
    track: query.track,
    dispute: query.dispute,
    from: formatOffsetIso(from, calendar.timeZone),
    timeZone: calendar.timeZone,
    deadlines: Object.fromEntries(Object.entries(deadlines).map(([kind, due]) => [kind, formatOffsetIso(due, calendar.timeZone)])),
  };
}
