import { data, Form, Link } from "react-router";
import type { Route } from "./+types/reports.timeliness";
import { FilterInput } from "~/components/forms";
import { TRACK_LABELS } from "~/domain/reports/labels";
import { disputeTypeLabel, formatDays, type DateRange } from "~/domain/reports/timeliness";
import { parseTimelinessQuery } from "~/schemas/reports";
import { timelinessReport } from "~/server/reports/timeliness-report.server";
import { requirePermission } from "~/server/session.server";

export function meta() {
  return [{ title: "Timeliness report | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, "report:read");
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

          <ul className="cards" aria-label="All decisions in the range" style={{ listStyle: "none", padding: 0 }}>
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
          {report.groups.length ? (
            <div className="table-wrap">
              <table>
                <caption>Decisions by rule profile, track and type of dispute; days from acceptance to decision</caption>
                <thead>
                  <tr>
                    <th scope="col">Rule profile</th>
                    <th scope="col">Track</th>
                    <th scope="col">Type of dispute</th>
                    <th scope="col">Decided</th>
                    <th scope="col">On time</th>
                    <th scope="col">Late</th>
                    <th scope="col">Share on time</th>
                    <th scope="col">Median days</th>
                    <th scope="col">95th percentile days</th>
                  </tr>
                </thead>
                <tbody>
                  {report.groups.map((group) => (
                    <tr key={`${group.profileCode}|${group.track}|${group.disputeType ?? ""}`}>
                      <td>{group.profileName}</td>
                      <td>{TRACK_LABELS[group.track]}</td>
                      <td>{disputeTypeLabel(group.disputeType)}</td>
                      <td>{group.decided}</td>
                      <td>{group.onTime}</td>
                      <td>{group.late}</td>
                      <td>{percent(group.onTimePercent)}</td>
                      <td>{days(group.medianDays)}</td>
                      <td>{days(group.p95Days)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <section className="empty-state" aria-labelledby="no-decisions">
              <h3 id="no-decisions">No decisions in this range</h3>
              <p>No case was decided between these dates. Choose a wider range to see more.</p>
            </section>
          )}

          <h2>Missed deadlines</h2>
          <p>Deadlines due in the range that were not met: ended late, or still open after their due time.</p>
          {report.missedDeadlines.length ? (
            <div className="table-wrap">
              <table>
                <caption>Missed deadlines due in the range, by deadline and who had to act</caption>
                <thead>
                  <tr>
                    <th scope="col">Deadline</th>
                    <th scope="col">Who had to act</th>
                    <th scope="col">Missed (ended late)</th>
                    <th scope="col">Overdue, still open</th>
                  </tr>
                </thead>
                <tbody>
                  {report.missedDeadlines.map((row) => (
                    <tr key={`${row.deadline}|${row.responsible}`}>
                      <td>{row.deadline}</td>
                      <td>{row.responsible}</td>
                      <td>{row.missed}</td>
                      <td>{row.overdue}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="alert alert--success">No deadline due in this range was missed.</p>
          )}
        </>
      ) : (
        <div className="alert alert--error" role="alert">
          <p style={{ margin: 0 }}>Check the dates: the report needs a first and a last day, in that order.</p>
        </div>
      )}
    </>
  );
}
