import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/verify-email";
import { verifyEmail } from "~/server/auth/verify-email.server";
import { linkIsUsable } from "~/server/auth/set-password-from-link.server";
import { readForm } from "~/server/forms.server";
import { anonymousActor } from "~/server/request-context.server";
import { startSession } from "~/server/session.server";
import { homeOf } from "~/domain/roles";
import { pathAfterSignIn } from "~/domain/second-factor";

export function meta() {
  return [{ title: "Confirm your email | Independent Medical Review" }];
}

// Opening the link only shows a button: mail scanners that follow links must
// not use up the single-use token.
export async function loader({ request }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, usable: token ? await linkIsUsable("EMAIL_VERIFICATION", token) : false };
}

export async function action({ request }: Route.ActionArgs) {
  const token = String((await readForm(request)).get("token") ?? "");
  const verified = token ? await verifyEmail(token, anonymousActor(request)) : null;
  if (!verified) return { failed: true };
  const cookie = await startSession(verified.userId, request, verified.stage);
  throw redirect(pathAfterSignIn(verified.stage, `${homeOf(verified.roles)}?notice=email-verified`), { headers: { "Set-Cookie": cookie } });
}

export default function VerifyEmail({ loaderData, actionData }: Route.ComponentProps) {
  if (!loaderData.usable || actionData?.failed) {
    return (
      <div className="page narrow">
        <h1>This link no longer works</h1>
        <p>
          The confirmation link has expired or was already used. <Link to="/login">Sign in</Link> with your email and password and we will send you a new one.
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>Confirm your email address</h1>
      <p>Press the button to confirm this email address and finish creating your account. You will be signed in.</p>
      <Form method="post">
        <input type="hidden" name="token" value={loaderData.token} />
        <button type="submit" className="button">
          Confirm my email
        </button>
      </Form>
    </div>
  );
}
