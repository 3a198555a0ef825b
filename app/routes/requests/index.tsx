import { Link } from "react-router";
import { Notice } from "~/components/forms";
import type { Route } from "./+types/index";
import { DataTable } from "~/components/data-table";
import { Instant } from "~/components/instant";
import { stepPath, stepTitle } from "~/domain/requests/steps";
import { formatLocalDate } from "~/domain/rule-profiles";
import { applicantRequests } from "~/server/requests/applicant-requests-page.server";
import { signedInUser } from "~/server/role-areas.server";
import { CaseStatusBadge } from "~/components/status-badge";

export function meta() {
  return [{ title: "My requests | Independent Medical Review" }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = signedInUser(context);
  const search = new URL(request.url).searchParams;
  return { name: user.name, saved: search.has("saved"), emailConfirmed: search.get("notice") === "email-verified", ...(await applicantRequests(user)) };
}

/** To the page that says what filing takes; its own button starts the draft. */
function StartButton() {
  return (
    <Link className="button" to="/requests/new">
      Start a new request
    </Link>
  );
}

export default function ApplicantHome({ loaderData }: Route.ComponentProps) {
  const { drafts, filed, name, saved, emailConfirmed } = loaderData;
  return (
    <>
      <h1>My requests</h1>
      <p className="lead">Welcome, {name}.</p>
      {emailConfirmed ? <Notice tone="success">Your email address is confirmed, and you are signed in.</Notice> : null}
      {saved ? <Notice tone="success">Your answers are saved. Continue your request below whenever you are ready, on any device.</Notice> : null}
      {drafts.length || filed.length ? <StartButton /> : null}

      {drafts.length ? (
        <section aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">Requests not sent yet</h2>
          <ul className="cards">
            {drafts.map((draft) => (
              <li key={draft.id} className="card">
                <h3>{draft.serviceDescription ?? "New request"}</h3>
                <p className="muted flush-top">
                  {draft.planName ?? "Plan not chosen yet"} · last saved {formatLocalDate(draft.savedOn)}
                  <br />
                  Next: {stepTitle(draft.resumeStep)}
                </p>
                <Link className="button" to={stepPath(draft.id, draft.resumeStep)}>
                  Continue
                  <span className="visually-hidden">
                    {" "}
                    the request {draft.serviceDescription ? `“${draft.serviceDescription}”` : "without a treatment yet"}, saved {formatLocalDate(draft.savedOn)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {filed.length ? (
        <section aria-labelledby="filed-heading">
          <h2 id="filed-heading">Requests you sent</h2>
          <DataTable
            caption="Requests you sent, newest activity first"
            captionHidden
            rows={filed}
            rowKey={(row) => row.id}
            columns={[
              {
                header: "Reference",
                cell: (row) => (
                  <>
                    <Link to={`/requests/${row.id}`}>{row.reference}</Link>
                    {row.track === "EXPEDITED" ? (
                      <>
                        {" "}
                        <span className="badge badge--danger">Expedited</span>
                      </>
                    ) : null}
                  </>
                ),
              },
              { header: "Status", cell: (row) => <CaseStatusBadge status={row.status} /> },
              { header: "Treatment", cell: (row) => row.serviceDescription ?? "Not entered" },
              { header: "Health plan", cell: (row) => row.planName ?? "Not chosen" },
              { header: "Sent", cell: (row) => (row.filedAt ? <Instant at={row.filedAt} style="table" /> : "") },
            ]}
          />
        </section>
      ) : null}

      {!drafts.length && !filed.length ? (
        <section className="empty-state" aria-labelledby="no-requests">
          <h2 id="no-requests">You have not filed a request yet</h2>
          <p>An independent medical review is for a treatment, drug or test your health plan refused after its own appeal. Before you start, gather:</p>
          <ul>
            <li>the plan's final denial letter (required),</li>
            <li>the plan's decision on your internal appeal, if there was one,</li>
            <li>medical records and letters from your doctors that support the treatment,</li>
            <li>
              if you are filing for someone else, the form they signed authorizing you to act for them (or the papers showing you are their parent, guardian or
              conservator).
            </li>
          </ul>
          <p>
            Your request is reviewed by independent doctors with no ties to your plan. If your life or health is at serious risk from waiting, the review can be
            expedited and decided within 72 hours.
          </p>
          <StartButton />
        </section>
      ) : null}
    </>
  );
}
