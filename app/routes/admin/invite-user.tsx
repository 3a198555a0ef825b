import { useActionData } from "react-router";
import type { Route } from "./+types/invite-user";
import { Form, FormError, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { ROLE_LABELS, type Role } from "~/domain/roles";
import { inviteUserSchema } from "~/schemas/auth";
import { listPlans } from "~/server/admin/admin-overview.server";
import { actorOf, requirePermission } from "~/server/session.server";
import { inviteUser } from "~/server/users/invite-user.server";
import { submitForm } from "~/server/route-answers.server";

export function meta() {
  return [{ title: "Invite a user | Independent Medical Review" }];
}

const INVITABLE: Role[] = ["COORDINATOR", "REVIEWER", "PLAN", "ADMIN"];

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, "user:manage");
  return { plans: await listPlans() };
}

export async function action({ request }: Route.ActionArgs) {
  const admin = await requirePermission(request, "user:manage");
  return submitForm(
    request,
    inviteUserSchema,
    async (invitation) => {
      await inviteUser(invitation, actorOf(admin, request));
      return `/admin/users?invited=${encodeURIComponent(invitation.email)}`;
    },
    { arrayFields: ["roles"] },
  );
}

export default function InviteUser({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(inviteUserSchema, { actionData, defaultValues: { roles: [] } });
  const rolesError = zod.errorFor("roles");
  const planError = zod.errorFor("planId");
  const chosen = (zod.form.watch("roles") ?? []) as string[];
  return (
    <div className="page narrow">
      <h1>Invite a user</h1>
      <p>The person receives an email with a link to set their password. Applicants create their own accounts.</p>
      <FormError message={zod.formError} />
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <TextField zod={zod} name="name" label="Full name" autoComplete="off" required />
        <TextField zod={zod} name="email" label="Email address" type="email" autoComplete="off" required />
        <div className={`field${rolesError ? " field--error" : ""}`}>
          <fieldset aria-describedby={rolesError ? "roles-error" : undefined}>
            <legend>Roles</legend>
            {rolesError ? (
              <p className="field-error" id="roles-error">
                <span className="visually-hidden">Error: </span>
                {rolesError}
              </p>
            ) : null}
            {INVITABLE.map((role) => (
              <label key={role} className="checkbox">
                <input type="checkbox" value={role} defaultChecked={zod.valuesFor("roles").includes(role)} {...zod.form.register("roles")} />
                {ROLE_LABELS[role]}
              </label>
            ))}
          </fieldset>
        </div>
        <div className={`field${planError ? " field--error" : ""}`}>
          <label htmlFor="field-planId">Health plan (for plan users)</label>
          {planError ? (
            <p className="field-error" id="field-planId-error">
              <span className="visually-hidden">Error: </span>
              {planError}
            </p>
          ) : null}
          <select
            id="field-planId"
            aria-invalid={planError ? true : undefined}
            aria-describedby={planError ? "field-planId-error" : undefined}
            disabled={chosen.length > 0 && !chosen.includes("PLAN")}
            defaultValue={zod.valueFor("planId")}
            {...zod.form.register("planId")}
          >
            <option value="">Not a plan user</option>
            {loaderData.plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>Send the invitation</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
