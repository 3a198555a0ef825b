import type { RouteConfigEntry } from "@react-router/dev/routes";
import routes from "~/routes";

export interface AppRoute {
  /** The full path, as app/routes.ts spells it ("iro/cases/:caseId"). */
  path: string;
  /** The route module, from app/ ("routes/iro/case.tsx"). */
  file: string;
}

/** The routes that answer a request themselves: a layout (a role's area) only wraps its pages. */
function flatten(entries: RouteConfigEntry[], parent = ""): AppRoute[] {
  return entries.flatMap((entry) => {
    const path = [parent, entry.path ?? ""].filter(Boolean).join("/");
    return entry.children?.length ? flatten(entry.children, path) : [{ path, file: entry.file }];
  });
}

/** Every page, file and API route of app/routes.ts. */
export const APP_ROUTES: readonly AppRoute[] = flatten(routes);
