import { useMemo } from "react";
import { DataTable } from "~/components/data-table";
import { Instant } from "~/components/instant";
import { CaseForm, RadioGroup, SubmitButton, TextAreaField, useCaseForm } from "~/components/forms";
import { CRITERION_TEXT, ELIGIBILITY_CRITERIA, type ChecklistValue, type EligibilityCriterion } from "~/domain/eligibility";
import { eligibilitySchema, metField, noteField } from "~/schemas/intake";

const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
] as const;

export interface SavedAnswer {
  criterion: EligibilityCriterion;
  label: string;
  met: boolean;
  note: string | null;
  by: string;
  at: Date | string;
}

/** The five criteria, each answered yes or no with a note; saving the first time starts the eligibility review. */
export function EligibilityChecklist(props: {
  version: number;
  filedLate: boolean;
  lateFilingReason: string | null;
  defaults: Record<EligibilityCriterion, ChecklistValue>;
  actionData: unknown;
}) {
  const { version, filedLate, lateFilingReason, defaults, actionData } = props;
  const schema = useMemo(() => eligibilitySchema({ filedLate }), [filedLate]);
  const defaultValues = Object.fromEntries(
    ELIGIBILITY_CRITERIA.flatMap((criterion) => [
      [metField(criterion), defaults[criterion].met || null],
      [noteField(criterion), defaults[criterion].note],
    ]),
  );
  const zod = useCaseForm(schema, { intent: "eligibility", version, actionData, defaultValues });
  return (
    <CaseForm zod={zod} intent="eligibility" version={version} aria-labelledby="eligibility-heading">
      <ol className="indented-list">
        {ELIGIBILITY_CRITERIA.map((criterion) => (
          <li key={criterion}>
            <RadioGroup
              zod={zod}
              idPrefix="eligibility"
              name={metField(criterion)}
              legend={CRITERION_TEXT[criterion].question}
              hint={
                criterion === "FILED_IN_TIME" && filedLate ? (
                  <>
                    <strong>Filed after the filing window.</strong> The applicant's reason for the delay: “{lateFilingReason ?? "none given"}”.{" "}
                    {CRITERION_TEXT[criterion].help}
                  </>
                ) : (
                  CRITERION_TEXT[criterion].help
                )
              }
              choices={YES_NO}
            />
            <TextAreaField
              zod={zod}
              idPrefix="eligibility"
              name={noteField(criterion)}
              label={criterion === "FILED_IN_TIME" && filedLate ? "Note (the good cause, if you accept it)" : "Note"}
              rows={2}
            />
          </li>
        ))}
      </ol>
      <div className="actions">
        <SubmitButton submitting={zod.submitting}>Save the checklist</SubmitButton>
      </div>
    </CaseForm>
  );
}

/** The answers as they were saved, once the eligibility decision is made. */
export function EligibilityAnswers({ answers }: { answers: readonly SavedAnswer[] }) {
  return (
    <DataTable
      caption="Eligibility criteria as answered"
      rows={answers}
      rowKey={(answer) => answer.criterion}
      empty={<p>No eligibility answers were recorded.</p>}
      columns={[
        { header: "Criterion", cell: (answer) => answer.label },
        { header: "Met", cell: (answer) => (answer.met ? <span className="badge badge--ok">Yes</span> : <span className="badge badge--danger">No</span>) },
        { header: "Note", className: "multiline", cell: (answer) => answer.note ?? "" },
        {
          header: "Answered",
          cell: (answer) => (
            <>
              {answer.by}, <Instant at={answer.at} style="table" />
            </>
          ),
        },
      ]}
    />
  );
}
