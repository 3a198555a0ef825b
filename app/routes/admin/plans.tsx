import { Link } from "react-router";
import type { Route } from "./+types/plans";
import { plansWithIntegrations } from "~/server/plan/integrations.server";
import { requirePermission } from "~/server/session.server";

export function meta() {
  return [{ title: "Health plans | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, "plan:manage");
  return { plans: await plansWithIntegrations() };
}

export default function Plans({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1>Health plans</h1>
      <div className="table-wrap">
        <table>
          <caption>The plans the organization serves</caption>
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col">Rules</th>
              <th scope="col">Contact</th>
              <th scope="col">Active API keys</th>
              <th scope="col">Webhook endpoints</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.plans.map((plan) => (
              <tr key={plan.id}>
                <td>
                  <Link to={`/admin/plans/${plan.id}/integrations`}>{plan.name}</Link>
                </td>
                <td>{plan.ruleProfileCode}</td>
                <td>{plan.contactEmail}</td>
                <td>{plan.activeKeys}</td>
                <td>{plan.endpoints}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
