import { data, Form, Link } from "react-router";
import type { Route } from "./+types/reports.timeliness";
import { DataTable } from "~/components/data-table";
import { FilterInput, Notice } from "~/components/forms";
import { TRACK_LABELS } from "~/domain/reports/labels";
import { disputeTypeLabel, formatDays, type DateRange } from "~/domain/reports/timeliness";
import { parseTimelinessQuery } from "~/schemas/reports";
import { timelinessReport } from "~/server/reports/timeliness-report.server";
import { permittedUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "Timeliness report | Independent Medical Review" }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  permittedUser(context, "report:read");
  const query = parseTimelinessQuery(new URL(request.url).searchParams);
  if (!query.ok) return data({ report: null, values: query.values, fieldErrors: query.fieldErrors }, { status: 400 });
  const report = await timelinessReport(query.range);
  return { report, values: report.range, fieldErrors: {} as Record<string, string> };
}

const longDate = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });
const showDate = (date: string) => longDate.format(new Date(`${date}T00:00:00Z`));
const rangeQuery = (range: DateRange) => `?${new URLSearchParams({ from: range.from, to: range.to }).toString()}`;
const percent = (value: number | null) => (value === null ? "n/a" : `${value.toFixed(1)}%`);
const days = (value: number | null) => formatDays(value) ?? "n/a";

export default function TimelinessReport({ loaderData }: Route.ComponentProps) {
  const { report, values, fieldErrors } = loaderData;
  return (
    <>
      <p>
        <Link to="/iro/reports">Reports</Link>
      </p>
      <h1>Timeliness report</h1>
      <p>Cases decided in the range: how many were decided by their decision deadline, and how many days deciding took from acceptance.</p>

      {/* A new range is a new address, so the form is a GET and the key resets it to the range shown. */}
      <Form method="get" className="filters" aria-label="Choose the decision dates" key={`${values.from}|${values.to}`}>
        <FilterInput idPrefix="range" name="from" label="Decided from" type="date" value={values.from} error={fieldErrors.from} />
        <FilterInput idPrefix="range" name="to" label="Decided to (included)" type="date" value={values.to} error={fieldErrors.to} />
        <button type="submit" className="button">
          Show
        </button>
        {report ? (
          <>
            <Link to={rangeQuery(report.presets.lastFullMonth)}>Last full month</Link>
            <Link to={rangeQuery(report.presets.yearToDate)}>Year to date</Link>
          </>
        ) : null}
      </Form>

      {report ? (
        <>
          <p>
            Decided from <strong>{showDate(report.range.from)}</strong> to <strong>{showDate(report.range.to)}</strong>, both included (dates in{" "}
            {report.timeZone}).{" "}
            <a href={`/iro/reports/timeliness.csv${rangeQuery(report.range)}`} download>
              Download as CSV
            </a>
          </p>

          <ul className="cards" aria-label="All decisions in the range">
            <li className="card">
              <p className="stat">{report.overall.decided}</p>
              <p>cases decided</p>
            </li>
            <li className="card">
              <p className="stat">{percent(report.overall.onTimePercent)}</p>
              <p>
                decided on time ({report.overall.onTime} on time, {report.overall.late} late)
              </p>
            </li>
            <li className="card">
              <p className="stat">{days(report.overall.medianDays)}</p>
              <p>median days to decide</p>
            </li>
            <li className="card">
              <p className="stat">{days(report.overall.p95Days)}</p>
              <p>days to decide, 95th percentile</p>
            </li>
          </ul>

          <h2>Decisions by rule profile, track and type</h2>
          <DataTable
            caption="Decisions by rule profile, track and type of dispute; days from acceptance to decision"
            rows={report.groups}
            rowKey={(group) => `${group.profileCode}|${group.track}|${group.disputeType ?? ""}`}
            empty={
              <section className="empty-state" aria-labelledby="no-decisions">
                <h3 id="no-decisions">No decisions in this range</h3>
                <p>No case was decided between these dates. Choose a wider range to see more.</p>
              </section>
            }
            columns={[
              { header: "Rule profile", cell: (group) => group.profileName },
              { header: "Track", cell: (group) => TRACK_LABELS[group.track] },
              { header: "Type of dispute", cell: (group) => disputeTypeLabel(group.disputeType) },
              { header: "Decided", cell: (group) => group.decided },
              { header: "On time", cell: (group) => group.onTime },
              { header: "Late", cell: (group) => group.late },
              { header: "Share on time", cell: (group) => percent(group.onTimePercent) },
              { header: "Median days", cell: (group) => days(group.medianDays) },
              { header: "95th percentile days", cell: (group) => days(group.p95Days) },
            ]}
          />

          <h2>Missed deadlines</h2>
          <p>Deadlines due in the range that were not met: ended late, or still open after their due time.</p>
          <DataTable
            caption="Missed deadlines due in the range, by deadline and who had to act"
            rows={report.missedDeadlines}
            rowKey={(row) => `${row.deadline}|${row.responsible}`}
            empty={<p className="alert alert--success">No deadline due in this range was missed.</p>}
            columns={[
              { header: "Deadline", cell: (row) => row.deadline },
              { header: "Who had to act", cell: (row) => row.responsible },
              { header: "Missed (ended late)", cell: (row) => row.missed },
              { header: "Overdue, still open", cell: (row) => row.overdue },
            ]}
          />
        </>
      ) : (
        <Notice tone="error">Check the dates: the report needs a first and a last day, in that order.</Notice>
      )}
    </>
  );
}
