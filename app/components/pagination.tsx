import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";

/** Previous and next links that keep the page's other query parameters (its filters). */
export function Pagination({ page, pages }: { page: number; pages: number }) {
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  if (pages <= 1) return null;
  const linkTo = (target: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("page", String(target));
    return `?${next.toString()}`;
  };
  return (
    <nav className="pagination" aria-label={t("Pages")}>
      {page > 1 ? <Link to={linkTo(page - 1)}>{t("Previous page")}</Link> : null}
      <span>{t("Page {page} of {pages}", { page, pages })}</span>
      {page < pages ? <Link to={linkTo(page + 1)}>{t("Next page")}</Link> : null}
    </nav>
  );
}
