import { timeLeftText } from "~/domain/deadlines/case-deadlines";
import { DEADLINE_LABELS } from "~/domain/deadlines/lifecycle";
import { localDate } from "~/domain/deadlines/time-zone";
import type { DashboardFilter } from "~/schemas/dashboard";
import { organizationCalendar } from "../deadlines/calendar.server";
import { KIND_OF_DB } from "../deadlines/case-clocks.server";
import { slaDashboard } from "./sla-dashboard.server";

export type ClockState = "on_track" | "at_risk" | "overdue" | "none";

/**
 * The dashboard with its words worked out on the server, at one instant, so
 * the page says the same thing wherever and whenever it is rendered.
 */
export async function dashboardPage(filter: DashboardFilter, now = new Date()) {
  const calendar = await organizationCalendar();
  const dashboard = await slaDashboard(filter, now, localDate(now, calendar.timeZone));
  const rows = dashboard.rows.map((row) => {
    const due = row.nextDeadlineDueAt;
    const state: ClockState = !due ? "none" : due < now ? "overdue" : row.nextDeadlineAtRiskAt && row.nextDeadlineAtRiskAt <= now ? "at_risk" : "on_track";
    return {
      id: row.id,
      reference: row.reference,
      status: row.status,
      track: row.track,
      flagged: row.flaggedAt !== null,
      plan: row.planName,
      assignee: row.coordinatorName,
      deadline: due && row.nextDeadlineKind ? DEADLINE_LABELS[KIND_OF_DB[row.nextDeadlineKind]] : null,
      dueAt: due,
      timeLeft: due ? timeLeftText(due, now) : null,
      state,
    };
  });
  return { ...dashboard, rows, pages: Math.max(1, Math.ceil(dashboard.matching / dashboard.pageSize)) };
}
