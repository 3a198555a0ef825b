import { ACTIONS_HEADER, DataTable } from "~/components/data-table";
import { failureFor, IntentForm, RemoveButton, SelectField, TextField, useZodForm } from "~/components/forms";
import { AFFILIATION_KIND_LABELS, AFFILIATION_KINDS } from "~/domain/roster";
import { affiliationFormSchema } from "~/schemas/roster";

interface Affiliation {
  id: string;
  kind: keyof typeof AFFILIATION_KIND_LABELS;
  name: string;
  identifier: string | null;
  planName: string | null;
}

/**
 * Declared ties to plans, groups, facilities, makers and physicians: a
 * reviewer is never suggested for a case one of them touches.
 */
export function AffiliationSection(props: { affiliations: readonly Affiliation[]; plans: readonly { id: string; name: string }[]; actionData: unknown }) {
  const { affiliations, plans, actionData } = props;
  const zod = useZodForm(affiliationFormSchema, { actionData: failureFor(actionData, "add-affiliation") });
  return (
    <section aria-labelledby="affiliations">
      <h2 id="affiliations">Declared affiliations</h2>
      <p>
        Material professional, family or financial ties to a health plan, medical group, facility, drug or device maker, or physician. A case that involves one
        of them is never offered to this reviewer.
      </p>
      <DataTable
        caption="Affiliations declared"
        rows={affiliations}
        rowKey={(affiliation) => affiliation.id}
        empty={<p className="muted">No affiliation declared.</p>}
        columns={[
          { header: "Kind", cell: (affiliation) => AFFILIATION_KIND_LABELS[affiliation.kind] },
          {
            header: "Name",
            cell: (affiliation) => (
              <>
                {affiliation.name}
                {affiliation.planName ? <div className="muted">A plan we serve: {affiliation.planName}</div> : null}
              </>
            ),
          },
          { header: "Identifier", cell: (affiliation) => affiliation.identifier ?? "" },
          {
            header: ACTIONS_HEADER,
            cell: (affiliation) => (
              <RemoveButton intent="remove-affiliation" fields={{ id: affiliation.id }} what={`the affiliation with ${affiliation.name}`} />
            ),
          },
        ]}
      />
      <h3>Declare an affiliation</h3>
      <IntentForm zod={zod} intent="add-affiliation" label="Declare an affiliation" submit="Declare the affiliation">
        <SelectField
          zod={zod}
          name="kind"
          label="Kind of tie"
          placeholder="Choose…"
          required
          options={AFFILIATION_KINDS.map((kind) => ({ value: kind, label: AFFILIATION_KIND_LABELS[kind] }))}
        />
        <SelectField
          zod={zod}
          name="planId"
          label="One of the plans we serve (health plans only)"
          hint="Choose it when the tie is with a plan in this list; its name is filled in for you."
          placeholder="Not one of them"
          options={plans.map((plan) => ({ value: plan.id, label: plan.name }))}
        />
        <TextField zod={zod} name="name" label="Name" hint="The plan, group, facility, maker or physician, as they are known." />
        <TextField zod={zod} name="identifier" label="Identifier (optional)" hint="Such as an NPI (10 digits) or a tax ID (12-3456789)." />
      </IntentForm>
    </section>
  );
}
