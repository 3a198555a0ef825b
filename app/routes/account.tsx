import { Form, redirect } from "react-router";
import type { Route } from "./+types/account";
import { DataTable } from "~/components/data-table";
import { ROLE_LABELS } from "~/domain/roles";
import { accountOverview, signOutEverywhere } from "~/server/users/account.server";
import { actorOf, endSession, requireUser } from "~/server/session.server";
import { Instant } from "~/components/instant";

export function meta() {
  return [{ title: "Your account | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
  return accountOverview(await requireUser(request));
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  await signOutEverywhere(user, actorOf(user, request));
  throw redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
}

export default function Account({ loaderData }: Route.ComponentProps) {
  const { name, email, roles, sessions, currentSessionId } = loaderData;
  return (
    <div className="page">
      <h1>Your account</h1>
      <dl className="summary">
        <dt>Name</dt>
        <dd>{name}</dd>
        <dt>Email</dt>
        <dd>{email}</dd>
        <dt>Roles</dt>
        <dd>{roles.map((role) => ROLE_LABELS[role]).join(", ")}</dd>
      </dl>
      <h2>Where you are signed in</h2>
      <DataTable
        caption="Active sessions"
        captionHidden
        rows={sessions}
        rowKey={(session) => session.id}
        columns={[
          {
            header: "Browser",
            cell: (session) => (
              <>
                {session.userAgent ?? "Unknown browser"}
                {session.id === currentSessionId ? <strong> (this browser)</strong> : null}
              </>
            ),
          },
          { header: "Address", cell: (session) => session.ip ?? "Unknown" },
          { header: "Signed in", cell: (session) => <Instant at={session.createdAt} /> },
          { header: "Last active", cell: (session) => <Instant at={session.lastSeenAt} /> },
        ]}
      />
      <Form method="post" className="actions">
        <button type="submit" className="button button--secondary">
          Sign out everywhere
        </button>
        <span className="muted">Ends every session above, including this one. Use it if you lost a device.</span>
      </Form>
    </div>
  );
}
