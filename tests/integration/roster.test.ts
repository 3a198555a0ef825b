import { beforeAll, describe, expect, it } from "vitest";
import { addDaysToLocalDate, localDate } from "~/domain/deadlines/time-zone";
import type { Role } from "~/domain/roles";
import { addYearsToLocalDate } from "~/domain/roster";
import * as specialtiesRoute from "~/routes/admin/specialties";
import * as rosterRoute from "~/routes/iro/roster";
import * as editorRoute from "~/routes/iro/roster.reviewer";
import * as profileRoute from "~/routes/review/profile";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { reviewersDueForReverification } from "~/server/reviewers/reverification.server";
import * as dashboardRoute from "~/routes/iro/index";
import { ensureSpecialties } from "~/server/reviewers/specialties.server";
import { createAssignment, createCase, createPlan, createUser } from "#tests/support/factories";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";

const NEW_YORK = "America/New_York";
const today = () => localDate(new Date(), NEW_YORK);
const dateColumn = (date: string) => new Date(`${date}T00:00:00Z`);

async function signedIn(roles: Role[], options: { planId?: string } = {}) {
  return withSession(await createUser({ roles, planId: options.planId ?? null, name: `Test ${roles.join(" ")}` }));
}
type SignedIn = Awaited<ReturnType<typeof signedIn>>;

type EditorPage = Awaited<ReturnType<typeof editorRoute.loader>>;
type RosterPage = Awaited<ReturnType<typeof rosterRoute.loader>>;

async function createReviewer(name: string, profile: { verifiedOn?: string | null; capacity?: number } = {}) {
  const user = await createUser({ roles: ["REVIEWER"], name });
  await db.reviewerProfile.create({
    data: {
      userId: user.id,
      primarySpecialty: "Cardiovascular disease",
      credentials: "MD",
      yearsInPractice: 12,
      capacity: profile.capacity ?? 3,
      credentialsVerifiedOn: profile.verifiedOn ? dateColumn(profile.verifiedOn) : null,
    },
  });
  return user;
}

let coordinator: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  await ensureReferenceData();
  forgetOrganizationCalendar();
  await ensureSpecialties();
  coordinator = await signedIn(["COORDINATOR"]);
  admin = await signedIn(["ADMIN"]);
});

describe("credentials due for re-verification", () => {
  it("lists reviewers never verified, overdue or due within 30 days, most pressing first, and the roster's filter agrees", async () => {
    // Verified three years before the day it falls due, counted back from that day (a 29 February may move it a day earlier).
    const verifiedToFallDueIn = (days: number) => addYearsToLocalDate(addDaysToLocalDate(today(), days), -3);
    const dueSoon = await createReviewer("Dr. Due Soon", { verifiedOn: verifiedToFallDueIn(10) });
    const overdue = await createReviewer("Dr. Overdue", { verifiedOn: verifiedToFallDueIn(-5) });
    const never = await createReviewer("Dr. Never Verified", { verifiedOn: null });
    const fine = await createReviewer("Dr. Recently Verified", { verifiedOn: verifiedToFallDueIn(40) });
    const disabled = await createReviewer("Dr. Disabled", { verifiedOn: verifiedToFallDueIn(-50) });
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });

    const { reviewers, total } = await reviewersDueForReverification(new Date());
    expect(reviewers.map((reviewer) => reviewer.id)).toEqual([never.id, overdue.id, dueSoon.id]);
    expect(total).toBe(3);
    expect(reviewers[0]).toMatchObject({ due: "Credentials never verified", overdue: true });
    expect(reviewers[1]?.due).toMatch(/^Credentials re-verification overdue since /);
    expect(reviewers[2]).toMatchObject({ overdue: false });
    expect(reviewers[2]?.due).toMatch(/^Credentials to re-verify by /);

    const filtered = await call(rosterRoute.loader as RouteFunction, request("/iro/roster?flag=reverification", coordinator.cookie));
    const ids = (filtered.data as unknown as RosterPage).reviewers.map((reviewer) => reviewer.id);
    expect(ids.sort()).toEqual([never.id, overdue.id, dueSoon.id].sort());
    expect(ids).not.toContain(fine.id);

    // The coordinators' home shows the same panel, read in the dashboard's own statement.
    const panel = { reviewers, total };
    const home = await call<{ reverification: typeof panel }>(dashboardRoute.loader as RouteFunction, request("/iro", coordinator.cookie));
    expect(home.data.reverification).toEqual(panel);
  });
});

describe("an administrator edits a reviewer's profile", () => {
  it("adds specialties, a certification, a license, practice details, capacity and an affiliation, each audited with before and after", async () => {
    const reviewer = await createReviewer("Dr. Edited");
    const plan = await createPlan();
    const path = `/iro/roster/${reviewer.id}`;
    const post = (form: Record<string, string>) => call(editorRoute.action as RouteFunction, request(path, admin.cookie, form), { reviewerId: reviewer.id });

    expect(await post({ intent: "add-specialty", specialtyCode: "interventional-cardiology" })).toMatchObject({ status: 302 });
    expect(await post({ intent: "add-specialty", specialtyCode: "cardiovascular-disease" })).toMatchObject({ status: 302 });
    const primary = await post({ intent: "make-primary", specialtyCode: "cardiovascular-disease" });
    expect(primary.location).toMatch(new RegExp(`^${path}\\?done=make-primary&at=\\d+$`));
    expect(
      await post({
        intent: "add-certification",
        certificationSpecialtyCode: "cardiovascular-disease",
        board: "",
        certifiedOn: "2010-07-01",
        certificationExpiresOn: addDaysToLocalDate(today(), 400),
      }),
    ).toMatchObject({ status: 302 });
    const licenseExpiry = addDaysToLocalDate(today(), 10);
    expect(await post({ intent: "add-license", state: "CA", number: "A123456", licenseExpiresOn: licenseExpiry, status: "ACTIVE" })).toMatchObject({
      status: 302,
    });
    const verifiedOn = addDaysToLocalDate(today(), -30);
    expect(
      await post({
        intent: "save-practice",
        credentials: "MD, board certified in cardiovascular disease",
        yearsInPractice: "12",
        credentialsVerifiedOn: verifiedOn,
        openDisciplinaryAction: "",
      }),
    ).toMatchObject({ status: 302 });
    expect(await post({ intent: "save-capacity", capacity: "5" })).toMatchObject({ status: 302 });
    expect(await post({ intent: "add-affiliation", kind: "HEALTH_PLAN", name: "", identifier: "", planId: plan.id })).toMatchObject({ status: 302 });

    const page = (await call(editorRoute.loader as RouteFunction, request(path, admin.cookie), { reviewerId: reviewer.id })).data as unknown as EditorPage;
    expect(page.reviewer.specialties.map((specialty) => [specialty.name, specialty.primary])).toEqual([
      ["Cardiovascular disease", true],
      ["Interventional cardiology", false],
    ]);
    expect(page.reviewer.primarySpecialty).toBe("Cardiovascular disease");
    expect(page.reviewer.certifications).toEqual([
      expect.objectContaining({ specialtyName: "Cardiovascular disease", board: "American Board of Internal Medicine", certifiedOn: "2010-07-01" }),
    ]);
    expect(page.reviewer.licenses).toEqual([expect.objectContaining({ state: "CA", number: "A123456", expiresOn: licenseExpiry, status: "ACTIVE" })]);
    expect(page.reviewer).toMatchObject({ credentialsVerifiedOn: verifiedOn, capacity: 5, yearsInPractice: 12 });
    expect(page.reviewer.affiliations).toEqual([expect.objectContaining({ kind: "HEALTH_PLAN", name: plan.name, planId: plan.id, planName: plan.name })]);
    expect(page.reviewer.flags).toEqual([{ kind: "expiring", text: expect.stringMatching(/^License in CA expires /), urgent: false }]);

    const audits = await db.auditLog.findMany({ where: { objectId: reviewer.id, objectType: "ReviewerProfile" }, orderBy: { id: "asc" } });
    expect(audits.map((entry) => entry.action)).toEqual([
      "roster.specialty_added",
      "roster.specialty_added",
      "roster.primary_specialty_changed",
      "roster.certification_added",
      "roster.license_added",
      "roster.practice_updated",
      "roster.capacity_updated",
      "roster.affiliation_added",
    ]);
    expect(audits.every((entry) => entry.actorId === admin.id)).toBe(true);
    expect(audits[2]?.detail).toEqual({ before: { primary: "interventional-cardiology" }, after: { primary: "cardiovascular-disease" } });
    expect(audits[4]?.detail).toMatchObject({ before: null, after: { state: "CA", number: "A123456", expiresOn: licenseExpiry, status: "ACTIVE" } });
    expect(audits[5]?.detail).toEqual({
      before: { credentials: "MD", credentialsVerifiedOn: null },
      after: { credentials: "MD, board certified in cardiovascular disease", credentialsVerifiedOn: verifiedOn },
    });
    expect(audits[6]?.detail).toEqual({ before: { capacity: 3 }, after: { capacity: 5 } });

    // Removing the license is audited with the row as it was.
    const licenseId = page.reviewer.licenses[0]!.id;
    expect(await post({ intent: "remove-license", id: licenseId })).toMatchObject({ status: 302 });
    expect(await db.reviewerLicense.count({ where: { reviewerId: reviewer.id } })).toBe(0);
    const removal = await db.auditLog.findFirstOrThrow({ where: { objectId: reviewer.id, action: "roster.license_removed" } });
    expect(removal.detail).toMatchObject({ before: { id: licenseId, state: "CA", number: "A123456" }, after: null });

    // The primary specialty cannot be removed.
    expect(await post({ intent: "remove-specialty", specialtyCode: "cardiovascular-disease" })).toMatchObject({ status: 400 });
    expect(await db.reviewerSpecialty.count({ where: { reviewerId: reviewer.id } })).toBe(2);
  });

  it("answers bad input by field, with what was typed, and changes nothing", async () => {
    const reviewer = await createReviewer("Dr. Typo");
    const path = `/iro/roster/${reviewer.id}`;
    const post = (form: Record<string, string>) => call(editorRoute.action as RouteFunction, request(path, admin.cookie, form), { reviewerId: reviewer.id });

    const license = await post({ intent: "add-license", state: "NY", number: "", licenseExpiresOn: "2027-02-30", status: "ACTIVE" });
    expect(license.status).toBe(400);
    expect(license.data).toMatchObject({
      fieldErrors: { number: "Enter the license number.", licenseExpiresOn: "Enter a real date, like 2027-01-31." },
      values: { intent: "add-license", state: "NY", licenseExpiresOn: "2027-02-30" },
    });

    const future = await post({
      intent: "save-practice",
      credentials: "MD",
      yearsInPractice: "8",
      credentialsVerifiedOn: addDaysToLocalDate(today(), 2),
      openDisciplinaryAction: "",
    });
    expect(future.status).toBe(400);
    expect(future.data.fieldErrors.credentialsVerifiedOn).toMatch(/^The date cannot be in the future/);
    expect(future.data.values.yearsInPractice).toBe("8");

    const duplicate = await post({ intent: "add-specialty", specialtyCode: "neurology" });
    expect(duplicate.status).toBe(302);
    const again = await post({ intent: "add-specialty", specialtyCode: "neurology" });
    expect(again).toMatchObject({ status: 400, data: { fieldErrors: { specialtyCode: "Neurology is already on the profile." } } });

    expect(await db.reviewerLicense.count({ where: { reviewerId: reviewer.id } })).toBe(0);
    expect((await db.reviewerProfile.findUniqueOrThrow({ where: { userId: reviewer.id } })).yearsInPractice).toBe(12);
  });

  it("lists the roster with workload and filters by specialty and flag", async () => {
    const busy = await createReviewer("Dr. Busy Filtered", { verifiedOn: today(), capacity: 2 });
    await db.reviewerSpecialty.create({ data: { reviewerId: busy.id, specialtyCode: "pediatric-cardiology", primary: true } });
    await db.reviewerProfile.update({ where: { userId: busy.id }, data: { openDisciplinaryAction: "Hospital privileges suspended, under appeal" } });
    const applicant = await createUser();
    for (const status of ["OFFERED", "ACCEPTED", "DECLINED"] as const) {
      const kase = await createCase({ applicantId: applicant.id, status: "IN_REVIEW" });
      await createAssignment({ caseId: kase.id, reviewerId: busy.id, status });
    }
    await db.reviewerUnavailability.create({
      data: { reviewerId: busy.id, startsOn: dateColumn(addDaysToLocalDate(today(), -1)), endsOn: dateColumn(addDaysToLocalDate(today(), 6)) },
    });

    const bySpecialty = (await call(rosterRoute.loader as RouteFunction, request("/iro/roster?specialty=pediatric-cardiology", coordinator.cookie)))
      .data as unknown as RosterPage;
    expect(bySpecialty.reviewers.map((reviewer) => reviewer.name)).toEqual(["Dr. Busy Filtered"]);
    expect(bySpecialty.reviewers[0]).toMatchObject({ workload: 2, capacity: 2, unavailableUntil: addDaysToLocalDate(today(), 6) });
    expect(bySpecialty.reviewers[0]?.flags).toEqual([{ kind: "disciplinary", text: "Open disciplinary action", urgent: true }]);

    const disciplinary = (await call(rosterRoute.loader as RouteFunction, request("/iro/roster?flag=disciplinary", admin.cookie)))
      .data as unknown as RosterPage;
    expect(disciplinary.reviewers.map((reviewer) => reviewer.id)).toEqual([busy.id]);
    const expiring = (await call(rosterRoute.loader as RouteFunction, request("/iro/roster?flag=expiring", admin.cookie))).data as unknown as RosterPage;
    expect(expiring.reviewers.map((reviewer) => reviewer.id)).not.toContain(busy.id);
  });
});

describe("a reviewer keeps their own availability and affiliations", () => {
  it("adds and removes their own rows, is audited, and cannot touch another reviewer's", async () => {
    const me = await createReviewer("Dr. Self Service");
    const other = await createReviewer("Dr. Someone Else");
    const cookie = (await withSession(me)).cookie;
    const post = (form: Record<string, string>) => call(profileRoute.action as RouteFunction, request("/review/profile", cookie, form));

    const startsOn = addDaysToLocalDate(today(), 40);
    const endsOn = addDaysToLocalDate(today(), 50);
    expect(await post({ intent: "add-unavailability", startsOn, endsOn, note: "Conference" })).toMatchObject({
      status: 302,
      location: expect.stringMatching(/^\/review\/profile\?done=add-unavailability&at=\d+$/),
    });
    expect(await post({ intent: "add-affiliation", kind: "MEDICAL_GROUP", name: "Valley Heart Group", identifier: "1234567893", planId: "" })).toMatchObject({
      status: 302,
    });
    const page = (await call(profileRoute.loader as RouteFunction, request("/review/profile", cookie))).data as unknown as Awaited<
      ReturnType<typeof profileRoute.loader>
    >;
    expect(page.reviewer.id).toBe(me.id);
    expect(page.reviewer.unavailability).toEqual([expect.objectContaining({ startsOn, endsOn, note: "Conference" })]);
    expect(page.reviewer.affiliations).toEqual([expect.objectContaining({ kind: "MEDICAL_GROUP", name: "Valley Heart Group", identifier: "1234567893" })]);
    const added = await db.auditLog.findFirstOrThrow({ where: { objectId: me.id, action: "roster.unavailability_added" } });
    expect(added).toMatchObject({ actorId: me.id, detail: { before: null, after: { startsOn, endsOn, note: "Conference" } } });

    // A period already over is refused next to its last day.
    const past = await post({ intent: "add-unavailability", startsOn: addDaysToLocalDate(today(), -10), endsOn: addDaysToLocalDate(today(), -1), note: "" });
    expect(past).toMatchObject({ status: 400, data: { fieldErrors: { endsOn: "This period is already over: the last day is before today." } } });

    // Another reviewer's rows are not found from here, and stay.
    const theirs = await db.reviewerUnavailability.create({
      data: { reviewerId: other.id, startsOn: dateColumn(startsOn), endsOn: dateColumn(endsOn) },
    });
    const theirTie = await db.reviewerAffiliation.create({ data: { reviewerId: other.id, kind: "FACILITY", name: "Mercy General" } });
    expect(await post({ intent: "remove-unavailability", id: theirs.id })).toMatchObject({ status: 404 });
    expect(await post({ intent: "request-affiliation-removal", id: theirTie.id })).toMatchObject({ status: 404 });
    expect(await db.reviewerUnavailability.count({ where: { id: theirs.id } })).toBe(1);
    expect(await db.reviewerAffiliation.count({ where: { id: theirTie.id } })).toBe(1);

    // Credentials are the organization's: a reviewer cannot add a license or open someone's roster page.
    expect(await post({ intent: "add-license", state: "CA", number: "A1", licenseExpiresOn: "2030-01-01", status: "ACTIVE" })).toMatchObject({ status: 403 });
    expect(await call(editorRoute.loader as RouteFunction, request(`/iro/roster/${other.id}`, cookie), { reviewerId: other.id })).toMatchObject({
      status: 404,
    });
    expect(
      await call(editorRoute.action as RouteFunction, request(`/iro/roster/${other.id}`, cookie, { intent: "remove-unavailability", id: theirs.id }), {
        reviewerId: other.id,
      }),
    ).toMatchObject({ status: 404 });

    // Their own period goes, audited with what it was.
    const mine = page.reviewer.unavailability[0]!.id;
    expect(await post({ intent: "remove-unavailability", id: mine })).toMatchObject({ status: 302 });
    expect(await db.reviewerUnavailability.count({ where: { reviewerId: me.id } })).toBe(0);
    const removed = await db.auditLog.findFirstOrThrow({ where: { objectId: me.id, action: "roster.unavailability_removed" } });
    expect(removed.detail).toMatchObject({ before: { id: mine, startsOn, endsOn }, after: null });
  });

  it("answers 404 for a roster page of someone who is not a reviewer", async () => {
    const applicant = await createUser();
    const answer = await call(editorRoute.loader as RouteFunction, request(`/iro/roster/${applicant.id}`, coordinator.cookie), { reviewerId: applicant.id });
    expect(answer.status).toBe(404);
    expect((await call(editorRoute.loader as RouteFunction, request("/iro/roster/not-an-id", coordinator.cookie), { reviewerId: "not-an-id" })).status).toBe(
      404,
    );
  });
});

describe("who may reach the roster", () => {
  it("keeps applicants, plans and reviewers out, and sends strangers to sign in", async () => {
    const plan = await createPlan();
    const reviewer = await createReviewer("Dr. Looked At");
    for (const [roles, planId] of [[["APPLICANT"]], [["PLAN"], plan.id], [["REVIEWER"]]] as [Role[], string?][]) {
      const user = await signedIn(roles, { planId });
      expect((await call(rosterRoute.loader as RouteFunction, request("/iro/roster", user.cookie))).status).toBe(403);
      // A person's roster page, outside the area, is as if there were none.
      expect((await call(editorRoute.loader as RouteFunction, request(`/iro/roster/${reviewer.id}`, user.cookie), { reviewerId: reviewer.id })).status).toBe(
        404,
      );
      expect((await call(specialtiesRoute.loader as RouteFunction, request("/admin/specialties", user.cookie))).status).toBe(403);
    }
    const stranger = await call(rosterRoute.loader as RouteFunction, request("/iro/roster", null));
    expect(stranger).toMatchObject({ status: 302, location: "/login?redirectTo=%2Firo%2Froster" });
    const applicant = await signedIn(["APPLICANT"]);
    expect((await call(profileRoute.loader as RouteFunction, request("/review/profile", applicant.cookie))).status).toBe(403);
    // The similar-specialty map is the admin's rule.
    expect((await call(specialtiesRoute.loader as RouteFunction, request("/admin/specialties", coordinator.cookie))).status).toBe(403);
  });
});

describe("the similar specialties map", () => {
  it("stores a pair both ways, refuses it again either way round, and removes both ways, audited", async () => {
    const pairRows = () =>
      db.similarSpecialty.findMany({
        where: { OR: [{ specialtyCode: "nephrology" }, { similarCode: "nephrology" }] },
        select: { specialtyCode: true, similarCode: true },
        orderBy: { specialtyCode: "asc" },
      });
    await db.similarSpecialty.deleteMany({ where: { OR: [{ specialtyCode: "nephrology" }, { similarCode: "nephrology" }] } });
    const post = (form: Record<string, string>) => call(specialtiesRoute.action as RouteFunction, request("/admin/specialties", admin.cookie, form));

    expect(await post({ intent: "add", specialtyCode: "nephrology", similarCode: "critical-care-medicine" })).toMatchObject({
      status: 302,
      location: "/admin/specialties?done=added",
    });
    expect(await pairRows()).toEqual([
      { specialtyCode: "critical-care-medicine", similarCode: "nephrology" },
      { specialtyCode: "nephrology", similarCode: "critical-care-medicine" },
    ]);
    const page = (await call(specialtiesRoute.loader as RouteFunction, request("/admin/specialties", admin.cookie))).data as unknown as Awaited<
      ReturnType<typeof specialtiesRoute.loader>
    >;
    expect(page.pairs.filter((pair) => pair.first.code === "nephrology" || pair.second.code === "nephrology")).toEqual([
      { first: { code: "critical-care-medicine", name: "Critical care medicine" }, second: { code: "nephrology", name: "Nephrology" } },
    ]);

    const again = await post({ intent: "add", specialtyCode: "critical-care-medicine", similarCode: "nephrology" });
    expect(again).toMatchObject({ status: 409, data: { fieldErrors: { similarCode: "Critical care medicine and Nephrology are already similar." } } });
    const same = await post({ intent: "add", specialtyCode: "nephrology", similarCode: "nephrology" });
    expect(same.data.fieldErrors.similarCode).toMatch(/^Choose a different specialty/);

    expect(await post({ intent: "remove", specialtyCode: "critical-care-medicine", similarCode: "nephrology" })).toMatchObject({
      status: 302,
      location: "/admin/specialties?done=removed",
    });
    expect(await pairRows()).toEqual([]);

    const audits = await db.auditLog.findMany({ where: { action: { startsWith: "roster.similar_specialties" } }, orderBy: { id: "asc" } });
    expect(audits.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["roster.similar_specialties_added", admin.id],
      ["roster.similar_specialties_removed", admin.id],
    ]);
    expect(audits[1]?.detail).toMatchObject({ before: { specialtyCode: "critical-care-medicine", similarCode: "nephrology", rowsRemoved: 2 }, after: null });
  });
});
