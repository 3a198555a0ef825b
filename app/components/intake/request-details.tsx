import { Fragment } from "react";

/** What the applicant gave, section by section, as label and value pairs worked out on the server. */
export function RequestDetails({ sections }: { sections: readonly { heading: string; lines: readonly { label: string; value: string }[] }[] }) {
  return (
    <>
      {sections.map((section) => (
        <Fragment key={section.heading}>
          <h3>{section.heading}</h3>
          <dl className="summary">
            {section.lines.map((line) => (
              <Fragment key={line.label}>
                <dt>{line.label}</dt>
                <dd className="multiline">{line.value}</dd>
              </Fragment>
            ))}
          </dl>
        </Fragment>
      ))}
    </>
  );
}
