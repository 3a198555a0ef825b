import type { ReactNode } from "react";
import { Form } from "react-router";
import { FormError } from "./error-summary";
import { IntentSubmit, type AnyForm } from "./fields";

/**
 * One of several small forms on a page, beside the tables it adds to: its
 * refusal, its hidden intent (how the action tells the forms apart), its
 * fields, and a button that is busy only while this form is sent.
 */
export function IntentForm(props: { zod: AnyForm; intent: string; label: string; submit: ReactNode; children: ReactNode }) {
  const { zod, intent, label, submit, children } = props;
  return (
    <>
      <FormError message={zod.formError} />
      <Form method="post" noValidate onSubmit={zod.onSubmit} className="narrow narrow--start" aria-label={label}>
        <input type="hidden" name="intent" value={intent} />
        {children}
        <div className="actions">
          <IntentSubmit intent={intent}>{submit}</IntentSubmit>
        </div>
      </Form>
    </>
  );
}
