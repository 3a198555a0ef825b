import { failureFor, Form, FormError, IntentSubmit, RemoveButton, TextField, useZodForm } from "~/components/forms";
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
      {periods.length ? (
        <div className="table-wrap">
          <table>
            <caption>Current and coming periods</caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To (included)</th>
                <th scope="col">Note</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {periods.map((period) => (
                <tr key={period.id}>
                  <td>{formatLocalDate(period.startsOn)}</td>
                  <td>{formatLocalDate(period.endsOn)}</td>
                  <td>{period.note ?? ""}</td>
                  <td>
                    <RemoveButton
                      intent="remove-unavailability"
                      fields={{ id: period.id }}
                      what={`the period from ${formatLocalDate(period.startsOn)} to ${formatLocalDate(period.endsOn)}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No period planned.</p>
      )}
      <h3>Add a period</h3>
      <FormError message={zod.formError} />
      <Form method="post" noValidate onSubmit={zod.onSubmit} className="narrow" style={{ marginLeft: 0 }} aria-label="Add an unavailable period">
        <input type="hidden" name="intent" value="add-unavailability" />
        <TextField zod={zod} name="startsOn" label="First day away" type="date" required />
        <TextField zod={zod} name="endsOn" label="Last day away" type="date" required />
        <TextField zod={zod} name="note" label="Note (optional)" hint="Like Annual leave or Conference. Only the review organization sees it." />
        <div className="actions">
          <IntentSubmit intent="add-unavailability">Add the period</IntentSubmit>
        </div>
      </Form>
    </section>
  );
}
