import { useSearchParams } from "react-router";
import type { Route } from "./+types/outbox";
import { DataTable } from "~/components/data-table";
import { FilterForm, FilterSelect } from "~/components/forms";
import { outboxFilterSchema } from "~/schemas/admin";
import { listOutbox } from "~/server/admin/outbox-list.server";
import { Instant } from "~/components/instant";

export function meta() {
  return [{ title: "Outbox | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
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

      <DataTable
        caption="Outgoing email"
        rows={loaderData.messages}
        rowKey={(message) => message.id}
        columns={[
          { header: "Queued", cell: (message) => <Instant at={message.createdAt} style="dateTimeSeconds" /> },
          { header: "To", cell: (message) => message.toAddress },
          { header: "Subject", cell: (message) => message.subject },
          {
            header: "State",
            cell: (message) => (
              <>
                <span className={`badge ${STATE[message.status]?.badge ?? ""}`}>{STATE[message.status]?.label ?? message.status}</span>
                {message.sentAt ? (
                  <div className="muted">
                    <Instant at={message.sentAt} style="dateTimeSeconds" />
                  </div>
                ) : null}
              </>
            ),
          },
          { header: "Attempts", cell: (message) => message.attempts },
          { header: "Last error", cell: (message) => message.lastError ?? "" },
        ]}
      />
      {loaderData.messages.length === 0 ? <p>No messages.</p> : null}
    </>
  );
}
