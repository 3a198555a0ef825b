import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "~/forms/form-data";
import { comparableName, determinationDefaults, determinationFormValues, determinationSchema, qualityDecisionSchema } from "~/schemas/determination";
import { STANDARDS_OF_REVIEW } from "~/domain/review-statements";

const schema = determinationSchema({ reviewerName: "Dr. Priya Raman" });
const year = new Date().getFullYear();

const complete = {
  intent: "submit",
  outcome: "OVERTURNED",
  partOverturned: "",
  principalReasons: "Conservative treatment failed.",
  clinicalRationale: "Imaging shows instability.",
  references: [{ title: "Lumbar fusion guideline", source: "North American Spine Society", year: "2021", url: "https://www.spine.org/guideline" }],
  documentsConsidered: ["5f0c9a52-3f1e-4d8e-9a43-1d9a6c2b7e10"],
  standardOfReview: "medical-necessity",
  standardOfReviewOther: "",
  noConflict: "yes",
  signedName: "Priya Raman",
};

const errorsOf = (values: Record<string, unknown>) => {
  const result = schema.safeParse(values);
  return result.success ? {} : zodFieldErrors(result.error);
};

describe("submitting a determination", () => {
  it("takes a complete, signed determination and keeps only what the letter needs", () => {
    expect(schema.parse(complete)).toEqual({
      intent: "submit",
      outcome: "OVERTURNED",
      partOverturned: null,
      principalReasons: "Conservative treatment failed.",
      clinicalRationale: "Imaging shows instability.",
      references: [{ title: "Lumbar fusion guideline", source: "North American Spine Society", year: 2021, url: "https://www.spine.org/guideline" }],
      documentsConsidered: ["5f0c9a52-3f1e-4d8e-9a43-1d9a6c2b7e10"],
      citations: [],
      standardOfReview: STANDARDS_OF_REVIEW[0].text,
      signedName: "Priya Raman",
      draftVersion: null,
    });
  });

  it("says exactly what is missing, next to each field", () => {
    expect(errorsOf({ intent: "submit", references: [{ title: "", source: "", year: "", url: "" }] })).toEqual({
      outcome: "Choose the outcome: uphold, overturn, or overturn in part.",
      principalReasons: "Give the principal reasons for your determination.",
      clinicalRationale: "Explain the clinical rationale.",
      "references.0.title": "List at least one criterion, guideline or article you relied on: enter its title.",
      documentsConsidered: "Tick each document you considered: at least one.",
      standardOfReview: "Choose the standard of review you applied.",
      noConflict: "Tick the statement to confirm you have no conflict of interest in this case.",
      signedName: "Type your full name to sign the statement.",
    });
  });

  it("requires the part overturned for an overturn in part, and drops it otherwise", () => {
    expect(errorsOf({ ...complete, outcome: "OVERTURNED_IN_PART" })).toEqual({ partOverturned: "Say which part of the denial is overturned." });
    expect(schema.parse({ ...complete, outcome: "OVERTURNED_IN_PART", partOverturned: "Six of the twelve sessions" }).partOverturned).toBe(
      "Six of the twelve sessions",
    );
    expect(schema.parse({ ...complete, outcome: "UPHELD", partOverturned: "left over from an earlier choice" }).partOverturned).toBeNull();
  });

  it("requires each criterion or article whole: title, source and year; the link is optional but must be a web address", () => {
    const references = [
      { title: "Guideline", source: "", year: "", url: "" },
      { title: "", source: "JAMA", year: "21", url: "ftp://example.org" },
      { title: "", source: "", year: "", url: "" },
    ];
    expect(errorsOf({ ...complete, references })).toEqual({
      "references.0.source": "Enter who published it (a journal, society or guideline body).",
      "references.0.year": "Enter the year it was published.",
      "references.1.title": "Enter the title of this item, or remove the row.",
      "references.1.year": `Enter a year from 1900 to ${year + 1}, like 2021.`,
      "references.1.url": "Enter a web address starting with https://, or leave the link empty.",
    });
  });

  it("asks to describe another standard of review", () => {
    expect(errorsOf({ ...complete, standardOfReview: "other" })).toEqual({ standardOfReviewOther: "Describe the standard of review you applied." });
    expect(schema.parse({ ...complete, standardOfReview: "other", standardOfReviewOther: "Milliman care guidelines" }).standardOfReview).toBe(
      "Milliman care guidelines",
    );
    expect(errorsOf({ ...complete, standardOfReview: "whatever" })).toEqual({ standardOfReview: "Choose one of the standards listed." });
  });

  it("needs the statement ticked and signed with the name on the account, whatever the title or case", () => {
    expect(errorsOf({ ...complete, noConflict: false })).toEqual({
      noConflict: "Tick the statement to confirm you have no conflict of interest in this case.",
    });
    expect(errorsOf({ ...complete, signedName: "Someone Else" })).toEqual({
      signedName: "Type your full name as it is on your account: Dr. Priya Raman.",
    });
    for (const signedName of ["priya raman", "Dr Priya Raman", "PRIYA  RAMAN, MD"]) expect(errorsOf({ ...complete, signedName })).toEqual({});
    expect(comparableName("Dr. Priya Raman")).toBe("priya raman");
  });

  it("reads the browser's shapes of ticked boxes: one document, none, or a checked statement", () => {
    const documentId = "3f6c2a52-8f0e-4f7e-9a43-0d8e1c2b7a10";
    expect(schema.parse({ ...complete, documentsConsidered: documentId, noConflict: true }).documentsConsidered).toEqual([documentId]);
    expect(errorsOf({ ...complete, documentsConsidered: false })).toEqual({ documentsConsidered: "Tick each document you considered: at least one." });
    expect(errorsOf({ ...complete, documentsConsidered: [documentId, "doc-1"] })).toEqual({
      documentsConsidered: "A document you ticked is not in this case's file. Reload the page and tick the documents again.",
    });
  });
});

describe("saving a draft", () => {
  it("keeps whatever is written, half-written criteria included, without asking for the signature", () => {
    const draft = schema.parse({
      intent: "save",
      outcome: "",
      principalReasons: "So far: ",
      references: [
        { title: "Guideline", source: "", year: "", url: "" },
        { title: "", source: "", year: "", url: "" },
      ],
      documentsConsidered: [],
    });
    expect(draft).toMatchObject({
      intent: "save",
      outcome: null,
      principalReasons: "So far:",
      clinicalRationale: "",
      references: [{ title: "Guideline", source: "", year: null, url: null }],
      standardOfReview: null,
      signedName: null,
    });
  });

  it("numbers each draft saved while typing, so the server keeps the newest; a draft saved on its own needs the number", () => {
    expect(schema.parse({ intent: "saveDraft", draftVersion: "7", principalReasons: "So far" })).toMatchObject({ intent: "saveDraft", draftVersion: 7 });
    expect(schema.parse({ intent: "save", draftVersion: "3" }).draftVersion).toBe(3);
    expect(errorsOf({ intent: "saveDraft", principalReasons: "So far" })).toEqual({ draftVersion: "Reload the page and try again." });
    expect(errorsOf({ intent: "save", draftVersion: "-1" })).toEqual({ draftVersion: "Reload the page and try again." });
    expect(schema.parse({ ...complete, draftVersion: "4" }).draftVersion).toBeNull();
  });

  it("still refuses what could never be right: a wrong year or link, or text too long", () => {
    expect(errorsOf({ intent: "save", references: [{ title: "", source: "", year: "next year", url: "not a link" }] })).toEqual({
      "references.0.year": `Enter a year from 1900 to ${year + 1}, like 2021.`,
      "references.0.url": "Enter a web address starting with https://, or leave the link empty.",
    });
    expect(errorsOf({ intent: "save", principalReasons: "x".repeat(10_001) })).toEqual({ principalReasons: "Use at most 10,000 characters." });
  });
});

describe("the determination form's values", () => {
  it("turns posted rows into a list and keeps every ticked document", () => {
    const form = new FormData();
    form.append("intent", "save");
    form.append("references.1.title", "Second");
    form.append("references.0.title", "First");
    form.append("references.0.year", "2020");
    form.append("documentsConsidered", "a");
    form.append("documentsConsidered", "b");
    form.append("intent", "submit");
    expect(determinationFormValues(form)).toEqual({
      intent: "submit",
      documentsConsidered: ["a", "b"],
      references: [
        { title: "First", source: "", year: "2020", url: "" },
        { title: "Second", source: "", year: "", url: "" },
      ],
      citations: [],
    });
  });

  it("start from the saved draft, or from the standard that fits the dispute", () => {
    expect(determinationDefaults(null, "EXPERIMENTAL_INVESTIGATIONAL")).toMatchObject({
      outcome: "",
      standardOfReview: "experimental",
      references: [{ title: "", source: "", year: "", url: "" }],
    });
    const saved = determinationDefaults(
      {
        outcome: "UPHELD",
        partOverturned: null,
        principalReasons: "Reasons",
        clinicalRationale: null,
        references: [{ title: "T", source: "S", year: null, url: null }],
        documentsConsidered: ["a"],
        citations: [],
        standardOfReview: "Milliman care guidelines",
      },
      "MEDICAL_NECESSITY",
    );
    expect(saved).toMatchObject({
      outcome: "UPHELD",
      references: [{ title: "T", source: "S", year: "", url: "" }],
      standardOfReview: "other",
      standardOfReviewOther: "Milliman care guidelines",
      documentsConsidered: ["a"],
    });
  });
});

describe("the coordinator's quality decision", () => {
  it("sends back only with comments and at least one opinion chosen", () => {
    const result = qualityDecisionSchema.safeParse({ intent: "send-back", version: "4", comments: " ", determinationIds: [] });
    expect(result.success ? {} : zodFieldErrors(result.error)).toEqual({
      comments: "Write what the reviewer must change: your comments are sent to them.",
      determinationIds: "Tick the opinion to send back: at least one.",
    });
    expect(qualityDecisionSchema.parse({ intent: "approve", version: "4", findings: " Supported. " })).toEqual({
      intent: "approve",
      version: 4,
      comments: "",
      findings: "Supported.",
      determinationIds: [],
    });
  });

  it("approves only with the summary of the findings the regulators publish", () => {
    const result = qualityDecisionSchema.safeParse({ intent: "approve", version: "4", findings: " " });
    expect(result.success ? {} : zodFieldErrors(result.error)).toEqual({
      findings: "Summarize the findings: the regulators' yearly export publishes them with the decision.",
    });
  });
});

describe("pages cited", () => {
  const lee = "5f0c9a52-3f1e-4d8e-9a43-1d9a6c2b7e10";
  const scan = "7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  const citing = determinationSchema({
    reviewerName: "Dr. Priya Raman",
    documents: [
      { id: lee, pageCount: 12 },
      { id: scan, pageCount: null },
    ],
  });
  const citationErrors = (citations: Record<string, string>[], intent = "saveDraft") => {
    const result = citing.safeParse({ intent, draftVersion: "2", citations });
    return result.success ? {} : zodFieldErrors(result.error);
  };
  const row = (values: Partial<Record<"documentId" | "fromPage" | "toPage" | "note", string>>) => ({
    documentId: "",
    fromPage: "",
    toPage: "",
    note: "",
    ...values,
  });

  it("keeps whole citations, a single page when the last is empty, and counts their documents as considered", () => {
    const parsed = citing.parse({
      ...complete,
      documentsConsidered: [],
      citations: [
        row({ documentId: lee, fromPage: "3", toPage: "5", note: "The prior trial of physical therapy" }),
        row({ documentId: scan, fromPage: "40" }),
        row({}),
      ],
    });
    expect(parsed.citations).toEqual([
      { documentId: lee, fromPage: 3, toPage: 5, note: "The prior trial of physical therapy" },
      { documentId: scan, fromPage: 40, toPage: 40, note: null },
    ]);
    expect(parsed.documentsConsidered).toEqual([lee, scan]);
  });

  it("says next to each field what is wrong, in a draft as in a submission", () => {
    expect(
      citationErrors([
        row({ fromPage: "2" }),
        row({ documentId: lee, fromPage: "0", toPage: "x" }),
        row({ documentId: lee, fromPage: "6", toPage: "4" }),
        row({ documentId: lee, fromPage: "12", toPage: "13" }),
        row({ documentId: "7b1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d", fromPage: "1" }),
        row({ documentId: lee, note: "x".repeat(301) }),
      ]),
    ).toEqual({
      "citations.0.documentId": "Choose the document these pages are in.",
      "citations.1.fromPage": "Enter a page number: 1 or more.",
      "citations.1.toPage": "Enter a page number: 1 or more, or leave it empty for a single page.",
      "citations.2.toPage": "The last page comes before the first: swap them.",
      "citations.3.toPage": "This document has 12 pages.",
      "citations.4.documentId": "Choose a document of this case's file.",
      "citations.5.fromPage": "Enter the first page cited.",
      "citations.5.note": "Use at most 300 characters.",
    });
  });

  it("takes at most 50 citations", () => {
    const many = Array.from({ length: 51 }, (_, index) => row({ documentId: scan, fromPage: String(index + 1) }));
    expect(citationErrors(many)).toEqual({ "citations.50.documentId": "Cite at most 50 page ranges." });
    expect(citationErrors(many.slice(0, 50))).toEqual({});
  });

  it("reads citation rows from the posted form, and starts from the saved ones plus a page asked to be cited", () => {
    const formData = new FormData();
    formData.append("citations.0.documentId", lee);
    formData.append("citations.0.fromPage", "3");
    formData.append("citations.1.note", "Later");
    expect(determinationFormValues(formData).citations).toEqual([
      { documentId: lee, fromPage: "3", toPage: "", note: "" },
      { documentId: "", fromPage: "", toPage: "", note: "Later" },
    ]);
    expect(determinationDefaults(null, null).citations).toEqual([{ documentId: "", fromPage: "", toPage: "", note: "" }]);
    const defaults = determinationDefaults(
      {
        outcome: null,
        partOverturned: null,
        principalReasons: null,
        clinicalRationale: null,
        references: [],
        documentsConsidered: [],
        citations: [{ documentId: lee, fromPage: 3, toPage: 5, note: "PT" }],
        standardOfReview: null,
      },
      null,
      { documentId: scan, page: 7 },
    );
    expect(defaults.citations).toEqual([
      { documentId: lee, fromPage: "3", toPage: "5", note: "PT" },
      { documentId: scan, fromPage: "7", toPage: "", note: "" },
    ]);
    expect(defaults.documentsConsidered).toEqual([scan]);
  });
});
