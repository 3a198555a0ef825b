import { useTranslation } from "react-i18next";
import { Link, redirect } from "react-router";
import type { Route } from "./+types/index";
import { primaryRole, ROLE_HOMES } from "~/domain/roles";
import { translator } from "~/i18n/i18n";
import { DEFAULT_LOCALE, isLocale } from "~/i18n/locales";
import { getSessionUser } from "~/server/session.server";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await getSessionUser(request);
  const role = user && primaryRole(user.roles);
  if (role) throw redirect(ROLE_HOMES[role]);
  return null;
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const locale = (matches.find((match) => match?.id === "root")?.loaderData as { locale?: unknown } | undefined)?.locale;
  return [{ title: translator(isLocale(locale) ? locale : DEFAULT_LOCALE)("Independent Medical Review") }];
};

export default function Welcome() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("Ask for an independent review of a denied treatment")}</h1>
      <p className="lead">
        {t(
          "If your health plan refused a treatment, a drug or a test because it decided it was not medically necessary, was experimental, or was not urgent, you can ask independent doctors to look at your case. Their decision is binding on your plan.",
        )}
      </p>
      <h2>{t("How it works")}</h2>
      <ol>
        <li>{t("You, or someone acting for you, file a request with the plan's denial letter.")}</li>
        <li>{t("We check that the request can be reviewed and ask your plan for its records.")}</li>
        <li>{t("Independent doctors in the right specialty, with no ties to your plan, review everything.")}</li>
        <li>{t("We send you and your plan a written decision. If the denial is overturned, your plan must follow it.")}</li>
      </ol>
      <div className="actions">
        <Link to="/signup" className="button">
          {t("Create an account")}
        </Link>
        <Link to="/login" className="button button--secondary">
          {t("Sign in")}
        </Link>
      </div>
      <h2>{t("How others' disputes were decided")}</h2>
      <p>
        {t("Read the decisions of past reviews, without anything that could identify the patient, and search them by diagnosis, treatment and outcome.")}{" "}
        <Link to="/decisions">{t("Published decisions")}</Link>
      </p>
    </div>
  );
}
