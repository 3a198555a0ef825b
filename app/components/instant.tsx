import { useRouteLoaderData } from "react-router";
import { formatInstant, type InstantStyle } from "~/domain/format-instant";

/** The organization's time zone, which the root loader gives every page. */
export function useOrganizationTimeZone(): string {
  const root = useRouteLoaderData("root") as { timeZone?: string } | undefined;
  return root?.timeZone ?? "UTC";
}

/** An instant, shown in the organization's time zone and machine-readable in `dateTime`. */
export function Instant({ at, style }: { at: Date | string; style?: InstantStyle }) {
  const timeZone = useOrganizationTimeZone();
  return <time dateTime={new Date(at).toISOString()}>{formatInstant(at, timeZone, style)}</time>;
}
