import { useActionData } from "react-router";
import type { Route } from "./+types/retention";
import { DataTable } from "~/components/data-table";
import {
  CheckboxGroup,
  failureFor,
  Form,
  FormError,
  IntentForm,
  Notice,
  RadioGroup,
  SubmitButton,
  TextAreaField,
  TextField,
  useZodForm,
} from "~/components/forms";
import { Instant } from "~/components/instant";
import { STATUS_LABELS, type CaseStatus } from "~/domain/case-status";
import type { DecisionOutcome } from "~/domain/panel";
import { formatLocalDate } from "~/domain/rule-profiles";
import { confirmPurgeSchema, legalHoldSchema } from "~/schemas/retention";
import { requireFreshAuthentication } from "~/server/auth/confirm-identity.server";
import { confirmPurge } from "~/server/retention/purge-cases.server";
import { retentionOverview, setLegalHold } from "~/server/retention/records-retention.server";
import { actorOf } from "~/server/session.server";
import { formSubmission, submitIntent } from "~/server/route-answers.server";
import { signedInUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "Record retention | Independent Medical Review" }];
}

const NOTICES = {
  hold: "The legal hold is placed: the retention job leaves the case as it is, and a purge confirmed for it is withdrawn.",
  release: "The legal hold is lifted.",
  purge: "The purge is confirmed: the retention job purges these cases at its next run, unless a legal hold comes first.",
} as const;

const OUTCOMES: Record<DecisionOutcome, string> = { UPHELD: "Upheld", OVERTURNED: "Overturned", OVERTURNED_IN_PART: "Overturned in part" };

export async function loader({ request }: Route.LoaderArgs) {
  const done = new URL(request.url).searchParams.get("done");
  return { ...(await retentionOverview()), notice: done === "hold" || done === "release" || done === "purge" ? NOTICES[done] : null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const admin = signedInUser(context);
  const actor = actorOf(admin, request);
  const legalHold = formSubmission(legalHoldSchema, async ({ intent, reference, reason }) => {
    await setLegalHold({ actor, reference, reason, hold: intent === "hold" });
    return `/admin/retention?done=${intent}`;
  });
  return submitIntent(request, {
    hold: legalHold,
    release: legalHold,
    "confirm-purge": formSubmission(
      confirmPurgeSchema,
      async ({ references }) => {
        const at = new Date();
        // Purging cannot be undone: the person confirms it is them first.
        await requireFreshAuthentication(admin, request, at);
        await confirmPurge({ actor, adminId: admin.id, references, at });
        return "/admin/retention?done=purge";
      },
      { arrayFields: ["references"], oneMessage: true },
    ),
  });
}

type Overview = Awaited<ReturnType<typeof retentionOverview>>;
type Row = Overview["due"]["rows"][number];
const columns = [
  { header: "Reference", cell: (row: Row) => row.reference },
  { header: "Ended as", cell: (row: Row) => STATUS_LABELS[row.statusEnded as CaseStatus] },
  { header: "Ended on", cell: (row: Row) => formatLocalDate(row.endedOn) },
  { header: "Kept until", cell: (row: Row) => formatLocalDate(row.retainedUntil) },
];

function More({ list }: { list: { rows: unknown[]; total: number } }) {
  return list.total > list.rows.length ? (
    <p>
      The first {list.rows.length} of {list.total} are listed.
    </p>
  ) : null;
}

export default function Retention({ loaderData }: Route.ComponentProps) {
  const { due, dueForPurge, purgeConfirmed, held, purged, archived, notice } = loaderData;
  return (
    <>
      <h1>Record retention</h1>
      <p className="lead">
        Each rule profile keeps a case&apos;s records for a time after the case ended. Every night a job archives the cases past it, and purges the archived
        cases an administrator confirmed.
      </p>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <p>
        {archived} {archived === 1 ? "case is" : "cases are"} archived, {purged.total} purged. A case under a legal hold is never archived or purged while the
        hold lasts.
      </p>
      <h2>Due for archiving</h2>
      <DataTable
        caption="Cases past their retention, archived at the next run"
        captionHidden
        rows={due.rows}
        rowKey={(row) => row.id}
        empty={<p>No case is past its retention.</p>}
        columns={columns}
      />
      <More list={due} />
      <PurgeForm key={`purge-${notice ?? ""}`} dueForPurge={dueForPurge} />
      <h2>Confirmed, purged at the next run</h2>
      <DataTable
        caption="Cases confirmed for purging"
        captionHidden
        rows={purgeConfirmed.rows}
        rowKey={(row) => row.id}
        empty={<p>No purge is waiting for the next run.</p>}
        columns={[...columns, { header: "Confirmed", cell: (row: Row) => (row.purgeConfirmedAt ? <Instant at={row.purgeConfirmedAt} style="table" /> : "") }]}
      />
      <More list={purgeConfirmed} />
      <h2>Under a legal hold</h2>
      <DataTable
        caption="Cases under a legal hold"
        captionHidden
        rows={held.rows}
        rowKey={(row) => row.id}
        empty={<p>No case is under a legal hold.</p>}
        columns={[...columns, { header: "Why", className: "verbatim", cell: (row: Row) => row.legalHold?.reason ?? "" }]}
      />
      <More list={held} />
      <h2>Purged</h2>
      <p>What stays of a purged case: no health information, only what a regulator or an auditor asks about. Its audit trail stays whole.</p>
      <DataTable
        caption="Purged cases, latest first"
        captionHidden
        scrollable
        rows={purged.rows}
        rowKey={(row) => row.id}
        empty={<p>No case has been purged.</p>}
        columns={[
          { header: "Reference", cell: (row) => row.reference },
          { header: "Plan", cell: (row) => row.planName ?? "" },
          { header: "Profile", cell: (row) => row.ruleProfile },
          { header: "Ended as", cell: (row) => STATUS_LABELS[row.statusEnded] },
          { header: "Outcome", cell: (row) => (row.outcome ? OUTCOMES[row.outcome] : "") },
          { header: "Filed", cell: (row) => (row.submittedAt ? <Instant at={row.submittedAt} style="table" /> : "") },
          { header: "Decided", cell: (row) => (row.decidedAt ? <Instant at={row.decidedAt} style="table" /> : "") },
          { header: "Ended on", cell: (row) => formatLocalDate(row.endedOn.toISOString().slice(0, 10)) },
          { header: "Purged", cell: (row) => <Instant at={row.purgedAt} style="table" /> },
          { header: "Confirmed by", cell: (row) => row.purgeConfirmedBy },
        ]}
      />
      <More list={purged} />
      <LegalHoldForm key={notice ?? ""} />
    </>
  );
}

function PurgeForm({ dueForPurge }: { dueForPurge: Overview["dueForPurge"] }) {
  const actionData = failureFor(useActionData<typeof action>(), "confirm-purge");
  const zod = useZodForm(confirmPurgeSchema, { actionData, defaultValues: { intent: "confirm-purge", references: [] } });
  return (
    <section aria-labelledby="due-for-purge">
      <h2 id="due-for-purge">Archived, awaiting a confirmation to purge</h2>
      {dueForPurge.rows.length === 0 ? (
        <p>No archived case is awaiting a purge.</p>
      ) : (
        <>
          <p>
            Purging removes a case&apos;s records for good: its details, documents, letters, notes and emails. A tombstone and the audit trail stay. The
            retention job purges the cases you confirm at its next run (04:20 UTC); a legal hold placed before then stops it. You are asked for your password
            first if you last gave it more than 10 minutes ago.
          </p>
          <IntentForm zod={zod} intent="confirm-purge" label="Confirm the purge" submit="Confirm the purge">
            <CheckboxGroup
              zod={zod}
              id="references"
              name="references"
              legend="Cases to purge"
              choices={dueForPurge.rows.map((row) => ({
                value: row.reference,
                label: row.reference,
                hint: `${STATUS_LABELS[row.statusEnded as CaseStatus]} on ${formatLocalDate(row.endedOn)}, kept until ${formatLocalDate(row.retainedUntil)}`,
              }))}
            />
          </IntentForm>
          <More list={dueForPurge} />
        </>
      )}
    </section>
  );
}

function LegalHoldForm() {
  const actionData = useActionData<typeof action>();
  const failure = failureFor(actionData, "hold") ?? failureFor(actionData, "release");
  const zod = useZodForm(legalHoldSchema, { actionData: failure, defaultValues: { intent: "hold", reference: "", reason: "" } });
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
