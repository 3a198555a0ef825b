import { Form, Link } from "react-router";
import { FilterInput, Notice } from "~/components/forms";
import type { DateRange } from "~/domain/reports/timeliness";

const longDate = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });
const showDate = (date: string) => longDate.format(new Date(`${date}T00:00:00Z`));
export const rangeQuery = (range: DateRange) => `?${new URLSearchParams({ from: range.from, to: range.to }).toString()}`;
export const percent = (value: number | null) => (value === null ? "n/a" : `${value.toFixed(1)}%`);

/** A report's range of dates: the form (a GET, so a range is an address), its presets, and what the figures cover with the CSV link. */
export function ReportRange(props: {
  label: string;
  values: DateRange;
  fieldErrors: Record<string, string>;
  report: { range: DateRange; timeZone: string; presets: { lastFullMonth: DateRange; yearToDate: DateRange } } | null;
  csvPath: string;
}) {
  const { label, values, fieldErrors, report, csvPath } = props;
  return (
    <>
      <Form method="get" className="filters" aria-label="Choose the dates" key={`${values.from}|${values.to}`}>
        <FilterInput idPrefix="range" name="from" label={`${label} from`} type="date" value={values.from} error={fieldErrors.from} />
        <FilterInput idPrefix="range" name="to" label={`${label} to (included)`} type="date" value={values.to} error={fieldErrors.to} />
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
        <p>
          {label} from <strong>{showDate(report.range.from)}</strong> to <strong>{showDate(report.range.to)}</strong>, both included (dates in {report.timeZone}
          ).{" "}
          <a href={`${csvPath}${rangeQuery(report.range)}`} download>
            Download as CSV
          </a>
        </p>
      ) : (
        <Notice tone="error">Check the dates: the report needs a first and a last day, in that order.</Notice>
      )}
    </>
  );
}
