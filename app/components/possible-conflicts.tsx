import { CaseForm, TextAreaField, useCaseForm } from "~/components/forms";
import { clearConflictSchema } from "~/schemas/assignment";

interface HeldReviewer {
  id: string;
  name: string;
  fit: string;
  /** Each near match, in words (nearMatchText). */
  matches: string[];
}

interface Clearance {
  id: string;
  name: string;
  reason: string;
  cleared: string;
}

/** The action's answer when it is this reviewer's clearing. */
function answerFor(actionData: unknown, reviewerId: string) {
  const values = (actionData as { values?: Record<string, unknown> } | undefined)?.values;
  return values?.intent === "clear" && values.reviewerId === reviewerId ? actionData : undefined;
}

/**
 * The assign page's reviewers held by a possible conflict (an affiliation
 * only like a party's name), each with a form to clear it with a reason;
 * and the clearances given on the case, so a later coordinator sees why.
 */
export function PossibleConflicts(props: {
  held: readonly HeldReviewer[];
  clearances: readonly Clearance[];
  version: number;
  clearable: boolean;
  actionData: unknown;
}) {
  if (props.held.length === 0 && props.clearances.length === 0) return null;
  return (
    <section aria-labelledby="possible-conflicts-heading">
      <h2 id="possible-conflicts-heading">Possible conflicts</h2>
      {props.held.length ? (
        <>
          <p>
            These reviewers qualify, but an affiliation they declared is like the name of someone in the dispute. They can be offered the case once a
            coordinator has checked that it is not the same party and cleared it, saying why.
          </p>
          <ul className="card-list">
            {props.held.map((reviewer) => (
              <li key={reviewer.id} className="card">
                <p className="flush-top">
                  <strong>{reviewer.name}</strong> <span className="badge badge--warn">Possible conflict</span>
                </p>
                <p>{reviewer.fit}</p>
                <ul>
                  {reviewer.matches.map((match) => (
                    <li key={match}>{match}</li>
                  ))}
                </ul>
                {props.clearable ? <ClearForm reviewer={reviewer} version={props.version} actionData={answerFor(props.actionData, reviewer.id)} /> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.clearances.length ? (
        <>
          <h3>Cleared on this case</h3>
          <ul>
            {props.clearances.map((clearance) => (
              <li key={clearance.id}>
                <strong>{clearance.name}</strong>, {clearance.cleared}: “{clearance.reason}”
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function ClearForm({ reviewer, version, actionData }: { reviewer: HeldReviewer; version: number; actionData: unknown }) {
  const zod = useCaseForm(clearConflictSchema, { intent: "clear", version, actionData, defaultValues: { reviewerId: reviewer.id } });
  return (
    <details open={actionData !== undefined}>
      <summary>Clear the possible conflict of {reviewer.name}</summary>
      <CaseForm zod={zod} intent="clear" version={version}>
        <input type="hidden" name="reviewerId" value={reviewer.id} />
        <TextAreaField
          zod={zod}
          idPrefix={`clear-${reviewer.id}`}
          name="reason"
          label={`Why ${reviewer.name}'s affiliation is no conflict`}
          hint="For example: a different company, checked by its tax ID. Kept with the case and in the audit log."
          required
        />
        <button type="submit" className="button" disabled={zod.submitting}>
          Clear and allow an offer to {reviewer.name}
        </button>
      </CaseForm>
    </details>
  );
}
