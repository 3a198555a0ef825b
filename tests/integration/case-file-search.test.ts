/**
 * Search across the case file (issue 20): the page index read with the
 * query language, the hits ranked and highlighted, duplicates set aside, and
 * the case's access rules and audit around every search.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { MARK_START, MARK_STOP, snippetParts } from "~/domain/casefile/search-hits";
import { searchCaseFile, type CaseFileSearch } from "~/server/casefile/search-case-file.server";
import { db } from "~/server/db.server";
import { AppError } from "~/server/errors.server";
import * as coordinatorCaseRoute from "~/routes/iro/case";
import * as reviewCaseRoute from "~/routes/review/case";
import { createCaseInReview } from "#tests/support/case-factories";
import { actorFor, createPlan, createReviewer, createUser, sessionUserOf } from "#tests/support/factories";
import { call, request, withSession, type LoaderData, type RouteFunction } from "#tests/support/routes";

const AT = new Date("2026-11-20T15:00:00Z");

type Person = ReturnType<typeof sessionUserOf>;
let coordinator: Person;
let reviewer: Person;
let otherReviewer: Person;
let planUser: Person;
let kase: Awaited<ReturnType<typeof createCaseInReview>>;
let records: { id: string };
let letter: { id: string };

const PAGES = [
  "Progress note. The patient reports chest pain on exertion and shortness of breath. Echocardiogram ordered.",
  "Cardiology consult: findings consistent with heart failure with reduced ejection fraction. Start metoprolol 25 mg.",
  "Physical therapy note: knee range of motion improved. No chest symptoms reported today.",
  "Nota de evolución: el paciente refiere dolores torácicos intensos y palpitaciones nocturnas.",
  "Discharge summary. Diagnosis: congestive heart failure. Follow-up with cardiology in two weeks.",
  "Laboratory results: hemoglobin A1c 7.9 percent, LDL 130. Metformin continued.",
];

beforeAll(async () => {
  const plan = await createPlan();
  const applicant = await createUser({ roles: ["APPLICANT"] });
  coordinator = sessionUserOf(await createUser({ roles: ["COORDINATOR"] }));
  reviewer = sessionUserOf(await createReviewer({ name: "Dr. Search" }));
  otherReviewer = sessionUserOf(await createReviewer({ name: "Dr. Elsewhere" }));
  planUser = sessionUserOf(await createUser({ roles: ["PLAN"], planId: plan.id }));
  kase = await createCaseInReview({ applicantId: applicant.id, planId: plan.id, coordinatorId: coordinator.id, reviewerIds: [reviewer.id] });
  letter = kase.documents[0]!;
  records = kase.documents[1]!;
  await db.document.update({ where: { id: records.id }, data: { fileName: "hospital-records.pdf", textLayerStatus: "DONE", pageCount: 6, pagesIndexed: 6 } });
  await db.document.update({ where: { id: letter.id }, data: { fileName: "denial-letter.pdf", textLayerStatus: "RUNNING", pageCount: 4, pagesIndexed: 2 } });
  await db.documentPage.createMany({
    data: PAGES.map((text, index) => ({ documentId: records.id, caseId: kase.id, pageNumber: index + 1, text, source: "EMBEDDED" as const })),
  });
  const original = await db.documentPage.findFirstOrThrow({ where: { documentId: records.id, pageNumber: 5 } });
  await db.documentPage.createMany({
    data: [
      {
        documentId: letter.id,
        caseId: kase.id,
        pageNumber: 1,
        text: "We denied the request: not medically necessary for heart failure at this stage.",
        source: "EMBEDDED",
      },
      // A faxed copy of the discharge summary: set aside as a duplicate.
      { documentId: letter.id, caseId: kase.id, pageNumber: 2, text: PAGES[4]!, source: "OCR", duplicateOfId: original.id, duplicateKind: "NEAR" },
    ],
  });
  // Another case's pages never show in this case's search.
  const other = await createCaseInReview({ applicantId: applicant.id, planId: plan.id, coordinatorId: coordinator.id, reviewerIds: [otherReviewer.id] });
  await db.documentPage.create({
    data: { documentId: other.documents[0]!.id, caseId: other.id, pageNumber: 1, text: "Chest pain and heart failure elsewhere.", source: "EMBEDDED" },
  });
});

async function search(query: string, options: { user?: Person; hideDuplicates?: boolean; page?: number } = {}): Promise<CaseFileSearch> {
  const user = options.user ?? reviewer;
  const result = await searchCaseFile({
    user,
    actor: actorFor(user),
    caseId: kase.id,
    query,
    at: AT,
    from: user === coordinator ? "coordinator" : "reviewer",
    hideDuplicates: options.hideDuplicates,
    page: options.page,
  });
  return result.search!;
}

/** Where the hits are, as "file p.N". */
const pagesOf = (result: CaseFileSearch) =>
  result.documents.flatMap((document) => document.hits.map((hit) => `${document.fileName} p.${hit.pageNumber}`)).sort();
const marked = (result: CaseFileSearch) =>
  result.documents.flatMap((document) =>
    document.hits.flatMap((hit) =>
      snippetParts(hit.snippet)
        .filter((part) => part.marked)
        .map((part) => part.text.toLowerCase()),
    ),
  );

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("searching the case file", () => {
  it("finds a phrase, its words next to each other, and highlights them", async () => {
    const result = await search('"heart failure"');
    expect(pagesOf(result)).toEqual(["denial-letter.pdf p.1", "hospital-records.pdf p.2", "hospital-records.pdf p.5"]);
    expect(new Set(marked(result))).toEqual(new Set(["heart", "failure"]));
    expect(pagesOf(await search('"failure heart"'))).toEqual([]);
  });

  it("needs every word, or either with OR, and leaves words out with NOT or a minus", async () => {
    expect(pagesOf(await search("chest pain"))).toEqual(["hospital-records.pdf p.1"]);
    expect(pagesOf(await search("metformin OR echocardiogram"))).toEqual(["hospital-records.pdf p.1", "hospital-records.pdf p.6"]);
    expect(pagesOf(await search("chest -pain"))).toEqual(["hospital-records.pdf p.3"]);
    expect(pagesOf(await search("cardiology NOT discharge"))).toEqual(["hospital-records.pdf p.2"]);
  });

  it("matches the start of a word and English word forms", async () => {
    expect(pagesOf(await search("echocardio*"))).toEqual(["hospital-records.pdf p.1"]);
    expect(pagesOf(await search("cardio* AND discharge"))).toEqual(["hospital-records.pdf p.5"]);
    expect(pagesOf(await search("heart-fail*"))).toEqual(["denial-letter.pdf p.1", "hospital-records.pdf p.2", "hospital-records.pdf p.5"]);
    // A prefix no word of this case starts finds nothing, though another case has "elsewhere".
    expect((await search("elsewh*")).total).toBe(0);
    // "reports" is found by "reported": both stem to "report".
    expect(pagesOf(await search("reported chest"))).toEqual(["hospital-records.pdf p.1", "hospital-records.pdf p.3"]);
  });

  it("finds Spanish word forms and highlights them", async () => {
    const result = await search("dolor torácico");
    expect(pagesOf(result)).toEqual(["hospital-records.pdf p.4"]);
    expect(marked(result)).toEqual(expect.arrayContaining(["dolores", "torácicos"]));
  });

  it("falls back on close spellings of a single word that matches nothing", async () => {
    const result = await search("metoprolo");
    expect(result.closeSpellingsOf).toBe("metoprolo");
    expect(pagesOf(result)).toEqual(["hospital-records.pdf p.2"]);
    expect(marked(result)).toEqual(["metoprolol"]);
    const phrase = await search('"metoprolo dose"');
    expect(phrase.closeSpellingsOf).toBeNull();
    expect(phrase.total).toBe(0);
  });

  it("finds the words of a page read again, by their start and by a close spelling", async () => {
    const page = await db.documentPage.create({
      data: { documentId: records.id, caseId: kase.id, pageNumber: 8, text: "Blank page.", source: "NONE" },
    });
    await db.documentPage.update({
      where: { id: page.id },
      data: { text: "Angiography report: stenosis of the left anterior descending artery.", source: "OCR" },
    });
    expect(pagesOf(await search("angiograph*"))).toEqual(["hospital-records.pdf p.8"]);
    const close = await search("stenossis");
    expect(close.closeSpellingsOf).toBe("stenossis");
    expect(pagesOf(close)).toEqual(["hospital-records.pdf p.8"]);
    await db.documentPage.delete({ where: { id: page.id } });
  });

  it("hides pages that repeat another page unless asked, and says how many", async () => {
    const hidden = await search("discharge summary");
    expect(pagesOf(hidden)).toEqual(["hospital-records.pdf p.5"]);
    expect(hidden.hiddenDuplicates).toBe(1);
    const shown = await search("discharge summary", { hideDuplicates: false });
    expect(pagesOf(shown)).toEqual(["denial-letter.pdf p.2", "hospital-records.pdf p.5"]);
    expect(shown.hiddenDuplicates).toBe(0);
    expect(shown.documents.flatMap((document) => document.hits).find((hit) => hit.duplicate)).toBeDefined();
  });

  it("never lets a document's own text forge a highlight", async () => {
    await db.documentPage.create({
      data: { documentId: records.id, caseId: kase.id, pageNumber: 7, text: `Forged ${MARK_START}highlight${MARK_STOP} around syncope.`, source: "EMBEDDED" },
    });
    const result = await search("syncope");
    expect(marked(result)).toEqual(["syncope"]);
    await db.documentPage.deleteMany({ where: { documentId: records.id, pageNumber: 7 } });
  });

  it("reports how much of the case file is searchable", async () => {
    const { coverage } = await searchCaseFile({ user: reviewer, actor: actorFor(reviewer), caseId: kase.id, query: null, at: AT, from: "reviewer" });
    expect(coverage).toEqual({ indexed: 8, total: 10, stillReading: 2, unreadable: 0 });
  });

  it("refuses a query it cannot read with the parser's message, searching and auditing nothing", async () => {
    const before = await db.auditLog.count({ where: { actorId: reviewer.id, action: "case.case_file_searched" } });
    const answer = await searchCaseFile({ user: reviewer, actor: actorFor(reviewer), caseId: kase.id, query: '"heart failure', at: AT, from: "reviewer" });
    expect(answer).toMatchObject({ search: null, refused: "A quoted phrase needs its closing quote.", query: '"heart failure' });
    expect(await db.auditLog.count({ where: { actorId: reviewer.id, action: "case.case_file_searched" } })).toBe(before);
  });

  it("lets the coordinator search the same case file", async () => {
    expect(pagesOf(await search('"heart failure"', { user: coordinator }))).toEqual([
      "denial-letter.pdf p.1",
      "hospital-records.pdf p.2",
      "hospital-records.pdf p.5",
    ]);
  });
});

describe("who may search, and the audit", () => {
  it("answers 404 to a reviewer not assigned to the case and to a plan user, and logs the refusal", async () => {
    for (const user of [otherReviewer, planUser]) {
      const error = await refusal(search("heart", { user }));
      expect(error.status, user.email).toBe(404);
      const refusals = await db.auditLog.findMany({ where: { actorId: user.id, action: "access.denied" } });
      expect(refusals).toHaveLength(1);
      expect(JSON.stringify(refusals.map((row) => row.detail))).not.toContain("heart");
    }
  });

  it("audits every search as a view of the record, without the words searched", async () => {
    const before = await db.auditLog.count({ where: { actorId: coordinator.id, action: "case.case_file_searched" } });
    await search("metformin OR echocardiogram", { user: coordinator });
    const rows = await db.auditLog.findMany({ where: { actorId: coordinator.id, action: "case.case_file_searched" }, orderBy: { id: "desc" } });
    expect(rows).toHaveLength(before + 1);
    expect(rows[0]).toMatchObject({ objectType: "Case", objectId: kase.id, at: AT });
    expect(rows[0]!.detail).toEqual({ reference: kase.reference, page: "coordinator", queryLength: 27, terms: 2, hits: 2, closeSpellings: false });
    expect(JSON.stringify(rows[0]!.detail)).not.toContain("metformin");
  });
});

describe("the search on the case pages", () => {
  it("answers the reviewer's page with the hits, and 400 with the message by the field for a query it cannot read", async () => {
    const session = await withSession(reviewer);
    const open = (query: string) =>
      call<Extract<LoaderData<typeof reviewCaseRoute.loader>, { view: "case" }>>(
        reviewCaseRoute.loader as RouteFunction,
        request(`/review/cases/${kase.id}?q=${encodeURIComponent(query)}`, session),
        { caseId: kase.id },
      );
    const found = await open('"heart failure" -discharge');
    expect(found.status).toBe(200);
    expect(pagesOf(found.data.caseFileSearch.search!)).toEqual(["denial-letter.pdf p.1", "hospital-records.pdf p.2"]);
    const refused = await open("pain OR");
    expect(refused.status).toBe(400);
    expect(refused.data.caseFileSearch).toMatchObject({ refused: "OR needs a word on each side.", query: "pain OR", search: null });
  });

  it("answers the coordinator's page with duplicates shown when asked", async () => {
    const session = await withSession(coordinator);
    const page = await call<LoaderData<typeof coordinatorCaseRoute.loader>>(
      coordinatorCaseRoute.loader as RouteFunction,
      request(`/iro/cases/${kase.id}?q=discharge&duplicates=show`, session),
      { caseId: kase.id },
    );
    expect(page.status).toBe(200);
    expect(pagesOf(page.data.caseFileSearch.search!)).toEqual(["denial-letter.pdf p.2", "hospital-records.pdf p.5"]);
  });
});
