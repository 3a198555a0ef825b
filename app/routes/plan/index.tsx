import type { Route } from "./+types/index";
import { CaseTable } from "~/components/case-table";
import { planHome } from "~/server/plans/plan-home.server";
import { requireRole } from "~/server/session.server";

export function meta() {
  return [{ title: "Plan cases | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireRole(request, "PLAN");
  return planHome(user);
}

export default function PlanHome({ loaderData }: Route.ComponentProps) {
  const { planName, ruleProfileName, cases } = loaderData;
  return (
    <>
      <h1>{planName}: cases</h1>
      <p className="lead">Reviews of your plan's denials follow the rules of the {ruleProfileName}.</p>
      {cases.length ? (
        <CaseTable caption={`Independent reviews involving ${planName}`} rows={cases} showPlan={false} caseHref={(id) => `/plan/cases/${id}`} />
      ) : (
        <section className="empty-state" aria-labelledby="no-plan-cases">
          <h2 id="no-plan-cases">No cases for your plan</h2>
          <p>When a member asks for an independent review of one of your plan's denials, the case appears here.</p>
        </section>
      )}
    </>
  );
}
