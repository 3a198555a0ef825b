import { data, useActionData, useNavigation } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/integrations";
import { Form, FormError, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "~/domain/webhooks";
import { apiKeyFormSchema, webhookEndpointFormSchema } from "~/schemas/plan-integration";
import { createApiKey, revokeApiKey } from "~/server/api/api-keys.server";
import { AppError, toResponse } from "~/server/errors.server";
import { formFailure, parseForm } from "~/server/forms.server";
import { integrationPlanFor, integrationsPage } from "~/server/plans/integrations.server";
import { actorOf, requirePermission, type SessionUser } from "~/server/session.server";
import { createWebhookEndpoint, disableWebhookEndpoint, redeliverWebhook, rotateWebhookSecret } from "~/server/webhooks/endpoints.server";

export function meta() {
  return [{ title: "API keys and webhooks | Independent Medical Review" }];
}

/** The plan this person manages at this address; any other plan, or none, is a 404. */
async function planAt(user: SessionUser, planId: string | undefined) {
  return integrationPlanFor(user, planId).catch((error: unknown) => {
    throw error instanceof AppError ? toResponse(error) : error;
  });
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, "plan-integration:manage");
  const plan = await planAt(user, params.planId);
  return { plan, ...(await integrationsPage(plan.id)) };
}

const idSchema = z.object({ id: z.uuid() });

/** One action for the page's small forms, told apart by the button's intent. */
export async function action({ request, params }: Route.ActionArgs) {
  const user = await requirePermission(request, "plan-integration:manage");
  const plan = await planAt(user, params.planId);
  const actor = actorOf(user, request);
  const form = await request.clone().formData();
  const intent = String(form.get("intent") ?? "");
  switch (intent) {
    case "create-key": {
      const parsed = await parseForm(request, apiKeyFormSchema);
      if (!parsed.ok) return data({ ...parsed.failure, intent }, { status: 400 });
      const created = await createApiKey(plan.id, parsed.data.name, actor);
      return { intent, shownOnce: { label: `API key "${parsed.data.name}"`, value: created.key } };
    }
    case "create-endpoint": {
      const parsed = await parseForm(request, webhookEndpointFormSchema, { arrayFields: ["events"] });
      if (!parsed.ok) return data({ ...parsed.failure, intent }, { status: 400 });
      try {
        const created = await createWebhookEndpoint(plan.id, parsed.data, actor);
        return { intent, shownOnce: { label: `Signing secret for ${parsed.data.url}`, value: created.secret } };
      } catch (error) {
        if (error instanceof AppError && error.detail?.field === "url") return formFailure(parsed.values, { url: error.message });
        throw error;
      }
    }
    case "revoke-key":
    case "rotate-secret":
    case "remove-endpoint":
    case "redeliver": {
      const { id } = idSchema.parse({ id: form.get("id") });
      if (intent === "revoke-key") await revokeApiKey(plan.id, id, actor);
      if (intent === "remove-endpoint") await disableWebhookEndpoint(plan.id, id, actor);
      if (intent === "redeliver") await redeliverWebhook(plan.id, id, actor);
      if (intent === "rotate-secret") {
        const secret = await rotateWebhookSecret(plan.id, id, actor);
        return { intent, shownOnce: { label: "New signing secret (the previous one keeps working for 24 hours)", value: secret } };
      }
      return { intent, done: intent };
    }
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}

const when = (date: Date | string | null) =>
  date ? new Date(date).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "America/New_York" }) + " ET" : "—";

const DELIVERY_STATUS = { PENDING: "Waiting to retry", SUCCEEDED: "Delivered", FAILED: "Failed" } as const;

export default function Integrations({ loaderData }: Route.ComponentProps) {
  const { plan, apiKeys, endpoints } = loaderData;
  const actionData = useActionData<typeof action>();
  const shownOnce = actionData && "shownOnce" in actionData ? actionData.shownOnce : undefined;
  const keyFailure = actionData && "intent" in actionData && actionData.intent === "create-key" && "fieldErrors" in actionData ? actionData : undefined;
  const endpointFailure = actionData && "fieldErrors" in actionData && (!("intent" in actionData) || actionData.intent === "create-endpoint") ? actionData : undefined;
  const keyForm = useZodForm(apiKeyFormSchema, { actionData: keyFailure });
  const endpointForm = useZodForm(webhookEndpointFormSchema, { actionData: endpointFailure, defaultValues: { events: [] } });
  const navigation = useNavigation();
  const eventsError = endpointForm.errorFor("events");
  return (
    <div className="page">
      <h1>API keys and webhooks: {plan.name}</h1>
      <p className="lead">
        Your systems can follow your plan's cases through the API (<a href="/api/v1/openapi.json">OpenAPI description</a>) and receive events
        by webhook, signed the Standard Webhooks way.
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
        {apiKeys.length ? (
          <div className="table-wrap">
            <table>
              <caption>Keys of {plan.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key starts with</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">State</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {apiKeys.map((key) => (
                  <tr key={key.id}>
                    <td>{key.name}</td>
                    <td>
                      <code>imr_{key.prefix}_…</code>
                    </td>
                    <td>{when(key.createdAt)}</td>
                    <td>{when(key.lastUsedAt)}</td>
                    <td>{key.revokedAt ? <span className="badge badge--danger">Revoked {when(key.revokedAt)}</span> : <span className="badge badge--ok">Active</span>}</td>
                    <td>
                      {key.revokedAt ? null : (
                        <Form method="post">
                          <input type="hidden" name="id" value={key.id} />
                          <button type="submit" name="intent" value="revoke-key" className="button button--secondary">
                            Revoke<span className="visually-hidden"> {key.name}</span>
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>No keys yet.</p>
        )}
        <h3>Create a key</h3>
        <FormError message={keyForm.formError} />
        <Form method="post" noValidate onSubmit={keyForm.onSubmit} className="narrow">
          <TextField zod={keyForm} name="name" label="Name" hint="Say which system uses it, e.g. Claims platform (production)." required />
          <input type="hidden" name="intent" value="create-key" />
          <SubmitButton submitting={navigation.state === "submitting" && navigation.formData?.get("intent") === "create-key"}>Create key</SubmitButton>
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
            {endpoint.previousSecretExpiresAt && new Date(endpoint.previousSecretExpiresAt) > new Date() ? (
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
            {endpoint.deliveries.length ? (
              <div className="table-wrap">
                <table>
                  <caption>Latest deliveries to {endpoint.url}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Event</th>
                      <th scope="col">webhook-id</th>
                      <th scope="col">State</th>
                      <th scope="col">Tries</th>
                      <th scope="col">Last answer</th>
                      <th scope="col">Last try</th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {endpoint.deliveries.map((delivery) => (
                      <tr key={delivery.id}>
                        <td>{delivery.eventType}</td>
                        <td>
                          <code>{delivery.messageId}</code>
                        </td>
                        <td>
                          {DELIVERY_STATUS[delivery.status]}
                          {delivery.status === "PENDING" && delivery.attempts > 0 ? `, next try ${when(delivery.nextAttemptAt)}` : ""}
                        </td>
                        <td>{delivery.attempts}</td>
                        <td>
                          {delivery.lastStatusCode ? `HTTP ${delivery.lastStatusCode}` : (delivery.lastError ?? "—")}
                          {delivery.lastDurationMs !== null ? ` in ${delivery.lastDurationMs} ms` : ""}
                        </td>
                        <td>{when(delivery.lastAttemptAt)}</td>
                        <td>
                          {delivery.status === "PENDING" ? null : (
                            <Form method="post">
                              <input type="hidden" name="id" value={delivery.id} />
                              <button type="submit" name="intent" value="redeliver" className="button button--secondary">
                                Redeliver<span className="visually-hidden"> {delivery.messageId}</span>
                              </button>
                            </Form>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p>Nothing sent yet.</p>
            )}
          </article>
        ))}
        <h3>Add an endpoint</h3>
        <FormError message={endpointForm.formError} />
        <Form method="post" noValidate onSubmit={endpointForm.onSubmit} className="narrow">
          <TextField zod={endpointForm} name="url" label="Address" hint="Where we POST events, e.g. https://plan.example/imr-events." required />
          <TextField zod={endpointForm} name="description" label="Description (optional)" />
          <div className={`field${eventsError ? " field--error" : ""}`}>
            <fieldset aria-describedby={eventsError ? "events-error" : undefined}>
              <legend>Events to send</legend>
              {eventsError ? (
                <p className="field-error" id="events-error">
                  <span className="visually-hidden">Error: </span>
                  {eventsError}
                </p>
              ) : null}
              {WEBHOOK_EVENTS.map((event) => (
                <div className="checkbox" key={event}>
                  <input
                    type="checkbox"
                    id={`event-${event}`}
                    value={event}
                    defaultChecked={endpointForm.valuesFor("events").includes(event)}
                    {...endpointForm.form.register("events")}
                  />
                  <label htmlFor={`event-${event}`}>
                    {WEBHOOK_EVENT_LABELS[event]} <code>{event}</code>
                  </label>
                </div>
              ))}
            </fieldset>
          </div>
          <input type="hidden" name="intent" value="create-endpoint" />
          <SubmitButton submitting={navigation.state === "submitting" && navigation.formData?.get("intent") === "create-endpoint"}>Add endpoint</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
