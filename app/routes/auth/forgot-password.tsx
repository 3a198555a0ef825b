import { redirect, useActionData } from "react-router";
import type { Route } from "./+types/forgot-password";
import { Form, FormError, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { forgotPasswordSchema } from "~/schemas/auth";
import { requestPasswordReset } from "~/server/auth/request-password-reset.server";
import { formFailure, parseForm, rejectForm } from "~/server/forms.server";
import { anonymousActor } from "~/server/request-context.server";

export function meta() {
  return [{ title: "Reset your password | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
  return { sent: new URL(request.url).searchParams.get("sent") === "1" };
}

export async function action({ request }: Route.ActionArgs) {
  const parsed = await parseForm(request, forgotPasswordSchema);
  if (!parsed.ok) return rejectForm(parsed.failure);
  const result = await requestPasswordReset(parsed.data.email, anonymousActor(request));
  if (!result.ok) {
    return formFailure(parsed.values, {}, `Too many requests from your network. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} minutes.`);
  }
  throw redirect("/forgot-password?sent=1");
}

export default function ForgotPassword({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(forgotPasswordSchema, { actionData });
  if (loaderData.sent) {
    return (
      <div className="page narrow">
        <h1>Check your email</h1>
        <p>If an account uses that address, we sent it a link to choose a new password. The link works once, for one hour.</p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>Reset your password</h1>
      <p>Enter the email address of your account. We will send you a link to choose a new password.</p>
      <FormError message={zod.formError} />
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <TextField zod={zod} name="email" label="Email address" type="email" autoComplete="email" required />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>Send me a link</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
