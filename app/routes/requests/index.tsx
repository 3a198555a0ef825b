import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Notice } from "~/components/forms";
import type { Route } from "./+types/index";
import { DataTable } from "~/components/data-table";
import { Instant, usePageLocale } from "~/components/instant";
import { formatLocalDateInSpanish } from "~/domain/format-instant";
import { stepPath, stepTitle } from "~/domain/requests/steps";
import { formatLocalDate } from "~/domain/rule-profiles";
import { translateMessage } from "~/i18n/i18n";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import { applicantRequests } from "~/server/requests/applicant-requests-page.server";
import { signedInUser } from "~/server/role-areas.server";
import { CaseStatusBadge } from "~/components/status-badge";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("My requests"))];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = signedInUser(context);
  const search = new URL(request.url).searchParams;
  return { name: user.name, saved: search.has("saved"), emailConfirmed: search.get("notice") === "email-verified", ...(await applicantRequests(user)) };
}

/** To the page that says what filing takes; its own button starts the draft. */
function StartButton() {
  const { t } = useTranslation();
  return (
    <Link className="button" to="/requests/new">
      {t("Start a new request")}
    </Link>
  );
}

export default function ApplicantHome({ loaderData }: Route.ComponentProps) {
  const { drafts, filed, name, saved, emailConfirmed } = loaderData;
  const { t } = useTranslation();
  const locale = usePageLocale();
  const localDate = (date: string) => (locale === "es" ? formatLocalDateInSpanish(date) : formatLocalDate(date));
  return (
    <>
      <h1>{t("My requests")}</h1>
      <p className="lead">{t("Welcome, {name}.", { name })}</p>
      {emailConfirmed ? <Notice tone="success">{t("Your email address is confirmed, and you are signed in.")}</Notice> : null}
      {saved ? <Notice tone="success">{t("Your answers are saved. Continue your request below whenever you are ready, on any device.")}</Notice> : null}
      {drafts.length || filed.length ? <StartButton /> : null}

      {drafts.length ? (
        <section aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">{t("Requests not sent yet")}</h2>
          <ul className="cards">
            {drafts.map((draft) => (
              <li key={draft.id} className="card">
                <h3>{draft.serviceDescription ?? t("New request")}</h3>
                <p className="muted flush-top">
                  {draft.planName
                    ? t("{plan} · last saved {date}", { plan: draft.planName, date: localDate(draft.savedOn) })
                    : t("Plan not chosen yet · last saved {date}", { date: localDate(draft.savedOn) })}
                  <br />
                  {t("Next: {step}", { step: translateMessage(t, stepTitle(draft.resumeStep)) })}
                </p>
                <Link className="button" to={stepPath(draft.id, draft.resumeStep)}>
                  {t("Continue")}
                  <span className="visually-hidden">
                    {" "}
                    {draft.serviceDescription
                      ? t("the request “{service}”, saved {date}", { service: draft.serviceDescription, date: localDate(draft.savedOn) })
                      : t("the request without a treatment yet, saved {date}", { date: localDate(draft.savedOn) })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {filed.length ? (
        <section aria-labelledby="filed-heading">
          <h2 id="filed-heading">{t("Requests you sent")}</h2>
          <DataTable
            caption={t("Requests you sent, newest activity first")}
            captionHidden
            rows={filed}
            rowKey={(row) => row.id}
            columns={[
              {
                header: t("Reference"),
                cell: (row) => (
                  <>
                    <Link to={`/requests/${row.id}`}>{row.reference}</Link>
                    {row.track === "EXPEDITED" ? (
                      <>
                        {" "}
                        <span className="badge badge--danger">{t("Expedited")}</span>
                      </>
                    ) : null}
                  </>
                ),
              },
              { header: t("Status"), cell: (row) => <CaseStatusBadge status={row.status} /> },
              { header: t("Treatment"), cell: (row) => row.serviceDescription ?? t("Not entered") },
              { header: t("Health plan"), cell: (row) => row.planName ?? t("Not chosen") },
              { header: t("Sent"), cell: (row) => (row.filedAt ? <Instant at={row.filedAt} style="table" /> : "") },
            ]}
          />
        </section>
      ) : null}

      {!drafts.length && !filed.length ? (
        <section className="empty-state" aria-labelledby="no-requests">
          <h2 id="no-requests">{t("You have not filed a request yet")}</h2>
          <p>{t("An independent medical review is for a treatment, drug or test your health plan refused after its own appeal. Before you start, gather:")}</p>
          <ul>
            <li>{t("the plan's final denial letter (required),")}</li>
            <li>{t("the plan's decision on your internal appeal, if there was one,")}</li>
            <li>{t("medical records and letters from your doctors that support the treatment,")}</li>
            <li>
              {t(
                "if you are filing for someone else, the form they signed authorizing you to act for them (or the papers showing you are their parent, guardian or conservator).",
              )}
            </li>
          </ul>
          <p>
            {t(
              "Your request is reviewed by independent doctors with no ties to your plan. If your life or health is at serious risk from waiting, the review can be expedited and decided within 72 hours.",
            )}
          </p>
          <StartButton />
        </section>
      ) : null}
    </>
  );
}
