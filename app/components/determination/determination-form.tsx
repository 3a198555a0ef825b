import { useMemo, type ReactNode } from "react";
import { useFieldArray } from "react-hook-form";
import { Form, FormError, TextField, useZodForm, type ZodForm } from "~/components/forms";
import { TextAreaField } from "~/components/text-area-field";
import { DOCUMENT_KIND_TEXT, type DocumentKind } from "~/domain/documents/document-kinds";
import { DECISION_OUTCOMES, OUTCOME_LABELS } from "~/domain/panel";
import { BLANK_REFERENCE, determinationSchema, LIMITS, OTHER_STANDARD, STANDARDS_OF_REVIEW } from "~/schemas/determination";

// The form's fields are checked by the schema at runtime.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyZodForm = ZodForm<any>;

const REFERENCE_FIELDS = [
  { key: "title", label: "Title", hint: undefined },
  { key: "source", label: "Source", hint: "The journal, society or guideline body." },
  { key: "year", label: "Year", hint: undefined },
  { key: "url", label: "Link (optional)", hint: undefined },
] as const;

/** Every field in page order, for the summary of what is missing. */
function fieldNames(referenceRows: number): string[] {
  const rows = Array.from({ length: referenceRows }, (_, index) => REFERENCE_FIELDS.map((field) => `references.${index}.${field.key}`)).flat();
  return [
    "outcome",
    "partOverturned",
    "principalReasons",
    "clinicalRationale",
    ...rows,
    "documentsConsidered",
    "standardOfReview",
    "standardOfReviewOther",
    "noConflict",
    "signedName",
  ];
}

const fieldId = (name: string) => `field-${name.replace(/\./g, "-")}`;

function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      <span className="visually-hidden">Error: </span>
      {error}
    </p>
  );
}

/**
 * The reviewer's determination. "Save draft" keeps whatever is written;
 * "Submit" needs every element of the letter and the signed statement of no
 * conflict. Missing items are listed at the top and said next to each field.
 */
export function DeterminationForm(props: {
  reviewerName: string;
  defaults: Record<string, unknown>;
  documents: readonly { id: string; fileName: string; kind: DocumentKind }[];
  actionData: unknown;
}) {
  const schema = useMemo(() => determinationSchema({ reviewerName: props.reviewerName }), [props.reviewerName]);
  const zod = useZodForm(schema, { defaultValues: props.defaults, actionData: props.actionData });
  const references = useFieldArray({ control: zod.form.control, name: "references" as never });
  const chosenDocuments = zod.valuesFor("documentsConsidered");
  const missing = fieldNames(references.fields.length)
    .map((name) => ({ name, error: zod.errorFor(name) }))
    .filter((item): item is { name: string; error: string } => !!item.error);
  const attempted = zod.form.formState.submitCount > 0 || props.actionData !== undefined;
  const setIntent = (intent: "save" | "submit") => () => zod.form.setValue("intent", intent);

  return (
    <Form method="post" noValidate onSubmit={zod.onSubmit} aria-labelledby="determination-heading">
      <FormError message={zod.formError} />
      {attempted && missing.length ? (
        <div className="alert alert--error" role="alert">
          <h3 style={{ marginTop: 0 }}>{missing.length === 1 ? "One thing to fix" : `${missing.length} things to fix`}</h3>
          <ul style={{ margin: 0 }}>
            {missing.map((item) => (
              <li key={item.name}>
                <a href={`#${fieldId(item.name)}`}>{item.error}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <input type="hidden" defaultValue="save" {...zod.form.register("intent")} />

      <Choices
        zod={zod}
        name="outcome"
        legend="Outcome"
        hint="Uphold the plan's denial, overturn it, or overturn it in part."
        type="radio"
        options={DECISION_OUTCOMES.map((outcome) => ({ value: outcome, label: OUTCOME_LABELS[outcome] }))}
        chosen={[zod.valueFor("outcome")]}
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
            <fieldset key={row.id} className="card" style={{ marginBottom: "0.75rem" }}>
              <legend>Item {index + 1}</legend>
              {REFERENCE_FIELDS.map((field) => (
                <RowInput
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

      {props.documents.length ? (
        <Choices
          zod={zod}
          name="documentsConsidered"
          legend="Documents considered"
          hint="Tick every document in the case file that you considered."
          type="checkbox"
          options={props.documents.map((document) => ({
            value: document.id,
            label: `${document.fileName} (${DOCUMENT_KIND_TEXT[document.kind].label})`,
          }))}
          chosen={chosenDocuments}
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

      <StandardOfReview zod={zod} />
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
          <Choices zod={zod} name="noConflict" type="checkbox" options={[{ value: "yes", label: "I confirm this statement" }]} chosen={[]} />
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

/** A group of radios or checkboxes with its legend, hint and error. */
function Choices(props: {
  zod: AnyZodForm;
  name: string;
  legend?: string;
  hint?: ReactNode;
  type: "radio" | "checkbox";
  options: readonly { value: string; label: string }[];
  chosen: readonly string[];
}) {
  const { zod, name, legend, hint, type, options, chosen } = props;
  const id = fieldId(name);
  const error = zod.errorFor(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const inputs = (
    <>
      {options.map((option, index) => (
        <label key={option.value} className="checkbox">
          <input
            id={index === 0 ? id : undefined}
            type={type}
            value={option.value}
            defaultChecked={chosen.includes(option.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={legend ? undefined : describedBy}
            {...zod.form.register(name)}
          />
          {option.label}
        </label>
      ))}
    </>
  );
  if (!legend) {
    return (
      <div className={`field${error ? " field--error" : ""}`} style={{ marginBottom: "0.75rem" }}>
        <ErrorText id={id} error={error} />
        {inputs}
      </div>
    );
  }
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <fieldset aria-describedby={describedBy}>
        <legend>{legend}</legend>
        {hint ? (
          <p className="hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
        <ErrorText id={id} error={error} />
        {inputs}
      </fieldset>
    </div>
  );
}

/** One input of a criteria and literature row (its value comes from the field array, so it renders before the browser takes over). */
function RowInput(props: { zod: AnyZodForm; name: string; label: string; hint?: string; defaultValue: string; inputMode?: "numeric" }) {
  const { zod, name, label, hint, defaultValue, inputMode } = props;
  const id = fieldId(name);
  const error = zod.errorFor(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <ErrorText id={id} error={error} />
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        defaultValue={defaultValue}
        {...zod.form.register(name)}
      />
    </div>
  );
}

function StandardOfReview({ zod }: { zod: AnyZodForm }) {
  const id = fieldId("standardOfReview");
  const error = zod.errorFor("standardOfReview");
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>Standard of review applied</label>
      <ErrorText id={id} error={error} />
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        defaultValue={zod.valueFor("standardOfReview")}
        {...zod.form.register("standardOfReview")}
      >
        <option value="">Choose the standard</option>
        {STANDARDS_OF_REVIEW.map((standard) => (
          <option key={standard.key} value={standard.key}>
            {standard.text}
          </option>
        ))}
        <option value={OTHER_STANDARD}>Another standard (describe it below)</option>
      </select>
    </div>
  );
}
