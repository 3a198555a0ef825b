import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import type { Route } from "./+types/decision";
import { LIBRARY_DISPUTE_TYPE_LABELS, LIBRARY_GENDER_LABELS, LIBRARY_OUTCOME_LABELS, LIBRARY_TRACK_LABELS } from "~/domain/publication/library-labels";
import { translateMessage } from "~/i18n/i18n";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import { libraryNumberSchema } from "~/schemas/library";
import { toResponse, notFound } from "~/server/errors.server";
import { libraryAnswerHeaders } from "~/server/publication/library-http.server";
import { libraryDecision, type SimilarDecision } from "~/server/publication/library.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Published decision"))];

/** One published decision; any other number (unknown, or not published yet) is not found. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const headers = await libraryAnswerHeaders(request, "page");
  const number = libraryNumberSchema.safeParse(params.number);
  const decision = number.success ? await libraryDecision(number.data) : null;
  if (!decision) throw toResponse(notFound("This decision"));
  return data({ decision }, { headers });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders;

const diagnosisOf = (decision: SimilarDecision) =>
  decision.diagnosisSubcategory ? `${decision.diagnosisCategory}, ${decision.diagnosisSubcategory}` : decision.diagnosisCategory;

export default function Decision({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { decision } = loaderData;
  const notRecorded = t("Not recorded");
  return (
    <div className="page narrow">
      <p>
        <Link to="/decisions">{t("All published decisions")}</Link>
      </p>
      <h1>{t("Decision {number}", { number: decision.number })}</h1>
      <p className="lead">
        <strong>{translateMessage(t, LIBRARY_OUTCOME_LABELS[decision.outcome])}</strong>
      </p>
      <h2>{t("The facts")}</h2>
      <dl className="summary">
        <dt>{t("Year of the decision")}</dt>
        <dd>{decision.year}</dd>
        <dt>{t("Diagnosis")}</dt>
        <dd>{diagnosisOf(decision)}</dd>
        <dt>{t("Treatment")}</dt>
        <dd>{`${decision.treatmentCategory}, ${decision.treatmentSubcategory}`}</dd>
        <dt>{t("Kind of denial")}</dt>
        <dd>{translateMessage(t, LIBRARY_DISPUTE_TYPE_LABELS[decision.disputeType])}</dd>
        <dt>{t("Review")}</dt>
        <dd>{translateMessage(t, LIBRARY_TRACK_LABELS[decision.track])}</dd>
        <dt>{t("Age range")}</dt>
        <dd>{decision.ageRange ?? notRecorded}</dd>
        <dt>{t("Gender")}</dt>
        <dd>{decision.gender && LIBRARY_GENDER_LABELS[decision.gender] ? translateMessage(t, LIBRARY_GENDER_LABELS[decision.gender]!) : notRecorded}</dd>
        <dt>{t("Health plan")}</dt>
        <dd>{decision.plan ?? notRecorded}</dd>
        <dt>{t("Days from the request to the decision")}</dt>
        <dd>
          {decision.daysToDecision} {decision.decidedOnTime ? t("(on time)") : t("(late)")}
        </dd>
      </dl>
      <h2>{t("The reviewers' findings")}</h2>
      <p className="multiline">{decision.findings}</p>
      <h2>{t("Literature cited")}</h2>
      {decision.literature.length === 0 ? (
        <p>{t("The reviewers cited no published literature.")}</p>
      ) : (
        <ul>
          {decision.literature.map((citation, index) => (
            <li key={index}>
              {citation.url ? (
                <a href={citation.url} rel="noreferrer">
                  {citation.title}
                </a>
              ) : (
                citation.title
              )}
              {[citation.source, citation.year].filter(Boolean).length ? ` (${[citation.source, citation.year].filter(Boolean).join(", ")})` : null}
            </li>
          ))}
        </ul>
      )}
      <h2>{t("Similar decisions")}</h2>
      {decision.similar.length === 0 ? (
        <p>{t("No other published decision has the same diagnosis and treatment categories yet.")}</p>
      ) : (
        <ul>
          {decision.similar.map((similar) => (
            <li key={similar.number}>
              <Link to={`/decisions/${similar.number}`}>{t("Decision {number}", { number: similar.number })}</Link>:{" "}
              {translateMessage(t, LIBRARY_OUTCOME_LABELS[similar.outcome])}, {similar.year}. {diagnosisOf(similar)};{" "}
              {`${similar.treatmentCategory}, ${similar.treatmentSubcategory}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
