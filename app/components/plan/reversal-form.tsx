import { Form } from "react-router";
import { CaseFormFields, FormError, Notice, SubmitButton, TextAreaField, useCaseForm } from "~/components/forms";
import { reversalForm } from "~/schemas/plan-actions";

export const REVERSE_INTENT = "reverse";

/**
 * "We reversed our denial": ends the review for good, so it sits behind a
 * disclosure that says so and asks what the plan approved.
 */
export function ReversalForm({ version, actionData }: { version: number; actionData: unknown }) {
  const zod = useCaseForm(reversalForm, { intent: REVERSE_INTENT, version, actionData });
  const failed = zod.formError !== undefined || zod.errorFor("note") !== undefined;
  return (
    <details open={failed || undefined}>
      <summary>We reversed our denial</summary>
      <Form method="post" noValidate onSubmit={zod.onSubmit} className="space-above">
        <Notice tone="warning">
          This ends the independent review: every deadline stops, and the applicant, the review organization and the reviewers are told that your plan approved
          the service. It cannot be undone here.
        </Notice>
        <FormError message={zod.formError} />
        <CaseFormFields intent={REVERSE_INTENT} version={version} />
        <TextAreaField
          zod={zod}
          idPrefix="reversal"
          name="note"
          label="What your plan approved"
          hint="For example the service, the dates and the authorization number. The applicant sees this note."
          required
        />
        <SubmitButton submitting={zod.submitting}>Confirm: end the review</SubmitButton>
      </Form>
    </details>
  );
}
