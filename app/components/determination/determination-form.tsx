import { useEffect, useMemo, useRef, useState } from "react";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { useFetcher } from "react-router";
import type { z } from "zod";
import {
  CheckboxField,
  CheckboxGroup,
  ErrorSummary,
  fieldId,
  Form,
  FormError,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
  useZodForm,
} from "~/components/forms";
import { Instant } from "~/components/instant";
import { CITATION_LIMITS, formatPages } from "~/domain/citations";
import { DOCUMENT_KIND_TEXT, type DocumentKind } from "~/domain/documents/document-kinds";
import { DECISION_OUTCOMES, OUTCOME_LABELS } from "~/domain/panel";
import { STANDARDS_OF_REVIEW } from "~/domain/review-statements";
import { BLANK_CITATION, BLANK_REFERENCE, determinationSchema, LIMITS, OTHER_STANDARD } from "~/schemas/determination";

const REFERENCE_FIELDS = [
  { key: "title", label: "Title", hint: undefined },
  { key: "source", label: "Source", hint: "The journal, society or guideline body." },
  { key: "year", label: "Year", hint: undefined },
  { key: "url", label: "Link (optional)", hint: undefined },
] as const;

const CITATION_FIELDS = ["documentId", "fromPage", "toPage", "note"] as const;

/** Every field in page order, for the summary of what is missing. */
function fieldNames(referenceRows: number, citationRows: number): string[] {
  const rows = Array.from({ length: referenceRows }, (_, index) => REFERENCE_FIELDS.map((field) => `references.${index}.${field.key}`)).flat();
  const citations = Array.from({ length: citationRows }, (_, index) => CITATION_FIELDS.map((field) => `citations.${index}.${field}`)).flat();
  return [
    "outcome",
    "partOverturned",
    "principalReasons",
    "clinicalRationale",
    ...rows,
    ...citations,
    "documentsConsidered",
    "standardOfReview",
    "standardOfReviewOther",
    "noConflict",
    "signedName",
  ];
}

type DeterminationSchema = ReturnType<typeof determinationSchema>;

/** How long after the reviewer stops typing the draft is saved. */
const AUTOSAVE_DELAY_MS = 2_000;

/** What the action answers an automatic draft save: when it was saved, or why it was not. */
type DraftAnswer = { draft: { savedAt: string } } | { formError?: string; fieldErrors?: Record<string, string> };

type DraftStatus = { state: "idle" } | { state: "saving" } | { state: "saved"; at: string } | { state: "failed"; reason: string };

/**
 * The reviewer's determination. "Save draft" keeps whatever is written;
 * "Submit" needs every element of the letter and the signed statement of no
 * conflict. Missing items are listed at the top and said next to each field.
 */
export function DeterminationForm(props: {
  reviewerName: string;
  defaults: Record<string, unknown>;
  documents: readonly { id: string; fileName: string; kind: DocumentKind; pageCount: number | null }[];
  /** The reviewer's own bookmarked pages, each one click from a citation. */
  bookmarks: readonly { documentId: string; page: number; note: string | null }[];
  actionData: unknown;
  /** When the draft was last saved, as the page was loaded. */
  lastSaved: string | null;
}) {
  const schema = useMemo(() => determinationSchema({ reviewerName: props.reviewerName, documents: props.documents }), [props.reviewerName, props.documents]);
  const zod = useZodForm(schema, { defaultValues: props.defaults, actionData: props.actionData });
  const references = useFieldArray({ control: zod.form.control, name: "references" as never });
  const citations = useCitationRows(zod);
  const problems = fieldNames(references.fields.length, citations.fields.length)
    .map((name) => ({ fieldId: fieldId(name), message: zod.errorFor(name) }))
    .filter((problem): problem is { fieldId: string; message: string } => !!problem.message);
  const attempted = zod.form.formState.submitCount > 0 || props.actionData !== undefined;
  const autosave = useDraftAutosave(zod.form, schema, Number(props.defaults.draftVersion));
  const setIntent = (intent: "save" | "submit") => () => {
    autosave.cancel();
    zod.form.setValue("intent", intent);
    zod.form.setValue("draftVersion", String(autosave.nextVersion()));
  };

  return (
    <Form ref={autosave.formRef} method="post" noValidate onSubmit={zod.onSubmit} aria-labelledby="determination-heading">
      <p className="muted" role="status">
        <DraftStatusText status={autosave.status} lastSaved={props.lastSaved} />
      </p>
      <FormError message={zod.formError} />
      {attempted ? <ErrorSummary problems={problems} /> : null}
      <input type="hidden" defaultValue="save" {...zod.form.register("intent")} />
      <input type="hidden" defaultValue={String(props.defaults.draftVersion)} {...zod.form.register("draftVersion")} />

      <RadioGroup
        zod={zod}
        name="outcome"
        legend="Outcome"
        hint="Uphold the plan's denial, overturn it, or overturn it in part."
        choices={DECISION_OUTCOMES.map((outcome) => ({ value: outcome, label: OUTCOME_LABELS[outcome] }))}
      />
      <TextAreaField
        zod={zod}
        name="partOverturned"
        label="If you overturn in part: which part is overturned"
        hint="For example the service, the number of sessions or the setting that the plan must now cover. Leave empty otherwise."
        rows={3}
      />
      <TextAreaField
        zod={zod}
        name="principalReasons"
        label="Principal reasons"
        hint="The main reasons for your determination, as the patient and the plan will read them."
        required
      />
      <TextAreaField
        zod={zod}
        name="clinicalRationale"
        label="Clinical rationale"
        hint="How the medical facts and the evidence lead to your determination."
        rows={12}
        required
      />

      <div className="field">
        <fieldset>
          <legend>Criteria and literature relied on</legend>
          <p className="hint">
            Each evidence-based criterion, clinical guideline or article you relied on: its title, source and year, and a link if there is one.
          </p>
          {references.fields.map((row, index) => (
            <fieldset key={row.id} className="card space-below-sm">
              <legend>Item {index + 1}</legend>
              {REFERENCE_FIELDS.map((field) => (
                <TextField
                  key={field.key}
                  zod={zod}
                  name={`references.${index}.${field.key}`}
                  label={field.label}
                  hint={field.hint}
                  defaultValue={(row as unknown as Record<string, string>)[field.key] ?? ""}
                  inputMode={field.key === "year" ? "numeric" : undefined}
                />
              ))}
              {references.fields.length > 1 ? (
                <button type="button" className="link-button" onClick={() => references.remove(index)}>
                  Remove item {index + 1}
                </button>
              ) : null}
            </fieldset>
          ))}
          {references.fields.length < LIMITS.references ? (
            <button type="button" className="button button--secondary" onClick={() => references.append({ ...BLANK_REFERENCE })}>
              Add another item
            </button>
          ) : null}
        </fieldset>
      </div>

      <PagesCited zod={zod} citations={citations} documents={props.documents} bookmarks={props.bookmarks} />

      {props.documents.length ? (
        <CheckboxGroup
          zod={zod}
          name="documentsConsidered"
          legend="Documents considered"
          hint="Tick every document in the case file that you considered. A document you cite above counts as considered."
          choices={props.documents.map((document) => ({
            value: document.id,
            label: `${document.fileName} (${DOCUMENT_KIND_TEXT[document.kind].label})`,
          }))}
        />
      ) : (
        <div className="field">
          <p className="field-error" id={`${fieldId("documentsConsidered")}-error`}>
            {zod.errorFor("documentsConsidered")}
          </p>
          <p id={fieldId("documentsConsidered")}>
            <strong>Documents considered:</strong> the case file has no documents yet. Ask the coordinator before you submit.
          </p>
        </div>
      )}

      <SelectField
        zod={zod}
        name="standardOfReview"
        label="Standard of review applied"
        placeholder="Choose the standard"
        options={[
          ...STANDARDS_OF_REVIEW.map((standard) => ({ value: standard.key, label: standard.text })),
          { value: OTHER_STANDARD, label: "Another standard (describe it below)" },
        ]}
      />
      <TextField zod={zod} name="standardOfReviewOther" label="If another standard: describe it" hint="Leave empty when you chose a standard above." />

      <div className="field">
        <fieldset>
          <legend>Statement of no conflict of interest</legend>
          <p className="hint">Needed to submit, not to save a draft.</p>
          <p>
            I have no material professional, familial or financial conflict of interest with the health plan or its officers, the patient or the patient&apos;s
            family, the treating physician or their medical group, the facility, or the maker of the drug or device in dispute, and I had no earlier involvement
            in this case or its appeal.
          </p>
          <CheckboxField zod={zod} name="noConflict" value="yes" label="I confirm this statement" />
          <TextField
            zod={zod}
            name="signedName"
            label="Your full name, as your signature"
            hint={`As it is on your account: ${props.reviewerName}.`}
            autoComplete="name"
          />
        </fieldset>
      </div>

      <div className="actions">
        <button type="submit" name="intent" value="save" className="button button--secondary" disabled={zod.submitting} onClick={setIntent("save")}>
          Save draft
        </button>
        <button type="submit" name="intent" value="submit" className="button" disabled={zod.submitting} onClick={setIntent("submit")}>
          Submit determination
        </button>
      </div>
    </Form>
  );
}

type ZodForm = ReturnType<typeof useZodForm<DeterminationSchema>>;
const useCitationRows = (zod: ZodForm) => useFieldArray({ control: zod.form.control, name: "citations" as never });
type CitationRows = ReturnType<typeof useCitationRows>;

/**
 * "Pages cited": each row a document of the case, its pages (one, or a
 * range) and a note; the reviewer's bookmarks are offered as ready rows.
 * Rows are added in the browser, as the criteria's are.
 */
function PagesCited(props: {
  zod: ZodForm;
  citations: CitationRows;
  documents: readonly { id: string; fileName: string; pageCount: number | null }[];
  bookmarks: readonly { documentId: string; page: number; note: string | null }[];
}) {
  const { zod, citations, documents } = props;
  const nameOf = (id: string) => documents.find((document) => document.id === id)?.fileName ?? "A document";
  const full = citations.fields.length >= CITATION_LIMITS.citations;
  const cite = (bookmark: { documentId: string; page: number; note: string | null }) => {
    const row = { documentId: bookmark.documentId, fromPage: String(bookmark.page), toPage: "", note: (bookmark.note ?? "").slice(0, CITATION_LIMITS.note) };
    // The blank row the form starts with takes the first citation.
    const values = zod.form.getValues("citations" as never) as unknown as (typeof BLANK_CITATION)[];
    const untouched = values.length === 1 && Object.values(values[0]!).every((value) => value === "");
    if (untouched) citations.replace([row]);
    else citations.append(row);
  };
  return (
    <div className="field" id="pages-cited">
      <fieldset>
        <legend>Pages cited</legend>
        <p className="hint">
          The pages of the case file your rationale rests on: the document, its first and last page (leave the last empty for a single page), and what the pages
          show. The letter lists them.
        </p>
        {props.bookmarks.length ? (
          <div className="space-below-sm">
            <p className="flush">Your bookmarks:</p>
            <ul className="indented-list flush">
              {props.bookmarks.map((bookmark) => (
                <li key={`${bookmark.documentId}:${bookmark.page}`}>
                  {nameOf(bookmark.documentId)}, {formatPages([{ from: bookmark.page, to: bookmark.page }], "short")}
                  {bookmark.note ? `: ${bookmark.note}` : null}{" "}
                  <button
                    type="button"
                    className="link-button"
                    disabled={full}
                    onClick={() => cite(bookmark)}
                    aria-label={`Cite ${nameOf(bookmark.documentId)}, page ${bookmark.page}`}
                  >
                    Cite
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {citations.fields.map((row, index) => {
          const values = row as unknown as typeof BLANK_CITATION;
          return (
            <fieldset key={row.id} className="card space-below-sm">
              <legend>Citation {index + 1}</legend>
              <SelectField
                zod={zod}
                name={`citations.${index}.documentId`}
                label="Document"
                placeholder="Choose the document"
                defaultValue={values.documentId}
                options={documents.map((document) => ({
                  value: document.id,
                  label: document.pageCount ? `${document.fileName} (${document.pageCount} pages)` : document.fileName,
                }))}
              />
              <TextField zod={zod} name={`citations.${index}.fromPage`} label="From page" inputMode="numeric" defaultValue={values.fromPage} />
              <TextField
                zod={zod}
                name={`citations.${index}.toPage`}
                label="To page (optional)"
                hint="Leave empty to cite one page."
                inputMode="numeric"
                defaultValue={values.toPage}
              />
              <TextField
                zod={zod}
                name={`citations.${index}.note`}
                label="What the pages show (optional)"
                hint={`At most ${CITATION_LIMITS.note} characters.`}
                defaultValue={values.note}
              />
              {citations.fields.length > 1 ? (
                <button type="button" className="link-button" onClick={() => citations.remove(index)}>
                  Remove citation {index + 1}
                </button>
              ) : null}
            </fieldset>
          );
        })}
        {!full ? (
          <button type="button" className="button button--secondary" onClick={() => citations.append({ ...BLANK_CITATION })}>
            Cite other pages
          </button>
        ) : null}
      </fieldset>
    </div>
  );
}

function DraftStatusText({ status, lastSaved }: { status: DraftStatus; lastSaved: string | null }) {
  switch (status.state) {
    case "saving":
      return <>Saving…</>;
    case "saved":
      return (
        <>
          Draft saved at <Instant at={status.at} style="time" />.
        </>
      );
    case "failed":
      return <>Not saved: {status.reason}</>;
    case "idle":
      return lastSaved ? <>Last saved {lastSaved}.</> : <>Your draft is saved as you write.</>;
  }
}

/**
 * Saves the draft a couple of seconds after the reviewer stops typing: the
 * whole form, as "saveDraft", through a fetcher (the page stays as it is).
 * Each save carries the next draft number, so the server keeps only the
 * newest (save-determination.server.ts). What is typed is checked with the
 * form's own schema first; a draft that cannot be kept says why.
 */
function useDraftAutosave(form: UseFormReturn<z.input<DeterminationSchema>>, schema: DeterminationSchema, firstVersion: number) {
  const fetcher = useFetcher<DraftAnswer>();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The last number sent: the next save, automatic or not, sends one more.
  const sent = useRef(firstVersion - 1);
  const [status, setStatus] = useState<DraftStatus>({ state: "idle" });

  const nextVersion = () => {
    sent.current += 1;
    return sent.current;
  };
  const cancel = () => clearTimeout(timer.current);

  const save = () => {
    const element = formRef.current;
    if (!element) return;
    const values = { ...form.getValues(), intent: "saveDraft", draftVersion: String(sent.current + 1) };
    const checked = schema.safeParse(values);
    if (!checked.success) {
      setStatus({ state: "failed", reason: checked.error.issues[0]?.message ?? "check the fields marked." });
      return;
    }
    const formData = new FormData(element);
    formData.set("intent", "saveDraft");
    formData.set("draftVersion", String(nextVersion()));
    setStatus({ state: "saving" });
    void fetcher.submit(formData, { method: "post" });
  };
  const saveRef = useRef(save);
  saveRef.current = save;

  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (!name || name === "intent" || name === "draftVersion") return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => saveRef.current(), AUTOSAVE_DELAY_MS);
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer.current);
    };
  }, [form]);

  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  useEffect(() => {
    if (!answer) return;
    if ("draft" in answer) {
      setStatus({ state: "saved", at: answer.draft.savedAt });
    } else {
      setStatus({ state: "failed", reason: answer.formError ?? Object.values(answer.fieldErrors ?? {})[0] ?? "try again in a moment." });
    }
  }, [answer]);

  return { formRef, status, cancel, nextVersion };
}
