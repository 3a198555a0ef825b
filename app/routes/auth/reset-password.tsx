import { useTranslation } from "react-i18next";
import { redirect } from "react-router";
import type { Route } from "./+types/reset-password";
import { SetPasswordForm } from "~/components/forms";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import { setPasswordSchema } from "~/schemas/auth";
import { linkIsUsable, setPasswordFromLink } from "~/server/auth/set-password-from-link.server";
import { parseForm, rejectForm } from "~/server/forms.server";
import { anonymousActor } from "~/server/request-context.server";
import { refusedForm } from "~/server/route-answers.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Choose a new password"))];

export async function loader({ request }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, usable: token ? await linkIsUsable("PASSWORD_RESET", token) : false };
}

export async function action({ request }: Route.ActionArgs) {
  const parsed = await parseForm(request, setPasswordSchema);
  if (!parsed.ok) return rejectForm(parsed.failure);
  let done;
  try {
    done = await setPasswordFromLink("PASSWORD_RESET", parsed.data.token, parsed.data.password, anonymousActor(request));
  } catch (error) {
    // A password too easy to guess goes back next to its field.
    return refusedForm(parsed.values, error);
  }
  if (!done) return { expired: true };
  throw redirect("/login?notice=password-set");
}

export default function Page({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <SetPasswordForm
      token={loaderData.token}
      usable={loaderData.usable}
      actionData={actionData}
      title={t("Choose a new password")}
      intro={t("Choose the new password for your account. You will be signed out everywhere else.")}
      button={t("Save my new password")}
    />
  );
}
