import { useActionData } from "react-router";
import type { Route } from "./+types/retention";
import { DataTable } from "~/components/data-table";
import { Form, FormError, Notice, RadioGroup, SubmitButton, TextAreaField, TextField, useZodForm } from "~/components/forms";
import { STATUS_LABELS, type CaseStatus } from "~/domain/case-status";
import { formatLocalDate } from "~/domain/rule-profiles";
import { legalHoldSchema } from "~/schemas/retention";
import { retentionOverview, setLegalHold } from "~/server/retention/records-retention.server";
import { actorOf } from "~/server/session.server";
import { submitForm } from "~/server/route-answers.server";
import { signedInUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "Record retention | Independent Medical Review" }];
}

const NOTICES = { hold: "The legal hold is placed: the retention job leaves the case as it is.", release: "The legal hold is lifted." } as const;

export async function loader({ request }: Route.LoaderArgs) {
  const done = new URL(request.url).searchParams.get("done");
  return { ...(await retentionOverview()), notice: done === "hold" || done === "release" ? NOTICES[done] : null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const admin = signedInUser(context);
  const actor = actorOf(admin, request);
  return submitForm(request, legalHoldSchema, async ({ intent, reference, reason }) => {
    await setLegalHold({ actor, reference, reason, hold: intent === "hold" });
    return `/admin/retention?done=${intent}`;
  });
}

type Row = Awaited<ReturnType<typeof retentionOverview>>["due"][number];
const columns = [
  { header: "Reference", cell: (row: Row) => row.reference },
  { header: "Ended as", cell: (row: Row) => STATUS_LABELS[row.statusEnded as CaseStatus] },
  { header: "Ended on", cell: (row: Row) => formatLocalDate(row.endedOn) },
  { header: "Kept until", cell: (row: Row) => formatLocalDate(row.retainedUntil) },
];

export default function Retention({ loaderData }: Route.ComponentProps) {
  const { due, held, archived, notice } = loaderData;
  return (
    <>
      <h1>Record retention</h1>
      <p className="lead">Each rule profile keeps a case&apos;s records for a time after the case ended. Every night a job archives the cases past it.</p>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <p>
        {archived} {archived === 1 ? "case is" : "cases are"} archived. A case under a legal hold is never archived while the hold lasts.
      </p>
      <h2>Due for archiving</h2>
      <DataTable
        caption="Cases past their retention, archived at the next run"
        captionHidden
        rows={due}
        rowKey={(row) => row.id}
        empty={<p>No case is past its retention.</p>}
        columns={columns}
      />
      <h2>Under a legal hold</h2>
      <DataTable
        caption="Cases under a legal hold"
        captionHidden
        rows={held}
        rowKey={(row) => row.id}
        empty={<p>No case is under a legal hold.</p>}
        columns={[...columns, { header: "Why", className: "verbatim", cell: (row: Row) => row.legalHold?.reason ?? "" }]}
      />
      <LegalHoldForm key={notice ?? ""} />
    </>
  );
}

function LegalHoldForm() {
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(legalHoldSchema, { actionData, defaultValues: { intent: "hold", reference: "", reason: "" } });
  return (
    <section aria-labelledby="legal-hold">
      <h2 id="legal-hold">Place or lift a legal hold</h2>
      <FormError message={zod.formError} />
      <Form method="post" noValidate onSubmit={zod.onSubmit} className="narrow narrow--start">
        <RadioGroup
          zod={zod}
          name="intent"
          legend="What to do"
          choices={[
            { value: "hold", label: "Place a legal hold" },
            { value: "release", label: "Lift the legal hold" },
          ]}
        />
        <TextField zod={zod} name="reference" label="Case reference" hint="Like IMR-2026-000123." required />
        <TextAreaField
          zod={zod}
          name="reason"
          label="Why"
          hint="The litigation, investigation or request that needs the records kept, or why it ended."
          rows={3}
          required
        />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>Save</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
