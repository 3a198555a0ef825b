import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/domain/roles";
import * as reviewRoute from "~/routes/review/case";
import { determinationDefaults } from "~/schemas/determination";
import { db } from "~/server/db.server";
import { NEWER_DRAFT_MESSAGE } from "~/server/determinations/save-determination.server";
import { createPlan, createReviewer, createUser } from "#tests/support/factories";
import { createCaseInReview } from "#tests/support/case-factories";
import { submitSignedDetermination } from "#tests/support/determination-factories";
import { call, request, withSession, type RouteFunction, type LoaderData } from "#tests/support/routes";

type Person = { id: string; email: string; name: string; roles: Role[]; planId: string | null; cookie: string };
type ReviewerPage = Extract<LoaderData<typeof reviewRoute.loader>, { view: "case" }>;
type DraftAnswer = { draft?: { savedAt: string } };

let plan: { id: string };
let applicant: Person;

beforeAll(async () => {
  plan = await createPlan();
  applicant = await withSession(await createUser({ roles: ["APPLICANT"] }));
});

const openPage = (person: Person, caseId: string) =>
  call<ReviewerPage>(reviewRoute.loader as RouteFunction, request(`/review/cases/${caseId}`, person), { caseId });

/** What the page sends a couple of seconds after the reviewer stops typing. */
const saveDraft = (person: Person, caseId: string, draftVersion: string | null, principalReasons: string) =>
  call<DraftAnswer>(
    reviewRoute.action as RouteFunction,
    request(`/review/cases/${caseId}`, person, [
      ["intent", "saveDraft"],
      ...(draftVersion === null ? [] : ([["draftVersion", draftVersion]] as [string, string][])),
      ["principalReasons", principalReasons],
      ["references.0.title", "A guideline, year to add"],
      ["references.0.year", ""],
    ]),
    { caseId },
  );

const reviewerPerson = async (name: string) => withSession(await createReviewer({ name }));
const draftOf = (assignmentId: string) =>
  db.determination.findUniqueOrThrow({ where: { assignmentId }, select: { status: true, principalReasons: true, draftVersion: true } });

describe("the determination draft saved while the reviewer types", () => {
  it("keeps the partial draft without a redirect, audits it without a timeline event, and the page comes back with it", async () => {
    const author = await reviewerPerson("Dr. Auto Saver");
    const kase = await createCaseInReview({ applicantId: applicant.id, planId: plan.id, reviewerIds: [author.id] });
    const events = await db.caseEvent.count({ where: { caseId: kase.id } });

    const first = await openPage(author, kase.id);
    expect(determinationDefaults(first.data.determination, first.data.case.disputeType).draftVersion).toBe("1");

    const saved = await saveDraft(author, kase.id, "1", "So far: the imaging");
    expect(saved.status).toBe(200);
    expect(saved.location).toBeNull();
    expect(Date.parse(saved.data.draft!.savedAt)).not.toBeNaN();
    expect(await draftOf(kase.assignments[0]!.id)).toEqual({ status: "DRAFT", principalReasons: "So far: the imaging", draftVersion: 1 });

    const audited = await db.auditLog.findMany({ where: { action: "determination.draft_saved", actorId: author.id }, select: { detail: true } });
    expect(audited.map((row) => row.detail)).toEqual([{ caseId: kase.id, draftVersion: 1, automatic: true }]);
    expect(await db.caseEvent.count({ where: { caseId: kase.id } })).toBe(events);

    const reloaded = await openPage(author, kase.id);
    const defaults = determinationDefaults(reloaded.data.determination, reloaded.data.case.disputeType);
    expect(defaults).toMatchObject({ principalReasons: "So far: the imaging", draftVersion: "2" });
  });

  it("never lets an older save overwrite a newer draft: it is refused with a message, and the newer text stays", async () => {
    const author = await reviewerPerson("Dr. Two Tabs");
    const kase = await createCaseInReview({ applicantId: applicant.id, planId: plan.id, reviewerIds: [author.id] });

    expect((await saveDraft(author, kase.id, "3", "Newest words")).status).toBe(200);
    const stale = await saveDraft(author, kase.id, "2", "Older words, arriving late");
    expect(stale.status).toBe(409);
    expect(stale.data.formError).toBe(NEWER_DRAFT_MESSAGE);
    expect((await saveDraft(author, kase.id, "3", "Same number again")).status).toBe(409);
    expect(await draftOf(kase.assignments[0]!.id)).toMatchObject({ principalReasons: "Newest words", draftVersion: 3 });

    // The "Save draft" button of a page opened before the newer save is refused the same way, and keeps what was typed.
    const button = await call(
      reviewRoute.action as RouteFunction,
      request(`/review/cases/${kase.id}`, author, [
        ["intent", "save"],
        ["draftVersion", "2"],
        ["principalReasons", "From the old tab"],
      ]),
      { caseId: kase.id },
    );
    expect(button.status).toBe(409);
    expect(button.data).toMatchObject({ formError: NEWER_DRAFT_MESSAGE, values: { principalReasons: "From the old tab" } });
    expect(await draftOf(kase.assignments[0]!.id)).toMatchObject({ principalReasons: "Newest words", draftVersion: 3 });
  });

  it("asks the page to reload when the draft's number is missing or not a number", async () => {
    const author = await reviewerPerson("Dr. No Number");
    const kase = await createCaseInReview({ applicantId: applicant.id, planId: plan.id, reviewerIds: [author.id] });
    for (const version of [null, "two"]) {
      const answer = await saveDraft(author, kase.id, version, "Text");
      expect([answer.status, answer.data.fieldErrors]).toEqual([400, { draftVersion: "Reload the page and try again." }]);
    }
    expect(await db.determination.count({ where: { caseId: kase.id } })).toBe(0);
  });

  it("is only for the assigned reviewer, and only while the case is in review and the determination not submitted", async () => {
    const author = await reviewerPerson("Dr. Assigned Saver");
    const colleague = await reviewerPerson("Dr. Panel Colleague");
    const outsider = await reviewerPerson("Dr. Not On The Case");
    const kase = await createCaseInReview({ applicantId: applicant.id, planId: plan.id, reviewerIds: [author.id, colleague.id] });
    const coordinator = await withSession(await createUser({ roles: ["COORDINATOR"] }));

    expect((await saveDraft(outsider, kase.id, "1", "Not mine to write")).status).toBe(404);
    expect((await saveDraft(coordinator, kase.id, "1", "Not mine to write")).status).toBe(404);
    // The colleague's save is their own opinion, never the author's.
    expect((await saveDraft(colleague, kase.id, "1", "My own opinion")).status).toBe(200);
    expect(await db.determination.count({ where: { assignmentId: kase.assignments[0]!.id } })).toBe(0);

    expect((await saveDraft(author, kase.id, "1", "Before submitting")).status).toBe(200);
    await submitSignedDetermination({ caseId: kase.id, reviewer: author });
    const late = await saveDraft(author, kase.id, "2", "After submitting");
    expect(late.status).toBe(409);
    expect(late.data.formError).toMatch(/already submitted/);

    await db.case.update({ where: { id: kase.id }, data: { status: "DETERMINED" } });
    const determined = await saveDraft(colleague, kase.id, "2", "After the case moved on");
    expect(determined.status).toBe(409);
    expect(determined.data.formError).toBe("This case is no longer in review, so the determination cannot be changed.");
    expect(await draftOf(kase.assignments[1]!.id)).toMatchObject({ principalReasons: "My own opinion", draftVersion: 1 });
  });
});
