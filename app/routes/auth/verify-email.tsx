import { Trans, useTranslation } from "react-i18next";
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/verify-email";
import { verifyEmail } from "~/server/auth/verify-email.server";
import { linkIsUsable } from "~/server/auth/set-password-from-link.server";
import { readForm } from "~/server/forms.server";
import { anonymousActor } from "~/server/request-context.server";
import { startSession } from "~/server/session.server";
import { homeOf } from "~/domain/roles";
import { pathAfterSignIn } from "~/domain/second-factor";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Confirm your email"))];

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
  const { t } = useTranslation();
  if (!loaderData.usable || actionData?.failed) {
    return (
      <div className="page narrow">
        <h1>{t("This link no longer works")}</h1>
        <p>
          <Trans
            i18nKey="The confirmation link has expired or was already used. <0>Sign in</0> with your email and password and we will send you a new one."
            components={[<Link key="login" to="/login" />]}
          />
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>{t("Confirm your email address")}</h1>
      <p>{t("Press the button to confirm this email address and finish creating your account. You will be signed in.")}</p>
      <Form method="post">
        <input type="hidden" name="token" value={loaderData.token} />
        <button type="submit" className="button">
          {t("Confirm my email")}
        </button>
      </Form>
    </div>
  );
}
