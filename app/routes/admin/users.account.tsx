import { Link, useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/users.account";
import { ACTIONS_HEADER, DataTable } from "~/components/data-table";
import { CheckboxGroup, failureFor, FormError, IntentForm, Notice, RemoveButton, SelectField, TextAreaField, useZodForm } from "~/components/forms";
import { Instant } from "~/components/instant";
import { STAFF_ROLES } from "~/domain/account-control";
import { ROLE_LABELS } from "~/domain/roles";
import { buttonOnlySchema, changeRolesSchema, deactivateAccountSchema, reactivateAccountSchema } from "~/schemas/account-control";
import { rowIdSchema } from "~/schemas/ids";
import { requireFreshAuthentication } from "~/server/auth/confirm-identity.server";
import { formSubmission, submitIntent } from "~/server/route-answers.server";
import { idParam } from "~/server/route-params.server";
import { signedInUser } from "~/server/role-areas.server";
import { actorOf } from "~/server/session.server";
import { accountAdminPage, type AccountAdminPage } from "~/server/users/account-admin-page.server";
import {
  changeAccountRoles,
  deactivateAccount,
  endAccountSession,
  endAccountSessions,
  forcePasswordReset,
  reactivateAccount,
  resetSecondFactor,
} from "~/server/users/account-control.server";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${data?.account.name ?? "Account"} | Independent Medical Review` }];
}

const NOTICES: Record<string, string> = {
  deactivated: "The account is deactivated. Every session ended, and the API keys it made no longer act.",
  reactivated: "The account is active again. The person can sign in.",
  roles: "The roles are changed. They hold from the person's next click.",
  "session-ended": "The session ended. That browser is signed out.",
  "sessions-ended": "Every session ended.",
  "password-reset": "The password no longer works, every session ended, and a link to set a new one was emailed.",
  "second-factor-reset": "The second factor is cleared and every session ended. The person sets up a new one when they next sign in.",
};

const BUTTON_INTENTS = ["end-session", "end-all-sessions", "force-password-reset", "reset-second-factor"];

export async function loader({ params, context }: Route.LoaderArgs) {
  const admin = signedInUser(context);
  const page = await accountAdminPage(idParam(params.userId, "This account"), new Date());
  return { ...page, own: page.account.id === admin.id };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const admin = signedInUser(context);
  const userId = idParam(params.userId, "This account");
  const at = new Date();
  const account = { adminId: admin.id, actor: actorOf(admin, request), userId, at };
  const done = (notice: keyof typeof NOTICES) => `/admin/users/${userId}?done=${notice}`;
  return submitIntent(request, {
    deactivate: formSubmission(deactivateAccountSchema, async ({ reason }) => {
      await deactivateAccount(account, reason);
      return done("deactivated");
    }),
    reactivate: formSubmission(reactivateAccountSchema, async ({ reason }) => {
      await reactivateAccount(account, reason);
      return done("reactivated");
    }),
    "change-roles": formSubmission(
      changeRolesSchema,
      async (input) => {
        await requireFreshAuthentication(admin, request, at);
        await changeAccountRoles(account, input);
        return done("roles");
      },
      { arrayFields: ["roles"] },
    ),
    "end-session": formSubmission(rowIdSchema, async ({ id }) => {
      await endAccountSession(account, id);
      return done("session-ended");
    }),
    "end-all-sessions": formSubmission(buttonOnlySchema, async () => {
      await endAccountSessions(account);
      return done("sessions-ended");
    }),
    "force-password-reset": formSubmission(buttonOnlySchema, async () => {
      await forcePasswordReset(account);
      return done("password-reset");
    }),
    "reset-second-factor": formSubmission(buttonOnlySchema, async () => {
      await resetSecondFactor(account);
      return done("second-factor-reset");
    }),
  });
}

export default function AccountAdmin({ loaderData }: Route.ComponentProps) {
  const { account, sessions, apiKeys, own } = loaderData;
  const [searchParams] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const notice = NOTICES[searchParams.get("done") ?? ""];
  // The one-button forms have no place of their own for a refusal: it shows at the top.
  const refusal = BUTTON_INTENTS.map((intent) => failureFor(actionData, intent)?.formError).find(Boolean);
  return (
    <>
      <p>
        <Link to="/admin/users">All users</Link>
      </p>
      <h1>{account.name}</h1>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <FormError message={refusal} />
      <dl className="summary">
        <dt>Email</dt>
        <dd>{account.email}</dd>
        <dt>State</dt>
        <dd>
          <AccountState account={account} />
        </dd>
        <dt>Roles</dt>
        <dd>{account.roles.map((role) => ROLE_LABELS[role]).join(", ")}</dd>
        {account.plan ? (
          <>
            <dt>Health plan</dt>
            <dd>{account.plan.name}</dd>
          </>
        ) : null}
        <dt>Account made</dt>
        <dd>
          <Instant at={account.createdAt} />
        </dd>
      </dl>

      <Sessions sessions={sessions} own={own} />
      <ApiKeys apiKeys={apiKeys} />
      {own ? (
        <p>This is your own account: you cannot deactivate it, take away your administrator role or force its password reset. Ask another administrator.</p>
      ) : null}
      <Roles page={loaderData} actionData={failureFor(actionData, "change-roles")} />
      {own ? null : <Access account={account} actionData={actionData} />}
    </>
  );
}

function AccountState({ account }: { account: AccountAdminPage["account"] }) {
  if (account.disabledAt) {
    return (
      <>
        <span className="badge badge--danger">Deactivated</span> on <Instant at={account.disabledAt} />
        {account.disabledReason ? <span className="verbatim">: {account.disabledReason}</span> : null}
      </>
    );
  }
  if (account.locked) return <span className="badge badge--danger">Locked after failed sign-ins</span>;
  if (!account.emailVerifiedAt) return <span className="badge badge--warn">Invited, not yet active</span>;
  if (!account.hasPassword) return <span className="badge badge--warn">Active, waiting for a new password</span>;
  return <span className="badge badge--ok">Active</span>;
}

function Sessions({ sessions, own }: { sessions: AccountAdminPage["sessions"]; own: boolean }) {
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Where this person is signed in</h2>
      <DataTable
        caption="Open sessions"
        captionHidden
        rows={sessions}
        rowKey={(session) => session.id}
        empty={<p>No open sessions.</p>}
        columns={[
          { header: "Browser", cell: (session) => session.userAgent ?? "Unknown browser" },
          { header: "Address", cell: (session) => session.ip ?? "Unknown" },
          { header: "Signed in", cell: (session) => <Instant at={session.createdAt} style="table" /> },
          { header: "Last active", cell: (session) => <Instant at={session.lastSeenAt} style="table" /> },
          {
            header: ACTIONS_HEADER,
            cell: (session) => (
              <RemoveButton intent="end-session" fields={{ id: session.id }} label="End" what={`the session from ${session.ip ?? "an unknown address"}`} />
            ),
          },
        ]}
      />
      {sessions.length > 0 && !own ? <RemoveButton intent="end-all-sessions" fields={{}} label="End every session" what="of this person" /> : null}
    </section>
  );
}

function ApiKeys({ apiKeys }: { apiKeys: AccountAdminPage["apiKeys"] }) {
  if (apiKeys.length === 0) return null;
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">API keys this person made</h2>
      <p>A key acts for its plan only while the account that made it is active.</p>
      <ul>
        {apiKeys.map((key) => (
          <li key={key.id}>
            {key.name} (<code>imr_{key.prefix}_…</code>) for {key.plan.name}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Roles({ page, actionData }: { page: AccountAdminPage & { own: boolean }; actionData: unknown }) {
  const { account, plans } = page;
  const zod = useZodForm(changeRolesSchema, {
    actionData,
    defaultValues: { roles: account.roles.filter((role) => role !== "APPLICANT"), planId: account.planId ?? "" },
  });
  const chosen = (zod.form.watch("roles") ?? []) as string[];
  return (
    <section aria-labelledby="roles-heading">
      <h2 id="roles-heading">Roles</h2>
      <p>
        The change holds from the person's next click. You are asked for your password first if you last gave it more than 10 minutes ago.
        {account.roles.includes("APPLICANT") ? " Their applicant role is their own and stays." : null}
      </p>
      <IntentForm zod={zod} intent="change-roles" label="Change the roles" submit="Change the roles">
        <CheckboxGroup
          zod={zod}
          id="roles"
          name="roles"
          legend="Staff roles"
          choices={STAFF_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
        />
        <SelectField
          zod={zod}
          name="planId"
          label="Health plan (for plan users)"
          placeholder="Not a plan user"
          disabled={!chosen.includes("PLAN")}
          options={plans.map((plan) => ({ value: plan.id, label: plan.name }))}
        />
      </IntentForm>
    </section>
  );
}

function Access({ account, actionData }: { account: AccountAdminPage["account"]; actionData: unknown }) {
  const deactivate = useZodForm(deactivateAccountSchema, { actionData: failureFor(actionData, "deactivate") });
  const reactivate = useZodForm(reactivateAccountSchema, { actionData: failureFor(actionData, "reactivate") });
  return (
    <section aria-labelledby="access-heading">
      <h2 id="access-heading">Access</h2>
      {account.disabledAt ? (
        <IntentForm zod={reactivate} intent="reactivate" label="Reactivate the account" submit="Reactivate the account">
          <TextAreaField zod={reactivate} idPrefix="reactivate" name="reason" label="Why reactivate it" hint="Kept in the audit log." rows={2} required />
        </IntentForm>
      ) : (
        <>
          <IntentForm zod={deactivate} intent="deactivate" label="Deactivate the account" submit="Deactivate the account">
            <p>
              Every session ends at once, the person cannot sign in, and the API keys they made stop acting for their plan.
              {account.openAssignments > 0 ? ` They hold ${account.openAssignments} open review assignment(s): replace them on those cases.` : null}
            </p>
            <TextAreaField
              zod={deactivate}
              idPrefix="deactivate"
              name="reason"
              label="Why deactivate it"
              hint="Kept in the audit log and shown here."
              rows={2}
              required
            />
          </IntentForm>
          <h3>Force a password reset</h3>
          <p>The password stops working and every session ends; the person is emailed a link to set a new one (it works for an hour).</p>
          <RemoveButton intent="force-password-reset" fields={{}} label="Force a password reset" what={`for ${account.email}`} />
          {account.hasSecondFactor ? (
            <>
              <h3>Reset the second factor</h3>
              <p>
                For someone who lost their phone or passkey and their recovery codes: their passkeys, authenticator app and recovery codes are removed and every
                session ends. Their next sign-in sets up a new one. Check who is asking first.
              </p>
              <RemoveButton intent="reset-second-factor" fields={{}} label="Reset the second factor" what={`of ${account.email}`} />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
