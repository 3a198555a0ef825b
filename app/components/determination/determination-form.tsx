import { useMemo } from "react";
import { useFieldArray } from "react-hook-form";
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
import { DOCUMENT_KIND_TEXT, type DocumentKind } from "~/domain/documents/document-kinds";
import { DECISION_OUTCOMES, OUTCOME_LABELS } from "~/domain/panel";
import { BLANK_REFERENCE, determinationSchema, LIMITS, OTHER_STANDARD, STANDARDS_OF_REVIEW } from "~/schemas/determination";

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
  const problems = fieldNames(references.fields.length)
    .map((name) => ({ fieldId: fieldId(name), message: zod.errorFor(name) }))
    .filter((problem): problem is { fieldId: string; message: string } => !!problem.message);
  const attempted = zod.form.formState.submitCount > 0 || props.actionData !== undefined;
  const setIntent = (intent: "save" | "submit") => () => zod.form.setValue("intent", intent);

  return (
    <Form method="post" noValidate onSubmit={zod.onSubmit} aria-labelledby="determination-heading">
      <FormError message={zod.formError} />
      {attempted ? <ErrorSummary problems={problems} /> : null}
      <input type="hidden" defaultValue="save" {...zod.form.register("intent")} />

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

      {props.documents.length ? (
        <CheckboxGroup
          zod={zod}
          name="documentsConsidered"
          legend="Documents considered"
          hint="Tick every document in the case file that you considered."
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
