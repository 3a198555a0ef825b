import { Link, useSearchParams } from "react-router";

/** Previous and next links that keep the page's other query parameters (its filters). */
export function Pagination({ page, pages }: { page: number; pages: number }) {
  const [searchParams] = useSearchParams();
  if (pages <= 1) return null;
  const linkTo = (target: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("page", String(target));
    return `?${next.toString()}`;
  };
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? <Link to={linkTo(page - 1)}>Previous page</Link> : null}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? <Link to={linkTo(page + 1)}>Next page</Link> : null}
    </nav>
  );
}
