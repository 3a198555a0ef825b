/**
 * Each role reaches exactly the pages of its role: every role's home and list
 * pages, from app/routes.ts, opened by a signed-in person of each role and by
 * a signed-out visitor, through the route modules' loaders.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/domain/roles";
import * as account from "~/routes/account";
import * as accountSecondFactor from "~/routes/account-second-factor";
import * as adminAudit from "~/routes/admin/audit";
import * as adminHolidays from "~/routes/admin/holidays";
import * as adminRetention from "~/routes/admin/retention";
import * as adminIndex from "~/routes/admin/index";
import * as adminInviteUser from "~/routes/admin/invite-user";
import * as adminOutbox from "~/routes/admin/outbox";
import * as adminPlans from "~/routes/admin/plans";
import * as adminRules from "~/routes/admin/rules";
import * as adminSettings from "~/routes/admin/settings";
import * as adminSpecialties from "~/routes/admin/specialties";
import * as adminUsers from "~/routes/admin/users";
import * as iroIndex from "~/routes/iro/index";
import * as iroQueue from "~/routes/iro/queue";
import * as iroReports from "~/routes/iro/reports";
import * as iroTimeliness from "~/routes/iro/reports.timeliness";
import * as iroCaseLog from "~/routes/iro/reports.case-log";
import * as iroOutcomes from "~/routes/iro/reports.outcomes";
import * as iroPlanCompliance from "~/routes/iro/reports.plan-compliance";
import * as iroReviewerWorkload from "~/routes/iro/reports.reviewer-workload";
import * as iroRoster from "~/routes/iro/roster";
import * as planIndex from "~/routes/plan/index";
import * as planIntegrations from "~/routes/plan/integrations";
import * as requestsIndex from "~/routes/requests/index";
import * as requestsNew from "~/routes/requests/new";
import * as reviewIndex from "~/routes/review/index";
import * as reviewProfile from "~/routes/review/profile";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { AppError } from "~/server/errors.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { APP_ROUTES } from "#tests/support/app-routes";
import { clockStartsAt, INSTANTS } from "#tests/support/clock";
import { createPlan, createUser } from "#tests/support/factories";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";

// Dashboards, holiday lists and report ranges read today's date: the file runs on a fixed one.
clockStartsAt(INSTANTS.plainWednesday);

interface Page {
  /** The route's path in app/routes.ts. */
  route: string;
  /** The route module's file in app/routes.ts. */
  file: string;
  loader: RouteFunction;
  /** Who may open it. */
  roles: Role[];
}

const ADMIN: Role[] = ["ADMIN"];
const page = (route: string, file: string, module: { loader: RouteFunction }, roles: Role[]): Page => ({ route, file, loader: module.loader, roles });

/** Every role's home and list pages (the pages without a case or a person in their address). */
const PAGES: Page[] = [
  page("account", "routes/account.tsx", account, [...ROLES]),
  page("account/second-factor", "routes/account-second-factor.tsx", accountSecondFactor, [...ROLES]),
  page("requests", "routes/requests/index.tsx", requestsIndex, ["APPLICANT"]),
  page("requests/new", "routes/requests/new.tsx", requestsNew, ["APPLICANT"]),
  page("iro", "routes/iro/index.tsx", iroIndex, ["COORDINATOR"]),
  page("iro/queue", "routes/iro/queue.tsx", iroQueue, ["COORDINATOR"]),
  // Administrators keep the reviewer roster and read the reports as well.
  page("iro/roster", "routes/iro/roster.tsx", iroRoster, ["COORDINATOR", "ADMIN"]),
  page("iro/reports", "routes/iro/reports.tsx", iroReports, ["COORDINATOR", "ADMIN"]),
  page("iro/reports/timeliness", "routes/iro/reports.timeliness.tsx", iroTimeliness, ["COORDINATOR", "ADMIN"]),
  page("iro/reports/outcomes", "routes/iro/reports.outcomes.tsx", iroOutcomes, ["COORDINATOR", "ADMIN"]),
  page("iro/reports/reviewer-workload", "routes/iro/reports.reviewer-workload.tsx", iroReviewerWorkload, ["COORDINATOR", "ADMIN"]),
  page("iro/reports/plan-compliance", "routes/iro/reports.plan-compliance.tsx", iroPlanCompliance, ["COORDINATOR", "ADMIN"]),
  page("iro/reports/case-log", "routes/iro/reports.case-log.tsx", iroCaseLog, ["COORDINATOR", "ADMIN"]),
  page("review", "routes/review/index.tsx", reviewIndex, ["REVIEWER"]),
  page("review/profile", "routes/review/profile.tsx", reviewProfile, ["REVIEWER"]),
  page("plan", "routes/plan/index.tsx", planIndex, ["PLAN"]),
  page("plan/integrations", "routes/plan/integrations.tsx", planIntegrations, ["PLAN"]),
  page("admin", "routes/admin/index.tsx", adminIndex, ADMIN),
  page("admin/users", "routes/admin/users.tsx", adminUsers, ADMIN),
  page("admin/users/invite", "routes/admin/invite-user.tsx", adminInviteUser, ADMIN),
  page("admin/audit", "routes/admin/audit.tsx", adminAudit, ADMIN),
  page("admin/outbox", "routes/admin/outbox.tsx", adminOutbox, ADMIN),
  page("admin/plans", "routes/admin/plans.tsx", adminPlans, ADMIN),
  page("admin/rules", "routes/admin/rules.tsx", adminRules, ADMIN),
  page("admin/holidays", "routes/admin/holidays.tsx", adminHolidays, ADMIN),
  page("admin/retention", "routes/admin/retention.tsx", adminRetention, ADMIN),
  page("admin/specialties", "routes/admin/specialties.tsx", adminSpecialties, ADMIN),
  page("admin/settings", "routes/admin/settings.tsx", adminSettings, ADMIN),
];

/** The areas of the portal that belong to a role, and the account page everyone has. */
const ROLE_AREAS = ["account", "requests", "iro", "review", "plan", "admin"];

/** The role pages app/routes.ts declares: in a role's area, no parameter in the address, not a file download. */
function rolePagesOfTheApp() {
  return APP_ROUTES.filter(({ path }) => ROLE_AREAS.includes(path.split("/")[0]!) && !/[:*]/.test(path) && !path.endsWith(".csv")).sort((a, b) =>
    a.path.localeCompare(b.path),
  );
}

/**
 * What the server answers: a Response the loader returned or threw (a 403, a
 * redirect), 200 for a page's data, and 500 for an AppError let through, as
 * React Router serves an error it was not handed as a Response ("Something
 * went wrong"). Any other error fails the test as it is.
 */
async function statusOf(loader: RouteFunction, path: string, who: { cookie: string } | null, params: Record<string, string> = {}) {
  try {
    return await call(loader, request(path, who), params);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { status: 500, location: null };
  }
}

const SOMEONE: Record<Role, string> = {
  APPLICANT: "an applicant",
  COORDINATOR: "a coordinator",
  REVIEWER: "a reviewer",
  PLAN: "a health plan's user",
  ADMIN: "an administrator",
};

type Person = Awaited<ReturnType<typeof signedIn>>;
const signedIn = async (role: Role, planId: string | null = null) => withSession(await createUser({ roles: [role], planId }));

const people = {} as Record<Role, Person>;
let planId: string;

beforeAll(async () => {
  await ensureReferenceData(); // rule profiles, federal holidays and America/New_York
  forgetOrganizationCalendar();
  planId = (await createPlan()).id;
  for (const role of ROLES) people[role] = await signedIn(role, role === "PLAN" ? planId : null);
});

describe("each role reaches exactly the pages of its role", () => {
  it("covers every role page of app/routes.ts, each with its own route module", () => {
    expect(PAGES.map(({ route, file }) => ({ path: route, file })).sort((a, b) => a.path.localeCompare(b.path))).toEqual(rolePagesOfTheApp());
    // The pages the end-to-end test checked are among them.
    expect(PAGES.map((p) => p.route)).toEqual(
      expect.arrayContaining([
        "requests",
        "iro",
        "iro/reports",
        "review",
        "plan",
        "account",
        "admin",
        "admin/users",
        "admin/users/invite",
        "admin/audit",
        "admin/outbox",
        "admin/rules",
        "admin/holidays",
        "admin/settings",
      ]),
    );
    expect(new Set(PAGES.map((p) => p.loader)).size).toBe(PAGES.length);
  });

  for (const role of ROLES) {
    it(`${SOMEONE[role]} gets 200 on the pages of their role and 403 on every other`, async () => {
      const answers: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const { route, loader, roles } of PAGES) {
        const path = `/${route}`;
        answers[path] = (await statusOf(loader, path, people[role])).status;
        expected[path] = roles.includes(role) ? 200 : 403;
      }
      expect(answers).toEqual(expected);
    });
  }

  it("sends a signed-out visitor to sign in, with the page they asked for to come back to", async () => {
    const answers: Record<string, string> = {};
    for (const { route, loader } of PAGES) {
      const { status, location } = await statusOf(loader, `/${route}`, null);
      answers[`/${route}`] = `${status} ${location}`;
    }
    expect(answers).toEqual(Object.fromEntries(PAGES.map(({ route }) => [`/${route}`, `302 /login?redirectTo=${encodeURIComponent(`/${route}`)}`])));
    // The query string comes back too.
    const queued = await statusOf(iroQueue.loader as RouteFunction, "/iro/queue?page=2", null);
    expect(queued).toMatchObject({
      status: 302,
      location: `/login?redirectTo=${encodeURIComponent("/iro/queue?page=2")}`,
    });
  });

  // An address that names a record is a 404 outside its area, as any record one may not see.
  it("an administrator opens any plan's integrations at /admin/plans/:planId/integrations; for anyone else it does not exist", async () => {
    const path = `/admin/plans/${planId}/integrations`;
    const open = (who: Person | null) => statusOf(planIntegrations.loader as RouteFunction, path, who, { planId });
    const opened = await call<{ plan: { id: string } }>(planIntegrations.loader as RouteFunction, request(path, people.ADMIN), { planId });
    expect(opened.status).toBe(200);
    expect(opened.data.plan.id).toBe(planId);
    for (const role of ROLES.filter((r) => r !== "ADMIN")) {
      expect((await open(people[role])).status, role).toBe(404);
    }
    expect(await open(null)).toMatchObject({ status: 302, location: `/login?redirectTo=${encodeURIComponent(path)}` });
  });
});
