import type { ReactNode } from "react";
import { REQUEST_STEPS, stepNumber, stepTitle, type RequestStep } from "~/domain/requests/steps";

/** "Step 3 of 9: The plan", in words for everyone and as a bar for the eye. */
export function StepProgress({ step }: { step: RequestStep }) {
  const number = stepNumber(step);
  const total = REQUEST_STEPS.length;
  return (
    <div className="step-progress">
      <p>
        Step {number} of {total}: {stepTitle(step)}
      </p>
      <div className="step-progress__bar" aria-hidden="true">
        {/* The one style worked out at runtime: how far along the form the person is. */}
        <span style={{ width: `${Math.round((number / total) * 100)}%` }} />
      </div>
    </div>
  );
}

/**
 * The step's buttons. "Save and continue" comes first so Enter in a field
 * means it; every button saves what was typed.
 */
export function StepActions({ back, submitting }: { back: boolean; submitting: boolean }) {
  return (
    <div className="actions step-actions">
      <button type="submit" name="intent" value="continue" className="button" disabled={submitting}>
        {submitting ? "Saving…" : "Save and continue"}
      </button>
      {back ? (
        <button type="submit" name="intent" value="back" className="button button--secondary" disabled={submitting}>
          Back
        </button>
      ) : null}
      <button type="submit" name="intent" value="later" className="button button--secondary" disabled={submitting}>
        Save and finish later
      </button>
    </div>
  );
}

/** A short explanation a patient can open when a question uses a word they may not know. */
export function Explainer({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="explainer">
      <summary>{summary}</summary>
      <div>{children}</div>
    </details>
  );
}
