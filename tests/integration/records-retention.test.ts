/**
 * Finding 17: a daily job archives the cases past their profile's record
 * retention, unless a legal hold keeps them; it is audited, runs in the job
 * worker on a schedule kept in the database, and archives nothing twice.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { RECORDS_RETENTION_QUEUE, startWorker } from "~/server/jobs.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { archiveCasesPastRetention, retentionOverview, setLegalHold } from "~/server/retention/records-retention.server";
import { actorFor, createCase, createUser } from "#tests/support/factories";
import { refusal } from "#tests/support/refusal";
import { waitFor } from "#tests/support/wait-for";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";
import * as retentionRoute from "~/routes/admin/retention";

// NAIC keeps records 3 years after closing, the federal rules 6 (New York dates).
const NOW = new Date("2029-06-10T15:00:00Z");
let admin: Awaited<ReturnType<typeof createUser>>;
let applicant: Awaited<ReturnType<typeof createUser>>;
const refs: Record<string, string> = {};

async function ended(name: string, options: { profile?: "naic" | "federal"; status?: "CLOSED" | "WITHDRAWN"; endedAt: Date }) {
  const kase = await createCase({ applicantId: applicant.id, status: options.status ?? "CLOSED", profile: options.profile });
  if (options.status === "WITHDRAWN") {
    await db.caseEvent.create({ data: { caseId: kase.id, type: "withdrawn", fromStatus: "IN_REVIEW", toStatus: "WITHDRAWN", createdAt: options.endedAt } });
  } else {
    await db.case.update({ where: { id: kase.id }, data: { closedAt: options.endedAt } });
  }
  refs[name] = kase.reference!;
  return kase;
}

const archivedAt = async (name: string) => (await db.case.findUniqueOrThrow({ where: { reference: refs[name] }, select: { archivedAt: true } })).archivedAt;

beforeAll(async () => {
  await ensureReferenceData();
  forgetOrganizationCalendar();
  admin = await createUser({ roles: ["ADMIN"] });
  applicant = await createUser({ roles: ["APPLICANT"] });
  // Closed 9 June 2026: kept to 9 June 2029, past on the 10th.
  await ended("naic-past", { endedAt: new Date("2026-06-09T15:00:00Z") });
  // Closed at 23:30 on 10 June 2026 in New York (already the 11th in UTC): kept to 10 June 2029.
  await ended("naic-last-day", { endedAt: new Date("2026-06-11T03:30:00Z") });
  await ended("withdrawn-past", { status: "WITHDRAWN", endedAt: new Date("2025-01-02T15:00:00Z") });
  await ended("federal-kept", { profile: "federal", endedAt: new Date("2024-01-02T15:00:00Z") });
  await ended("held", { endedAt: new Date("2025-01-02T15:00:00Z") });
  await createCase({ applicantId: applicant.id, status: "IN_REVIEW" });
});

describe("the records retention job", () => {
  it("archives the ended cases past retention, skips those on a legal hold, and is audited", async () => {
    await setLegalHold({ actor: actorFor(admin), reference: refs.held!, hold: true, reason: "Litigation: Carter v. Pacific Coast Health" });
    const overview = await retentionOverview(NOW);
    expect(overview.due.rows.map((kase) => kase.reference).sort()).toEqual([refs["naic-past"], refs["withdrawn-past"]].sort());
    expect(overview.held.rows).toMatchObject([{ reference: refs.held, legalHold: { reason: "Litigation: Carter v. Pacific Coast Health" } }]);

    const run = await archiveCasesPastRetention(NOW);
    expect(run.archived.sort()).toEqual([refs["naic-past"], refs["withdrawn-past"]].sort());
    expect(run.held).toEqual([refs.held]);
    expect(await archivedAt("naic-past")).toEqual(NOW);
    expect(await archivedAt("naic-last-day")).toBeNull();
    expect(await archivedAt("federal-kept")).toBeNull();
    expect(await archivedAt("held")).toBeNull();
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "retention.archived" }, orderBy: { id: "desc" } });
    expect(row).toMatchObject({ actorId: null, userAgent: "records retention job", detail: { archived: 2, heldBack: 1 } });
    expect(await db.auditLog.count({ where: { action: "case.legal_hold_placed", actorId: admin.id } })).toBe(1);

    // Run again: nothing more to archive; the same day's retry changes nothing.
    expect((await archiveCasesPastRetention(NOW)).archived).toEqual([]);
    expect(await archivedAt("naic-past")).toEqual(NOW);
    expect((await retentionOverview(NOW)).due.rows).toEqual([]);
  });

  it("archives a held case once the hold is lifted, and refuses a hold twice", async () => {
    expect(await refusal(setLegalHold({ actor: actorFor(admin), reference: refs.held!, hold: true, reason: "Again" }))).toMatchObject({ code: "BAD_REQUEST" });
    await setLegalHold({ actor: actorFor(admin), reference: refs.held!, hold: false, reason: "The case was settled." });
    expect((await archiveCasesPastRetention(NOW)).archived).toEqual([refs.held]);
    expect(await db.auditLog.count({ where: { action: "case.legal_hold_lifted" } })).toBe(1);
  });

  it("runs daily in the job worker, one at a time, on a schedule that outlives a restart", async () => {
    const worker = await startWorker();
    try {
      expect(await db.$queryRaw`SELECT cron FROM pgboss.schedule WHERE name = ${RECORDS_RETENTION_QUEUE}`).toEqual([{ cron: "20 4 * * *" }]);
      expect(await db.$queryRaw`SELECT policy FROM pgboss.queue WHERE name = ${RECORDS_RETENTION_QUEUE}`).toEqual([{ policy: "singleton" }]);
    } finally {
      await worker.stop();
    }
    // Started again, the schedule is the one stored, and the start's own run has happened.
    const again = await startWorker();
    try {
      expect(await db.$queryRaw`SELECT count(*)::int AS n FROM pgboss.schedule WHERE name = ${RECORDS_RETENTION_QUEUE}`).toEqual([{ n: 1 }]);
      await waitFor("the start's retention run to finish", async () => {
        const rows = await db.$queryRaw<
          { n: number }[]
        >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${RECORDS_RETENTION_QUEUE} AND state = 'completed'`;
        return rows[0]!.n >= 1;
      });
    } finally {
      await again.stop();
    }
  });
});

describe("the administrator's retention page", () => {
  it("places and lifts a legal hold, with a message by each missing field", async () => {
    const kase = await ended("page-held", { endedAt: new Date("2029-01-05T15:00:00Z") });
    const who = await withSession(admin);
    const post = (form: Record<string, string>) => call(retentionRoute.action as RouteFunction, request("/admin/retention", who, form));
    const empty = await post({ intent: "hold", reference: "", reason: "" });
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({
      fieldErrors: { reference: "Enter the case's reference, like IMR-2026-000123.", reason: "Say why: the audit log keeps it." },
    });
    expect(await post({ intent: "hold", reference: kase.reference!, reason: "Subpoena" })).toMatchObject({
      status: 302,
      location: "/admin/retention?done=hold",
    });
    const page = await call<{ held: { rows: { reference: string }[] } }>(retentionRoute.loader as RouteFunction, request("/admin/retention", who));
    expect(page.data.held.rows.map((row) => row.reference)).toContain(kase.reference);
    expect(await post({ intent: "release", reference: kase.reference!, reason: "Quashed" })).toMatchObject({ status: 302 });
    expect((await call(retentionRoute.loader as RouteFunction, request("/admin/retention", await withSession(applicant)))).status).toBe(403);
  });
});
