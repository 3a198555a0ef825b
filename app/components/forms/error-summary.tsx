import { useTranslation } from "react-i18next";
import { Notice } from "./notices";

/** A message about the whole form (the server refused it, or a conflict), announced at once. */
export function FormError({ message }: { message: string | undefined }) {
  return message ? <Notice tone="error">{message}</Notice> : null;
}

/** The problems of a sent form at its top, each a link to its field, so they are heard first and reached in one step. */
export function ErrorSummary({ problems }: { problems: readonly { fieldId: string; message: string }[] }) {
  const { t } = useTranslation();
  if (!problems.length) return null;
  return (
    <div className="alert alert--error error-summary" role="alert">
      <h3>{t("{count, plural, one {One thing to fix} other {# things to fix}}", { count: problems.length })}</h3>
      <ul>
        {problems.map((problem) => (
          <li key={problem.fieldId}>
            <a href={`#${problem.fieldId}`}>{problem.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
