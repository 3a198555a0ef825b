import { Form, Link, useSearchParams } from "react-router";
import { describedByFor, FieldFrame } from "~/components/forms";
import { Badge } from "~/components/status-badge";
import { documentPageHref, type ViewerArea } from "~/domain/casefile/page-link";
import { coverageText, hiddenDuplicatesText, hitPageCount, HITS_PER_PAGE, MAX_HITS, snippetParts } from "~/domain/casefile/search-hits";
import { QUERY_SYNTAX_HINT } from "~/domain/casefile/search-query";
import type { CaseFileSearchAnswer, SearchHit } from "~/server/casefile/search-case-file.server";

type Search = NonNullable<CaseFileSearchAnswer["search"]>;
type PageHref = (documentId: string, pageNumber: number) => string;

/**
 * Search across the case file, for the reviewer's and the coordinator's case
 * pages: a GET form (it works without JavaScript), how much of the file is
 * searchable, and the hits by document and page, each opening its page.
 */
export function CaseFileSearch({ answer, area, caseId }: { answer: CaseFileSearchAnswer; area: ViewerArea; caseId: string }) {
  const pageHref = (documentId: string, pageNumber: number) => documentPageHref(area, caseId, documentId, { page: pageNumber, query: answer.query });
  return (
    <section id="case-file-search" aria-labelledby="case-file-search-heading" className="card space-below-xl">
      <h2 id="case-file-search-heading">Search the case file</h2>
      <p className="muted">{coverageText(answer.coverage)}</p>
      <SearchForm answer={answer} />
      {answer.search ? <SearchResults answer={answer} search={answer.search} pageHref={pageHref} /> : null}
    </section>
  );
}

function SearchForm({ answer }: { answer: CaseFileSearchAnswer }) {
  const id = "case-file-search-q";
  const error = answer.refused ?? undefined;
  return (
    // Keyed by the query, so the back button shows the query of the results it shows.
    <Form key={`${answer.query}|${answer.hideDuplicates}`} method="get" role="search" aria-label="The case file" className="space-below-sm">
      <FieldFrame id={id} label="Words to find in the case file's pages" hint={QUERY_SYNTAX_HINT} error={error}>
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={answer.query}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedByFor(id, QUERY_SYNTAX_HINT, error)}
        />
      </FieldFrame>
      <label className="checkbox">
        <input type="checkbox" name="duplicates" value="show" defaultChecked={!answer.hideDuplicates} />
        Include duplicate pages
      </label>
      <div className="actions">
        <button type="submit" className="button">
          Search
        </button>
      </div>
    </Form>
  );
}

function SearchResults({ answer, search, pageHref }: { answer: CaseFileSearchAnswer; search: Search; pageHref: PageHref }) {
  const [searchParams] = useSearchParams();
  const linkTo = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams);
    for (const [name, value] of Object.entries(change)) {
      if (value === null) next.delete(name);
      else next.set(name, value);
    }
    return `?${next.toString()}#case-file-search`;
  };
  const pages = hitPageCount(search.total);
  return (
    <div>
      {search.closeSpellingsOf ? (
        <p className="alert alert--warning">No exact matches; showing close spellings of &ldquo;{search.closeSpellingsOf}&rdquo;.</p>
      ) : null}
      {search.total === 0 ? (
        <>
          <p>
            <strong>No pages match &ldquo;{answer.query}&rdquo;.</strong>
          </p>
          <p className="muted">
            Check the spelling, use fewer words, or put * after the start of a word.
            {answer.coverage.stillReading > 0 ? " Some pages are still being read and cannot be searched yet." : null}
          </p>
        </>
      ) : (
        <p>
          <strong>{matchesText(search.total)}</strong>
          {pages > 1 ? `, showing ${(search.page - 1) * HITS_PER_PAGE + 1} to ${Math.min(search.total, search.page * HITS_PER_PAGE)}` : null}.
        </p>
      )}
      {search.hiddenDuplicates > 0 ? (
        <p className="muted">
          {hiddenDuplicatesText(search.hiddenDuplicates)}. <Link to={linkTo({ duplicates: "show", hits: null })}>Show them</Link>
        </p>
      ) : null}
      {search.documents.map((document) => (
        <div key={document.documentId} className="space-below-sm">
          <h3 className="break-anywhere">{document.fileName}</h3>
          <ul className="search-hits">
            {document.hits.map((hit) => (
              <HitItem key={hit.pageNumber} href={pageHref(document.documentId, hit.pageNumber)} fileName={document.fileName} hit={hit} />
            ))}
          </ul>
        </div>
      ))}
      {pages > 1 ? (
        <nav className="pagination" aria-label="Pages of search results">
          {search.page > 1 ? <Link to={linkTo({ hits: String(search.page - 1) })}>Previous results</Link> : null}
          <span>
            Results page {search.page} of {pages}
          </span>
          {search.page < pages ? <Link to={linkTo({ hits: String(search.page + 1) })}>Next results</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}

function matchesText(total: number): string {
  if (total >= MAX_HITS)
    return `${MAX_HITS.toLocaleString("en-US")} or more pages match: ${MAX_HITS.toLocaleString("en-US")} are listed. Add words to narrow the search`;
  return `${total} ${total === 1 ? "page matches" : "pages match"}`;
}

function HitItem({ href, fileName, hit }: { href: string; fileName: string; hit: SearchHit }) {
  return (
    <li>
      <Link to={href}>
        Page {hit.pageNumber}
        <span className="visually-hidden"> of {fileName}</span>
      </Link>
      {hit.duplicate ? (
        <>
          {" "}
          <Badge tone="neutral" icon="dot">
            Duplicate
          </Badge>
        </>
      ) : null}
      <p className="search-snippet">
        {snippetParts(hit.snippet).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
      </p>
    </li>
  );
}
