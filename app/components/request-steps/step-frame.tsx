import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { usePageLocale } from "~/components/instant";
import type { LocalDate } from "~/domain/deadlines/time-zone";
import { formatInstant } from "~/domain/format-instant";
import { REQUEST_STEPS, stepNumber, stepTitle, type RequestStep } from "~/domain/requests/steps";
import { formatLocalDate } from "~/domain/rule-profiles";
import { translateMessage } from "~/i18n/i18n";

/** "Step 3 of 9: The plan", in words for everyone and as a bar for the eye. */
export function StepProgress({ step }: { step: RequestStep }) {
  const { t } = useTranslation();
  const number = stepNumber(step);
  const total = REQUEST_STEPS.length;
  return (
    <div className="step-progress">
      <p>{t("Step {number} of {total}: {title}", { number, total, title: translateMessage(t, stepTitle(step)) })}</p>
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
  const { t } = useTranslation();
  return (
    <div className="actions step-actions">
      <button type="submit" name="intent" value="continue" className="button" disabled={submitting}>
        {submitting ? t("Saving…") : t("Save and continue")}
      </button>
      {back ? (
        <button type="submit" name="intent" value="back" className="button button--secondary" disabled={submitting}>
          {t("Back")}
        </button>
      ) : null}
      <button type="submit" name="intent" value="later" className="button button--secondary" disabled={submitting}>
        {t("Save and finish later")}
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

/**
 * A date the applicant entered, in the page's language: "Tue 6 Jan 2027",
 * "6 ene 2027" (a local date has no time or zone: read at noon UTC).
 */
export function useDraftDate(): (date: LocalDate) => string {
  const locale = usePageLocale();
  return (date) => (locale === "es" ? formatInstant(`${date}T12:00:00.000Z`, "UTC", "date", "es") : formatLocalDate(date));
}
