import { useRouteLoaderData } from "react-router";
import { formatInstant, formatTableInstant, type InstantStyle } from "~/domain/format-instant";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";

interface RootClock {
  timeZone?: string;
  now?: string;
  locale?: Locale;
}

/** The page's language, which the root loader gives every page (app/server/i18n/locale.server.ts). */
export function usePageLocale(): Locale {
  const root = useRouteLoaderData("root") as RootClock | undefined;
  return root?.locale ?? DEFAULT_LOCALE;
}

/** The organization's time zone, which the root loader gives every page. */
export function useOrganizationTimeZone(): string {
  const root = useRouteLoaderData("root") as RootClock | undefined;
  return root?.timeZone ?? "UTC";
}

/** The instant of the page's request, from the root loader: what a page compares with, so the server and the browser render the same. */
export function useRequestInstant(): Date {
  const root = useRouteLoaderData("root") as RootClock | undefined;
  return new Date(root?.now ?? 0);
}

/**
 * An instant, shown in the organization's time zone and machine-readable in
 * `dateTime`. In a table (`style="table"`) it is short, without the year
 * within the year of the page's request, and in full (year, zone) in its
 * title; a log's (`"tableSeconds"`) title has the seconds too.
 */
export function Instant({ at, style }: { at: Date | string; style?: InstantStyle | "table" | "tableSeconds" }) {
  const root = useRouteLoaderData("root") as RootClock | undefined;
  const timeZone = root?.timeZone ?? "UTC";
  const dateTime = new Date(at).toISOString();
  if (style === "table" || style === "tableSeconds") {
    const { text, title } = formatTableInstant(at, timeZone, root?.now ?? at, style === "table" ? "minute" : "second", root?.locale);
    return (
      <time dateTime={dateTime} title={title}>
        {text}
      </time>
    );
  }
  return <time dateTime={dateTime}>{formatInstant(at, timeZone, style, root?.locale)}</time>;
}
