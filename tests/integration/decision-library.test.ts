/**
 * The public library of decisions, as a signed-out visitor uses it: search
 * in English and Spanish, filters and their counts, pages, one decision, the
 * exports; and what it never shows (a publication not yet published, the raw
 * diagnosis subcategory of one shown with its category alone, the case).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { REGULATOR_EXPORT_HEADER } from "~/domain/reports/regulator-export";
import { db } from "~/server/db.server";
import { libraryQueryOf } from "~/schemas/library";
import { searchLibrary } from "~/server/publication/library.server";
import * as decisionsPage from "~/routes/decisions/index";
import * as decisionPage from "~/routes/decisions/decision";
import * as csvExport from "~/routes/decisions/decisions.csv";
import * as jsonExport from "~/routes/decisions/decisions.json";
import { createCase, createPlan, createUser } from "#tests/support/factories";
import { call, request, type LoaderData, type RouteFunction } from "#tests/support/routes";
import { useTestConfig } from "#tests/support/test-database";

type Published = Partial<{
  status: "DRAFT" | "WAITING" | "PUBLISHED";
  year: number;
  ageRange: string | null;
  gender: string | null;
  diagnosisCategory: string;
  diagnosisSubcategory: string;
  shownDiagnosisSubcategory: string | null;
  treatmentCategory: string;
  treatmentSubcategory: string;
  outcome: "UPHELD" | "OVERTURNED" | "OVERTURNED_IN_PART";
  disputeType: "MEDICAL_NECESSITY" | "EXPERIMENTAL_INVESTIGATIONAL" | "URGENT_CARE";
  track: "STANDARD" | "EXPEDITED";
  planId: string | null;
  literature: object[];
  publishedAt: Date;
}> & { findings: string };

let applicantId = "";
const publicationAt = new Date("2026-03-02T15:00:00Z");

async function publish(fields: Published) {
  const kase = await createCase({ applicantId, status: "DECIDED" });
  const status = fields.status ?? "PUBLISHED";
  const subcategory = fields.diagnosisSubcategory ?? "Breast";
  return db.publication.create({
    data: {
      caseId: kase.id,
      status,
      draftFindings: `Draft of ${kase.reference}: ${fields.findings}`,
      findings: fields.findings,
      relativeNames: ["Rosalind Quiller"],
      year: fields.year ?? 2025,
      ageRange: fields.ageRange === undefined ? "41-50" : fields.ageRange,
      gender: fields.gender === undefined ? "FEMALE" : fields.gender,
      diagnosisCategory: fields.diagnosisCategory ?? "Cancer",
      diagnosisSubcategory: subcategory,
      diagnosisDetail: status === "PUBLISHED" ? (fields.shownDiagnosisSubcategory === null ? "CATEGORY" : "SUBCATEGORY") : null,
      shownDiagnosisSubcategory: fields.shownDiagnosisSubcategory === undefined ? subcategory : fields.shownDiagnosisSubcategory,
      treatmentCategory: fields.treatmentCategory ?? "Cancer care",
      treatmentSubcategory: fields.treatmentSubcategory ?? "Proton beam therapy",
      outcome: fields.outcome ?? "OVERTURNED",
      disputeType: fields.disputeType ?? "MEDICAL_NECESSITY",
      track: fields.track ?? "STANDARD",
      planId: fields.planId ?? null,
      daysToDecision: 30,
      decidedOnTime: true,
      literature: fields.literature ?? [],
      publishedAt: status === "PUBLISHED" ? (fields.publishedAt ?? publicationAt) : null,
    },
    include: { case: { select: { reference: true } } },
  });
}

const search = (address: string) => searchLibrary(libraryQueryOf(new URL(address, "http://portal.test").searchParams));
const numbers = async (address: string) => (await search(address)).hits.map((hit) => hit.number);
const counts = (facet: { value: string; count: number }[]) => Object.fromEntries(facet.map(({ value, count }) => [value, count]));

let proton: Awaited<ReturnType<typeof publish>>;
let radiation: Awaited<ReturnType<typeof publish>>;
let knee: Awaited<ReturnType<typeof publish>>;
let depression: Awaited<ReturnType<typeof publish>>;
let waiting: Awaited<ReturnType<typeof publish>>;
let draft: Awaited<ReturnType<typeof publish>>;
let harbor: { id: string; name: string };

beforeAll(async () => {
  useTestConfig({ LIBRARY_REQUESTS_PER_MINUTE: "5" });
  applicantId = (await createUser({ roles: ["APPLICANT"] })).id;
  harbor = await createPlan("Harbor Health");
  const summit = await createPlan("Summit Care");
  proton = await publish({
    findings: "The reviewers found proton beam therapy medically necessary: the tumor lies beside the heart, and photon radiation would harm it.",
    planId: harbor.id,
    literature: [{ title: "Proton therapy for left-sided breast cancer", source: "Int J Radiat Oncol", year: 2021, url: "https://example.org/proton" }],
  });
  radiation = await publish({
    findings: "Los revisores concluyeron que las radioterapias solicitadas no eran médicamente necesarias para esta paciente.",
    diagnosisSubcategory: "Skin",
    shownDiagnosisSubcategory: null,
    treatmentSubcategory: "Radiation therapy",
    outcome: "UPHELD",
    planId: harbor.id,
  });
  knee = await publish({
    findings: "Total knee replacement surgeries are the standard of care after failed conservative treatment, so the denial is overturned in part.",
    year: 2024,
    ageRange: "51-64",
    gender: "MALE",
    diagnosisCategory: "Orthopedic/Musculoskeletal",
    diagnosisSubcategory: "Knee",
    treatmentCategory: "Orthopedic procedure",
    treatmentSubcategory: "Knee replacement",
    outcome: "OVERTURNED_IN_PART",
    track: "EXPEDITED",
    planId: summit.id,
  });
  depression = await publish({
    findings: "Transcranial magnetic stimulation is investigational for this indication; the reviewers upheld the denial.",
    year: 2026,
    ageRange: null,
    gender: "X",
    diagnosisCategory: "Mental",
    diagnosisSubcategory: "Depression",
    treatmentCategory: "Mental health",
    treatmentSubcategory: "Other",
    outcome: "UPHELD",
    disputeType: "EXPERIMENTAL_INVESTIGATIONAL",
  });
  waiting = await publish({ status: "WAITING", findings: "Zebrafish models support proton beam therapy here." });
  draft = await publish({ status: "DRAFT", findings: "Zebrafish studies were cited in the draft." });
  // Twenty-one more in a year of their own, for the pages.
  for (let i = 0; i < 21; i++)
    await publish({
      year: 2019,
      findings: `Decision about asthma inhalers, number ${i}.`,
      diagnosisCategory: "Respiratory system",
      diagnosisSubcategory: "Asthma",
      treatmentCategory: "Pharmacy",
      treatmentSubcategory: "Inhaler",
    });
});

describe("searching the library", () => {
  it("finds decisions by the stems of English words and of Spanish ones", async () => {
    expect(await numbers("/decisions?q=surgery")).toEqual([knee.number]);
    expect(await numbers("/decisions?q=protons")).toEqual([proton.number]);
    // "radioterapia" and "necesaria" match "radioterapias … necesarias" by their Spanish stems.
    expect(await numbers("/decisions?q=radioterapia necesaria")).toEqual([radiation.number]);
    // The categories are searched too: the treatment subcategory "Knee replacement".
    expect(await numbers('/decisions?q="knee replacement"')).toEqual([knee.number]);
  });

  it("never finds a publication that is not published, whatever it says", async () => {
    expect(await numbers("/decisions?q=zebrafish")).toEqual([]);
    const all = await search("/decisions");
    expect(all.total).toBe(25);
    expect(all.hits.map((hit) => hit.number)).not.toContain(waiting.number);
    expect(all.hits.map((hit) => hit.number)).not.toContain(draft.number);
  });

  it("filters, and counts each filter's values among the decisions found", async () => {
    const cancer = await search("/decisions?diagnosisCategory=Cancer");
    expect(cancer.total).toBe(2);
    expect(counts(cancer.facets.outcome)).toEqual({ OVERTURNED: 1, UPHELD: 1 });
    expect(cancer.facets.plan).toEqual([{ value: harbor.id, label: "Harbor Health", count: 2 }]);
    const result = await search("/decisions?year=2025&outcome=UPHELD");
    expect(result.hits.map((hit) => hit.number)).toEqual([radiation.number]);
    expect(result.total).toBe(1);
    expect(counts(result.facets.year)).toEqual({ "2025": 1 });
    expect(counts(result.facets.treatmentCategory)).toEqual({ "Cancer care": 1 });
    const twoYears = await search("/decisions?year=2024&year=2026");
    expect(twoYears.hits.map((hit) => hit.number)).toEqual([depression.number, knee.number]);
    expect(counts(twoYears.facets.gender)).toEqual({ MALE: 1, X: 1 });
    expect(counts(twoYears.facets.year)).toEqual({ "2024": 1, "2026": 1 });
    expect(counts((await search("/decisions?q=therapy")).facets.diagnosisCategory)).toEqual({ Cancer: 2 });
  });

  it("finds nothing for a filter value it does not know, instead of failing", async () => {
    for (const address of [
      "/decisions?year=soon",
      "/decisions?outcome=MAYBE",
      "/decisions?plan=not-a-plan",
      "/decisions?gender=%27%3B%20DROP",
      "/decisions?track=FAST",
    ]) {
      expect((await search(address)).total, address).toBe(0);
    }
  });

  it("pages by twenty, newest first without keywords, and keeps the query in the page links", async () => {
    const first = await search("/decisions?diagnosisCategory=Respiratory+system&sort=oldest");
    expect(first.total).toBe(21);
    expect(first.hits).toHaveLength(20);
    const second = await search("/decisions?diagnosisCategory=Respiratory+system&sort=oldest&page=2");
    expect(second.hits).toHaveLength(1);
    expect(second.hits[0]!.number).toBeGreaterThan(first.hits[19]!.number);
    expect((await search("/decisions?page=99999")).hits).toHaveLength(0);
    const newest = await numbers("/decisions");
    expect(newest[0]).toBe(depression.number);
  });

  it("shows an excerpt of the findings with the keywords marked", async () => {
    const [hit] = (await search("/decisions?q=photon")).hits;
    expect(hit!.excerpt).toContain("\uE000photon\uE001");
  });
});

describe("the pages", () => {
  it("answers the search page to anyone, with its results and the headers that let it be cached", async () => {
    const answer = await call<LoaderData<typeof decisionsPage.loader>>(decisionsPage.loader as RouteFunction, request("/decisions?q=knee", null));
    expect(answer.status).toBe(200);
    expect(answer.data.search.hits.map((hit) => hit.number)).toEqual([knee.number]);
    expect(answer.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(answer.headers.get("ETag")).toMatch(/^"[\w-]+"$/);
    const again = request("/decisions?q=knee", null);
    again.headers.set("If-None-Match", answer.headers.get("ETag")!);
    expect((await call(decisionsPage.loader as RouteFunction, again)).status).toBe(304);
  });

  it("shows a published decision with its literature and similar decisions, and nothing it must not", async () => {
    const answer = await call<LoaderData<typeof decisionPage.loader>>(decisionPage.loader as RouteFunction, request(`/decisions/${radiation.number}`, null), {
      number: String(radiation.number),
    });
    expect(answer.status).toBe(200);
    const { decision } = answer.data;
    expect(decision.diagnosisSubcategory).toBeNull();
    expect(decision.plan).toBe("Harbor Health");
    expect(decision.similar.map((similar) => similar.number)).toEqual([proton.number]);
    const shown = JSON.stringify(decision);
    for (const hidden of ["Skin", radiation.case!.reference, radiation.caseId, "Rosalind", "Draft of"]) expect(shown).not.toContain(hidden);
    const withLiterature = await call<LoaderData<typeof decisionPage.loader>>(
      decisionPage.loader as RouteFunction,
      request(`/decisions/${proton.number}`, null),
      {
        number: String(proton.number),
      },
    );
    expect(withLiterature.data.decision.literature).toEqual([
      { title: "Proton therapy for left-sided breast cancer", source: "Int J Radiat Oncol", year: 2021, url: "https://example.org/proton" },
    ]);
  });

  it("answers 404 for a number that is not published or not a number", async () => {
    for (const number of [String(waiting.number), String(draft.number), "999999", "abc"]) {
      const answer = await call(decisionPage.loader as RouteFunction, request(`/decisions/${number}`, null), { number });
      expect(answer.status, number).toBe(404);
    }
  });
});

describe("the exports", () => {
  const get = (module: { loader: unknown }, path: string, headers: Record<string, string> = {}) => {
    const req = request(path, null);
    for (const [name, value] of Object.entries(headers)) req.headers.set(name, value);
    return call(module.loader as RouteFunction, req);
  };

  it("gives the CSV in the regulators' columns, the library's number as the reference", async () => {
    const answer = await get(csvExport, "/decisions.csv?diagnosisCategory=Cancer");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = (await answer.response!.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe(REGULATOR_EXPORT_HEADER.join(","));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      `${proton.number},2025,Cancer,Breast,Cancer care,Proton beam therapy,Overturned,Medical necessity,41-50,Female,Standard,30,,` +
        `"The reviewers found proton beam therapy medically necessary: the tumor lies beside the heart, and photon radiation would harm it."`,
    );
    // Shown with its category alone: the subcategory column is empty.
    expect(lines[2]!.startsWith(`${radiation.number},2025,Cancer,,Cancer care,Radiation therapy,Upheld,`)).toBe(true);
  });

  it("gives the same rows as JSON objects, and neither export holds what the library does not show", async () => {
    const json = await get(jsonExport, "/decisions.json");
    const rows = JSON.parse(await json.response!.text()) as Record<string, unknown>[];
    expect(rows).toHaveLength(25);
    expect(rows.find((row) => row.referenceId === String(radiation.number))).toMatchObject({
      diagnosisSubcategory: null,
      determination: "Upheld",
      daysToAdopt: null,
    });
    const csv = await (await get(csvExport, "/decisions.csv")).response!.text();
    for (const text of [JSON.stringify(rows), csv]) {
      for (const hidden of ["Skin", radiation.case!.reference, waiting.case!.reference, "Zebrafish", "Rosalind", "Draft of"])
        expect(text).not.toContain(hidden);
    }
  });

  it("answers 304 to a request that holds the current ETag, and a new ETag once the library changes", async () => {
    const first = await get(jsonExport, "/decisions.json?year=2024");
    const etag = first.headers.get("ETag")!;
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=60");
    const again = await get(jsonExport, "/decisions.json?year=2024", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("ETag")).toBe(etag);
    expect((await get(jsonExport, "/decisions.json?year=2026", { "If-None-Match": etag })).status).toBe(200);
    await publish({
      year: 2024,
      publishedAt: new Date("2026-03-03T15:00:00Z"),
      findings: "Another knee decision.",
      diagnosisCategory: "Orthopedic/Musculoskeletal",
      diagnosisSubcategory: "Knee",
    });
    const changed = await get(jsonExport, "/decisions.json?year=2024", { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    // The whole library's counts, kept between searches, count it too.
    expect((await search("/decisions")).total).toBe(26);
    expect(changed.headers.get("ETag")).not.toBe(etag);
  });
});

describe("the rate limit per network", () => {
  it("refuses a network's requests past the limit with 429 and Retry-After, as a page or as problem+json, and not another network's", async () => {
    const from = (ip: string, path: string, module: { loader: unknown }) => {
      const req = request(path, null);
      req.headers.set("x-imr-client-ip", ip);
      return call(module.loader as RouteFunction, req);
    };
    // The limit is five a minute here; the addresses share one /24.
    for (let i = 1; i <= 5; i++) expect((await from(`203.0.113.${i}`, "/decisions", decisionsPage)).status).toBe(200);
    const page = await from("203.0.113.77", "/decisions", decisionsPage);
    expect(page.status).toBe(429);
    expect(Number(page.headers.get("Retry-After"))).toBeGreaterThan(0);
    const file = await from("203.0.113.78", "/decisions.csv", csvExport);
    expect(file.status).toBe(429);
    expect(file.headers.get("Content-Type")).toBe("application/problem+json");
    expect(Number(file.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await from("203.0.114.1", "/decisions", decisionsPage)).status).toBe(200);
  });
});
