import { Link } from "react-router";
import { Notice } from "~/components/forms";
import type { Route } from "./+types/index";
import { ROLE_LABELS, ROLES } from "~/domain/roles";
import { adminOverview } from "~/server/admin/admin-overview.server";

export function meta() {
  return [{ title: "Administration | Independent Medical Review" }];
}

export async function loader() {
  return adminOverview();
}

export default function AdminHome({ loaderData }: Route.ComponentProps) {
  const { usersByRole, plans, outboxByStatus, auditLastDay, failingEmail } = loaderData;
  return (
    <>
      <h1>Administration</h1>
      {failingEmail.retrying + failingEmail.givenUp > 0 ? (
        <Notice tone="error">
          Email is failing: {failingEmail.retrying} {failingEmail.retrying === 1 ? "message is" : "messages are"} being retried and {failingEmail.givenUp}{" "}
          {failingEmail.givenUp === 1 ? "was" : "were"} given up on. <Link to="/admin/outbox">Open the outbox</Link> to retry or cancel them.
        </Notice>
      ) : null}
      <div className="cards">
        <section className="card" aria-labelledby="people">
          <h2 id="people">People</h2>
          <ul>
            {ROLES.map((role) => (
              <li key={role}>
                {ROLE_LABELS[role]}: {usersByRole[role]}
              </li>
            ))}
          </ul>
          <Link to="/admin/users">Manage users</Link>
        </section>
        <section className="card" aria-labelledby="plans">
          <h2 id="plans">Health plans</h2>
          <p className="stat">{plans}</p>
          <Link to="/admin/plans">Plans, their API keys and webhooks</Link>
        </section>
        <section className="card" aria-labelledby="mail">
          <h2 id="mail">Outgoing email</h2>
          <ul>
            <li>Waiting: {outboxByStatus.PENDING ?? 0}</li>
            <li>Sending: {outboxByStatus.SENDING ?? 0}</li>
            <li>Sent: {outboxByStatus.SENT ?? 0}</li>
            <li>Given up: {outboxByStatus.FAILED ?? 0}</li>
            <li>Cancelled: {outboxByStatus.CANCELLED ?? 0}</li>
          </ul>
          <Link to="/admin/outbox">Open the outbox</Link>
        </section>
        <section className="card" aria-labelledby="audit">
          <h2 id="audit">Audit log</h2>
          <p className="stat">{auditLastDay}</p>
          <p className="muted">entries in the last 24 hours</p>
          <Link to="/admin/audit">Open the audit log</Link>
        </section>
        <section className="card" aria-labelledby="deadline-rules">
          <h2 id="deadline-rules">Deadline rules</h2>
          <ul>
            <li>
              <Link to="/admin/rules">Rule profiles</Link>
            </li>
            <li>
              <Link to="/admin/holidays">Holidays</Link>
            </li>
            <li>
              <Link to="/admin/retention">Record retention</Link>
            </li>
            <li>
              <Link to="/admin/settings">Time zone</Link>
            </li>
          </ul>
        </section>
        <section className="card" aria-labelledby="reviewers">
          <h2 id="reviewers">Reviewers</h2>
          <ul>
            <li>
              <Link to="/iro/roster">Reviewer roster</Link>
            </li>
            <li>
              <Link to="/admin/specialties">Similar specialties</Link>
            </li>
          </ul>
        </section>
      </div>
    </>
  );
}
