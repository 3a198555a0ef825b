import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { localDate } from "~/domain/deadlines/time-zone";
import type { Role } from "~/domain/roles";
import { formatLocalDate } from "~/domain/rule-profiles";
import * as documentRoute from "~/routes/documents/document";
import * as decisionRoute from "~/routes/iro/decision";
import * as qualityRoute from "~/routes/iro/quality";
import * as reviewRoute from "~/routes/review/case";
import { determinationDefaults } from "~/schemas/determination";
import { db } from "~/server/db.server";
import { createCaseInReview } from "#tests/support/case-factories";
import { createPlan, createReviewer, createUser } from "#tests/support/factories";
import { pdfPageTexts } from "#tests/support/pdf-text";
import { call, request, withSession, type LoaderData, type RouteFunction } from "#tests/support/routes";

/**
 * Citations from the determination to the letter, through the routes people
 * use: the reviewer cites pages in a draft and a submission, the coordinator
 * sees them in quality review, and the issued letter lists each document
 * considered with its date, author and the pages cited.
 */

type Person = { id: string; email: string; name: string; roles: Role[]; planId: string | null; cookie: string };
type Form = [string, string][];
type ReviewerPage = Extract<LoaderData<typeof reviewRoute.loader>, { view: "case" }>;
type Failure = { fieldErrors?: Record<string, string>; formError?: string };

let plan: { id: string };
let coordinator: Person;
let applicant: Person;

beforeAll(async () => {
  plan = await createPlan(`Evergreen Health ${crypto.randomBytes(3).toString("hex")}`);
  coordinator = await withSession(await createUser({ roles: ["COORDINATOR"], name: "Casey Coordinator" }));
  applicant = await withSession(await createUser({ roles: ["APPLICANT"] }));
});

const postReview = (person: Person, caseId: string, form: Form) =>
  call<Failure>(reviewRoute.action as RouteFunction, request(`/review/cases/${caseId}`, person, form), { caseId });
const openPage = (person: Person, caseId: string, query = "") =>
  call<ReviewerPage>(reviewRoute.loader as RouteFunction, request(`/review/cases/${caseId}${query}`, person), { caseId });

/** A case in review with two documents: a four-page letter from Dr. Lee (dated), and an undated scan whose pages are not yet counted. */
async function caseWithRecords(reviewer: Person) {
  const kase = await createCaseInReview({ applicantId: applicant.id, planId: plan.id, reviewerIds: [reviewer.id], coordinatorId: coordinator.id });
  const [denial, records] = kase.documents;
  await db.document.update({ where: { id: denial!.id }, data: { author: "Dr. Sam Lee", authoredOn: new Date("2026-08-20"), pageCount: 4 } });
  return { ...kase, lee: denial!, scan: records! };
}

function determinationForm(intent: "submit" | "saveDraft", signedName: string, citations: [string, string, string, string][], considered: string[] = []): Form {
  return [
    ["intent", intent],
    ["draftVersion", intent === "submit" ? "" : "1"],
    ["outcome", "OVERTURNED"],
    ["partOverturned", ""],
    ["principalReasons", "Conservative care was tried for six months and failed."],
    ["clinicalRationale", "The physical therapy notes document six months of supervised therapy."],
    ["references.0.title", "Lumbar fusion guideline"],
    ["references.0.source", "North American Spine Society"],
    ["references.0.year", "2021"],
    ["references.0.url", ""],
    ...citations.flatMap(([documentId, fromPage, toPage, note], index): Form => [
      [`citations.${index}.documentId`, documentId],
      [`citations.${index}.fromPage`, fromPage],
      [`citations.${index}.toPage`, toPage],
      [`citations.${index}.note`, note],
    ]),
    ...considered.map((id): [string, string] => ["documentsConsidered", id]),
    ["standardOfReview", "medical-necessity"],
    ["standardOfReviewOther", ""],
    ["noConflict", "yes"],
    ["signedName", signedName],
  ];
}

const determinationOf = (assignmentId: string) =>
  db.determination.findUnique({ where: { assignmentId }, select: { status: true, citations: true, documentsConsidered: true } });

describe("pages cited in a determination", () => {
  it("are saved with the draft, the cited documents counted as considered, and the page comes back with them", async () => {
    const reviewer = await withSession(await createReviewer({ name: "Dr. Cita Draft" }));
    const kase = await caseWithRecords(reviewer);
    const saved = await postReview(
      reviewer,
      kase.id,
      determinationForm("saveDraft", "", [
        [kase.lee.id, "2", "3", "The prior trial of physical therapy"],
        [kase.scan.id, "40", "", ""],
      ]),
    );
    expect(saved.status, JSON.stringify(saved.data)).toBe(200);
    expect(await determinationOf(kase.assignments[0]!.id)).toEqual({
      status: "DRAFT",
      citations: [
        { documentId: kase.lee.id, fromPage: 2, toPage: 3, note: "The prior trial of physical therapy" },
        { documentId: kase.scan.id, fromPage: 40, toPage: 40, note: null },
      ],
      documentsConsidered: [kase.lee.id, kase.scan.id],
    });
    const page = await openPage(reviewer, kase.id);
    expect(determinationDefaults(page.data.determination, null).citations).toEqual([
      { documentId: kase.lee.id, fromPage: "2", toPage: "3", note: "The prior trial of physical therapy" },
      { documentId: kase.scan.id, fromPage: "40", toPage: "", note: "" },
    ]);
  });

  it("are refused next to the field for another case's document or a page past the document's last, and nothing is saved", async () => {
    const reviewer = await withSession(await createReviewer({ name: "Dr. Cita Refused" }));
    const kase = await caseWithRecords(reviewer);
    const other = await caseWithRecords(await withSession(await createReviewer({ name: "Dr. Other Case" })));

    const elsewhere = await postReview(reviewer, kase.id, determinationForm("submit", reviewer.name, [[other.lee.id, "1", "", ""]]));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.data.fieldErrors).toEqual({ "citations.0.documentId": "Choose a document of this case's file." });

    const pastTheEnd = await postReview(reviewer, kase.id, determinationForm("saveDraft", "", [[kase.lee.id, "3", "5", ""]]));
    expect(pastTheEnd.status).toBe(400);
    expect(pastTheEnd.data.fieldErrors).toEqual({ "citations.0.toPage": "This document has 4 pages." });
    expect(await determinationOf(kase.assignments[0]!.id)).toBeNull();
  });

  it("offer the reviewer's own bookmarks, never another reviewer's, and a 'Cite this page' link adds the page", async () => {
    const reviewer = await withSession(await createReviewer({ name: "Dr. Book Marker" }));
    const colleague = await withSession(await createReviewer({ name: "Dr. Pan Elist" }));
    const kase = await caseWithRecords(reviewer);
    const at = new Date("2026-10-01T15:00:00Z");
    await db.pageMark.createMany({
      data: [
        { userId: reviewer.id, caseId: kase.id, documentId: kase.lee.id, pageNumber: 3, bookmarkedAt: at, note: "PT notes" },
        { userId: reviewer.id, caseId: kase.id, documentId: kase.lee.id, pageNumber: 4, readAt: at },
        { userId: colleague.id, caseId: kase.id, documentId: kase.scan.id, pageNumber: 9, bookmarkedAt: at },
      ],
    });
    const page = await openPage(reviewer, kase.id, `?cite=${kase.scan.id}&citePage=7`);
    expect(page.data.bookmarks).toEqual([{ documentId: kase.lee.id, page: 3, note: "PT notes" }]);
    expect(page.data.cite).toEqual({ documentId: kase.scan.id, page: 7 });
    expect((await openPage(reviewer, kase.id, `?cite=${kase.lee.id}&citePage=5`)).data.cite).toBeNull();
  });

  it("reach the quality review and the issued letter: each document considered with its date, author and pages cited", async () => {
    const reviewer = await withSession(await createReviewer({ name: "Dr. Cita Letter" }));
    const kase = await caseWithRecords(reviewer);
    const submitted = await postReview(
      reviewer,
      kase.id,
      determinationForm(
        "submit",
        reviewer.name,
        [
          [kase.lee.id, "3", "4", "The prior trial of physical therapy"],
          [kase.lee.id, "1", "", ""],
        ],
        [kase.scan.id],
      ),
    );
    expect(submitted.status, JSON.stringify(submitted.data)).toBe(302);

    type QualityPage = Awaited<ReturnType<typeof qualityRoute.loader>>;
    const quality = await call<QualityPage>(qualityRoute.loader as RouteFunction, request(`/iro/cases/${kase.id}/quality`, coordinator), { caseId: kase.id });
    expect(quality.data.opinions[0]?.citations).toEqual([
      { documentId: kase.lee.id, fromPage: 3, toPage: 4, note: "The prior trial of physical therapy" },
      { documentId: kase.lee.id, fromPage: 1, toPage: 1, note: null },
    ]);
    const version = async () => (await db.case.findUniqueOrThrow({ where: { id: kase.id }, select: { version: true } })).version;
    const approved = await call(
      qualityRoute.action as RouteFunction,
      request(`/iro/cases/${kase.id}/quality`, coordinator, [
        ["intent", "approve"],
        ["findings", "The treatment is medically necessary."],
        ["version", String(await version())],
        ["comments", ""],
      ]),
      { caseId: kase.id },
    );
    expect(approved.status, JSON.stringify(approved.data)).toBe(302);
    const issued = await call(
      decisionRoute.action as RouteFunction,
      request(`/iro/cases/${kase.id}/decision`, coordinator, [
        ["intent", "issue"],
        ["version", String(await version())],
      ]),
      { caseId: kase.id },
    );
    expect(issued.status, JSON.stringify(issued.data)).toBe(302);

    const letter = await db.decisionLetter.findFirstOrThrow({ where: { caseId: kase.id } });
    const file = await call(documentRoute.loader as RouteFunction, request(`/documents/${letter.documentId}`, applicant), { documentId: letter.documentId });
    const text = (await pdfPageTexts(new Uint8Array(await file.response!.arrayBuffer()))).join(" ").replace(/\s+/g, " ");
    expect(text).toContain(`${kase.lee.fileName} (Denial letter), dated ${formatLocalDate("2026-08-20")}, by Dr. Sam Lee; cited: pages 1, 3–4`);
    // Considered without a citation, and undated: placed by when it came in.
    const received = formatLocalDate(localDate(kase.scan.createdAt, "America/New_York"));
    expect(text).toContain(`${kase.scan.fileName} (Medical records), undated; received ${received}`);
  });
});
