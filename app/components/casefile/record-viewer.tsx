import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Link, useFetcher } from "react-router";
import type { PDFDocumentProxy, RenderTask } from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";
import { describedByFor, FieldFrame } from "~/components/forms";
import { documentPageHref, documentTextHref, type ViewerArea } from "~/domain/casefile/page-link";
import {
  highlightTerms,
  pageLabel,
  PAGE_MARK_LIMITS,
  pageTextBlock,
  unreadPages,
  type PageText,
  type PageTextBlock,
  type ViewerKind,
} from "~/domain/casefile/page-marks";

export interface ViewerMark {
  pageNumber: number;
  readAt: Date | string | null;
  bookmarkedAt: Date | string | null;
  note: string | null;
}

export interface RecordViewerProps {
  area: ViewerArea;
  caseId: string;
  document: { id: string; fileName: string; view: ViewerKind; pageCount: number | null };
  page: number;
  /** Terms to highlight (`?q=`). */
  terms: string;
  /** The text of the block of pages holding `page` (pageTextBlock); the viewer fetches other blocks as pages are turned. */
  pages: readonly PageText[];
  /** The reviewer's own marks; null where nobody marks (the coordinator). */
  marks: readonly ViewerMark[] | null;
  markable: boolean;
}

const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
/** How long a page stays on screen before it counts as read. */
const READ_AFTER_MS = 1_500;

function termPattern(terms: readonly string[]): RegExp | null {
  if (!terms.length) return null;
  return new RegExp(`(${terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "gi");
}

/** The text with every term found wrapped in <mark>. */
function Highlighted({ text, pattern }: { text: string; pattern: RegExp | null }) {
  if (!pattern) return <>{text}</>;
  return <>{text.split(pattern).map((part, index) => (index % 2 === 1 ? <mark key={index}>{part}</mark> : part))}</>;
}

/**
 * The viewer for the records of a case: pdf.js draws a PDF's pages in the
 * page (its worker served from the portal itself), an image is one page,
 * other documents show their text layer. Without JavaScript it is a link to
 * the document and the page's text.
 */
export function RecordViewer(props: RecordViewerProps) {
  const { document } = props;
  const source = `/documents/${document.id}?inline=1`;
  const [drawn, setDrawn] = useState(false);
  useEffect(() => setDrawn(document.view !== "text"), [document.view]);
  const [pageCount, setPageCount] = useState<number | null>(document.view === "image" ? 1 : document.pageCount);
  const [page, setPage] = useState(props.page);
  // A link to another page of the same document (its text's next block, a search hit) opens that page.
  useEffect(() => setPage(props.page), [props.page]);
  const pattern = useMemo(() => termPattern(highlightTerms(props.terms)), [props.terms]);
  const [marks, setMarks] = useState(props.marks);
  const markAt = marks?.find((mark) => mark.pageNumber === page) ?? null;
  const pageText = usePageText(props, page, pageCount);

  return (
    <div className="record-viewer">
      <p className="actions flush-top">
        <a href={source} target="_blank" rel="noopener">
          Open the document in a new tab
        </a>
        <a href={`/documents/${document.id}`}>Download</a>
      </p>
      {drawn && document.view === "pdf" ? (
        <PdfPages source={source} page={page} setPage={setPage} pageCount={pageCount} setPageCount={setPageCount} pattern={pattern} marks={marks} />
      ) : null}
      {drawn && document.view === "image" ? <ImagePage source={source} fileName={document.fileName} /> : null}
      {document.view === "text" ? (
        <p>This kind of document cannot be drawn in the browser: its text is below, page by page, and the download has the original.</p>
      ) : null}
      {marks && props.markable ? <PageMarks page={page} mark={markAt} onMarks={setMarks} drawn={drawn} /> : null}
      {document.view === "text" ? (
        <TextPages {...props} pageCount={pageCount} pattern={pattern} />
      ) : (
        <details className="page-text" open={!drawn}>
          <summary>Page text ({pageLabel(page, pageCount)})</summary>
          {pageText === undefined ? (
            <p className="muted">Fetching the text of this page…</p>
          ) : pageText === null ? (
            <p className="muted">The text of this page is not read yet.</p>
          ) : (
            <p className="verbatim">
              <Highlighted text={pageText} pattern={pattern} />
            </p>
          )}
        </details>
      )}
    </div>
  );
}

/**
 * The text of the page in view: from the block the page came with, else
 * fetched a block (twenty pages) at a time as pages are turned. Undefined
 * while its block is on its way; null for a page not read yet.
 */
function usePageText(props: RecordViewerProps, page: number, pageCount: number | null): string | null | undefined {
  const { area, caseId, document } = props;
  const [blocks, setBlocks] = useState<ReadonlyMap<number, ReadonlyMap<number, string>>>(() => {
    const opened = pageTextBlock(props.page, props.document.pageCount);
    return new Map([[opened.from, new Map(props.pages.map((entry) => [entry.pageNumber, entry.text]))]]);
  });
  const fetcher = useFetcher<PageTextBlock>();
  const from = pageTextBlock(page, pageCount).from;
  const load = fetcher.load;
  const idle = fetcher.state === "idle";
  useEffect(() => {
    // A document the browser cannot draw shows its block's pages whole (TextPages), each block a page of its own.
    if (document.view !== "text" && !blocks.has(from) && idle) void load(documentTextHref(area, caseId, document.id, page));
  }, [blocks, from, idle, load, area, caseId, document.id, document.view, page]);
  useEffect(() => {
    const block = fetcher.data;
    if (block) setBlocks((known) => new Map([...known, [block.from, new Map(block.pages.map((entry) => [entry.pageNumber, entry.text]))]]));
  }, [fetcher.data]);
  const block = blocks.get(from);
  return block ? (block.get(page) ?? null) : undefined;
}

/** A document the browser cannot draw: the text of its pages, a block of twenty at a time, with links to the blocks before and after. */
function TextPages(props: RecordViewerProps & { pageCount: number | null; pattern: RegExp | null }) {
  const { area, caseId, document, pageCount, pattern, terms } = props;
  const block = pageTextBlock(props.page, pageCount);
  const at = (page: number) => documentPageHref(area, caseId, document.id, { page, query: terms });
  const more = pageCount !== null && pageCount > block.to - block.from + 1;
  return (
    <>
      {props.pages.length ? (
        props.pages.map((entry) => (
          <section key={entry.pageNumber} aria-labelledby={`page-text-${entry.pageNumber}`} className="card space-below-sm">
            <h2 id={`page-text-${entry.pageNumber}`}>{pageLabel(entry.pageNumber, pageCount)}</h2>
            <p className="verbatim flush-bottom">
              <Highlighted text={entry.text} pattern={pattern} />
            </p>
          </section>
        ))
      ) : (
        <p className="muted">The text of {block.from === 1 ? "the document" : "these pages"} is not read yet.</p>
      )}
      {more ? (
        <nav className="pagination" aria-label="Pages of the document">
          {block.from > 1 ? <Link to={at(block.from - 1)}>Earlier pages</Link> : null}
          <span>
            Pages {block.from} to {block.to} of {pageCount}
          </span>
          {block.to < pageCount ? <Link to={at(block.to + 1)}>Later pages</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

/** The reviewer's marks on the page in view: read (and "Mark unread"), a bookmark with a note. */
function PageMarks({ page, mark, onMarks, drawn }: { page: number; mark: ViewerMark | null; onMarks: (marks: ViewerMark[]) => void; drawn: boolean }) {
  const reading = useFetcher<{ marks?: ViewerMark[] }>({ key: "page-read" });
  const marking = useFetcher<{ marks?: ViewerMark[]; fieldErrors?: Record<string, string> }>();
  const read = mark?.readAt != null;
  useEffect(() => {
    if (reading.data?.marks) onMarks(reading.data.marks);
  }, [reading.data, onMarks]);
  useEffect(() => {
    if (marking.data?.marks) onMarks(marking.data.marks);
  }, [marking.data, onMarks]);
  // A page counts as read once it has been on screen a moment; turning past it does not.
  // After "Mark unread" it stays unread while the reviewer is still on it.
  const submitRead = reading.submit;
  const leftUnread = useRef<number | null>(null);
  useEffect(() => {
    if (leftUnread.current !== null && leftUnread.current !== page) leftUnread.current = null;
    if (!drawn || read || leftUnread.current === page) return;
    const timer = window.setTimeout(() => void submitRead({ intent: "read", pageNumber: String(page) }, { method: "post" }), READ_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [drawn, read, page, submitRead]);
  const noteError = marking.data?.fieldErrors?.note ?? marking.data?.fieldErrors?.pageNumber;
  const noteId = `bookmark-note-${page}`;
  return (
    <section className="card space-below-sm" aria-labelledby="page-marks-heading">
      <h2 id="page-marks-heading">Your marks on page {page}</h2>
      <p role="status">
        {read ? "You have read this page." : "Not read yet."} {mark?.bookmarkedAt ? "Bookmarked." : null}
      </p>
      {read ? (
        <marking.Form method="post" className="space-below-sm" onSubmit={() => (leftUnread.current = page)}>
          <input type="hidden" name="intent" value="unread" />
          <input type="hidden" name="pageNumber" value={page} />
          <button type="submit" className="button button--secondary">
            Mark unread
          </button>
        </marking.Form>
      ) : null}
      <marking.Form method="post" key={`${page}-${mark?.bookmarkedAt ? String(mark.bookmarkedAt) : "none"}`} noValidate>
        <input type="hidden" name="pageNumber" value={page} />
        <FieldFrame
          id={noteId}
          label={`Bookmark note for page ${page}`}
          hint={`Optional, at most ${PAGE_MARK_LIMITS.note.toLocaleString("en-US")} characters.`}
          error={noteError}
        >
          <textarea
            id={noteId}
            name="note"
            rows={3}
            defaultValue={mark?.note ?? ""}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={describedByFor(noteId, "hint", noteError)}
          />
        </FieldFrame>
        <div className="actions">
          <button type="submit" name="intent" value="bookmark" className="button">
            {mark?.bookmarkedAt ? "Save the note" : "Bookmark this page"}
          </button>
          {mark?.bookmarkedAt ? (
            <button type="submit" name="intent" value="removeBookmark" className="button button--secondary">
              Remove the bookmark
            </button>
          ) : null}
        </div>
      </marking.Form>
    </section>
  );
}

type Pdfjs = typeof import("pdfjs-dist");

async function loadPdfjs(): Promise<Pdfjs> {
  const pdfjs = await import("pdfjs-dist");
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  return pdfjs;
}

function Toolbar({ children }: { children: ReactNode }) {
  return (
    <div role="toolbar" aria-label="Pages and zoom" className="record-viewer__toolbar">
      {children}
    </div>
  );
}

/** The PDF, page by page: thumbnails, the page in view with its text layer, and the controls. */
function PdfPages(props: {
  source: string;
  page: number;
  setPage: (page: number) => void;
  pageCount: number | null;
  setPageCount: (count: number) => void;
  pattern: RegExp | null;
  marks: readonly ViewerMark[] | null;
}) {
  const { source, page, setPage, pageCount, setPageCount, pattern, marks } = props;
  const [pdf, setPdf] = useState<{ pdfjs: Pdfjs; document: PDFDocumentProxy } | null>(null);
  const [failed, setFailed] = useState(false);
  const [zoom, setZoom] = useState<number | "width">("width");
  const [rotation, setRotation] = useState(0);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [jumpTo, setJumpTo] = useState(String(page));
  const [shownScale, setShownScale] = useState(1);
  const stage = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const textLayer = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    let opened: PDFDocumentProxy | null = null;
    loadPdfjs()
      .then(async (pdfjs) => {
        const document = await pdfjs.getDocument({ url: source, isEvalSupported: false }).promise;
        opened = document;
        if (cancelled) return void document.destroy();
        setPageCount(document.numPages);
        setPdf({ pdfjs, document });
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [source, setPageCount]);

  const count = pdf?.document.numPages ?? pageCount ?? 1;
  const go = useCallback((target: number) => setPage(Math.min(Math.max(1, target), count)), [count, setPage]);
  useEffect(() => setJumpTo(String(page)), [page]);
  useEffect(() => {
    // The address follows the page, so a reload or a shared link opens it again; not a navigation (nothing is read again).
    const url = new URL(window.location.href);
    url.searchParams.set("page", String(page));
    window.history.replaceState(window.history.state, "", url);
  }, [page]);

  const zoomBy = useCallback(
    (direction: 1 | -1) =>
      setZoom((current) => {
        const now = current === "width" ? shownScale : current;
        const next = direction > 0 ? ZOOM_STEPS.find((step) => step > now + 0.01) : [...ZOOM_STEPS].reverse().find((step) => step < now - 0.01);
        return next ?? now;
      }),
    [shownScale],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable]") || event.altKey || event.ctrlKey || event.metaKey) return;
      const keys: Record<string, () => void> = {
        PageDown: () => go(page + 1),
        ArrowRight: () => go(page + 1),
        ArrowDown: () => go(page + 1),
        PageUp: () => go(page - 1),
        ArrowLeft: () => go(page - 1),
        ArrowUp: () => go(page - 1),
        Home: () => go(1),
        End: () => go(count),
        "+": () => zoomBy(1),
        "=": () => zoomBy(1),
        "-": () => zoomBy(-1),
      };
      const act = keys[event.key];
      if (!act) return;
      event.preventDefault();
      act();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go, page, count, zoomBy]);

  useEffect(() => {
    if (!pdf || !canvas.current || !textLayer.current || !stage.current) return;
    let task: RenderTask | null = null;
    let cancelled = false;
    const surface = canvas.current;
    const layer = textLayer.current;
    const width = stage.current.clientWidth;
    void pdf.document.getPage(page).then(async (pdfPage) => {
      if (cancelled) return;
      const natural = pdfPage.getViewport({ scale: 1, rotation: (pdfPage.rotate + rotation) % 360 });
      const scale = zoom === "width" ? Math.max(0.25, (width - 2) / natural.width) : zoom;
      setShownScale(scale);
      const viewport = pdfPage.getViewport({ scale, rotation: (pdfPage.rotate + rotation) % 360 });
      const ratio = window.devicePixelRatio || 1;
      surface.width = Math.floor(viewport.width * ratio);
      surface.height = Math.floor(viewport.height * ratio);
      surface.style.width = `${Math.floor(viewport.width)}px`;
      surface.style.height = `${Math.floor(viewport.height)}px`;
      task = pdfPage.render({ canvas: surface, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      try {
        await task.promise;
      } catch {
        return;
      }
      if (cancelled) return;
      layer.replaceChildren();
      layer.style.setProperty("--total-scale-factor", String(scale));
      layer.style.setProperty("--scale-factor", String(scale));
      const text = new pdf.pdfjs.TextLayer({ textContentSource: pdfPage.streamTextContent(), container: layer, viewport });
      await text.render();
      if (cancelled || !pattern) return;
      for (const span of text.textDivs) markMatches(span, pattern);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, page, zoom, rotation, pattern]);

  if (failed) return <p className="alert alert--warning">The document could not be drawn here. Open it in a new tab or download it.</p>;

  const unread = marks ? new Set(unreadPages(count, marks)) : null;
  const read = (number: number) => unread !== null && !unread.has(number);
  const bookmarked = new Set((marks ?? []).filter((mark) => mark.bookmarkedAt).map((mark) => mark.pageNumber));
  const thumbnails = Array.from({ length: count }, (_, index) => index + 1).filter((number) => !unreadOnly || !read(number));

  function jump(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const number = Number(jumpTo);
    if (Number.isInteger(number)) go(number);
  }

  return (
    <div className="record-viewer__body">
      <nav aria-label="Pages" className="record-viewer__thumbnails">
        {marks ? (
          <label className="record-viewer__filter">
            <input type="checkbox" checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} /> Unread pages only
          </label>
        ) : null}
        <ol className="record-viewer__list">
          {thumbnails.map((number) => (
            <li key={number}>
              <button
                type="button"
                className={`record-viewer__thumbnail${number === page ? " record-viewer__thumbnail--current" : ""}`}
                aria-current={number === page ? "page" : undefined}
                onClick={() => go(number)}
              >
                {pdf ? <Thumbnail document={pdf.document} number={number} /> : null}
                <span>
                  Page {number}
                  {read(number) ? (
                    <>
                      {" "}
                      <span className="badge">Read</span>
                    </>
                  ) : null}
                  {bookmarked.has(number) ? (
                    <>
                      {" "}
                      <span className="badge badge--info">Bookmarked</span>
                    </>
                  ) : null}
                </span>
              </button>
            </li>
          ))}
        </ol>
        {unreadOnly && thumbnails.length === 0 ? <p className="muted">You have read every page.</p> : null}
      </nav>
      <div className="record-viewer__main">
        <Toolbar>
          <button type="button" className="button button--secondary" onClick={() => go(page - 1)} disabled={page <= 1}>
            Previous page
          </button>
          <button type="button" className="button button--secondary" onClick={() => go(page + 1)} disabled={page >= count}>
            Next page
          </button>
          <form onSubmit={jump} className="record-viewer__jump" method="get">
            <label htmlFor="jump-to-page">Page</label>
            <input id="jump-to-page" name="page" inputMode="numeric" size={4} value={jumpTo} onChange={(event) => setJumpTo(event.target.value)} />
            <span>of {count}</span>
            <button type="submit" className="button button--secondary">
              Go
            </button>
          </form>
          <button type="button" className="button button--secondary" onClick={() => zoomBy(-1)} aria-label="Zoom out">
            −
          </button>
          <span aria-live="polite">{Math.round(shownScale * 100)}%</span>
          <button type="button" className="button button--secondary" onClick={() => zoomBy(1)} aria-label="Zoom in">
            +
          </button>
          <button type="button" className="button button--secondary" onClick={() => setZoom("width")} aria-pressed={zoom === "width"}>
            Fit to width
          </button>
          <button type="button" className="button button--secondary" onClick={() => setRotation((current) => (current + 90) % 360)}>
            Rotate 90°
          </button>
        </Toolbar>
        <p className="visually-hidden" aria-live="polite">
          {pageLabel(page, count)}
        </p>
        {/* Focusable, so a zoomed page scrolls with the keyboard too (a scrollable region must take focus). */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <div className="record-viewer__stage" ref={stage} role="region" aria-label="The page in view" tabIndex={0}>
          <div className="record-viewer__page">
            <canvas ref={canvas} role="img" aria-label={pageLabel(page, count)} data-rotation={rotation} />
            <div ref={textLayer} className="textLayer" aria-hidden="true" />
          </div>
        </div>
      </div>
    </div>
  );
}

/** Wraps each match of `pattern` in a text-layer span in <mark>, keeping the span's own text. */
function markMatches(span: HTMLElement, pattern: RegExp) {
  const text = span.textContent ?? "";
  const parts = text.split(pattern);
  if (parts.length < 2) return;
  span.replaceChildren(
    ...parts.map((part, index) => {
      if (index % 2 === 0) return globalThis.document.createTextNode(part);
      const mark = globalThis.document.createElement("mark");
      mark.className = "highlight";
      mark.textContent = part;
      return mark;
    }),
  );
}

/** A page's thumbnail, drawn only once it scrolls into view. */
function Thumbnail({ document, number }: { document: PDFDocumentProxy; number: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const surface = canvas.current;
    if (!surface) return;
    let task: RenderTask | null = null;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      void document.getPage(number).then((pdfPage) => {
        const natural = pdfPage.getViewport({ scale: 1 });
        const viewport = pdfPage.getViewport({ scale: 96 / natural.width });
        surface.width = Math.floor(viewport.width);
        surface.height = Math.floor(viewport.height);
        task = pdfPage.render({ canvas: surface, viewport });
        task.promise.catch(() => undefined);
      });
    });
    observer.observe(surface);
    return () => {
      observer.disconnect();
      task?.cancel();
    };
  }, [document, number]);
  return <canvas ref={canvas} width={96} height={124} aria-hidden="true" className="record-viewer__thumbnail-canvas" />;
}

/** An image is one page: zoom and rotate. */
function ImagePage({ source, fileName }: { source: string; fileName: string }) {
  const [zoom, setZoom] = useState(1);
  const [rotation, setRotation] = useState(0);
  const zoomBy = (direction: 1 | -1) =>
    setZoom((now) => (direction > 0 ? ZOOM_STEPS.find((step) => step > now + 0.01) : [...ZOOM_STEPS].reverse().find((step) => step < now - 0.01)) ?? now);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.target as HTMLElement | null)?.closest("input, textarea, select")) return;
      if (event.key === "+" || event.key === "=") zoomBy(1);
      else if (event.key === "-") zoomBy(-1);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <div className="record-viewer__main">
      <Toolbar>
        <button type="button" className="button button--secondary" onClick={() => zoomBy(-1)} aria-label="Zoom out">
          −
        </button>
        <span aria-live="polite">{Math.round(zoom * 100)}%</span>
        <button type="button" className="button button--secondary" onClick={() => zoomBy(1)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="button button--secondary" onClick={() => setZoom(1)}>
          Fit to width
        </button>
        <button type="button" className="button button--secondary" onClick={() => setRotation((current) => (current + 90) % 360)}>
          Rotate 90°
        </button>
      </Toolbar>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must take focus */}
      <div className="record-viewer__stage" role="region" aria-label="The image in view" tabIndex={0}>
        <img
          src={source}
          alt={`${fileName}, page 1 of 1`}
          className="record-viewer__image"
          style={{ width: `${zoom * 100}%`, transform: rotation ? `rotate(${rotation}deg)` : undefined }}
        />
      </div>
    </div>
  );
}
