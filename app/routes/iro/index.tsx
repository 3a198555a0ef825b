import { Link } from "react-router";
import type { Route } from "./+types/index";
import { DataTable } from "~/components/data-table";
import { Instant } from "~/components/instant";
import { ReverificationPanel } from "~/components/reverification-panel";
import { STATUS_LABELS, OPEN_STATUSES } from "~/domain/case-status";
import { dashboardFilterSchema } from "~/schemas/dashboard";
import { dashboardPage, type ClockState } from "~/server/dashboard/dashboard-page.server";
import { ClearFilters, FilterForm, FilterInput, FilterSelect } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { permittedUser } from "~/server/role-areas.server";
import { CaseStatusBadge } from "~/components/status-badge";

export function meta() {
  return [{ title: "Deadlines dashboard | Independent Medical Review" }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  permittedUser(context, "case:read");
  const filter = dashboardFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { filter, ...(await dashboardPage(filter)) };
}

const TRACK_FILTERS = [
  { value: "EXPEDITED", label: "Expedited" },
  { value: "STANDARD", label: "Standard" },
];

const RISK_FILTERS = [
  { value: "at_risk", label: "At risk" },
  { value: "overdue", label: "Overdue" },
  { value: "flagged", label: "Flagged" },
];

const STATE_BADGE: Record<ClockState, { label: string; className: string }> = {
  overdue: { label: "Overdue", className: "badge badge--danger" },
  at_risk: { label: "At risk", className: "badge badge--warn" },
  on_track: { label: "On track", className: "badge badge--ok" },
  none: { label: "No clock running", className: "badge" },
};

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { rows, counts, plans, coordinators, filter, matching, pages, reverification } = loaderData;
  const groups = [
    { label: "Open cases", value: counts.open, link: "" },
    { label: "Expedited", value: counts.expedited, link: "?track=EXPEDITED" },
    { label: "At risk (under 20% of the time left)", value: counts.atRisk, link: "?risk=at_risk" },
    { label: "Overdue", value: counts.overdue, link: "?risk=overdue" },
    { label: "Flagged (a deadline was missed)", value: counts.flagged, link: "?risk=flagged" },
  ];
  return (
    <>
      <h1>Deadlines dashboard</h1>
      <p>
        <Link to="/iro/queue">Screen new requests in the intake queue</Link>
      </p>
      <ul className="cards" aria-label="Open cases by group">
        {groups.map((group) => (
          <li key={group.label} className="card">
            <p className="stat">{group.value}</p>
            <Link to={group.link || "."}>{group.label}</Link>
          </li>
        ))}
      </ul>

      <FilterForm label="Filter the cases">
        <FilterInput name="q" type="search" label="Reference, patient, member ID or claim number" value={filter.q} />
        <FilterSelect name="track" label="Track" anyLabel="Both" value={filter.track} options={TRACK_FILTERS} />
        <FilterSelect
          name="status"
          label="Status"
          anyLabel="Every open status"
          value={filter.status}
          options={OPEN_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
        />
        <FilterSelect
          name="plan"
          label="Health plan"
          anyLabel="Every plan"
          value={filter.plan}
          options={plans.map((plan) => ({ value: plan.id, label: plan.name }))}
        />
        <FilterSelect
          name="assignee"
          label="Coordinator"
          anyLabel="Anyone"
          value={filter.assignee}
          options={[{ value: "unassigned", label: "Nobody yet" }, ...coordinators.map((coordinator) => ({ value: coordinator.id, label: coordinator.name }))]}
        />
        <FilterSelect name="risk" label="Time" anyLabel="Any" value={filter.risk} options={RISK_FILTERS} />
        <button type="submit" className="button">
          Show
        </button>
        <ClearFilters />
      </FilterForm>

      <DataTable
        caption={`${matching} ${matching === 1 ? "case" : "cases"}, expedited first, then by time left`}
        rows={rows}
        rowKey={(row) => row.id}
        empty={
          <section className="empty-state" aria-labelledby="no-cases">
            <h2 id="no-cases">No cases match</h2>
            <p>
              {filter.q
                ? `No case matches “${filter.q}”: try part of the reference, the patient's last name, the member ID or the plan's claim number.`
                : counts.open
                  ? "No open case matches these filters."
                  : "There are no open cases. New requests appear here as soon as they are filed."}
            </p>
          </section>
        }
        columns={[
          {
            header: "Reference",
            cell: (row) => (
              <>
                <Link to={`/iro/cases/${row.id}`}>{row.reference}</Link>
                {row.flagged ? (
                  <>
                    {" "}
                    <span className="badge badge--danger">Flagged</span>
                  </>
                ) : null}
              </>
            ),
          },
          {
            header: "Next deadline",
            cell: (row) =>
              row.deadline ? (
                <>
                  {row.deadline}
                  {row.dueAt ? (
                    <div className="muted">
                      <Instant at={row.dueAt} style="table" />
                    </div>
                  ) : null}
                </>
              ) : (
                "None running"
              ),
          },
          {
            header: "Time left",
            cell: (row) => (
              <>
                <span className={STATE_BADGE[row.state].className}>{STATE_BADGE[row.state].label}</span>
                {row.timeLeft ? <div>{row.timeLeft}</div> : null}
              </>
            ),
          },
          { header: "Status", cell: (row) => <CaseStatusBadge status={row.status} /> },
          { header: "Track", cell: (row) => (row.track === "EXPEDITED" ? <strong>Expedited</strong> : "Standard") },
          { header: "Health plan", cell: (row) => row.plan ?? "" },
          { header: "Coordinator", cell: (row) => row.assignee ?? "Nobody yet" },
        ]}
      />
      <Pagination page={filter.page} pages={pages} />
      <ReverificationPanel reviewers={reverification.reviewers} total={reverification.total} />
    </>
  );
}
