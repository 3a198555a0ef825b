import { Link, useSearchParams } from "react-router";
import { Notice } from "~/components/forms";
import type { Route } from "./+types/users";
import { DataTable } from "~/components/data-table";
import { useRequestInstant } from "~/components/instant";
import { ROLE_LABELS } from "~/domain/roles";
import { listUsers } from "~/server/admin/admin-overview.server";

export function meta() {
  return [{ title: "Users | Independent Medical Review" }];
}

export async function loader() {
  return { users: await listUsers() };
}

export default function Users({ loaderData }: Route.ComponentProps) {
  const [searchParams] = useSearchParams();
  const invited = searchParams.get("invited");
  const now = useRequestInstant();
  return (
    <>
      <h1>Users</h1>
      <p>Open an account to change its roles, end its sessions, force a password reset, or deactivate it.</p>
      {invited ? <Notice tone="success">Invitation sent to {invited}. The link works for 7 days.</Notice> : null}
      <p>
        <Link to="/admin/users/invite" className="button">
          Invite a staff member, reviewer or plan user
        </Link>
      </p>
      <DataTable
        caption="Everyone with an account"
        rows={loaderData.users}
        rowKey={(user) => user.id}
        columns={[
          { header: "Name", cell: (user) => <Link to={`/admin/users/${user.id}`}>{user.name}</Link> },
          { header: "Email", cell: (user) => user.email },
          { header: "Roles", cell: (user) => user.roles.map((role) => ROLE_LABELS[role]).join(", ") },
          { header: "Plan or specialty", cell: (user) => user.plan?.name ?? user.reviewerProfile?.primarySpecialty ?? "" },
          {
            header: "State",
            cell: (user) =>
              user.disabledAt ? (
                <span className="badge badge--danger">Deactivated</span>
              ) : user.lockedUntil && new Date(user.lockedUntil) > now ? (
                <span className="badge badge--danger">Locked</span>
              ) : user.emailVerifiedAt ? (
                <span className="badge badge--ok">Active</span>
              ) : (
                <span className="badge badge--warn">Invited, not yet active</span>
              ),
          },
        ]}
      />
    </>
  );
}
