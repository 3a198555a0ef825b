import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/domain/roles";
import * as coordinatorRoute from "~/routes/iro/case";
import * as reviewRoute from "~/routes/review/case";
import { db } from "~/server/db.server";
import { createCaseInReview } from "#tests/support/case-factories";
import { createPlan, createReviewer, createUser } from "#tests/support/factories";
import { call, request, withSession, type LoaderData, type RouteFunction } from "#tests/support/routes";

/** Who wrote a document and its date, set by the coordinator or the reviewer on their pages, audited and off the timeline. */

type Person = { id: string; email: string; name: string; roles: Role[]; planId: string | null; cookie: string };
type Failure = { fieldErrors?: Record<string, string> };

let plan: { id: string };
let coordinator: Person;
let applicant: Person;

beforeAll(async () => {
  plan = await createPlan();
  coordinator = await withSession(await createUser({ roles: ["COORDINATOR"], name: "Dora Coordinator" }));
  applicant = await withSession(await createUser({ roles: ["APPLICANT"] }));
});

const describeForm = (documentId: string, author: string, authoredOn: string): [string, string][] => [
  ["intent", "describeDocument"],
  ["documentId", documentId],
  ["author", author],
  ["authoredOn", authoredOn],
];
const postCoordinator = (caseId: string, form: [string, string][]) =>
  call<Failure>(coordinatorRoute.action as RouteFunction, request(`/iro/cases/${caseId}`, coordinator, form), { caseId });
const postReviewer = (person: Person, caseId: string, form: [string, string][]) =>
  call<Failure>(reviewRoute.action as RouteFunction, request(`/review/cases/${caseId}`, person, form), { caseId });
const detailsOf = (documentId: string) => db.document.findUniqueOrThrow({ where: { id: documentId }, select: { author: true, authoredOn: true } });

describe("a document's author and date", () => {
  it("are set by the coordinator, audited with the values before and after, and not on the timeline", async () => {
    const reviewer = await withSession(await createReviewer({ name: "Dr. Read Only" }));
    const kase = await createCaseInReview({ applicantId: applicant.id, planId: plan.id, reviewerIds: [reviewer.id], coordinatorId: coordinator.id });
    const document = kase.documents[0]!;
    const events = await db.caseEvent.count({ where: { caseId: kase.id } });

    const saved = await postCoordinator(kase.id, describeForm(document.id, "Dr. Sam Lee", "2026-08-20"));
    expect(saved).toMatchObject({ status: 302, location: `/iro/cases/${kase.id}?done=describeDocument#document-details-heading` });
    expect(await detailsOf(document.id)).toEqual({ author: "Dr. Sam Lee", authoredOn: new Date("2026-08-20T00:00:00Z") });
    const audited = await db.auditLog.findMany({ where: { action: "document.described", objectId: document.id }, select: { actorId: true, detail: true } });
    expect(audited).toEqual([
      {
        actorId: coordinator.id,
        detail: { caseId: kase.id, before: { author: null, authoredOn: null }, after: { author: "Dr. Sam Lee", authoredOn: "2026-08-20" } },
      },
    ]);
    expect(await db.caseEvent.count({ where: { caseId: kase.id } })).toBe(events);

    type Page = LoaderData<typeof coordinatorRoute.loader>;
    const page = await call<Page>(coordinatorRoute.loader as RouteFunction, request(`/iro/cases/${kase.id}`, coordinator), { caseId: kase.id });
    expect(page.data.documents.find((row) => row.id === document.id)).toMatchObject({ author: "Dr. Sam Lee", authoredOn: "2026-08-20" });
  });

  it("are set by the case's reviewer; another reviewer finds no such document, and a future date is refused by the field", async () => {
    const reviewer = await withSession(await createReviewer({ name: "Dr. Date Setter" }));
    const stranger = await withSession(await createReviewer({ name: "Dr. Not Assigned" }));
    const kase = await createCaseInReview({ applicantId: applicant.id, planId: plan.id, reviewerIds: [reviewer.id] });
    const document = kase.documents[1]!;

    const saved = await postReviewer(reviewer, kase.id, describeForm(document.id, "Riverside Imaging", ""));
    expect(saved).toMatchObject({ status: 302, location: `/review/cases/${kase.id}?done=described#document-details-heading` });
    expect(await detailsOf(document.id)).toEqual({ author: "Riverside Imaging", authoredOn: null });

    const future = await postReviewer(reviewer, kase.id, describeForm(document.id, "", "2999-01-01"));
    expect(future.status).toBe(400);
    expect(future.data.fieldErrors).toEqual({ authoredOn: "The document's date cannot be in the future." });

    const refused = await postReviewer(stranger, kase.id, describeForm(document.id, "Someone else", ""));
    expect(refused.status).toBe(404);
    expect(await detailsOf(document.id)).toEqual({ author: "Riverside Imaging", authoredOn: null });
  });
});
