import type { Route } from "./+types/index";
import { CaseTable } from "~/components/case-table";
import { listVisibleCases } from "~/server/cases/list-cases.server";
import { requireRole } from "~/server/session.server";

export function meta() {
  return [{ title: "My requests | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireRole(request, "APPLICANT");
  return { name: user.name, cases: await listVisibleCases(user) };
}

export default function ApplicantHome({ loaderData }: Route.ComponentProps) {
  const { cases, name } = loaderData;
  return (
    <>
      <h1>My requests</h1>
      <p className="lead">Welcome, {name}.</p>
      {cases.length ? (
        <CaseTable caption="Your requests for independent review" rows={cases} />
      ) : (
        <section className="empty-state" aria-labelledby="no-requests">
          <h2 id="no-requests">You have not filed a request yet</h2>
          <p>
            An independent medical review is for a treatment, drug or test your health plan refused after its own
            appeal. Before you start, gather:
          </p>
          <ul>
            <li>the plan's final denial letter (required),</li>
            <li>the plan's decision on your internal appeal, if there was one,</li>
            <li>medical records and letters from your doctors that support the treatment,</li>
            <li>
              if you are filing for someone else, the form they signed authorizing you to act for them (or the papers
              showing you are their parent, guardian or conservator).
            </li>
          </ul>
          <p>
            Your request is reviewed by independent doctors with no ties to your plan. If your life or health is at
            serious risk from waiting, the review can be expedited and decided within 72 hours.
          </p>
        </section>
      )}
    </>
  );
}
