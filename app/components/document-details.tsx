import { useMemo } from "react";
import { documentDetailsText } from "~/components/document-table";
import { Form, FormError, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { documentDetailsSchema } from "~/schemas/document-details";

interface DescribedDocument {
  id: string;
  fileName: string;
  author?: string | null;
  authoredOn?: string | null;
}

/** The refusal belongs to this document's form when it posted this document. */
function failureFor(documentId: string, actionData: unknown): unknown {
  const values = (actionData as { values?: { intent?: unknown; documentId?: unknown } } | undefined)?.values;
  return values?.intent === "describeDocument" && values.documentId === documentId ? actionData : undefined;
}

/**
 * Each document's author and date, for the letter's list of documents
 * considered: one small form per document, folded until opened (open when
 * its last save was refused, with the message by the field).
 */
export function DocumentDetailsForms(props: { documents: readonly DescribedDocument[]; today: string; actionData: unknown }) {
  if (!props.documents.length) return null;
  return (
    <section aria-labelledby="document-details-heading">
      <h3 id="document-details-heading">Who wrote each document, and its date</h3>
      <p className="hint">The decision letter lists each document considered with its date and author. Leave a field empty when it is not known.</p>
      <ul className="badge-list space-below">
        {props.documents.map((document) => (
          <li key={document.id}>
            <DocumentDetailsForm document={document} today={props.today} actionData={failureFor(document.id, props.actionData)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function DocumentDetailsForm({ document, today, actionData }: { document: DescribedDocument; today: string; actionData: unknown }) {
  const schema = useMemo(() => documentDetailsSchema({ today }), [today]);
  const zod = useZodForm(schema, {
    defaultValues: { intent: "describeDocument", documentId: document.id, author: document.author ?? "", authoredOn: document.authoredOn ?? "" },
    actionData,
  });
  const idPrefix = `document-${document.id}`;
  return (
    <details open={actionData !== undefined}>
      <summary>
        <span className="break-anywhere">{document.fileName}</span>: {documentDetailsText(document)}
      </summary>
      <Form method="post" noValidate onSubmit={zod.onSubmit} aria-label={`Author and date of ${document.fileName}`}>
        <FormError message={zod.formError} />
        <input type="hidden" name="intent" value="describeDocument" />
        <input type="hidden" name="documentId" value={document.id} />
        <TextField zod={zod} idPrefix={idPrefix} name="author" label="Author" hint="The person or body that wrote it, e.g. Dr. Sam Lee." />
        <TextField zod={zod} idPrefix={idPrefix} name="authoredOn" type="date" label="Date of the document" hint="The date it bears, not when it was sent." />
        <SubmitButton submitting={zod.submitting}>
          Save the author and date<span className="visually-hidden"> of {document.fileName}</span>
        </SubmitButton>
      </Form>
    </details>
  );
}
