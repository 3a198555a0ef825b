import { useTranslation } from "react-i18next";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/index";
import { Pagination } from "~/components/pagination";
import { snippetParts } from "~/domain/casefile/search-hits";
import { LIBRARY_DISPUTE_TYPE_LABELS, LIBRARY_GENDER_LABELS, LIBRARY_OUTCOME_LABELS, LIBRARY_TRACK_LABELS } from "~/domain/publication/library-labels";
import { translateMessage } from "~/i18n/i18n";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import {
  LIBRARY_EXPORT_MAX,
  LIBRARY_MAX_PAGE,
  LIBRARY_PAGE_SIZE,
  LIBRARY_QUERY_MAX,
  libraryAddress,
  libraryQueryOf,
  type LibraryFilter,
  type LibraryQuery,
} from "~/schemas/library";
import { libraryAnswerHeaders } from "~/server/publication/library-http.server";
import { searchLibrary, type FacetValue, type LibraryHit } from "~/server/publication/library.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Published decisions"))];

/** The library's search: anyone, signed in or not; a GET form, so the address holds the whole search. */
export async function loader({ request }: Route.LoaderArgs) {
  const headers = await libraryAnswerHeaders(request, "page");
  const query = libraryQueryOf(new URL(request.url).searchParams);
  return data({ query, search: await searchLibrary(query) }, { headers });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders;

/** Each filter's heading, and how its values read. */
const FILTERS: { filter: LibraryFilter; legend: string; labels?: Record<string, string> }[] = [
  { filter: "year", legend: msg("Year") },
  { filter: "outcome", legend: msg("Outcome"), labels: LIBRARY_OUTCOME_LABELS },
  { filter: "disputeType", legend: msg("Kind of denial"), labels: LIBRARY_DISPUTE_TYPE_LABELS },
  { filter: "track", legend: msg("Review"), labels: LIBRARY_TRACK_LABELS },
  { filter: "diagnosisCategory", legend: msg("Diagnosis") },
  { filter: "treatmentCategory", legend: msg("Treatment") },
  { filter: "ageRange", legend: msg("Age range") },
  { filter: "gender", legend: msg("Gender"), labels: LIBRARY_GENDER_LABELS },
  { filter: "plan", legend: msg("Health plan") },
];

export default function Decisions({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { query, search } = loaderData;
  const pages = Math.min(LIBRARY_MAX_PAGE, Math.max(1, Math.ceil(search.total / LIBRARY_PAGE_SIZE)));
  const exportQuery = { ...query, page: 1 };
  return (
    <div className="page">
      <h1>{t("Published decisions")}</h1>
      <p className="lead">
        {t(
          "Every decision of an independent review, with what could identify the patient taken out: the reviewers' findings, the facts of the dispute, and the medical literature they cited.",
        )}
      </p>
      <p>
        <Link to="/decisions/statistics">{t("Figures from the published decisions")}</Link>
      </p>
      <Form method="get" action="/decisions" className="library" role="search" aria-label={t("Search the decisions")}>
        <div className="library__search">
          <div className="field">
            <label htmlFor="library-q">{t("Words to search for")}</label>
            <span className="hint" id="library-q-hint">
              {t('For example: proton therapy, "knee replacement", or radioterapia. Spanish words find Spanish decisions too.')}
            </span>
            <input id="library-q" type="search" name="q" defaultValue={query.q} maxLength={LIBRARY_QUERY_MAX} aria-describedby="library-q-hint" />
          </div>
          <div className="field">
            <label htmlFor="library-sort">{t("Order")}</label>
            <select id="library-sort" name="sort" defaultValue={query.sort}>
              {query.q ? <option value="relevance">{t("Best match first")}</option> : null}
              <option value="newest">{t("Newest first")}</option>
              <option value="oldest">{t("Oldest first")}</option>
            </select>
          </div>
          <div className="actions">
            <button type="submit" className="button">
              {t("Search")}
            </button>
          </div>
        </div>
        <div className="library__body">
          <div className="library__filters">
            <h2>{t("Filters")}</h2>
            {FILTERS.map(({ filter, legend, labels }) => (
              <FilterChoices key={filter} filter={filter} legend={translateMessage(t, legend)} labels={labels} query={query} values={search.facets[filter]} />
            ))}
            <div className="actions">
              <button type="submit" className="button button--secondary">
                {t("Apply the filters")}
              </button>
              <Link to="/decisions">{t("Clear the search")}</Link>
            </div>
          </div>
          <div className="library__results">
            <h2 aria-live="polite">{t("{count, plural, one {# decision} other {# decisions}}", { count: search.total })}</h2>
            {search.hits.length === 0 ? (
              <p>{t("No published decision matches this search. Try fewer words or fewer filters.")}</p>
            ) : (
              <ol className="library__hits" start={(query.page - 1) * LIBRARY_PAGE_SIZE + 1}>
                {search.hits.map((hit) => (
                  <Hit key={hit.number} hit={hit} />
                ))}
              </ol>
            )}
            <Pagination page={query.page} pages={pages} />
            <p className="space-above">
              {t("Download this whole result:")} <a href={libraryAddress(exportQuery, {}, "/decisions.csv")}>{t("CSV (spreadsheet)")}</a>
              {" · "}
              <a href={libraryAddress(exportQuery, {}, "/decisions.json")}>{t("JSON")}</a>
            </p>
            <p className="muted">
              {t(
                "The download has the columns regulators publish, with the library's number as the reference ID, and holds at most {max} decisions: narrow the search for more.",
                { max: LIBRARY_EXPORT_MAX.toLocaleString("en-US") },
              )}
            </p>
          </div>
        </div>
      </Form>
    </div>
  );
}

/** A filter's values as checkboxes with their counts; a ticked value stays even when nothing has it now, so it can be unticked. */
function FilterChoices({
  filter,
  legend,
  labels,
  query,
  values,
}: {
  filter: LibraryFilter;
  legend: string;
  labels?: Record<string, string>;
  query: LibraryQuery;
  values: FacetValue[];
}) {
  const { t } = useTranslation();
  const chosen = query.filters[filter];
  const shown = [...values, ...chosen.filter((value) => !values.some((facet) => facet.value === value)).map((value) => ({ value, label: value, count: 0 }))];
  if (shown.length === 0) return null;
  return (
    <fieldset className="field library__filter">
      <legend>{legend}</legend>
      {shown.map((facet, index) => {
        const id = `filter-${filter}-${index}`;
        const label = labels?.[facet.value] ? translateMessage(t, labels[facet.value]!) : facet.label;
        return (
          <div className="checkbox" key={facet.value}>
            <input type="checkbox" id={id} name={filter} value={facet.value} defaultChecked={chosen.includes(facet.value)} />
            <label htmlFor={id}>
              {label} <span className="muted">({facet.count.toLocaleString("en-US")})</span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

function Hit({ hit }: { hit: LibraryHit }) {
  const { t } = useTranslation();
  return (
    <li className="library__hit">
      <h3>
        <Link to={`/decisions/${hit.number}`}>
          {t("Decision {number}", { number: hit.number })}:{" "}
          {hit.diagnosisSubcategory ? `${hit.diagnosisCategory}, ${hit.diagnosisSubcategory}` : hit.diagnosisCategory}
        </Link>
      </h3>
      <p className="flush">
        <strong>{translateMessage(t, LIBRARY_OUTCOME_LABELS[hit.outcome])}</strong> · {hit.year} ·{" "}
        {translateMessage(t, LIBRARY_DISPUTE_TYPE_LABELS[hit.disputeType])} · {hit.treatmentCategory}, {hit.treatmentSubcategory}
      </p>
      <p className="search-snippet">
        {snippetParts(hit.excerpt).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
      </p>
    </li>
  );
}
