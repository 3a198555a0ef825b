import { ACTIONS_HEADER, DataTable } from "~/components/data-table";
import { failureFor, IntentForm, RemoveButton, TextField, useZodForm } from "~/components/forms";
import { formatLocalDate } from "~/domain/rule-profiles";
import { unavailabilityFormSchema } from "~/schemas/roster";

interface Period {
  id: string;
  startsOn: string;
  endsOn: string;
  note: string | null;
}

/** Leave and other periods without offers: the list, a remove button each, and a form to add one. */
export function UnavailabilitySection({ periods, actionData }: { periods: readonly Period[]; actionData: unknown }) {
  const zod = useZodForm(unavailabilityFormSchema, { actionData: failureFor(actionData, "add-unavailability") });
  return (
    <section aria-labelledby="unavailability">
      <h2 id="unavailability">Unavailable periods</h2>
      <p>No case is offered on these days, first and last day included.</p>
      <DataTable
        caption="Current and coming periods"
        rows={periods}
        rowKey={(period) => period.id}
        empty={<p className="muted">No period planned.</p>}
        columns={[
          { header: "From", cell: (period) => formatLocalDate(period.startsOn) },
          { header: "To (included)", cell: (period) => formatLocalDate(period.endsOn) },
          { header: "Note", cell: (period) => period.note ?? "" },
          {
            header: ACTIONS_HEADER,
            cell: (period) => (
              <RemoveButton
                intent="remove-unavailability"
                fields={{ id: period.id }}
                what={`the period from ${formatLocalDate(period.startsOn)} to ${formatLocalDate(period.endsOn)}`}
              />
            ),
          },
        ]}
      />
      <h3>Add a period</h3>
      <IntentForm zod={zod} intent="add-unavailability" label="Add an unavailable period" submit="Add the period">
        <TextField zod={zod} name="startsOn" label="First day away" type="date" required />
        <TextField zod={zod} name="endsOn" label="Last day away" type="date" required />
        <TextField zod={zod} name="note" label="Note (optional)" hint="Like Annual leave or Conference. Only the review organization sees it." />
      </IntentForm>
    </section>
  );
}
