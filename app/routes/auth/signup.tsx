import { Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/signup";
import { Form, NewPasswordFields, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { signUpSchema } from "~/schemas/auth";
import { signUp } from "~/server/auth/sign-up.server";
import { formFailure, parseForm, rejectForm } from "~/server/forms.server";
import { anonymousActor } from "~/server/request-context.server";
import { refusedForm } from "~/server/route-answers.server";

export function meta() {
  return [{ title: "Create an account | Independent Medical Review" }];
}

export async function action({ request }: Route.ActionArgs) {
  const parsed = await parseForm(request, signUpSchema);
  if (!parsed.ok) return rejectForm(parsed.failure);
  let result;
  try {
    result = await signUp(parsed.data, anonymousActor(request));
  } catch (error) {
    // A password too easy to guess goes back next to its field.
    return refusedForm(parsed.values, error);
  }
  if (!result.ok) {
    return formFailure(
      parsed.values,
      {},
      `Too many sign-ups from your network or for this address. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} minutes.`,
      429,
    );
  }
  throw redirect("/signup?sent=1");
}

export async function loader({ request }: Route.LoaderArgs) {
  return { sent: new URL(request.url).searchParams.get("sent") === "1" };
}

export default function SignUp({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(signUpSchema, { actionData });
  if (loaderData.sent) {
    return (
      <div className="page narrow">
        <h1>Check your email</h1>
        <p>We sent a link to the address you gave. Open it to confirm your email and finish creating your account. The link works for 24 hours.</p>
        <p>
          If nothing arrives within a few minutes, look in your spam folder. If you already have an account, <Link to="/login">sign in</Link> instead.
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>Create an account</h1>
      <p>
        Create an account to ask for an independent review of a denied treatment, for yourself or for someone you act for (a child, a patient, a family member).
      </p>
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <TextField zod={zod} name="name" label="Your full name" autoComplete="name" required />
        <TextField
          zod={zod}
          name="email"
          label="Email address"
          type="email"
          autoComplete="email"
          hint="We send updates about the request here. They never contain medical details."
          required
        />
        <NewPasswordFields zod={zod} label="Choose a password" />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>Create my account</SubmitButton>
        </div>
      </Form>
      <p className="space-above-lg">
        Already have an account? <Link to="/login">Sign in</Link>.
      </p>
    </div>
  );
}
