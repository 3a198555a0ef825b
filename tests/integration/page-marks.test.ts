import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/domain/roles";
import * as coordinatorDocumentRoute from "~/routes/iro/document";
import * as coordinatorDocumentTextRoute from "~/routes/iro/document.text";
import * as reviewCaseRoute from "~/routes/review/case";
import * as reviewDocumentRoute from "~/routes/review/document";
import * as reviewDocumentTextRoute from "~/routes/review/document.text";
import { db } from "~/server/db.server";
import { createAssignment, createPlan, createReviewer, createUser } from "#tests/support/factories";
import { createCaseInReview } from "#tests/support/case-factories";
import { call, request, withSession, type LoaderData, type RouteFunction } from "#tests/support/routes";

type Person = { id: string; email: string; name: string; roles: Role[]; planId: string | null; cookie: string };
type ViewerPage = Awaited<ReturnType<typeof reviewDocumentRoute.loader>>;
type Marks = { marks: { pageNumber: number; readAt: Date | null; bookmarkedAt: Date | null; note: string | null }[] };
type TextBlock = Awaited<ReturnType<typeof reviewDocumentTextRoute.loader>>;
type CasePage = Extract<LoaderData<typeof reviewCaseRoute.loader>, { view: "case" }>;

let plan: { id: string };
let applicant: Person;
let coordinator: Person;

beforeAll(async () => {
  plan = await createPlan();
  applicant = await withSession(await createUser({ roles: ["APPLICANT"] }));
  coordinator = await withSession(await createUser({ roles: ["COORDINATOR"] }));
});

const reviewer = async (name: string) => withSession(await createReviewer({ name }));

/** A case in review with a four-page document whose text is read, and a second document not counted yet. */
async function caseFor(reviewers: Person[]) {
  const kase = await createCaseInReview({
    applicantId: applicant.id,
    planId: plan.id,
    reviewerIds: reviewers.map((person) => person.id),
    panelSize: reviewers.length,
  });
  const [counted, uncounted] = [kase.documents[0]!, kase.documents[1]!];
  await db.document.update({ where: { id: counted.id }, data: { pageCount: 4, pagesIndexed: 4, textLayerStatus: "DONE" } });
  await db.documentPage.createMany({
    data: [1, 2, 3, 4].map((pageNumber) => ({
      documentId: counted.id,
      caseId: kase.id,
      pageNumber,
      text: `Page ${pageNumber}: the MRI shows a tear.`,
      source: "EMBEDDED" as const,
    })),
  });
  return { kase, counted, uncounted };
}

const viewerPath = (caseId: string, documentId: string, query = "") => `/review/cases/${caseId}/documents/${documentId}${query}`;
const openViewer = (person: Person, caseId: string, documentId: string, query = "") =>
  call<ViewerPage>(reviewDocumentRoute.loader as RouteFunction, request(viewerPath(caseId, documentId, query), person), { caseId, documentId });
const mark = (person: Person, caseId: string, documentId: string, form: Record<string, string>) =>
  call<Marks>(reviewDocumentRoute.action as RouteFunction, request(viewerPath(caseId, documentId), person, form), { caseId, documentId });
const readText = (person: Person, caseId: string, documentId: string, page: number) =>
  call<TextBlock>(reviewDocumentTextRoute.loader as RouteFunction, request(`${viewerPath(caseId, documentId)}/text?page=${page}`, person), {
    caseId,
    documentId,
  });
const casePage = (person: Person, caseId: string) =>
  call<CasePage>(reviewCaseRoute.loader as RouteFunction, request(`/review/cases/${caseId}`, person), { caseId });

describe("a reviewer's own page marks", () => {
  it("opening the viewer is one audited view; pages read are kept without an audit row each, bookmarks with their notes are audited without the note", async () => {
    const author = await reviewer("Dr. Reader");
    const { kase, counted } = await caseFor([author]);

    const opened = await openViewer(author, kase.id, counted.id, "?page=3&q=tear");
    expect(opened.status).toBe(200);
    expect(opened.data).toMatchObject({ page: 3, terms: "tear", marks: [], markable: true, document: { id: counted.id, pageCount: 4, view: "pdf" } });
    expect(opened.data.pages).toHaveLength(4);
    expect(await db.auditLog.count({ where: { action: "document.viewed", objectId: counted.id, actorId: author.id } })).toBe(1);
    const auditRows = await db.auditLog.count({ where: { actorId: author.id } });

    for (const pageNumber of ["1", "2", "2"]) {
      const read = await mark(author, kase.id, counted.id, { intent: "read", pageNumber });
      expect(read.status).toBe(200);
    }
    expect(await db.auditLog.count({ where: { actorId: author.id } })).toBe(auditRows);

    const bookmarked = await mark(author, kase.id, counted.id, { intent: "bookmark", pageNumber: "3", note: "The MRI: a full-thickness tear." });
    expect(bookmarked.data.marks.map(({ pageNumber, note }) => ({ pageNumber, note }))).toEqual([
      { pageNumber: 1, note: null },
      { pageNumber: 2, note: null },
      { pageNumber: 3, note: "The MRI: a full-thickness tear." },
    ]);
    const added = await db.auditLog.findFirstOrThrow({ where: { action: "page_bookmark.added", actorId: author.id } });
    expect(added).toMatchObject({ objectId: counted.id, detail: { caseId: kase.id, pageNumber: 3 } });
    expect(JSON.stringify(added.detail)).not.toContain("MRI");

    await mark(author, kase.id, counted.id, { intent: "bookmark", pageNumber: "3", note: "Changed my mind." });
    expect(await db.auditLog.count({ where: { action: "page_bookmark.changed", actorId: author.id } })).toBe(1);

    const page = await casePage(author, kase.id);
    expect(page.data.documents.find((document) => document.id === counted.id)?.progress).toBe("2 of 4 pages read");
    expect(page.data.bookmarks).toEqual([{ documentId: counted.id, page: 3, note: "Changed my mind." }]);

    // Unread and the bookmark removed: a mark that says nothing is gone.
    await mark(author, kase.id, counted.id, { intent: "unread", pageNumber: "2" });
    const removed = await mark(author, kase.id, counted.id, { intent: "removeBookmark", pageNumber: "3" });
    expect(removed.data.marks.map((row) => row.pageNumber)).toEqual([1]);
    expect(await db.auditLog.count({ where: { action: "page_bookmark.removed", actorId: author.id } })).toBe(1);
    expect((await casePage(author, kase.id)).data.bookmarks).toEqual([]);
  });

  it("another reviewer of the same panel sees none of them, and the coordinator's viewer has no marks", async () => {
    const first = await reviewer("Dr. Panel One");
    const second = await reviewer("Dr. Panel Two");
    const { kase, counted } = await caseFor([first, second]);
    await mark(first, kase.id, counted.id, { intent: "read", pageNumber: "1" });
    await mark(first, kase.id, counted.id, { intent: "bookmark", pageNumber: "2", note: "Mine alone." });

    expect((await openViewer(second, kase.id, counted.id)).data.marks).toEqual([]);
    const secondPage = await casePage(second, kase.id);
    expect(secondPage.data.bookmarks).toEqual([]);
    expect(secondPage.data.documents.find((document) => document.id === counted.id)?.progress).toBe("0 of 4 pages read");
    expect((await openViewer(first, kase.id, counted.id)).data.marks).toHaveLength(2);

    const coordinatorView = await call<ViewerPage>(
      coordinatorDocumentRoute.loader as RouteFunction,
      request(`/iro/cases/${kase.id}/documents/${counted.id}`, coordinator),
      { caseId: kase.id, documentId: counted.id },
    );
    expect(coordinatorView.status).toBe(200);
    expect(coordinatorView.data).toMatchObject({ marks: null, markable: false });
    expect(JSON.stringify(coordinatorView.data)).not.toContain("Mine alone.");
  });

  it("a reviewer not assigned, or whose offer is not accepted, gets 404 for the viewer and every mark, logged as refused", async () => {
    const author = await reviewer("Dr. Assigned");
    const stranger = await reviewer("Dr. Stranger");
    const offered = await reviewer("Dr. Only Offered");
    const { kase, counted } = await caseFor([author]);
    await createAssignment({ caseId: kase.id, reviewerId: offered.id, status: "OFFERED" });

    for (const person of [stranger, offered]) {
      expect((await openViewer(person, kase.id, counted.id)).status, person.name).toBe(404);
      expect((await mark(person, kase.id, counted.id, { intent: "read", pageNumber: "1" })).status, person.name).toBe(404);
      expect((await mark(person, kase.id, counted.id, { intent: "bookmark", pageNumber: "1", note: "" })).status, person.name).toBe(404);
      expect(await db.auditLog.count({ where: { actorId: person.id, action: "access.denied" } }), person.name).toBeGreaterThanOrEqual(3);
    }
    expect(await db.pageMark.count({ where: { caseId: kase.id } })).toBe(0);

    // A document of another case, through this case's address: 404 too.
    const other = await caseFor([stranger]);
    expect((await openViewer(author, kase.id, other.counted.id)).status).toBe(404);
    expect((await mark(author, kase.id, other.counted.id, { intent: "read", pageNumber: "1" })).status).toBe(404);
  });

  it("the viewer gets the text of twenty pages around the page it opens on, and the next twenty as the pages are turned, each block audited", async () => {
    const author = await reviewer("Dr. Long File");
    const stranger = await reviewer("Dr. Not On It");
    const { kase, counted } = await caseFor([author]);
    await db.document.update({ where: { id: counted.id }, data: { pageCount: 45, pagesIndexed: 45 } });
    await db.documentPage.createMany({
      data: Array.from({ length: 41 }, (_, index) => ({
        documentId: counted.id,
        caseId: kase.id,
        pageNumber: index + 5,
        text: `Page ${index + 5}: progress note.`,
        source: "EMBEDDED" as const,
      })),
    });

    const opened = await openViewer(author, kase.id, counted.id, "?page=30");
    expect(opened.data.pages.map((page) => page.pageNumber)).toEqual(Array.from({ length: 20 }, (_, index) => index + 21));

    const last = await readText(author, kase.id, counted.id, 44);
    expect(last.status).toBe(200);
    expect(last.data).toMatchObject({ from: 41, to: 45 });
    expect(last.data.pages.map((page) => page.text)).toEqual([41, 42, 43, 44, 45].map((number) => `Page ${number}: progress note.`));
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "document.text_read", actorId: author.id } })).toMatchObject({
      objectId: counted.id,
      detail: { caseId: kase.id, from: 41, to: 45 },
    });

    const coordinatorText = await call<TextBlock>(
      coordinatorDocumentTextRoute.loader as RouteFunction,
      request(`/iro/cases/${kase.id}/documents/${counted.id}/text?page=2`, coordinator),
      { caseId: kase.id, documentId: counted.id },
    );
    expect(coordinatorText.data.pages.map((page) => page.pageNumber)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));

    expect((await readText(stranger, kase.id, counted.id, 1)).status).toBe(404);
    expect(await db.auditLog.count({ where: { actorId: stranger.id, action: "access.denied" } })).toBe(1);
  });

  it("a page beyond the document's, or a note over 1,000 characters, is refused next to the field and nothing is saved", async () => {
    const author = await reviewer("Dr. Limits");
    const { kase, counted, uncounted } = await caseFor([author]);

    const beyond = await mark(author, kase.id, counted.id, { intent: "bookmark", pageNumber: "5", note: "" });
    expect(beyond.status).toBe(400);
    expect(beyond.data.fieldErrors).toEqual({ pageNumber: "Choose a page from 1 to 4." });

    const long = await mark(author, kase.id, counted.id, { intent: "bookmark", pageNumber: "2", note: "x".repeat(1_001) });
    expect(long.status).toBe(400);
    expect(long.data.fieldErrors).toEqual({ note: "Use at most 1,000 characters." });
    expect(long.data.values).toMatchObject({ note: "x".repeat(1_001) });

    // Not counted yet: up to page 5,000.
    expect((await mark(author, kase.id, uncounted.id, { intent: "read", pageNumber: "4500" })).status).toBe(200);
    const tooFar = await mark(author, kase.id, uncounted.id, { intent: "read", pageNumber: "5001" });
    expect(tooFar.status).toBe(400);
    expect(tooFar.data.fieldErrors?.pageNumber).toBe("Choose a page from 1 to 5000.");

    expect(await db.pageMark.findMany({ where: { caseId: kase.id }, select: { documentId: true, pageNumber: true } })).toEqual([
      { documentId: uncounted.id, pageNumber: 4500 },
    ]);
  });

  it("once the reviewer's work on the case ended, no page can be marked", async () => {
    const author = await reviewer("Dr. Replaced");
    const { kase, counted } = await caseFor([author]);
    await db.reviewerAssignment.updateMany({ where: { caseId: kase.id, reviewerId: author.id }, data: { status: "REPLACED", endedAt: new Date() } });
    expect((await mark(author, kase.id, counted.id, { intent: "read", pageNumber: "1" })).status).toBe(404);
    expect((await openViewer(author, kase.id, counted.id)).status).toBe(404);
  });
});
