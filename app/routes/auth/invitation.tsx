import { useTranslation } from "react-i18next";
import { redirect } from "react-router";
import type { Route } from "./+types/invitation";
import { SetPasswordForm } from "~/components/forms";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import { setPasswordSchema } from "~/schemas/auth";
import { linkIsUsable, setPasswordFromLink } from "~/server/auth/set-password-from-link.server";
import { parseForm, rejectForm } from "~/server/forms.server";
import { anonymousActor } from "~/server/request-context.server";
import { refusedForm } from "~/server/route-answers.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Set your password"))];

export async function loader({ request }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, usable: token ? await linkIsUsable("INVITATION", token) : false };
}

export async function action({ request }: Route.ActionArgs) {
  const parsed = await parseForm(request, setPasswordSchema);
  if (!parsed.ok) return rejectForm(parsed.failure);
  let done;
  try {
    done = await setPasswordFromLink("INVITATION", parsed.data.token, parsed.data.password, anonymousActor(request));
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
      title={t("Set your password")}
      intro={t("Welcome. Choose the password you will use to sign in to the portal.")}
      button={t("Set my password")}
    />
  );
}
