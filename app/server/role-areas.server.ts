/**
 * The guard of each role's area of the portal (/requests, /iro, /review,
 * /plan, /admin): its layout's middleware signs the person in once and lets
 * only the area's roles through, before any loader or action of the area
 * runs. Pages read the person from the context; a page of an area shared by
 * two roles (the reviewer roster and the reports, which administrators keep
 * too) narrows it to its permission.
 */
import { createContext, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { can, type Action } from "~/domain/permissions";
import type { Role } from "~/domain/roles";
import { caseAccessDenied } from "./cases/case-views.server";
import { notFound } from "./errors.server";
import { actorOf, requireUser, type SessionUser } from "./session.server";

const signedInContext = createContext<SessionUser>();

const NOT_YOURS = "You do not have permission to see this page.";

/** Who may enter each area. */
const AREA_ROLES = {
  requests: ["APPLICANT"],
  iro: ["COORDINATOR", "ADMIN"],
  review: ["REVIEWER"],
  plan: ["PLAN"],
  admin: ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

type Area = keyof typeof AREA_ROLES;

/**
 * The middleware of an area's layout: signed in (or off to the login page),
 * holding one of the area's roles. Anyone else gets 403 for the area's pages,
 * and 404 for an address that names a record (a case, a reviewer, a plan), as
 * for any record one may not see: the answer does not say whether it exists
 * (and a case asked for is logged as `access.denied`).
 */
export function areaGuard(area: Area): MiddlewareFunction<Response> {
  const roles: readonly Role[] = AREA_ROLES[area];
  return async ({ request, params, context }) => {
    const user = await requireUser(request);
    if (!user.roles.some((role) => roles.includes(role))) {
      // A case asked for outside one's roles is a refused attempt on the record, logged like any other.
      if (params.caseId !== undefined) await caseAccessDenied({ actor: actorOf(user, request), page: `${area} area` }, params.caseId);
      throw Object.keys(params).length > 0 ? notFound() : new Response(NOT_YOURS, { status: 403 });
    }
    context.set(signedInContext, user);
  };
}

/** The person the area's guard let in. */
export function signedInUser(context: Readonly<RouterContextProvider>): SessionUser {
  return context.get(signedInContext);
}

/** The person the area's guard let in, holding `action` in some scope; otherwise 403. */
export function permittedUser(context: Readonly<RouterContextProvider>, action: Action): SessionUser {
  const user = signedInUser(context);
  if (!can(user.roles, action)) throw new Response(NOT_YOURS, { status: 403 });
  return user;
}
