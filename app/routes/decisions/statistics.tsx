import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import type { Route } from "./+types/statistics";
import { translateMessage } from "~/i18n/i18n";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import { LIBRARY_TRACK_LABELS } from "~/domain/publication/library-labels";
import { libraryAnswerHeaders } from "~/server/publication/library-http.server";
import { libraryStatistics, type Share } from "~/server/publication/statistics.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Figures from the published decisions"))];

/** Counted at each request, behind the library's rate limit and ETag (a new publication changes it). */
export async function loader({ request }: Route.LoaderArgs) {
  const headers = await libraryAnswerHeaders(request, "page");
  return data(await libraryStatistics(), { headers });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders;

function ShareTable({ caption, heading, rows }: { caption: string; heading: string; rows: readonly Share[] }) {
  const { t } = useTranslation();
  return (
    <table className="data-table space-below-xl">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">{t("Decisions")}</th>
          <th scope="col">{t("Denial overturned (in whole or in part)")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label || t("Not given")}</th>
            <td>{row.decisions}</td>
            <td>{t("{share, number, percent} ({count})", { share: row.overturned / row.decisions, count: row.overturned })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Public figures, counted live from the same published decisions the library shows. */
export default function LibraryStatistics({ loaderData: figures }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link to="/decisions">{t("Search the published decisions")}</Link>
      </p>
      <h1>{t("Figures from the published decisions")}</h1>
      <p className="lead">
        {t("Counted at this moment from the {count, plural, one {# published decision} other {# published decisions}}: nothing here is estimated.", {
          count: figures.total,
        })}
      </p>

      <h2>{t("Decided on time")}</h2>
      <table className="data-table space-below-xl">
        <caption>{t("Days from the request to the decision, and the share decided within the deadline, by track")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("Track")}</th>
            <th scope="col">{t("Decisions")}</th>
            <th scope="col">{t("Median days to decision")}</th>
            <th scope="col">{t("Decided on time")}</th>
          </tr>
        </thead>
        <tbody>
          {figures.tracks.map((row) => (
            <tr key={row.track}>
              <th scope="row">{translateMessage(t, LIBRARY_TRACK_LABELS[row.track])}</th>
              <td>{row.decisions}</td>
              <td>{t("{days, number}", { days: row.medianDays })}</td>
              <td>{t("{share, number, percent} ({count})", { share: row.onTime / row.decisions, count: row.onTime })}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t("Decisions per year")}</h2>
      <table className="data-table space-below-xl">
        <thead>
          <tr>
            <th scope="col">{t("Year")}</th>
            <th scope="col">{t("Decisions")}</th>
          </tr>
        </thead>
        <tbody>
          {figures.years.map((row) => (
            <tr key={row.year}>
              <th scope="row">{row.year}</th>
              <td>{row.decisions}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t("Overturned denials")}</h2>
      <ShareTable caption={t("By diagnosis category")} heading={t("Diagnosis category")} rows={figures.categories} />
      <ShareTable caption={t("By health plan")} heading={t("Health plan")} rows={figures.plans} />
    </>
  );
}
