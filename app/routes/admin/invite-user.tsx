import { useActionData } from "react-router";
import type { Route } from "./+types/invite-user";
import { CheckboxGroup, Form, FormError, SelectField, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { ROLE_LABELS, type Role } from "~/domain/roles";
import { inviteUserSchema } from "~/schemas/auth";
import { listPlans } from "~/server/admin/admin-overview.server";
import { actorOf } from "~/server/session.server";
import { inviteUser } from "~/server/users/invite-user.server";
import { submitForm } from "~/server/route-answers.server";
import { signedInUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "Invite a user | Independent Medical Review" }];
}

const INVITABLE: Role[] = ["COORDINATOR", "REVIEWER", "PLAN", "ADMIN"];

export async function loader() {
  return { plans: await listPlans() };
}

export async function action({ request, context }: Route.ActionArgs) {
  const admin = signedInUser(context);
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
  const chosen = (zod.form.watch("roles") ?? []) as string[];
  return (
    <div className="page narrow">
      <h1>Invite a user</h1>
      <p>The person receives an email with a link to set their password. Applicants create their own accounts.</p>
      <FormError message={zod.formError} />
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <TextField zod={zod} name="name" label="Full name" autoComplete="off" required />
        <TextField zod={zod} name="email" label="Email address" type="email" autoComplete="off" required />
        <CheckboxGroup zod={zod} id="roles" name="roles" legend="Roles" choices={INVITABLE.map((role) => ({ value: role, label: ROLE_LABELS[role] }))} />
        <SelectField
          zod={zod}
          name="planId"
          label="Health plan (for plan users)"
          placeholder="Not a plan user"
          disabled={chosen.length > 0 && !chosen.includes("PLAN")}
          options={loaderData.plans.map((plan) => ({ value: plan.id, label: plan.name }))}
        />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>Send the invitation</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
