import { useActionData } from "react-router";
import type { Route } from "./+types/integrations";
import { CheckboxGroup, failureFor, Form, FormError, IntentSubmit, RemoveButton, TextField, useZodForm } from "~/components/forms";
import { ACTIONS_HEADER, DataTable } from "~/components/data-table";
import { Instant, useOrganizationTimeZone, useRequestInstant } from "~/components/instant";
import { formatInstant } from "~/domain/format-instant";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "~/domain/webhooks";
import { rowIdSchema } from "~/schemas/ids";
import { apiKeyFormSchema, webhookEndpointFormSchema } from "~/schemas/plan-integration";
import { createApiKey, revokeApiKey } from "~/server/api/api-keys.server";
import { requireFreshAuthentication } from "~/server/auth/confirm-identity.server";
import { integrationPlanFor, integrationsPage } from "~/server/plan/integrations.server";
import { actorOf } from "~/server/session.server";
import { createWebhookEndpoint, disableWebhookEndpoint, redeliverWebhook, rotateWebhookSecret } from "~/server/webhooks/endpoints.server";
import { formSubmission, submitIntent } from "~/server/route-answers.server";
import { signedInUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "API keys and webhooks | Independent Medical Review" }];
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = signedInUser(context);
  const plan = await integrationPlanFor(user, params.planId);
  return { plan, ...(await integrationsPage(plan.id)) };
}

/** One action for the page's small forms, told apart by the button's intent. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const user = signedInUser(context);
  const plan = await integrationPlanFor(user, params.planId);
  const actor = actorOf(user, request);
  // A secret is shown once, in the answer to the form that made it, never stored in the clear.
  return submitIntent(request, {
    "create-key": formSubmission(apiKeyFormSchema, async ({ name }) => {
      await requireFreshAuthentication(user, request, new Date());
      const created = await createApiKey(plan.id, name, actor);
      return { intent: "create-key", shownOnce: { label: `API key "${name}"`, value: created.key } };
    }),
    "create-endpoint": formSubmission(
      webhookEndpointFormSchema,
      async (endpoint) => {
        const created = await createWebhookEndpoint(plan.id, endpoint, actor);
        return { intent: "create-endpoint", shownOnce: { label: `Signing secret for ${endpoint.url}`, value: created.secret } };
      },
      { arrayFields: ["events"] },
    ),
    "rotate-secret": formSubmission(rowIdSchema, async ({ id }) => {
      const secret = await rotateWebhookSecret(plan.id, id, actor);
      return { intent: "rotate-secret", shownOnce: { label: "New signing secret (the previous one keeps working for 24 hours)", value: secret } };
    }),
    "revoke-key": formSubmission(rowIdSchema, async ({ id }) => {
      await revokeApiKey(plan.id, id, actor);
      return { intent: "revoke-key", done: "revoke-key" };
    }),
    "remove-endpoint": formSubmission(rowIdSchema, async ({ id }) => {
      await disableWebhookEndpoint(plan.id, id, actor);
      return { intent: "remove-endpoint", done: "remove-endpoint" };
    }),
    redeliver: formSubmission(rowIdSchema, async ({ id }) => {
      await redeliverWebhook(plan.id, id, actor);
      return { intent: "redeliver", done: "redeliver" };
    }),
  });
}

const DELIVERY_STATUS = { PENDING: "Waiting to retry", SUCCEEDED: "Delivered", FAILED: "Failed" } as const;

export default function Integrations({ loaderData }: Route.ComponentProps) {
  const timeZone = useOrganizationTimeZone();
  const now = useRequestInstant();
  const when = (date: Date | string | null) => (date ? formatInstant(date, timeZone) : "—");
  const inTable = (date: Date | string | null) => (date ? <Instant at={date} style="table" /> : "—");
  const { plan, apiKeys, endpoints } = loaderData;
  const actionData = useActionData<typeof action>();
  const shownOnce = actionData && "shownOnce" in actionData ? actionData.shownOnce : undefined;
  const keyFailure = failureFor(actionData, "create-key");
  const endpointFailure = failureFor(actionData, "create-endpoint");
  const keyForm = useZodForm(apiKeyFormSchema, { actionData: keyFailure });
  const endpointForm = useZodForm(webhookEndpointFormSchema, { actionData: endpointFailure, defaultValues: { events: [] } });
  return (
    <div className="page">
      <h1>API keys and webhooks: {plan.name}</h1>
      <p className="lead">
        Your systems can follow your plan's cases through the API (<a href="/api/v1/openapi.json">OpenAPI description</a>) and receive events by webhook, signed
        the Standard Webhooks way.
      </p>
      {shownOnce ? (
        <div className="alert alert--success" role="status">
          <p>
            <strong>{shownOnce.label}:</strong> copy it now. It is not shown again.
          </p>
          <p>
            <code className="secret">{shownOnce.value}</code>
          </p>
        </div>
      ) : null}

      <section aria-labelledby="api-keys">
        <h2 id="api-keys">API keys</h2>
        <DataTable
          caption={`Keys of ${plan.name}`}
          rows={apiKeys}
          rowKey={(key) => key.id}
          empty={<p>No keys yet.</p>}
          columns={[
            { header: "Name", cell: (key) => key.name },
            { header: "Key starts with", cell: (key) => <code>imr_{key.prefix}_…</code> },
            { header: "Created", cell: (key) => inTable(key.createdAt) },
            { header: "Last used", cell: (key) => inTable(key.lastUsedAt) },
            {
              header: "State",
              cell: (key) =>
                key.revokedAt ? (
                  <span className="badge badge--danger">Revoked {inTable(key.revokedAt)}</span>
                ) : key.createdBy?.disabledAt ? (
                  <span className="badge badge--danger">Not acting: {key.createdBy.name}, who made it, is deactivated</span>
                ) : (
                  <span className="badge badge--ok">Active</span>
                ),
            },
            {
              header: ACTIONS_HEADER,
              cell: (key) => (key.revokedAt ? null : <RemoveButton intent="revoke-key" fields={{ id: key.id }} label="Revoke" what={key.name} />),
            },
          ]}
        />
        <h3>Create a key</h3>
        <FormError message={keyForm.formError} />
        <Form method="post" noValidate onSubmit={keyForm.onSubmit} className="narrow">
          <TextField zod={keyForm} name="name" label="Name" hint="Say which system uses it, e.g. Claims platform (production)." required />
          <p className="muted">
            The key acts for the plan while your account is active. You are asked for your password first if you last gave it more than 10 minutes ago.
          </p>
          <input type="hidden" name="intent" value="create-key" />
          <IntentSubmit intent="create-key">Create key</IntentSubmit>
        </Form>
      </section>

      <section aria-labelledby="webhooks">
        <h2 id="webhooks">Webhook endpoints</h2>
        {endpoints.length === 0 ? <p>No endpoints yet.</p> : null}
        {endpoints.map((endpoint) => (
          <article key={endpoint.id} className="card" aria-labelledby={`endpoint-${endpoint.id}`}>
            <h3 id={`endpoint-${endpoint.id}`}>{endpoint.url}</h3>
            {endpoint.description ? <p>{endpoint.description}</p> : null}
            <p>Events: {endpoint.events.map((event) => WEBHOOK_EVENT_LABELS[event as keyof typeof WEBHOOK_EVENT_LABELS] ?? event).join("; ")}</p>
            {endpoint.previousSecretExpiresAt && new Date(endpoint.previousSecretExpiresAt) > now ? (
              <p>The previous secret also signs deliveries until {when(endpoint.previousSecretExpiresAt)}.</p>
            ) : null}
            <Form method="post" className="actions">
              <input type="hidden" name="id" value={endpoint.id} />
              <button type="submit" name="intent" value="rotate-secret" className="button button--secondary">
                Rotate the signing secret
              </button>{" "}
              <button type="submit" name="intent" value="remove-endpoint" className="button button--secondary">
                Remove this endpoint
              </button>
            </Form>
            <DataTable
              caption={`Latest deliveries to ${endpoint.url}`}
              rows={endpoint.deliveries}
              rowKey={(delivery) => delivery.id}
              empty={<p>Nothing sent yet.</p>}
              columns={[
                { header: "Event", cell: (delivery) => delivery.eventType },
                { header: "webhook-id", cell: (delivery) => <code>{delivery.messageId}</code> },
                {
                  header: "State",
                  cell: (delivery) => (
                    <>
                      {DELIVERY_STATUS[delivery.status]}
                      {delivery.status === "PENDING" && delivery.attempts > 0 ? <>, next try {inTable(delivery.nextAttemptAt)}</> : ""}
                    </>
                  ),
                },
                { header: "Tries", cell: (delivery) => delivery.attempts },
                {
                  header: "Last answer",
                  cell: (delivery) => (
                    <>
                      {delivery.lastStatusCode ? `HTTP ${delivery.lastStatusCode}` : (delivery.lastError ?? "—")}
                      {delivery.lastDurationMs !== null ? ` in ${delivery.lastDurationMs} ms` : ""}
                    </>
                  ),
                },
                { header: "Last try", cell: (delivery) => inTable(delivery.lastAttemptAt) },
                {
                  header: ACTIONS_HEADER,
                  cell: (delivery) =>
                    delivery.status === "PENDING" ? null : (
                      <RemoveButton intent="redeliver" fields={{ id: delivery.id }} label="Redeliver" what={delivery.messageId} />
                    ),
                },
              ]}
            />
          </article>
        ))}
        <h3>Add an endpoint</h3>
        <FormError message={endpointForm.formError} />
        <Form method="post" noValidate onSubmit={endpointForm.onSubmit} className="narrow">
          <TextField zod={endpointForm} name="url" label="Address" hint="Where we POST events, e.g. https://plan.example/imr-events." required />
          <TextField zod={endpointForm} name="description" label="Description (optional)" />
          <CheckboxGroup
            zod={endpointForm}
            id="events"
            choiceIdPrefix="event"
            name="events"
            legend="Events to send"
            choices={WEBHOOK_EVENTS.map((event) => ({
              value: event,
              label: (
                <>
                  {WEBHOOK_EVENT_LABELS[event]} <code>{event}</code>
                </>
              ),
            }))}
          />
          <input type="hidden" name="intent" value="create-endpoint" />
          <IntentSubmit intent="create-endpoint">Add endpoint</IntentSubmit>
        </Form>
      </section>
    </div>
  );
}
