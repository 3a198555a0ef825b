import { Link, useSearchParams } from "react-router";
import type { Route } from "./+types/users";
import { ROLE_LABELS } from "~/domain/roles";
import { listUsers } from "~/server/admin/admin-overview.server";
import { requirePermission } from "~/server/session.server";

export function meta() {
  return [{ title: "Users | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, "user:manage");
  return { users: await listUsers() };
}

export default function Users({ loaderData }: Route.ComponentProps) {
  const [searchParams] = useSearchParams();
  const invited = searchParams.get("invited");
  return (
    <>
      <h1>Users</h1>
      {invited ? (
        <div className="alert alert--success" role="status">
          <p style={{ margin: 0 }}>Invitation sent to {invited}. The link works for 7 days.</p>
        </div>
      ) : null}
      <p>
        <Link to="/admin/users/invite" className="button">
          Invite a staff member, reviewer or plan user
        </Link>
      </p>
      <div className="table-wrap">
        <table>
          <caption>Everyone with an account</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Roles</th>
              <th scope="col">Plan or specialty</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.users.map((user) => (
              <tr key={user.id}>
                <td>{user.name}</td>
                <td>{user.email}</td>
                <td>{user.roles.map((role) => ROLE_LABELS[role]).join(", ")}</td>
                <td>{user.plan?.name ?? user.reviewerProfile?.primarySpecialty ?? ""}</td>
                <td>
                  {user.lockedUntil && new Date(user.lockedUntil) > new Date() ? (
                    <span className="badge badge--danger">Locked</span>
                  ) : user.emailVerifiedAt ? (
                    <span className="badge badge--ok">Active</span>
                  ) : (
                    <span className="badge badge--warn">Invited, not yet active</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
