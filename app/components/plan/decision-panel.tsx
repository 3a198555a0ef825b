import { Form } from "react-router";
import { CaseFormFields, FormError, Notice, SubmitButton, TextAreaField, TextField, useCaseForm } from "~/components/forms";
import type { DeadlineLine } from "~/domain/next-steps";
import { complianceForm } from "~/schemas/plan-actions";

export const CONFIRM_COMPLIANCE_INTENT = "confirm-compliance";

export interface DecisionView {
  outcome: string | null;
  decided: string | null;
  letters: readonly { id: string; documentId: string; version: number; issued: string; current: boolean; amendmentReason: string | null }[];
}

export interface ComplianceView {
  deadline: DeadlineLine | null;
  overdue: boolean;
  confirmation: { implementedOn: string; authorizationNumber: string; note: string | null; confirmed: string; late: boolean } | null;
  canConfirm: boolean;
}

/** The decision as the plan receives it: what it means, and every version of the letter to download. */
export function DecisionPanel({ decision }: { decision: DecisionView }) {
  return (
    <section aria-labelledby="decision-heading">
      <h2 id="decision-heading">Decision</h2>
      {decision.outcome ? <p>{decision.outcome}</p> : null}
      {decision.decided ? <p>Decided on {decision.decided}. The decision is binding on your plan.</p> : null}
      <ul>
        {decision.letters.map((letter) => (
          <li key={letter.id}>
            <a href={`/documents/${letter.documentId}`}>Download the decision letter{letter.version > 1 ? `, version ${letter.version}` : ""} (PDF)</a>{" "}
            <span className="muted">
              issued {letter.issued}
              {letter.current ? "" : ", replaced by a later version"}
            </span>
            {letter.amendmentReason ? <p className="subnote">Amended because: {letter.amendmentReason}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** After an overturn: the plan's confirmation that it complied, or the form to give it, with its due time. */
export function CompliancePanel({ version, compliance, actionData }: { version: number; compliance: ComplianceView; actionData: unknown }) {
  const { confirmation, deadline } = compliance;
  return (
    <section aria-labelledby="compliance-heading">
      <h2 id="compliance-heading">Compliance with the decision</h2>
      {deadline ? <p>{deadline.text}.</p> : null}
      {confirmation ? (
        <div className="card">
          <p className="flush-top">
            {confirmation.late ? <span className="badge badge--danger">Confirmed late</span> : <span className="badge badge--ok">Confirmed in time</span>}{" "}
            Confirmed on {confirmation.confirmed}.
          </p>
          <dl className="summary">
            <dt>Date implemented</dt>
            <dd>{confirmation.implementedOn}</dd>
            <dt>Authorization or claim number</dt>
            <dd>{confirmation.authorizationNumber}</dd>
            {confirmation.note ? (
              <>
                <dt>Note</dt>
                <dd className="multiline">{confirmation.note}</dd>
              </>
            ) : null}
          </dl>
          {confirmation.late ? <p className="flush-bottom">It came after the due time, so the review organization's coordinators were told.</p> : null}
        </div>
      ) : compliance.canConfirm ? (
        <ComplianceForm version={version} overdue={compliance.overdue} actionData={actionData} />
      ) : null}
    </section>
  );
}

function ComplianceForm({ version, overdue, actionData }: { version: number; overdue: boolean; actionData: unknown }) {
  const zod = useCaseForm(complianceForm, { intent: CONFIRM_COMPLIANCE_INTENT, version, actionData });
  return (
    <Form method="post" noValidate onSubmit={zod.onSubmit} aria-labelledby="compliance-form-heading">
      <h3 id="compliance-form-heading">Confirm that your plan complied</h3>
      {overdue ? (
        <Notice tone="warning">The due time has passed: your confirmation will be recorded as late and the review organization's coordinators told.</Notice>
      ) : null}
      <FormError message={zod.formError} />
      <CaseFormFields intent={CONFIRM_COMPLIANCE_INTENT} version={version} />
      <TextField zod={zod} type="date" name="implementedOn" label="Date implemented" hint="The day your plan approved or paid for the service." required />
      <TextField zod={zod} name="authorizationNumber" label="Authorization or claim number" required />
      <TextAreaField zod={zod} idPrefix="compliance" name="note" label="Note (optional)" hint="Anything the review organization should know." />
      <SubmitButton submitting={zod.submitting}>Confirm compliance</SubmitButton>
    </Form>
  );
}
