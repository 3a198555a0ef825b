import { Form, Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/account";
import { DataTable } from "~/components/data-table";
import { ROLE_LABELS } from "~/domain/roles";
import { NewPasswordFields, Notice, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { changePasswordSchema } from "~/schemas/auth";
import { formSubmission, submitIntent } from "~/server/route-answers.server";
import { accountOverview, changePassword, signOutEverywhere } from "~/server/users/account.server";
import { actorOf, endSession, requireUser } from "~/server/session.server";
import { Instant } from "~/components/instant";

export function meta() {
  return [{ title: "Your account | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
  const changed = new URL(request.url).searchParams.get("password") === "changed";
  return { ...(await accountOverview(await requireUser(request))), changed };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const actor = actorOf(user, request);
  return submitIntent(request, {
    "sign-out-everywhere": async () => {
      await signOutEverywhere(user, actor);
      throw redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
    },
    "change-password": formSubmission(changePasswordSchema, async (input) => {
      await changePassword(user, input, actor);
      return "/account?password=changed";
    }),
  });
}

export default function Account({ loaderData }: Route.ComponentProps) {
  const { name, email, roles, sessions, currentSessionId, changed } = loaderData;
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
          { header: "Signed in", cell: (session) => <Instant at={session.createdAt} style="table" /> },
          { header: "Last active", cell: (session) => <Instant at={session.lastSeenAt} style="table" /> },
        ]}
      />
      <Form method="post" className="actions">
        <input type="hidden" name="intent" value="sign-out-everywhere" />
        <button type="submit" className="button button--secondary">
          Sign out everywhere
        </button>
        <span className="muted">Ends every session above, including this one. Use it if you lost a device.</span>
      </Form>
      <h2>Second factor</h2>
      <p>
        <Link to="/account/second-factor">Passkeys, authenticator app and recovery codes</Link>
      </p>
      <ChangePassword changed={changed} />
    </div>
  );
}

function ChangePassword({ changed }: { changed: boolean }) {
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(changePasswordSchema, { actionData, defaultValues: { intent: "change-password" } });
  return (
    <section aria-labelledby="change-password">
      <h2 id="change-password">Change your password</h2>
      {changed ? <Notice tone="success">Your password was changed. Every other browser was signed out.</Notice> : null}
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <input type="hidden" value="change-password" {...zod.form.register("intent")} />
        <TextField zod={zod} name="currentPassword" label="Current password" type="password" autoComplete="current-password" required />
        <NewPasswordFields zod={zod} againLabel="Type the new password again" />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>Change the password</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
