import { citationText, type Citation } from "~/domain/citations";
import { OUTCOME_LABELS, type DecisionOutcome } from "~/domain/panel";
import type { ReferenceItem } from "~/schemas/determination";

export interface DeterminationView {
  outcome: DecisionOutcome | null;
  partOverturned: string | null;
  principalReasons: string | null;
  clinicalRationale: string | null;
  references: readonly ReferenceItem[];
  /** The documents considered, by name (null when the id is not in the case file). */
  documentsConsidered: readonly { id: string; fileName: string | null }[];
  /** The pages cited; their documents are among those considered. */
  citations: readonly Citation[];
  standardOfReview: string | null;
  noConflictStatement: string | null;
}

const NOT_GIVEN = <span className="muted">Not given</span>;

/** A determination as written, read-only: for the reviewer once submitted, and for the coordinator's quality review. */
export function DeterminationSummary({ determination }: { determination: DeterminationView }) {
  const d = determination;
  return (
    <dl className="summary">
      <dt>Outcome</dt>
      <dd>{d.outcome ? OUTCOME_LABELS[d.outcome] : NOT_GIVEN}</dd>
      {d.outcome === "OVERTURNED_IN_PART" ? (
        <>
          <dt>Part overturned</dt>
          <dd className="verbatim">{d.partOverturned || NOT_GIVEN}</dd>
        </>
      ) : null}
      <dt>Principal reasons</dt>
      <dd className="verbatim">{d.principalReasons || NOT_GIVEN}</dd>
      <dt>Clinical rationale</dt>
      <dd className="verbatim">{d.clinicalRationale || NOT_GIVEN}</dd>
      <dt>Criteria and literature</dt>
      <dd>
        {d.references.length ? (
          <ol className="indented-list flush">
            {d.references.map((item, index) => (
              <li key={index}>
                <cite>{item.title}</cite>. {item.source}
                {item.year ? `, ${item.year}` : ""}.
                {item.url ? (
                  <>
                    {" "}
                    <a href={item.url} rel="noreferrer noopener" target="_blank">
                      {item.url}
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          NOT_GIVEN
        )}
      </dd>
      <dt>Pages cited</dt>
      <dd>
        {d.citations.length ? (
          <ul className="indented-list flush">
            {d.citations.map((citation, index) => (
              <li key={index}>
                {citationText(
                  d.documentsConsidered.find((document) => document.id === citation.documentId)?.fileName ?? "A document that is not in this case's file",
                  citation,
                )}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">None</span>
        )}
      </dd>
      <dt>Documents considered</dt>
      <dd>
        {d.documentsConsidered.length ? (
          <ul className="indented-list flush">
            {d.documentsConsidered.map((document) => (
              <li key={document.id}>{document.fileName ?? "A document that is not in this case's file"}</li>
            ))}
          </ul>
        ) : (
          NOT_GIVEN
        )}
      </dd>
      <dt>Standard of review</dt>
      <dd>{d.standardOfReview || NOT_GIVEN}</dd>
      <dt>No conflict of interest</dt>
      <dd>{d.noConflictStatement || NOT_GIVEN}</dd>
    </dl>
  );
}
