import { beforeAll, describe, expect, it } from "vitest";
import { federalHolidays } from "~/domain/deadlines/holidays";
import { computeDeadline } from "~/domain/deadlines/case-deadlines";
import { addDaysToLocalDate, instantAt, localDate } from "~/domain/deadlines/time-zone";
import { INITIAL_RULE_PROFILES, type RuleSet } from "~/domain/rule-profiles";
import type { Role } from "~/domain/roles";
import * as holidaysRoute from "~/routes/admin/holidays";
import * as newVersionRoute from "~/routes/admin/rule-version-new";
import * as rulesRoute from "~/routes/admin/rules";
import * as settingsRoute from "~/routes/admin/settings";
import { ruleVersionFormValues } from "~/schemas/rules";
import { changeCase } from "~/server/cases/change-case.server";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar, organizationCalendar } from "~/server/deadlines/calendar.server";
import { ruleProfileInForce } from "~/server/deadlines/rule-profiles.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { actorFor, createCase, createPlan, createUser } from "#tests/support/factories";
import { clockStartsAt, INSTANTS } from "#tests/support/clock";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";

const NEW_YORK = "America/New_York";
const california = INITIAL_RULE_PROFILES.find((profile) => profile.code === "california")!;
const naic = INITIAL_RULE_PROFILES.find((profile) => profile.code === "naic")!;

let admin: { id: string; email: string; cookie: string };

const signedIn = async (roles: Role[]) => withSession(await createUser({ roles }));

beforeAll(async () => {
  await ensureReferenceData(); // version 1 of each profile, federal holidays, America/New_York
  forgetOrganizationCalendar();
  admin = await signedIn(["ADMIN"]);
});

const today = () => localDate(new Date(), NEW_YORK);

function versionForm(rules: RuleSet, changes: Record<string, string>) {
  return { ...ruleVersionFormValues({ rules, regulatorName: california.regulatorName, regulatorContact: california.regulatorContact }), ...changes };
}

describe("rule profile versions", () => {
  it("an admin creates the next version of a profile, in force from the start of the chosen local date", async () => {
    const draft = await call(newVersionRoute.loader as RouteFunction, request("/admin/rules/california/new", admin.cookie), { code: "california" });
    expect(draft.status).toBe(200);
    expect(draft.data).toMatchObject({ name: california.name, latest: { version: 1, rules: california.rules } });

    const effectiveDate = addDaysToLocalDate(today(), 10);
    const saved = await call(
      newVersionRoute.action as RouteFunction,
      request("/admin/rules/california/new", admin.cookie, versionForm(california.rules, { effectiveDate, "decision-standard-amount": "21" })),
      { code: "california" },
    );
    expect(saved).toMatchObject({ status: 302, location: "/admin/rules?profile=california&created=2" });

    const row = await db.ruleProfile.findUniqueOrThrow({ where: { code_version: { code: "california", version: 2 } } });
    expect(row.effectiveFrom).toEqual(instantAt(effectiveDate, 0, 0, 0, NEW_YORK));
    expect((row.rules as unknown as RuleSet).decision).toEqual({ standard: { amount: 21, unit: "calendar_days" }, expedited: { amount: 72, unit: "hours" } });
    expect(row.name).toBe(california.name);
    const version1 = await db.ruleProfile.findUniqueOrThrow({ where: { code_version: { code: "california", version: 1 } } });
    expect(version1.rules).toEqual(california.rules);

    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "rules.version_created", objectId: row.id } });
    expect(entry.actorId).toBe(admin.id);
    expect(entry.detail).toMatchObject({
      code: "california",
      version: 2,
      effectiveDate,
      changed: [{ rule: "decision", from: "Standard: 30 calendar days; expedited: 72 hours", to: "Standard: 21 calendar days; expedited: 72 hours" }],
    });

    const list = await call(rulesRoute.loader as RouteFunction, request("/admin/rules", admin.cookie));
    const profile = (list.data as unknown as Awaited<ReturnType<typeof rulesRoute.loader>>).profiles.find((p) => p.code === "california")!;
    expect(profile.versions.map((version) => [version.version, version.status])).toEqual([
      [2, "scheduled"],
      [1, "in_force"],
    ]);
    expect(profile.versions[0]?.rules.find((rule) => rule.key === "decision")?.text).toBe("Standard: 21 calendar days; expedited: 72 hours");
  });

  it("refuses an effective date in the past or not after the latest version's, keeping what was typed", async () => {
    const before = await db.ruleProfile.count({ where: { code: "california" } });
    const latest = await db.ruleProfile.findFirstOrThrow({ where: { code: "california" }, orderBy: { version: "desc" } });
    const latestDate = localDate(latest.effectiveFrom, NEW_YORK);

    const past = await call(
      newVersionRoute.action as RouteFunction,
      request(
        "/admin/rules/california/new",
        admin.cookie,
        versionForm(california.rules, { effectiveDate: addDaysToLocalDate(today(), -1), "decision-standard-amount": "25" }),
      ),
      { code: "california" },
    );
    expect(past.status).toBe(400);
    expect(past.data.fieldErrors.effectiveDate).toMatch(/^The date cannot be in the past/);
    expect(past.data.values["decision-standard-amount"]).toBe("25");

    const same = await call(
      newVersionRoute.action as RouteFunction,
      request("/admin/rules/california/new", admin.cookie, versionForm(california.rules, { effectiveDate: latestDate, "compliance-amount": "0" })),
      { code: "california" },
    );
    expect(same.status).toBe(400);
    expect(same.data.fieldErrors).toMatchObject({
      effectiveDate: expect.stringContaining(`when version ${latest.version} takes effect`),
      "compliance-amount": "Enter a whole number of 1 or more.",
    });
    expect(await db.ruleProfile.count({ where: { code: "california" } })).toBe(before);
  });

  it("a case filed before the effective date keeps its version; after it, the new version is in force", async () => {
    const coordinator = await createUser({ roles: ["COORDINATOR"] });
    const applicant = await createUser({ roles: ["APPLICANT"] });
    const filedAt = new Date();
    const inForceAtFiling = await ruleProfileInForce("naic", filedAt);
    const kase = await createCase({ applicantId: applicant.id, planId: (await createPlan()).id, status: "DRAFT", profile: "naic" });
    expect(kase.ruleProfileId).toBe(inForceAtFiling.id);
    await changeCase({
      caseId: kase.id,
      expectedVersion: 0,
      actor: { ...actorFor(applicant), roles: ["APPLICANT"] },
      action: "submit",
      event: { type: "submitted" },
      at: filedAt,
    });

    const effectiveDate = addDaysToLocalDate(today(), 5);
    const saved = await call(
      newVersionRoute.action as RouteFunction,
      request("/admin/rules/naic/new", admin.cookie, {
        ...ruleVersionFormValues(naic),
        effectiveDate,
        "decision-standard-amount": "20",
      }),
      { code: "naic" },
    );
    expect(saved.status).toBe(302);
    const effectiveFrom = instantAt(effectiveDate, 0, 0, 0, NEW_YORK);
    expect((await ruleProfileInForce("naic", new Date(effectiveFrom.getTime() - 1))).version).toBe(inForceAtFiling.version);
    const newVersion = await ruleProfileInForce("naic", new Date(effectiveFrom.getTime() + 3_600_000));
    expect(newVersion.version).toBe(inForceAtFiling.version + 1);
    expect(newVersion.rules.decision.standard).toEqual({ amount: 20, unit: "calendar_days" });

    // Accepted after the new version took effect: the decision clock still follows the version it was filed under.
    const acceptedAt = new Date(effectiveFrom.getTime() + 86_400_000);
    await changeCase({
      caseId: kase.id,
      expectedVersion: 1,
      actor: { ...actorFor(coordinator), roles: ["COORDINATOR"] },
      action: "accept",
      event: { type: "accepted" },
      at: acceptedAt,
    });
    const decision = await db.caseDeadline.findFirstOrThrow({ where: { caseId: kase.id, kind: "DECISION" } });
    const calendar = await organizationCalendar();
    expect(decision.dueAt).toEqual(computeDeadline("decision", naic.rules, "standard", "medical_necessity", acceptedAt, calendar));
    expect(decision.dueAt).not.toEqual(computeDeadline("decision", newVersion.rules, "standard", "medical_necessity", acceptedAt, calendar));
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).ruleProfileId).toBe(inForceAtFiling.id);
  });
});

describe("holidays", () => {
  // The listing defaults to the clock's year, and these tests change 2030's and 2031's holidays: run in 2026.
  clockStartsAt(INSTANTS.plainWednesday);

  // Monday 11 March 2030, 10:00 in New York; no federal holiday that week.
  const MONDAY = new Date("2030-03-11T14:00:00Z");
  const eligibilityDue = async () => computeDeadline("eligibility", naic.rules, "standard", "medical_necessity", MONDAY, await organizationCalendar());

  it("adding a holiday moves a business-day deadline, removing it moves it back", async () => {
    // 5 business days: Tue 12 … Mon 18 March, end of day EDT.
    expect((await eligibilityDue()).toISOString()).toBe("2030-03-19T03:59:59.000Z");

    const added = await call(
      holidaysRoute.action as RouteFunction,
      request("/admin/holidays", admin.cookie, { intent: "add", date: "2030-03-13", name: "Founders' Day" }),
    );
    expect(added).toMatchObject({ status: 302, location: "/admin/holidays?year=2030&added=2030-03-13" });
    expect((await eligibilityDue()).toISOString()).toBe("2030-03-20T03:59:59.000Z");
    const page = await call(holidaysRoute.loader as RouteFunction, request("/admin/holidays?year=2030&added=2030-03-13", admin.cookie));
    const listed = page.data as unknown as Awaited<ReturnType<typeof holidaysRoute.loader>>;
    expect(listed.notice).toBe("Wed 13 Mar 2030 is now a holiday.");
    expect(listed.holidays.find((holiday) => holiday.date === "2030-03-13")).toEqual({
      date: "2030-03-13",
      label: "Wed 13 Mar 2030",
      name: "Founders' Day",
      source: "ADMIN",
    });

    const removed = await call(holidaysRoute.action as RouteFunction, request("/admin/holidays", admin.cookie, { intent: "remove", date: "2030-03-13" }));
    expect(removed).toMatchObject({ status: 302, location: "/admin/holidays?year=2030&removed=2030-03-13" });
    expect((await eligibilityDue()).toISOString()).toBe("2030-03-19T03:59:59.000Z");

    const entries = await db.auditLog.findMany({ where: { objectType: "Holiday", objectId: "2030-03-13" }, orderBy: { at: "asc" } });
    expect(entries.map((entry) => [entry.action, entry.actorId, entry.detail])).toEqual([
      ["holiday.added", admin.id, { name: "Founders' Day" }],
      ["holiday.removed", admin.id, { name: "Founders' Day", source: "ADMIN" }],
    ]);
  });

  it("removes a federal holiday too, so the day counts as a business day, and can add it back", async () => {
    const removed = await call(holidaysRoute.action as RouteFunction, request("/admin/holidays", admin.cookie, { intent: "remove", date: "2031-07-04" }));
    expect(removed.status).toBe(302);
    // The rule would count it again: the removal is kept.
    expect(await db.holiday.findUnique({ where: { date: new Date("2031-07-04T00:00:00Z") } })).toMatchObject({
      source: "FEDERAL",
      removedAt: expect.any(Date),
    });
    expect((await organizationCalendar()).holidays.has("2031-07-04")).toBe(false);
    const page = await call(holidaysRoute.loader as RouteFunction, request("/admin/holidays?year=2031", admin.cookie));
    const listed = page.data as unknown as Awaited<ReturnType<typeof holidaysRoute.loader>>;
    expect(listed.holidays.map((holiday) => holiday.date)).not.toContain("2031-07-04");

    const added = await call(
      holidaysRoute.action as RouteFunction,
      request("/admin/holidays", admin.cookie, { intent: "add", date: "2031-07-04", name: "Independence Day" }),
    );
    expect(added.status).toBe(302);
    expect((await organizationCalendar()).holidays.has("2031-07-04")).toBe(true);
  });

  it("counts the federal holidays of years after 2035 by rule: 2 Jul 2036 + 5 business days is 10 Jul", async () => {
    const start = new Date("2036-07-02T14:00:00Z"); // Wed 2 Jul 2036, 10:00 EDT; Fri 4 Jul is Independence Day
    const due = computeDeadline("eligibility", naic.rules, "standard", "medical_necessity", start, await organizationCalendar());
    expect(due.toISOString()).toBe("2036-07-11T03:59:59.000Z");
    const page = await call(holidaysRoute.loader as RouteFunction, request("/admin/holidays?year=2036", admin.cookie));
    const listed = page.data as unknown as Awaited<ReturnType<typeof holidaysRoute.loader>>;
    expect(listed.holidays.find((holiday) => holiday.date === "2036-07-04")).toMatchObject({ name: "Independence Day", source: "FEDERAL" });
    expect(listed.holidays).toHaveLength(11);
  });

  it("refuses a second holiday on the same date, saying which holiday is there", async () => {
    const duplicate = await call(
      holidaysRoute.action as RouteFunction,
      request("/admin/holidays", admin.cookie, { intent: "add", date: "2030-07-04", name: "Fourth of July" }),
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.data.fieldErrors).toEqual({ date: "Thu 4 Jul 2030 is already a holiday (Independence Day)." });
    expect(duplicate.data.values.name).toBe("Fourth of July");
    expect(await db.holiday.findUnique({ where: { date: new Date("2030-07-04T00:00:00Z") } })).toBeNull();
    expect(await db.auditLog.count({ where: { action: "holiday.added", objectId: "2030-07-04" } })).toBe(0);
  });

  it("lists the current year by default and offers every year with holidays", async () => {
    const page = await call(holidaysRoute.loader as RouteFunction, request("/admin/holidays", admin.cookie));
    const listed = page.data as unknown as Awaited<ReturnType<typeof holidaysRoute.loader>>;
    expect(listed.year).toBe(Number(today().slice(0, 4)));
    expect(listed.years).toEqual(expect.arrayContaining([2024, 2035, 2036]));
    expect(listed.holidays.some((holiday) => holiday.name.startsWith("Independence Day"))).toBe(true);
  });
});

describe("the organization's time zone", () => {
  it("an admin changes it: audited, and new deadlines use it at once", async () => {
    const saved = await call(settingsRoute.action as RouteFunction, request("/admin/settings", admin.cookie, { timeZone: "America/Los_Angeles" }));
    expect(saved).toMatchObject({ status: 302, location: "/admin/settings?saved=1" });
    expect((await db.setting.findUniqueOrThrow({ where: { key: "timeZone" } })).value).toBe("America/Los_Angeles");
    expect((await organizationCalendar()).timeZone).toBe("America/Los_Angeles");
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "settings.time_zone_changed" } });
    expect(entry).toMatchObject({ actorId: admin.id, detail: { from: NEW_YORK, to: "America/Los_Angeles" } });

    const refused = await call(settingsRoute.action as RouteFunction, request("/admin/settings", admin.cookie, { timeZone: "Mars/Olympus_Mons" }));
    expect(refused.status).toBe(400);
    expect(refused.data.fieldErrors).toEqual({ timeZone: "Choose a time zone from the list." });

    await call(settingsRoute.action as RouteFunction, request("/admin/settings", admin.cookie, { timeZone: NEW_YORK }));
    expect((await organizationCalendar()).timeZone).toBe(NEW_YORK);
    expect(await db.auditLog.count({ where: { action: "settings.time_zone_changed" } })).toBe(2);
  });
});

describe("only admins manage the rules", () => {
  const pages: { path: string; loader: RouteFunction; action?: RouteFunction; params?: Record<string, string>; form?: Record<string, string> }[] = [
    { path: "/admin/rules", loader: rulesRoute.loader as RouteFunction },
    {
      path: "/admin/rules/california/new",
      loader: newVersionRoute.loader as RouteFunction,
      action: newVersionRoute.action as RouteFunction,
      params: { code: "california" },
      form: { effectiveDate: "2099-01-01" },
    },
    {
      path: "/admin/holidays",
      loader: holidaysRoute.loader as RouteFunction,
      action: holidaysRoute.action as RouteFunction,
      form: { intent: "add", date: "2099-01-02", name: "Not allowed" },
    },
    {
      path: "/admin/settings",
      loader: settingsRoute.loader as RouteFunction,
      action: settingsRoute.action as RouteFunction,
      form: { timeZone: "Europe/Paris" },
    },
  ];

  it("answers 403 to other roles, for every page and form, and 404 for an address that names a rule profile", async () => {
    for (const roles of [["COORDINATOR"], ["APPLICANT"], ["PLAN"], ["REVIEWER"]] as Role[][]) {
      const user = await signedIn(roles);
      for (const page of pages) {
        const refused = page.params ? 404 : 403;
        expect((await call(page.loader, request(page.path, user.cookie), page.params)).status, `${roles.join()} GET ${page.path}`).toBe(refused);
        if (page.action) {
          expect((await call(page.action, request(page.path, user.cookie, page.form), page.params)).status, `${roles.join()} POST ${page.path}`).toBe(refused);
        }
      }
    }
    expect(await db.holiday.findUnique({ where: { date: new Date("2099-01-02T00:00:00Z") } })).toBeNull();
    expect((await db.setting.findUniqueOrThrow({ where: { key: "timeZone" } })).value).toBe(NEW_YORK);
  });

  it("sends a signed-out visitor to the login page", async () => {
    const answer = await call(holidaysRoute.loader as RouteFunction, request("/admin/holidays", null));
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/login?redirectTo=%2Fadmin%2Fholidays");
  });

  it("answers 404 for a profile that does not exist", async () => {
    expect((await call(newVersionRoute.loader as RouteFunction, request("/admin/rules/texas/new", admin.cookie), { code: "texas" })).status).toBe(404);
  });
});

describe("holidays seeded as rows before they were computed by rule", () => {
  it("become the rule once: a federal day an admin had deleted stays a business day, the seeded rows go", async () => {
    const seeded = federalHolidays(2032).filter((holiday) => holiday.date !== "2032-07-05"); // Independence Day 2032, observed Mon 5 Jul, deleted
    await db.holiday.createMany({
      data: seeded.map((holiday) => ({ date: new Date(`${holiday.date}T00:00:00Z`), name: holiday.name, source: "FEDERAL" as const })),
    });
    await db.setting.create({ data: { key: "federalHolidaysSeeded", value: { from: 2032, to: 2032 } } });

    await ensureReferenceData();

    expect(await db.setting.findUnique({ where: { key: "federalHolidaysSeeded" } })).toBeNull();
    expect(await db.holiday.count({ where: { source: "FEDERAL", removedAt: null } })).toBe(0);
    expect(await db.holiday.findUniqueOrThrow({ where: { date: new Date("2032-07-05T00:00:00Z") } })).toMatchObject({
      source: "FEDERAL",
      removedAt: expect.any(Date),
    });
    const { holidays } = await organizationCalendar();
    expect(holidays.has("2032-07-05")).toBe(false);
    expect(holidays.has("2032-12-24")).toBe(true); // Christmas 2032 is a Saturday, observed Friday
  });
});
