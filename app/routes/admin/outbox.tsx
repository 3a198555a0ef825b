import { useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/outbox";
import { ACTIONS_HEADER, DataTable } from "~/components/data-table";
import { failureFor, FilterForm, FilterSelect, FormError, IntentForm, Notice, RemoveButton, TextField, useZodForm } from "~/components/forms";
import { Instant } from "~/components/instant";
import { outboxCancelSchema, outboxFilterSchema } from "~/schemas/admin";
import { rowIdSchema } from "~/schemas/ids";
import { cancelOutboxMessage, retryOutboxMessage } from "~/server/admin/outbox-actions.server";
import { listOutbox } from "~/server/admin/outbox-list.server";
import { formSubmission, submitIntent } from "~/server/route-answers.server";
import { signedInUser } from "~/server/role-areas.server";
import { actorOf } from "~/server/session.server";

export function meta() {
  return [{ title: "Outbox | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ""));
  return { messages: await listOutbox(outboxFilterSchema.parse(params)) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = actorOf(signedInUser(context), request);
  return submitIntent(request, {
    retry: formSubmission(rowIdSchema, async ({ id }) => {
      await retryOutboxMessage(id, actor, new Date());
      return "/admin/outbox?done=retried";
    }),
    cancel: formSubmission(outboxCancelSchema, async (input) => {
      await cancelOutboxMessage(input, actor, new Date());
      return "/admin/outbox?done=cancelled";
    }),
  });
}

const STATE: Record<string, { label: string; badge: string }> = {
  PENDING: { label: "Waiting", badge: "badge--warn" },
  SENDING: { label: "Sending", badge: "badge--warn" },
  SENT: { label: "Sent", badge: "badge--ok" },
  FAILED: { label: "Given up", badge: "badge--danger" },
  CANCELLED: { label: "Cancelled", badge: "" },
};

const NOTICES: Record<string, string> = {
  retried: "The email will be tried again within a few seconds, and for another 72 hours if it fails.",
  cancelled: "The email was cancelled and will not be sent.",
};

type Message = Route.ComponentProps["loaderData"]["messages"][number];

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const [searchParams] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const notice = NOTICES[searchParams.get("done") ?? ""];
  const refusal = actionData && "formError" in actionData ? actionData.formError : undefined;
  return (
    <>
      <h1>Outbox</h1>
      <p>
        Emails the portal has queued, newest first. An email that fails is tried again, waiting longer each time (up to 15 minutes), for 72 hours after it was
        queued; then it is given up on. Retry one now, or cancel one that should not go out.
      </p>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <FormError message={refusal} />
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
          { header: "Queued", cell: (message) => <Instant at={message.createdAt} style="tableSeconds" /> },
          { header: "To", cell: (message) => message.toAddress },
          { header: "Subject", cell: (message) => message.subject },
          { header: "State", cell: (message) => <MessageState message={message} /> },
          { header: "Attempts", cell: (message) => message.attempts },
          { header: "Last error", cell: (message) => message.cancelReason ?? message.lastError ?? "" },
          { header: ACTIONS_HEADER, cell: (message) => <MessageActions message={message} /> },
        ]}
      />
      {loaderData.messages.length === 0 ? <p>No messages.</p> : null}
    </>
  );
}

function MessageState({ message }: { message: Message }) {
  const state = STATE[message.status];
  const retrying = message.status === "PENDING" && message.lastError !== null;
  return (
    <>
      <span className={`badge ${state?.badge ?? ""}`}>{retrying ? "Failing, will retry" : (state?.label ?? message.status)}</span>
      {message.sentAt ? (
        <div className="muted">
          <Instant at={message.sentAt} style="tableSeconds" />
        </div>
      ) : null}
      {retrying ? (
        <div className="muted">
          Next try <Instant at={message.nextAttemptAt} style="tableSeconds" />
        </div>
      ) : null}
    </>
  );
}

function MessageActions({ message }: { message: Message }) {
  const what = `the email to ${message.toAddress}: ${message.subject}`;
  const retryable = message.status === "FAILED" || (message.status === "PENDING" && message.lastError !== null);
  const cancellable = message.status === "PENDING" || message.status === "FAILED";
  return (
    <>
      {retryable ? <RemoveButton intent="retry" fields={{ id: message.id }} label="Retry now" what={what} /> : null}
      {cancellable ? <CancelMessage id={message.id} what={what} /> : null}
    </>
  );
}

function CancelMessage({ id, what }: { id: string; what: string }) {
  const actionData = useActionData<typeof action>();
  const failure = failureFor(actionData, "cancel");
  // A refusal is shown once, above the table; the reason's own message stays by its field.
  const zod = useZodForm(outboxCancelSchema, {
    actionData: failure?.values.id === id ? { ...failure, formError: undefined } : undefined,
    defaultValues: { id },
  });
  return (
    <details open={failure?.values.id === id}>
      <summary>
        Cancel<span className="visually-hidden"> {what}</span>
      </summary>
      <IntentForm zod={zod} intent="cancel" label={`Cancel ${what}`} submit="Cancel the email">
        <input type="hidden" name="id" value={id} />
        <TextField zod={zod} name="reason" label="Why it should not be sent" required idPrefix={`cancel-${id}`} />
      </IntentForm>
    </details>
  );
}
