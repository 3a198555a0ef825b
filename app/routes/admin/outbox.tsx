import { useSearchParams } from "react-router";
import type { Route } from "./+types/outbox";
import { FilterForm, FilterSelect } from "~/components/forms";
import { listOutbox, outboxFilterSchema } from "~/server/admin/outbox-list.server";
import { requirePermission } from "~/server/session.server";
import { Instant } from "~/components/instant";

export function meta() {
  return [{ title: "Outbox | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, "outbox:read");
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ""));
  return { messages: await listOutbox(outboxFilterSchema.parse(params)) };
}

const STATE: Record<string, { label: string; badge: string }> = {
  PENDING: { label: "Waiting", badge: "badge--warn" },
  SENDING: { label: "Sending", badge: "badge--warn" },
  SENT: { label: "Sent", badge: "badge--ok" },
  FAILED: { label: "Failed", badge: "badge--danger" },
};

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const [searchParams] = useSearchParams();
  return (
    <>
      <h1>Outbox</h1>
      <p>Emails the portal has queued, newest first. A failed message was retried with increasing delays before giving up.</p>
      <FilterForm label="Filter the outbox">
        <FilterSelect
          name="status"
          label="State"
          anyLabel="All"
          value={searchParams.get("status")}
          options={Object.entries(STATE).map(([value, state]) => ({ value, label: state.label }))}
        />
        <button type="submit" className="button">
          Show
        </button>
      </FilterForm>
      <div className="table-wrap">
        <table>
          <caption>Outgoing email</caption>
          <thead>
            <tr>
              <th scope="col">Queued</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">State</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.messages.map((message) => (
              <tr key={message.id}>
                <td>
                  <Instant at={message.createdAt} style="dateTimeSeconds" />
                </td>
                <td>{message.toAddress}</td>
                <td>{message.subject}</td>
                <td>
                  <span className={`badge ${STATE[message.status]?.badge ?? ""}`}>{STATE[message.status]?.label ?? message.status}</span>
                  {message.sentAt ? (
                    <div className="muted">
                      <Instant at={message.sentAt} style="dateTimeSeconds" />
                    </div>
                  ) : null}
                </td>
                <td>{message.attempts}</td>
                <td>{message.lastError ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {loaderData.messages.length === 0 ? <p>No messages.</p> : null}
    </>
  );
}
