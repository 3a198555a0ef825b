/**
 * The treating doctor's certification an expedited request rests on: it is
 * attached when filing, or it follows (domain.md, "Filing a request"). While
 * it has not arrived, it is the applicant's to-do on their case page; the
 * rules set no deadline of its own for it.
 */
import { can } from "../case-actions";
import type { CaseStatus } from "../case-status";
import type { DocumentKind } from "../documents/document-kinds";
import { msg } from "~/i18n/msg";
import type { Track } from "./options";

export interface CertificationFacts {
  track: Track;
  /** The applicant said, when filing, that the doctor will send it later. */
  certificationToFollow: boolean | null;
  status: CaseStatus;
  /** The kinds of the documents on the case. */
  documentKinds: readonly DocumentKind[];
}

/**
 * The certification was promised to follow and has not arrived, while the
 * applicant may still send documents. Once the review is over it is no
 * longer needed, so it is no longer asked for.
 */
export function certificationStillNeeded(facts: CertificationFacts): boolean {
  return (
    facts.track === "EXPEDITED" &&
    facts.certificationToFollow === true &&
    !facts.documentKinds.includes("PHYSICIAN_CERTIFICATION") &&
    can("addDocument", facts.status, ["APPLICANT"])
  );
}

/** A document of `kind` added now is the certification the case was waiting for: the timeline says it arrived. */
export function certificationArrives(facts: CertificationFacts, kind: DocumentKind): boolean {
  return kind === "PHYSICIAN_CERTIFICATION" && certificationStillNeeded(facts);
}

/** Where the certification stands, as staff read it in the request's urgency section. */
export function certificationStatus(facts: Pick<CertificationFacts, "certificationToFollow" | "documentKinds">): { text: string; awaited: boolean } {
  if (!facts.certificationToFollow) return { text: "Attached with the documents", awaited: false };
  return facts.documentKinds.includes("PHYSICIAN_CERTIFICATION")
    ? { text: "Arrived after filing: see the documents", awaited: false }
    : { text: "To follow: not received yet", awaited: true };
}

/** What the certification must say, in the applicant's words. */
export const CERTIFICATION_MUST_SAY = [
  msg("that waiting for a standard review would seriously put the patient's life or health at risk, or their ability to regain full function; or"),
  msg("that the patient was admitted to hospital in an emergency and has not been discharged yet."),
] as const;
