import { Link } from "react-router";
import type { Route } from "./+types/roster";
import { DataTable } from "~/components/data-table";
import { ClearFilters, FilterForm, FilterSelect } from "~/components/forms";
import { FlagBadges } from "~/components/roster/flag-badges";
import { LICENSE_STATUS_LABELS, ROSTER_FLAG_LABELS, ROSTER_FLAGS } from "~/domain/roster";
import { formatLocalDate } from "~/domain/rule-profiles";
import { rosterFilterSchema } from "~/schemas/roster";
import { pendingRemovalRequests, rosterPage } from "~/server/reviewers/roster.server";
import { Pagination } from "~/components/pagination";
import { permittedUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "Reviewer roster | Independent Medical Review" }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  permittedUser(context, "roster:manage");
  const filter = rosterFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [page, removals] = await Promise.all([rosterPage(filter), pendingRemovalRequests()]);
  return { filter, ...page, removals };
}

export default function Roster({ loaderData }: Route.ComponentProps) {
  const { filter, reviewers, matching, pages, specialties, removals } = loaderData;
  return (
    <>
      <h1>Reviewer roster</h1>
      <p className="lead">Every physician reviewer with their credentials, workload and what needs attention.</p>
      {removals.total > 0 ? (
        <section className="alert alert--warning" aria-labelledby="removals-heading">
          <h2 id="removals-heading">Requests to remove an affiliation</h2>
          <p>
            {removals.total === 1 ? "One request waits" : `${removals.total} requests wait`} for an administrator, who approves or rejects each on the
            reviewer's page. Until then the affiliation still counts.
          </p>
          <ul>
            {removals.requests.map((request) => (
              <li key={request.id}>
                <Link to={`/iro/roster/${request.reviewerId}`}>{request.reviewerName}</Link>: {request.affiliation}, asked{" "}
                {formatLocalDate(request.requestedOn)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <FilterForm label="Filter the roster">
        <FilterSelect
          name="specialty"
          label="Specialty"
          anyLabel="Any specialty"
          value={filter.specialty}
          groups={specialties.map((group) => ({ label: group.board, options: group.options.map((option) => ({ value: option.code, label: option.label })) }))}
        />
        <FilterSelect
          name="flag"
          label="Flag"
          anyLabel="Any reviewer"
          value={filter.flag}
          options={ROSTER_FLAGS.map((flag) => ({ value: flag, label: ROSTER_FLAG_LABELS[flag] }))}
        />
        <button type="submit" className="button">
          Show
        </button>
        <ClearFilters />
      </FilterForm>

      <DataTable
        caption={`${matching} ${matching === 1 ? "reviewer" : "reviewers"}, by name`}
        rows={reviewers}
        rowKey={(reviewer) => reviewer.id}
        empty={
          <section className="empty-state" aria-labelledby="no-reviewers">
            <h2 id="no-reviewers">No reviewer matches</h2>
            <p>
              {filter.specialty || filter.flag ? "No reviewer matches these filters." : "There are no reviewers yet. An administrator invites them from Users."}
            </p>
          </section>
        }
        columns={[
          {
            header: "Reviewer",
            cell: (reviewer) => (
              <>
                <Link to={`/iro/roster/${reviewer.id}`}>{reviewer.name}</Link>
                <div className="muted">{reviewer.email}</div>
              </>
            ),
          },
          { header: "Primary specialty", cell: (reviewer) => reviewer.primarySpecialty || <span className="muted">Not recorded</span> },
          {
            header: "Board certifications",
            cell: (reviewer) =>
              reviewer.certifications.length ? (
                <ul className="cell-list">
                  {reviewer.certifications.map((certification) => (
                    <li key={certification.id}>
                      {certification.specialtyName}
                      {certification.expiresOn ? `, until ${formatLocalDate(certification.expiresOn)}` : ""}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">None</span>
              ),
          },
          {
            header: "Licenses",
            cell: (reviewer) =>
              reviewer.licenses.length ? (
                <ul className="cell-list">
                  {reviewer.licenses.map((license) => (
                    <li key={license.id}>
                      {license.state}, until {formatLocalDate(license.expiresOn)}, {LICENSE_STATUS_LABELS[license.status].toLowerCase()}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">None</span>
              ),
          },
          { header: "Years in practice", cell: (reviewer) => reviewer.yearsInPractice },
          {
            header: "Last verified",
            cell: (reviewer) => (reviewer.credentialsVerifiedOn ? formatLocalDate(reviewer.credentialsVerifiedOn) : <span className="muted">Never</span>),
          },
          {
            header: "Workload",
            cell: (reviewer) => (
              <>
                {reviewer.workload} of {reviewer.capacity}
                {reviewer.workload >= reviewer.capacity ? <div className="muted">Full</div> : null}
              </>
            ),
          },
          { header: "Available now", cell: (reviewer) => (reviewer.unavailableUntil ? `No, away until ${formatLocalDate(reviewer.unavailableUntil)}` : "Yes") },
          { header: "Flags", cell: (reviewer) => <FlagBadges flags={reviewer.flags} /> },
        ]}
      />
      <Pagination page={filter.page} pages={pages} />
    </>
  );
}
