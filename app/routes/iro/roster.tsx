import { Link } from "react-router";
import type { Route } from "./+types/roster";
import { FilterForm, FilterSelect } from "~/components/forms";
import { FlagBadges } from "~/components/roster/flag-badges";
import { LICENSE_STATUS_LABELS, ROSTER_FLAG_LABELS, ROSTER_FLAGS } from "~/domain/roster";
import { formatLocalDate } from "~/domain/rule-profiles";
import { rosterFilterSchema } from "~/schemas/roster";
import { rosterPage } from "~/server/reviewers/roster.server";
import { requirePermission } from "~/server/session.server";
import { Pagination } from "~/components/pagination";

export function meta() {
  return [{ title: "Reviewer roster | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, "roster:manage");
  const filter = rosterFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { filter, ...(await rosterPage(filter)) };
}

export default function Roster({ loaderData }: Route.ComponentProps) {
  const { filter, reviewers, matching, pages, specialties } = loaderData;
  return (
    <>
      <h1>Reviewer roster</h1>
      <p className="lead">Every physician reviewer with their credentials, workload and what needs attention.</p>
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
        <Link to=".">Clear</Link>
      </FilterForm>

      {reviewers.length ? (
        <div className="table-wrap">
          <table>
            <caption>
              {matching} {matching === 1 ? "reviewer" : "reviewers"}, by name
            </caption>
            <thead>
              <tr>
                <th scope="col">Reviewer</th>
                <th scope="col">Primary specialty</th>
                <th scope="col">Board certifications</th>
                <th scope="col">Licenses</th>
                <th scope="col">Years in practice</th>
                <th scope="col">Last verified</th>
                <th scope="col">Workload</th>
                <th scope="col">Available now</th>
                <th scope="col">Flags</th>
              </tr>
            </thead>
            <tbody>
              {reviewers.map((reviewer) => (
                <tr key={reviewer.id}>
                  <td>
                    <Link to={`/iro/roster/${reviewer.id}`}>{reviewer.name}</Link>
                    <div className="muted">{reviewer.email}</div>
                  </td>
                  <td>{reviewer.primarySpecialty || <span className="muted">Not recorded</span>}</td>
                  <td>
                    {reviewer.certifications.length ? (
                      <ul style={{ margin: 0, paddingLeft: "1rem" }}>
                        {reviewer.certifications.map((certification) => (
                          <li key={certification.id}>
                            {certification.specialtyName}
                            {certification.expiresOn ? `, until ${formatLocalDate(certification.expiresOn)}` : ""}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">None</span>
                    )}
                  </td>
                  <td>
                    {reviewer.licenses.length ? (
                      <ul style={{ margin: 0, paddingLeft: "1rem" }}>
                        {reviewer.licenses.map((license) => (
                          <li key={license.id}>
                            {license.state}, until {formatLocalDate(license.expiresOn)}, {LICENSE_STATUS_LABELS[license.status].toLowerCase()}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">None</span>
                    )}
                  </td>
                  <td>{reviewer.yearsInPractice}</td>
                  <td>{reviewer.credentialsVerifiedOn ? formatLocalDate(reviewer.credentialsVerifiedOn) : <span className="muted">Never</span>}</td>
                  <td>
                    {reviewer.workload} of {reviewer.capacity}
                    {reviewer.workload >= reviewer.capacity ? <div className="muted">Full</div> : null}
                  </td>
                  <td>{reviewer.unavailableUntil ? `No, away until ${formatLocalDate(reviewer.unavailableUntil)}` : "Yes"}</td>
                  <td>
                    <FlagBadges flags={reviewer.flags} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <section className="empty-state" aria-labelledby="no-reviewers">
          <h2 id="no-reviewers">No reviewer matches</h2>
          <p>
            {filter.specialty || filter.flag ? "No reviewer matches these filters." : "There are no reviewers yet. An administrator invites them from Users."}
          </p>
        </section>
      )}
      <Pagination page={filter.page} pages={pages} />
    </>
  );
}
