import type { RouteConfigEntry } from "@react-router/dev/routes";
import routes from "~/routes";

export interface AppRoute {
  /** The full path, as app/routes.ts spells it ("iro/cases/:caseId"). */
  path: string;
  /** The route module, from app/ ("routes/iro/case.tsx"). */
  file: string;
}

function flatten(entries: RouteConfigEntry[], parent = ""): AppRoute[] {
  return entries.flatMap((entry) => {
    const path = [parent, entry.path ?? ""].filter(Boolean).join("/");
    return [{ path, file: entry.file }, ...flatten(entry.children ?? [], path)];
  });
}

/** Every route of app/routes.ts. */
export const APP_ROUTES: readonly AppRoute[] = flatten(routes);
