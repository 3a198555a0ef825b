import { countOutcomes, majorityOutcome, type DecisionOutcome } from "./panel";

/**
 * The coordinator's automatic quality checks (docs/rules/determination.md,
 * "Quality review"): every element the letter needs is present and
 * consistent before the decision can be approved. Pure: the caller loads the
 * case and the submitted opinions.
 */

export interface CaseForQualityChecks {
  reference: string | null;
  patientName: string | null;
  memberId: string | null;
  planName: string | null;
  serviceDescription: string | null;
  denialDate: Date | null;
  providerName: string | null;
  disputeType: string | null;
  track: string | null;
  /** When the organization received the request. */
  receivedAt: Date | null;
  panelSize: number;
  /** The outcome recorded on the case when it was determined. */
  outcome: DecisionOutcome | null;
  /** Ids of every document on the case. */
  documentIds: readonly string[];
}

export interface OpinionForQualityChecks {
  /** How the opinion is named in messages, e.g. "Opinion 2 (Neurology)". */
  label: string;
  outcome: DecisionOutcome | null;
  partOverturned: string | null;
  principalReasons: string | null;
  clinicalRationale: string | null;
  references: readonly { title: string; source: string; year: number | null }[];
  documentsConsidered: readonly string[];
  standardOfReview: string | null;
  noConflictStatement: string | null;
}

type QualityCheckName =
  | "case-details"
  | "panel-complete"
  | "outcome"
  | "part-overturned"
  | "principal-reasons"
  | "clinical-rationale"
  | "criteria-and-literature"
  | "documents-considered"
  | "documents-on-case"
  | "standard-of-review"
  | "no-conflict"
  | "majority";

export interface QualityCheck {
  check: QualityCheckName;
  passed: boolean;
  message: string;
}

const filled = (value: string | null | undefined) => typeof value === "string" && value.trim() !== "";

const OUTCOME_WORDS: Record<DecisionOutcome, string> = {
  UPHELD: "upheld",
  OVERTURNED: "overturned",
  OVERTURNED_IN_PART: "overturned in part",
};

function listOf(labels: readonly string[]): string {
  if (labels.length <= 1) return labels[0] ?? "";
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}

/** One check over every opinion: passes when none fails `ok`, else names the ones that do. */
function everyOpinion(
  check: QualityCheckName,
  opinions: readonly OpinionForQualityChecks[],
  ok: (opinion: OpinionForQualityChecks) => boolean,
  passed: string,
  failed: string,
): QualityCheck {
  if (opinions.length === 0) return { check, passed: false, message: `${failed}: no opinion has been submitted.` };
  const failing = opinions.filter((opinion) => !ok(opinion)).map((opinion) => opinion.label);
  return failing.length ? { check, passed: false, message: `${failed}: ${listOf(failing)}.` } : { check, passed: true, message: passed };
}

function caseDetails(kase: CaseForQualityChecks): QualityCheck {
  const missing = [
    !filled(kase.reference) && "the reference number",
    !filled(kase.patientName) && "the patient's name",
    !filled(kase.memberId) && "the member ID",
    !filled(kase.planName) && "the health plan",
    !filled(kase.serviceDescription) && "the service in dispute",
    !kase.denialDate && "the date of the denial",
    !filled(kase.providerName) && "the provider",
    !filled(kase.disputeType) && "the type of dispute",
    !filled(kase.track) && "standard or expedited",
    !kase.receivedAt && "the date the request was received",
  ].filter((item): item is string => typeof item === "string");
  return missing.length
    ? { check: "case-details", passed: false, message: `The case is missing ${listOf(missing)}. Complete the case before approving.` }
    : {
        check: "case-details",
        passed: true,
        message: "The case has the patient, member ID, plan, service, provider, denial date, dispute type, track and date received.",
      };
}

export function qualityChecks(kase: CaseForQualityChecks, opinions: readonly OpinionForQualityChecks[]): QualityCheck[] {
  const onCase = new Set(kase.documentIds);
  const outcomes = opinions.map((opinion) => opinion.outcome).filter((outcome): outcome is DecisionOutcome => outcome !== null);
  const majority = majorityOutcome(outcomes);
  const counts = countOutcomes(outcomes);
  const tally = `${counts.UPHELD} to uphold, ${counts.OVERTURNED} to overturn, ${counts.OVERTURNED_IN_PART} to overturn in part`;

  const checks: QualityCheck[] = [
    caseDetails(kase),
    opinions.length === kase.panelSize
      ? { check: "panel-complete", passed: true, message: `${opinions.length} of ${kase.panelSize} required opinions are submitted.` }
      : {
          check: "panel-complete",
          passed: false,
          message: `${opinions.length} of ${kase.panelSize} required opinions are submitted; the letter needs exactly ${kase.panelSize}.`,
        },
    everyOpinion("outcome", opinions, (o) => o.outcome !== null, "Every opinion states its outcome.", "No outcome is stated in"),
    everyOpinion(
      "part-overturned",
      opinions,
      (o) => o.outcome !== "OVERTURNED_IN_PART" || filled(o.partOverturned),
      opinions.some((o) => o.outcome === "OVERTURNED_IN_PART") ? "Every overturn in part names the part overturned." : "No opinion overturns in part.",
      "Overturned in part without naming the part in",
    ),
    everyOpinion("principal-reasons", opinions, (o) => filled(o.principalReasons), "Every opinion gives its principal reasons.", "No principal reasons in"),
    everyOpinion(
      "clinical-rationale",
      opinions,
      (o) => filled(o.clinicalRationale),
      "Every opinion explains its clinical rationale.",
      "No clinical rationale in",
    ),
    everyOpinion(
      "criteria-and-literature",
      opinions,
      (o) => o.references.length > 0 && o.references.every((item) => filled(item.title) && filled(item.source) && item.year !== null),
      "Every opinion lists the criteria and literature relied on, each with its title, source and year.",
      "Criteria or literature missing or incomplete in",
    ),
    everyOpinion(
      "documents-considered",
      opinions,
      (o) => o.documentsConsidered.length > 0,
      "Every opinion lists the documents considered.",
      "No documents considered are listed in",
    ),
    everyOpinion(
      "documents-on-case",
      opinions,
      (o) => o.documentsConsidered.every((id) => onCase.has(id)),
      "Every document considered is in this case's file.",
      "A document considered is not in this case's file, in",
    ),
    everyOpinion(
      "standard-of-review",
      opinions,
      (o) => filled(o.standardOfReview),
      "Every opinion states the standard of review applied.",
      "No standard of review in",
    ),
    everyOpinion(
      "no-conflict",
      opinions,
      (o) => filled(o.noConflictStatement),
      "Every reviewer signed the statement of no conflict of interest.",
      "No signed statement of no conflict of interest in",
    ),
  ];

  if (!majority) {
    checks.push({
      check: "majority",
      passed: false,
      message: outcomes.length ? `The opinions have no majority outcome (${tally}).` : "There is no outcome yet.",
    });
  } else if (kase.outcome !== majority) {
    checks.push({
      check: "majority",
      passed: false,
      message: `The case records the outcome as ${kase.outcome ? OUTCOME_WORDS[kase.outcome] : "nothing"}, but the opinions' majority is ${OUTCOME_WORDS[majority]}.`,
    });
  } else {
    checks.push({
      check: "majority",
      passed: true,
      message: opinions.length > 1 ? `The outcome is the majority's: ${OUTCOME_WORDS[majority]} (${tally}).` : `The outcome is ${OUTCOME_WORDS[majority]}.`,
    });
  }
  return checks;
}

export function allChecksPass(checks: readonly QualityCheck[]): boolean {
  return checks.every((check) => check.passed);
}
