import { CaseForm, RadioGroup, SelectField, SubmitButton, TextAreaField, useCaseForm } from "~/components/forms";
import { DISPUTE_TYPE_LABELS, type DisputeTypeCode } from "~/domain/reports/labels";
import { type Categorized, type CategoryList, DIAGNOSIS_CATEGORIES, TREATMENT_CATEGORIES } from "~/domain/reports/regulator-categories";
import {
  acceptSchema,
  correctClassificationSchema,
  ineligibleSchema,
  informationRequestSchema,
  lookAfterSchema,
  proceedWithoutCaseFileSchema,
} from "~/schemas/intake";

interface CaseFormProps {
  version: number;
  actionData: unknown;
}

const categoryOptions = (lists: readonly CategoryList[]) => lists.map(({ category }) => ({ value: category, label: category }));
// Grouped by category, so the choice reads without script; "Other" fits every category.
const subcategoryGroups = (lists: readonly CategoryList[]) =>
  lists.map(({ category, subcategories }) => ({ label: category, options: subcategories.map((value) => ({ value, label: value })) }));

/** Accepting: the clocks start, the plan is asked for its case file, and the regulator's categories are recorded. */
export function AcceptForm({
  version,
  actionData,
  panelNote,
  suggested,
}: CaseFormProps & { panelNote: string; suggested: { diagnosis: Categorized | null; treatment: Categorized | null } }) {
  const zod = useCaseForm(acceptSchema, {
    intent: "accept",
    version,
    actionData,
    defaultValues: {
      diagnosisCategory: suggested.diagnosis?.category ?? "",
      diagnosisSubcategory: suggested.diagnosis?.subcategory ?? "",
      treatmentCategory: suggested.treatment?.category ?? "",
      treatmentSubcategory: suggested.treatment?.subcategory ?? "",
    },
  });
  const hint = "Published in the yearly export for regulators. Suggested from the case's codes when they match; check it against the records.";
  return (
    <CaseForm zod={zod} intent="accept" version={version}>
      <p>
        All five criteria are met. Accepting starts the decision clock, asks the plan for its case file with its due date, and tells the applicant. {panelNote}
      </p>
      <SelectField
        zod={zod}
        idPrefix="accept"
        name="diagnosisCategory"
        label="Diagnosis category"
        hint={hint}
        placeholder="Choose"
        options={categoryOptions(DIAGNOSIS_CATEGORIES)}
        required
      />
      <SelectField
        zod={zod}
        idPrefix="accept"
        name="diagnosisSubcategory"
        label="Diagnosis subcategory"
        placeholder="Choose"
        groups={subcategoryGroups(DIAGNOSIS_CATEGORIES)}
        required
      />
      <SelectField
        zod={zod}
        idPrefix="accept"
        name="treatmentCategory"
        label="Treatment category"
        placeholder="Choose"
        options={categoryOptions(TREATMENT_CATEGORIES)}
        required
      />
      <SelectField
        zod={zod}
        idPrefix="accept"
        name="treatmentSubcategory"
        label="Treatment subcategory"
        placeholder="Choose"
        groups={subcategoryGroups(TREATMENT_CATEGORIES)}
        required
      />
      <SubmitButton submitting={zod.submitting}>Accept the request for review</SubmitButton>
    </CaseForm>
  );
}

/** Finding the request ineligible, with the reason the notice quotes. */
export function IneligibleForm({ version, actionData }: CaseFormProps) {
  const zod = useCaseForm(ineligibleSchema, { intent: "ineligible", version, actionData });
  return (
    <CaseForm zod={zod} intent="ineligible" version={version}>
      <TextAreaField
        zod={zod}
        idPrefix="ineligible"
        name="reason"
        label="Why the request is not eligible"
        hint="Quoted in the notice to the applicant and the plan, with how to contest the decision. Write it for the applicant to read."
        required
      />
      <SubmitButton submitting={zod.submitting}>Find the request ineligible and send the notice</SubmitButton>
    </CaseForm>
  );
}

/** A request for information to the applicant or the plan; its due date comes from the case's rules. */
export function InformationRequestForm({ version, actionData, hasPlan, dueHints }: CaseFormProps & { hasPlan: boolean; dueHints: string }) {
  const zod = useCaseForm(informationRequestSchema, {
    intent: "information",
    version,
    actionData,
    defaultValues: { addressedTo: hasPlan ? null : "APPLICANT" },
  });
  const parties = hasPlan
    ? [
        { value: "APPLICANT", label: "The applicant" },
        { value: "PLAN", label: "The health plan" },
      ]
    : [{ value: "APPLICANT", label: "The applicant" }];
  return (
    <CaseForm zod={zod} intent="information" version={version}>
      <RadioGroup zod={zod} idPrefix="information" name="addressedTo" legend="Who is asked" hint={dueHints} choices={parties} />
      <TextAreaField
        zod={zod}
        idPrefix="information"
        name="question"
        label="What is needed"
        hint="The person asked reads this on their page (not in the email). Say exactly what to send."
        required
      />
      <SubmitButton submitting={zod.submitting}>Send the request for information</SubmitButton>
    </CaseForm>
  );
}

/** "Look after this case": the coordinator takes it on. */
export function LookAfterForm({ version, actionData }: CaseFormProps) {
  const zod = useCaseForm(lookAfterSchema, { intent: "lookAfter", version, actionData });
  return (
    <CaseForm zod={zod} intent="lookAfter" version={version}>
      <button type="submit" className="button button--secondary" disabled={zod.submitting}>
        Look after this case
      </button>
    </CaseForm>
  );
}

/** The plan's case file is late: going ahead without it, saying why. */
export function ProceedWithoutCaseFileForm({ version, actionData }: CaseFormProps) {
  const zod = useCaseForm(proceedWithoutCaseFileSchema, { intent: "proceedWithoutCaseFile", version, actionData });
  return (
    <CaseForm zod={zod} intent="proceedWithoutCaseFile" version={version}>
      <TextAreaField
        zod={zod}
        idPrefix="proceed"
        name="reason"
        label="Why the review goes ahead without it"
        hint="Recorded on the case's timeline and in the audit log."
        required
      />
      <SubmitButton submitting={zod.submitting}>Proceed without the plan's case file</SubmitButton>
    </CaseForm>
  );
}

const DISPUTE_CHOICES = (Object.keys(DISPUTE_TYPE_LABELS) as DisputeTypeCode[]).map((value) => ({ value, label: DISPUTE_TYPE_LABELS[value] }));
const TRACK_CHOICES = [
  { value: "STANDARD", label: "Standard" },
  { value: "EXPEDITED", label: "Expedited" },
] as const;

/** Correcting how the request was filed: the clocks are counted again and the panel follows the dispute type. */
export function CorrectClassificationForm({
  version,
  actionData,
  current,
}: CaseFormProps & { current: { disputeType: DisputeTypeCode | null; track: "STANDARD" | "EXPEDITED" } }) {
  const zod = useCaseForm(correctClassificationSchema, {
    intent: "correctClassification",
    version,
    actionData,
    defaultValues: { disputeType: current.disputeType ?? undefined, track: current.track },
  });
  return (
    <CaseForm zod={zod} intent="correctClassification" version={version}>
      <RadioGroup zod={zod} idPrefix="correct" name="disputeType" legend="Type of dispute" choices={DISPUTE_CHOICES} />
      <RadioGroup zod={zod} idPrefix="correct" name="track" legend="Track" choices={TRACK_CHOICES} />
      <TextAreaField
        zod={zod}
        idPrefix="correct"
        name="reason"
        label="Why it is corrected"
        hint="Recorded on the case's timeline and in the audit log; the applicant and the plan are told the case's new classification, not the reason."
        required
      />
      <SubmitButton submitting={zod.submitting}>Correct the classification</SubmitButton>
    </CaseForm>
  );
}
