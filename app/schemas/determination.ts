import { z } from "zod";
import { CITATION_LIMITS, citationProblems, type CitableDocument, type Citation } from "~/domain/citations";
import { DECISION_OUTCOMES, type DecisionOutcome } from "~/domain/panel";
import { STANDARDS_OF_REVIEW } from "~/domain/review-statements";
import { isId } from "./ids";

/**
 * The reviewer's determination form, shared by the browser and the action.
 * "Save draft" (the button, or "saveDraft": the page saving on its own a
 * few seconds after the reviewer stops typing) checks only what is typed
 * (lengths, a year, a link); "Submit" also requires every element the decision letter needs and the
 * signed no-conflict statement, and says next to each field what is missing.
 */

const DETERMINATION_INTENTS = ["save", "saveDraft", "submit"] as const;
type DeterminationIntent = (typeof DETERMINATION_INTENTS)[number];

export const OTHER_STANDARD = "other";

const DISPUTE_STANDARD: Record<string, string> = {
  MEDICAL_NECESSITY: "medical-necessity",
  EXPERIMENTAL_INVESTIGATIONAL: "experimental",
  URGENT_CARE: "emergency",
};

export const LIMITS = {
  partOverturned: 2_000,
  principalReasons: 10_000,
  clinicalRationale: 20_000,
  title: 500,
  source: 300,
  url: 2_000,
  standardOfReviewOther: 500,
  references: 30,
  note: 5_000,
} as const;

/** A criterion, guideline or article relied on; a draft may hold a row without its year. */
export interface ReferenceItem {
  title: string;
  source: string;
  year: number | null;
  url: string | null;
}

export interface DeterminationInput {
  intent: DeterminationIntent;
  outcome: DecisionOutcome | null;
  /** Only for an overturn in part. */
  partOverturned: string | null;
  principalReasons: string;
  clinicalRationale: string;
  references: ReferenceItem[];
  /** Every document considered, the cited ones among them. */
  documentsConsidered: string[];
  citations: Citation[];
  standardOfReview: string | null;
  /** The name the reviewer typed to sign the no-conflict statement (submissions only). */
  signedName: string | null;
  /**
   * For a draft: its number, one more than the last save the page knew of
   * (Determination.draftVersion), so a save that arrives after a newer one
   * is refused rather than overwriting it. The page always sends it.
   */
  draftVersion: number | null;
}

// Optional so a field the form did not send reads as empty.
const text = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === "string" ? value.trim() : ""));

const referenceRow = z.object({ title: text, source: text, year: text, url: text });

const citationRow = z.object({ documentId: text, fromPage: text, toPage: text, note: text });
type CitationRow = z.infer<typeof citationRow>;
const isBlankCitation = (row: CitationRow) => !row.documentId && !row.fromPage && !row.toPage && !row.note;
const PAGE_NUMBER = /^[1-9]\d{0,4}$/;

/** A whole citation row as stored: the last page defaults to the first (a single page). */
function citationOf(row: CitationRow): Citation {
  return { documentId: row.documentId, fromPage: Number(row.fromPage), toPage: Number(row.toPage || row.fromPage), note: row.note || null };
}

/** Checkbox groups arrive as an array, one string, or false when nothing is ticked. */
const stringList = z
  .unknown()
  .optional()
  .transform((value) => {
    if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string" && item !== "");
    return typeof value === "string" && value !== "" ? [value] : [];
  });

const ticked = z
  .unknown()
  .optional()
  .transform((value) => value === true || value === "yes" || value === "on");

const TITLES = new Set(["dr", "md", "do", "mr", "mrs", "ms", "mx", "prof"]);

/** A name compared without case, punctuation, spacing or titles ("Dr. Priya Raman, MD" is "priya raman"). */
export function comparableName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .split(/\s+/)
    .filter((word) => word !== "" && !TITLES.has(word))
    .join(" ");
}

function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

const isBlankRow = (row: z.infer<typeof referenceRow>) => !row.title && !row.source && !row.year && !row.url;

/**
 * `reviewerName` is the name on the reviewer's account: the signature must
 * match it. `documents` are the case's documents a citation may name, with
 * their page counts (the page and the action pass them), so a citation of
 * another case's document or of a page past the last is refused next to its
 * field; the write checks them again (assertCitationsOnCase).
 */
export function determinationSchema(options: { reviewerName: string; documents?: readonly CitableDocument[] }) {
  return z
    .object({
      intent: z.enum(DETERMINATION_INTENTS, { error: "Choose Save draft or Submit." }),
      outcome: text,
      partOverturned: text,
      principalReasons: text,
      clinicalRationale: text,
      references: z.array(referenceRow).max(LIMITS.references, `List at most ${LIMITS.references} items.`).default([]),
      documentsConsidered: stringList,
      citations: z.array(citationRow).default([]),
      standardOfReview: text,
      standardOfReviewOther: text,
      noConflict: ticked,
      signedName: text,
      draftVersion: text,
    })
    .superRefine((form, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
      const submitting = form.intent === "submit";
      if (form.draftVersion ? !/^\d{1,9}$/.test(form.draftVersion) : form.intent === "saveDraft") issue(["draftVersion"], "Reload the page and try again.");
      const tooLong = (field: "partOverturned" | "principalReasons" | "clinicalRationale" | "standardOfReviewOther") => {
        if (form[field].length > LIMITS[field]) issue([field], `Use at most ${LIMITS[field].toLocaleString("en-US")} characters.`);
      };

      if (form.outcome && !(DECISION_OUTCOMES as readonly string[]).includes(form.outcome)) issue(["outcome"], "Choose one of the outcomes listed.");
      else if (submitting && !form.outcome) issue(["outcome"], "Choose the outcome: uphold, overturn, or overturn in part.");
      if (form.outcome === "OVERTURNED_IN_PART" && submitting && !form.partOverturned) {
        issue(["partOverturned"], "Say which part of the denial is overturned.");
      }
      tooLong("partOverturned");
      if (submitting && !form.principalReasons) issue(["principalReasons"], "Give the principal reasons for your determination.");
      tooLong("principalReasons");
      if (submitting && !form.clinicalRationale) issue(["clinicalRationale"], "Explain the clinical rationale.");
      tooLong("clinicalRationale");

      // A draft keeps half-written rows; a submission needs each row whole.
      const maxYear = new Date().getFullYear() + 1;
      form.references.forEach((row, index) => {
        if (isBlankRow(row)) return;
        const at = (field: string) => ["references", index, field];
        if (row.title.length > LIMITS.title) issue(at("title"), `Use at most ${LIMITS.title} characters.`);
        else if (submitting && !row.title) issue(at("title"), "Enter the title of this item, or remove the row.");
        if (row.source.length > LIMITS.source) issue(at("source"), `Use at most ${LIMITS.source} characters.`);
        else if (submitting && !row.source) issue(at("source"), "Enter who published it (a journal, society or guideline body).");
        const year = Number(row.year);
        if (row.year && (!/^\d{4}$/.test(row.year) || year < 1900 || year > maxYear)) issue(at("year"), `Enter a year from 1900 to ${maxYear}, like 2021.`);
        else if (submitting && !row.year) issue(at("year"), "Enter the year it was published.");
        if (row.url && (!isWebLink(row.url) || row.url.length > LIMITS.url)) {
          issue(at("url"), "Enter a web address starting with https://, or leave the link empty.");
        }
      });
      if (submitting && form.references.every(isBlankRow)) {
        // Next to the first row's title, which the page always shows.
        issue(["references", 0, "title"], "List at least one criterion, guideline or article you relied on: enter its title.");
      }

      // Drafts too: a citation is stored as whole pages of a document of the case.
      const citing = form.citations.map((row, index) => ({ row, index })).filter(({ row }) => !isBlankCitation(row));
      if (citing.length > CITATION_LIMITS.citations)
        issue(["citations", citing[CITATION_LIMITS.citations]!.index, "documentId"], `Cite at most ${CITATION_LIMITS.citations} page ranges.`);
      const whole: { index: number; citation: Citation }[] = [];
      for (const { row, index } of citing) {
        const at = (field: string) => ["citations", index, field];
        let complete = true;
        if (!row.documentId || !isId(row.documentId)) {
          issue(at("documentId"), row.documentId ? "Choose a document of this case's file." : "Choose the document these pages are in.");
          complete = false;
        }
        if (!PAGE_NUMBER.test(row.fromPage)) {
          issue(at("fromPage"), row.fromPage ? "Enter a page number: 1 or more." : "Enter the first page cited.");
          complete = false;
        }
        if (row.toPage && !PAGE_NUMBER.test(row.toPage)) {
          issue(at("toPage"), "Enter a page number: 1 or more, or leave it empty for a single page.");
          complete = false;
        }
        if (row.note.length > CITATION_LIMITS.note) issue(at("note"), `Use at most ${CITATION_LIMITS.note} characters.`);
        if (complete) whole.push({ index, citation: citationOf(row) });
      }
      if (options.documents) {
        for (const problem of citationProblems(
          whole.map((item) => item.citation),
          options.documents,
        )) {
          issue(["citations", whole[problem.index]!.index, problem.field], problem.message);
        }
      }

      if (submitting && form.documentsConsidered.length === 0 && citing.length === 0)
        issue(["documentsConsidered"], "Tick each document you considered: at least one.");
      else if (!form.documentsConsidered.every(isId)) {
        issue(["documentsConsidered"], "A document you ticked is not in this case's file. Reload the page and tick the documents again.");
      }

      const standardKeys: readonly string[] = [...STANDARDS_OF_REVIEW.map((standard) => standard.key), OTHER_STANDARD];
      if (form.standardOfReview && !standardKeys.includes(form.standardOfReview)) issue(["standardOfReview"], "Choose one of the standards listed.");
      else if (submitting && !form.standardOfReview) issue(["standardOfReview"], "Choose the standard of review you applied.");
      else if (form.standardOfReview === OTHER_STANDARD && submitting && !form.standardOfReviewOther) {
        issue(["standardOfReviewOther"], "Describe the standard of review you applied.");
      }
      tooLong("standardOfReviewOther");

      if (submitting) {
        if (!form.noConflict) issue(["noConflict"], "Tick the statement to confirm you have no conflict of interest in this case.");
        if (!form.signedName) issue(["signedName"], "Type your full name to sign the statement.");
        else if (comparableName(form.signedName) !== comparableName(options.reviewerName)) {
          issue(["signedName"], `Type your full name as it is on your account: ${options.reviewerName}.`);
        }
      }
    })
    .transform((form): DeterminationInput => {
      const outcome = form.outcome ? (form.outcome as DecisionOutcome) : null;
      const citations = form.citations.filter((row) => !isBlankCitation(row)).map(citationOf);
      const standard = STANDARDS_OF_REVIEW.find((item) => item.key === form.standardOfReview);
      return {
        intent: form.intent,
        outcome,
        partOverturned: outcome === "OVERTURNED_IN_PART" && form.partOverturned ? form.partOverturned : null,
        principalReasons: form.principalReasons,
        clinicalRationale: form.clinicalRationale,
        references: form.references
          .filter((row) => !isBlankRow(row))
          .map((row) => ({ title: row.title, source: row.source, year: row.year ? Number(row.year) : null, url: row.url || null })),
        // A cited document was considered.
        documentsConsidered: [...new Set([...form.documentsConsidered, ...citations.map((citation) => citation.documentId)])],
        citations,
        standardOfReview: standard ? standard.text : form.standardOfReview === OTHER_STANDARD ? form.standardOfReviewOther || null : null,
        signedName: form.intent === "submit" ? form.signedName : null,
        draftVersion: form.intent !== "submit" && form.draftVersion ? Number(form.draftVersion) : null,
      };
    });
}

/** The form's fields from a posted form: reference rows arrive as "references.0.title", citations as "citations.0.fromPage", and become lists. */
export function determinationFormValues(formData: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = { documentsConsidered: [] };
  const rows: Record<string, string>[] = [];
  const citations: Record<string, string>[] = [];
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const row = /^references\.(\d{1,2})\.(title|source|year|url)$/.exec(key);
    const citation = /^citations\.(\d{1,2})\.(documentId|fromPage|toPage|note)$/.exec(key);
    if (row) (rows[Number(row[1])] ??= {})[row[2]!] = value;
    else if (citation) (citations[Number(citation[1])] ??= {})[citation[2]!] = value;
    else if (key === "documentsConsidered") (values.documentsConsidered as string[]).push(value);
    else values[key] = value;
  }
  values.references = Array.from(rows, (row) => ({ title: "", source: "", year: "", url: "", ...row }));
  values.citations = Array.from(citations, (row) => ({ ...BLANK_CITATION, ...row }));
  return values;
}

/** An empty row of the criteria and literature list. */
export const BLANK_REFERENCE = { title: "", source: "", year: "", url: "" };

/** An empty row of the pages cited. */
export const BLANK_CITATION = { documentId: "", fromPage: "", toPage: "", note: "" };

/** A citation as the form's row holds it. */
export function citationRowOf(citation: { documentId: string; fromPage: number; toPage: number; note: string | null }) {
  return {
    documentId: citation.documentId,
    fromPage: String(citation.fromPage),
    toPage: citation.toPage === citation.fromPage ? "" : String(citation.toPage),
    note: citation.note ?? "",
  };
}

/** What the form starts from: the saved draft (or returned determination), else a blank form. */
export function determinationDefaults(
  saved: {
    outcome: DecisionOutcome | null;
    partOverturned: string | null;
    principalReasons: string | null;
    clinicalRationale: string | null;
    references: ReferenceItem[];
    documentsConsidered: string[];
    citations: Citation[];
    standardOfReview: string | null;
    draftVersion?: number;
  } | null,
  disputeType: string | null,
  /** A page to cite, from a "Cite this page" link (a search hit, the viewer): added as a row of its own. */
  cite: { documentId: string; page: number } | null = null,
): Record<string, unknown> {
  const citations = [
    ...(saved?.citations ?? []).map(citationRowOf),
    ...(cite ? [citationRowOf({ documentId: cite.documentId, fromPage: cite.page, toPage: cite.page, note: null })] : []),
  ];
  const known = STANDARDS_OF_REVIEW.find((standard) => standard.text === saved?.standardOfReview);
  const standardOfReview = saved?.standardOfReview ? (known?.key ?? OTHER_STANDARD) : (DISPUTE_STANDARD[disputeType ?? ""] ?? "");
  return {
    intent: "save",
    outcome: saved?.outcome ?? "",
    partOverturned: saved?.partOverturned ?? "",
    principalReasons: saved?.principalReasons ?? "",
    clinicalRationale: saved?.clinicalRationale ?? "",
    references: saved?.references.length
      ? saved.references.map((item) => ({ title: item.title, source: item.source, year: item.year === null ? "" : String(item.year), url: item.url ?? "" }))
      : [BLANK_REFERENCE],
    documentsConsidered: [...new Set([...(saved?.documentsConsidered ?? []), ...(cite ? [cite.documentId] : [])])],
    citations: citations.length ? citations : [BLANK_CITATION],
    standardOfReview,
    standardOfReviewOther: saved?.standardOfReview && !known ? saved.standardOfReview : "",
    noConflict: false,
    signedName: "",
    draftVersion: String((saved?.draftVersion ?? 0) + 1),
  };
}

/** A private note on the case. */
export const reviewerNoteSchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, "Write the note before adding it.")
    .max(LIMITS.note, `Use at most ${LIMITS.note.toLocaleString("en-US")} characters.`),
});

/** A paragraph or two, as regulators publish it. */
export const FINDINGS_MAX_LENGTH = 2_000;

/** The coordinator's quality review: approve, or send back with comments to the reviewers chosen. */
export const qualityDecisionSchema = z
  .object({
    intent: z.enum(["approve", "send-back"], { error: "Choose Approve or Send back." }),
    version: z.coerce.number({ error: "Reload the page and try again." }).int().min(0),
    comments: z
      .string()
      .trim()
      .max(LIMITS.note, `Use at most ${LIMITS.note.toLocaleString("en-US")} characters.`)
      .default(""),
    /** The summary of the findings regulators publish with the decision, written when approving. */
    findings: z
      .string()
      .trim()
      .max(FINDINGS_MAX_LENGTH, `Use at most ${FINDINGS_MAX_LENGTH.toLocaleString("en-US")} characters.`)
      .default(""),
    determinationIds: stringList,
  })
  .superRefine((form, ctx) => {
    if (form.intent === "approve" && !form.findings)
      ctx.addIssue({ code: "custom", path: ["findings"], message: "Summarize the findings: the regulators' yearly export publishes them with the decision." });
    if (form.intent !== "send-back") return;
    if (!form.comments) ctx.addIssue({ code: "custom", path: ["comments"], message: "Write what the reviewer must change: your comments are sent to them." });
    if (form.determinationIds.length === 0)
      ctx.addIssue({ code: "custom", path: ["determinationIds"], message: "Tick the opinion to send back: at least one." });
  });
