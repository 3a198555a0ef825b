import { ACTIONS_HEADER, DataTable } from "~/components/data-table";
import { failureFor, IntentForm, RemoveButton, SelectField, TextField, useZodForm } from "~/components/forms";
import { AFFILIATION_KIND_LABELS, AFFILIATION_KINDS } from "~/domain/roster";
import { formatLocalDate } from "~/domain/rule-profiles";
import { affiliationFormSchema } from "~/schemas/roster";

interface Affiliation {
  id: string;
  kind: keyof typeof AFFILIATION_KIND_LABELS;
  name: string;
  identifier: string | null;
  planName: string | null;
  /** A request to remove it waits for an administrator. */
  removalRequested: boolean;
}

/**
 * How a person takes an affiliation away here: an administrator removes it,
 * a reviewer asks for its removal, a coordinator cannot.
 */
export type AffiliationRemoval = "remove" | "request" | "none";

function RemovalCell({ affiliation, removal }: { affiliation: Affiliation; removal: AffiliationRemoval }) {
  if (affiliation.removalRequested && removal !== "remove") return <span className="muted">Removal asked: waiting for an administrator</span>;
  if (removal === "remove")
    return <RemoveButton intent="remove-affiliation" fields={{ id: affiliation.id }} what={`the affiliation with ${affiliation.name}`} />;
  if (removal === "request") {
    return (
      <RemoveButton
        intent="request-affiliation-removal"
        fields={{ id: affiliation.id }}
        label="Ask to remove"
        what={`the affiliation with ${affiliation.name}`}
      />
    );
  }
  return null;
}

/**
 * Declared ties to plans, groups, facilities, makers and physicians: a
 * reviewer is never suggested for a case one of them touches, until an
 * administrator removes it.
 */
export function AffiliationSection(props: {
  affiliations: readonly Affiliation[];
  plans: readonly { id: string; name: string }[];
  actionData: unknown;
  removal: AffiliationRemoval;
}) {
  const { affiliations, plans, actionData, removal } = props;
  const zod = useZodForm(affiliationFormSchema, { actionData: failureFor(actionData, "add-affiliation") });
  return (
    <section aria-labelledby="affiliations">
      <h2 id="affiliations">Declared affiliations</h2>
      <p>
        Material professional, family or financial ties to a health plan, medical group, facility, drug or device maker, or physician. A case that involves one
        of them is never offered to this reviewer. {removal === "request" ? "To remove one, ask: it keeps counting until an administrator approves." : null}
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
          { header: ACTIONS_HEADER, cell: (affiliation) => <RemovalCell affiliation={affiliation} removal={removal} /> },
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

/** Reviewers' requests to remove an affiliation, for an administrator to approve or reject (coordinators see them). */
export function RemovalRequestsSection(props: {
  requests: readonly { id: string; kind: keyof typeof AFFILIATION_KIND_LABELS; name: string; identifier: string | null; requestedOn: string }[];
  canDecide: boolean;
}) {
  if (props.requests.length === 0) return null;
  return (
    <section aria-labelledby="removal-requests">
      <h2 id="removal-requests">Requests to remove an affiliation</h2>
      <p>Until an administrator approves, the affiliation still keeps the reviewer off the cases it touches.</p>
      <DataTable
        caption="Requests waiting for an administrator"
        rows={props.requests}
        rowKey={(request) => request.id}
        columns={[
          {
            header: "Affiliation",
            cell: (request) => `${AFFILIATION_KIND_LABELS[request.kind]}: ${request.name}${request.identifier ? ` (${request.identifier})` : ""}`,
          },
          { header: "Asked on", cell: (request) => formatLocalDate(request.requestedOn) },
          {
            header: ACTIONS_HEADER,
            cell: (request) =>
              props.canDecide ? (
                <div className="actions flush-top">
                  <RemoveButton intent="approve-affiliation-removal" fields={{ id: request.id }} label="Approve" what={`removing ${request.name}`} />
                  <RemoveButton intent="reject-affiliation-removal" fields={{ id: request.id }} label="Reject" what={`removing ${request.name}`} />
                </div>
              ) : (
                <span className="muted">An administrator decides</span>
              ),
          },
        ]}
      />
    </section>
  );
}
