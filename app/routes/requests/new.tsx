import { useTranslation } from "react-i18next";
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/new";
import { stepPath } from "~/domain/requests/steps";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import { requestLocale } from "~/server/i18n/locale.server";
import { startDraft } from "~/server/requests/start-draft.server";
import { actorOf } from "~/server/session.server";
import { signedInUser } from "~/server/role-areas.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Start a request"))];

// The page shows nothing of the server's, but a loader makes every visit ask
// the server, where the area's guard sends a signed-out visitor to sign in.
export async function loader() {
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = signedInUser(context);
  const { caseId } = await startDraft(user, actorOf(user, request), { language: await requestLocale(request, user) });
  throw redirect(stepPath(caseId, "filer"));
}

export default function NewRequest() {
  const { t } = useTranslation();
  return (
    <div className="page narrow wizard">
      <p>
        <Link to="/requests">{t("My requests")}</Link>
      </p>
      <h1>{t("Ask for an independent medical review")}</h1>
      <p>{t("It takes about 15 minutes. Your answers are saved at every step, so you can stop and finish later, on this device or another one.")}</p>
      <h2>{t("Have these at hand")}</h2>
      <ul>
        <li>{t("the health insurance card (for the member ID),")}</li>
        <li>{t("the plan's final denial letter (you will upload it; a clear photo of each page is fine),")}</li>
        <li>{t("the plan's answer to your internal appeal, if there was one,")}</li>
        <li>{t("any letters or records from your doctors,")}</li>
        <li>{t("if you are filing for someone else, the paper that lets you act for them.")}</li>
      </ul>
      <Form method="post">
        <button type="submit" className="button">
          {t("Start my request")}
        </button>
      </Form>
    </div>
  );
}
