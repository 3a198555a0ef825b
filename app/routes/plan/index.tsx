import type { Route } from "./+types/index";
import { Pagination } from "~/components/pagination";
import { ClearFilters, FilterForm, FilterInput, FilterSelect } from "~/components/forms";
import { PlanCaseTable } from "~/components/plan/plan-case-table";
import { STATUS_LABELS } from "~/domain/case-status";
import { PLAN_CASE_STATUSES, planCasesFilterSchema } from "~/schemas/plan-cases";
import { planCasesList } from "~/server/plan/plan-cases-list.server";
import { signedInUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "Plan cases | Independent Medical Review" }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = signedInUser(context);
  const filter = planCasesFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = await planCasesList(user, filter);
  return { filter, ...list };
}

export default function PlanHome({ loaderData }: Route.ComponentProps) {
  const { planName, ruleProfileName, rows, matching, pages, filter } = loaderData;
  const filtered = Boolean(filter.status || filter.action || filter.q);
  return (
    <>
      <h1>{planName}: cases</h1>
      <p className="lead">Reviews of your plan's denials follow the rules of the {ruleProfileName}.</p>

      <FilterForm label="Filter the cases">
        <FilterInput name="q" label="Reference, your reference or member ID" type="search" value={filter.q} />
        <FilterSelect
          name="status"
          label="Status"
          anyLabel="Any status"
          value={filter.status}
          options={PLAN_CASE_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
        />
        <div className="field">
          <label className="checkbox" htmlFor="filter-action">
            <input id="filter-action" name="action" type="checkbox" value="needed" defaultChecked={filter.action === "needed"} />
            Only cases that need our action
          </label>
        </div>
        <button type="submit" className="button">
          Show
        </button>
        <ClearFilters />
      </FilterForm>

      {rows.length ? (
        <PlanCaseTable caption={`${matching} ${matching === 1 ? "case" : "cases"} involving ${planName}, latest activity first`} rows={rows} />
      ) : filtered ? (
        <section className="empty-state" aria-labelledby="no-plan-cases">
          <h2 id="no-plan-cases">No cases match</h2>
          <p>No case of your plan matches these filters.</p>
        </section>
      ) : (
        <section className="empty-state" aria-labelledby="no-plan-cases">
          <h2 id="no-plan-cases">No cases for your plan</h2>
          <p>When a member asks for an independent review of one of your plan's denials, the case appears here.</p>
        </section>
      )}
      <Pagination page={filter.page} pages={pages} />
    </>
  );
}
