import { Link } from "react-router";
import type { Route } from "./+types/plans";
import { DataTable } from "~/components/data-table";
import { plansWithIntegrations } from "~/server/plan/integrations.server";

export function meta() {
  return [{ title: "Health plans | Independent Medical Review" }];
}

export async function loader() {
  return { plans: await plansWithIntegrations() };
}

export default function Plans({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1>Health plans</h1>
      <DataTable
        caption="The plans the organization serves"
        rows={loaderData.plans}
        rowKey={(plan) => plan.id}
        columns={[
          { header: "Plan", cell: (plan) => <Link to={`/admin/plans/${plan.id}/integrations`}>{plan.name}</Link> },
          { header: "Rules", cell: (plan) => plan.ruleProfileCode },
          { header: "Contact", cell: (plan) => plan.contactEmail },
          { header: "Active API keys", cell: (plan) => plan.activeKeys },
          { header: "Webhook endpoints", cell: (plan) => plan.endpoints },
        ]}
      />
    </>
  );
}
