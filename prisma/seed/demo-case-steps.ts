/**
 * What happens to a filed demo case, one step at a time, each through the
 * operation a page or the API calls: eligibility, requests for information,
 * acceptance, the plan's case file, matching and offers, determinations,
 * quality review, the decision letter, amendments and compliance.
 *
 * Every step is back-dated (`ago`), and every operation is given that time
 * (`at`), so its timeline event, audit row, emails, clocks and documents
 * carry it. A case's steps run in the order they happened: each one's time
 * is no earlier than the step before it, and none is after seeding. The plan
 * uploads its case file in the hour before it says the file is complete.
 */
import { CASE_FILE_ITEMS, type CaseFileItemKey } from "~/domain/plan-case-file";
import { addDaysToLocalDate, localDate } from "~/domain/deadlines/time-zone";
import { OTHER, suggestCategories } from "~/domain/reports/regulator-categories";
import { ELIGIBILITY_CRITERIA, type CriterionAnswer, type EligibilityCriterion } from "~/domain/eligibility";
import type { DecisionOutcome } from "~/domain/panel";
import type { DisputeTypeCode } from "~/domain/reports/labels";
import { matchingFactsSchema } from "~/schemas/assignment";
import { determinationSchema } from "~/schemas/determination";
import type { InformationParty } from "~/schemas/intake";
import { acceptOffer, declineOffer } from "~/server/assignment/answer-offer.server";
import { offerCase } from "~/server/assignment/offer-case.server";
import { saveMatchingFacts } from "~/server/assignment/save-matching-facts.server";
import type { Db } from "~/server/db.server";
import { approveDetermination } from "~/server/determinations/approve-determination.server";
import { saveDeterminationDraft } from "~/server/determinations/save-determination.server";
import { submitDetermination } from "~/server/determinations/submit-determination.server";
import { acceptCase } from "~/server/intake/accept-case.server";
import { correctClassification } from "~/server/intake/correct-classification.server";
import { findIneligible } from "~/server/intake/find-ineligible.server";
import { lookAfterCase } from "~/server/intake/look-after-case.server";
import { objectToEligibility } from "~/server/intake/object-to-eligibility.server";
import { recordEligibility } from "~/server/intake/record-eligibility.server";
import { requestInformation } from "~/server/intake/request-information.server";
import { amendDecision } from "~/server/letters/amend-decision.server";
import { issueDecision } from "~/server/letters/issue-decision.server";
import { completeCaseFile } from "~/server/plan/complete-case-file.server";
import { recordUnavailability } from "~/server/reviewers/roster-changes.server";
import { confirmCompliance } from "~/server/plan/confirm-compliance.server";
import { withdrawRequest } from "~/server/requests/withdraw.server";
import type { People } from "./demo-people";
import { TIME_ZONE, uploadDemoDocument, type DemoDocument, type DemoRequest } from "./demo-requests";

const COORDINATOR = "coordinator@imr.example";

const PLAN_USERS: Record<string, string> = {
  "Evergreen Health Plan": "plan@evergreen-health.example",
  "Pacific Coast Health": "plan@pacific-coast-health.example",
};

export interface Opinion {
  reviewer: string;
  outcome: DecisionOutcome;
  partOverturned?: string;
  reasons: string;
  rationale: string;
  reference: { title: string; source: string; year: number };
}

export interface MatchingFacts {
  specialty: string;
  group?: string;
  facility?: string;
  manufacturer?: string;
}

/** Times are how long before seeding the step happened. */
export type CaseStep =
  | { step: "eligibility"; ago: number; unmet?: { criterion: EligibilityCriterion; note: string } }
  | { step: "lookAfter"; ago: number }
  | { step: "planObjects"; ago: number; reason: string }
  | { step: "requestInformation"; ago: number; to: InformationParty; question: string }
  | { step: "accept"; ago: number }
  | { step: "correctClassification"; ago: number; disputeType: DisputeTypeCode; track: "STANDARD" | "EXPEDITED"; reason: string }
  | { step: "caseFile"; ago: number }
  /** The applicant adds a document after acceptance: new information, forwarded to the plan. */
  | { step: "newInformation"; ago: number; document: DemoDocument }
  | { step: "matchingFacts"; ago: number; facts: MatchingFacts }
  | { step: "offer"; ago: number; reviewers: string[] }
  | { step: "declineOffer"; ago: number; reviewer: string; reason: string }
  | { step: "acceptOffer"; ago: number; reviewer: string }
  /** The reviewer records leave on their profile, starting that day: an offer they hold is withdrawn (docs/rules/reviewers.md, "Checked again"). */
  | { step: "recordLeave"; ago: number; reviewer: string; days: number; note: string }
  | { step: "draftDetermination"; ago: number; opinion: Opinion }
  | { step: "submitDetermination"; ago: number; opinion: Opinion }
  | { step: "approve"; ago: number; findings: string }
  | { step: "issueDecision"; ago: number }
  | { step: "amendDecision"; ago: number; reason: string }
  | { step: "confirmCompliance"; ago: number; authorization: string }
  | { step: "withdraw"; ago: number; reason: string }
  | { step: "findIneligible"; ago: number; reason: string };

const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The first steps of most cases: checked eligible, then accepted. */
export const screened = (filedAgo: number, acceptedAgo: number): CaseStep[] => [
  { step: "eligibility", ago: (filedAgo + acceptedAgo) / 2 },
  { step: "accept", ago: acceptedAgo },
];

/** The facts matching needs, recorded half an hour after acceptance. */
export const matched = (acceptedAgo: number, facts: MatchingFacts): CaseStep => ({ step: "matchingFacts", ago: acceptedAgo - 30 * MINUTE, facts });

/** One reviewer offered the case an hour after acceptance, who accepts with the attestation an hour later. */
export const assigned = (acceptedAgo: number, reviewer: string): CaseStep[] => [
  { step: "offer", ago: acceptedAgo - HOUR, reviewers: [reviewer] },
  { step: "acceptOffer", ago: acceptedAgo - 2 * HOUR, reviewer },
];

/**
 * The reviewers' determinations, the first at `opinedAgo` and the others a
 * day apart; the coordinator's quality approval three hours before the
 * letter; then the letter.
 */
export const decided = (opinions: Opinion[], opinedAgo: number, issuedAgo: number): CaseStep[] => [
  ...opinions.map((opinion, index): CaseStep => ({ step: "submitDetermination", ago: opinedAgo - index * DAY, opinion })),
  { step: "approve", ago: issuedAgo + 3 * HOUR, findings: opinions[0]!.reasons },
  { step: "issueDecision", ago: issuedAgo },
];

export const ONCOLOGY_PANEL = ["oncology@reviewers.example", "oncology2@reviewers.example", "hematology@reviewers.example"];

/** A demo case: the request, how long before seeding it was filed, and what happened to it since. */
export interface DemoCase {
  request: DemoRequest;
  filedAgo: number;
  steps: CaseStep[];
}

const STANDARD_OF_REVIEW: Record<DemoRequest["disputeType"], string> = {
  MEDICAL_NECESSITY: "medical-necessity",
  EXPERIMENTAL_INVESTIGATIONAL: "experimental",
  URGENT_CARE: "emergency",
};

/** The categories the coordinator chooses at acceptance: the codes' suggestion, or "Other" where the codes suggest none. */
function demoCategories(request: DemoRequest) {
  const codes = (text: string) =>
    text
      .split(",")
      .map((code) => code.trim())
      .filter(Boolean);
  const suggested = suggestCategories({ diagnosisCodes: codes(request.diagnosisCodes ?? ""), procedureCodes: codes(request.procedureCodes ?? "") });
  return {
    diagnosis: suggested.diagnosis ?? { category: "Prevention/Good health", subcategory: OTHER },
    treatment: suggested.treatment ?? { category: "Acute medical services, outpatient", subcategory: OTHER },
  };
}

/** The plan's case file: one document for each checklist item but the expert opinions, which the plan did not get. */
const CASE_FILE_NOT_APPLICABLE: CaseFileItemKey[] = ["expertOpinions"];

export async function runCaseStep(db: Db, people: People, caseId: string, request: DemoRequest, step: CaseStep, now: Date): Promise<void> {
  const ago = (duration: number) => new Date(now.getTime() - duration);
  const version = async () => (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;
  const coordinator = await people(COORDINATOR);
  const plan = await people(PLAN_USERS[request.plan]!);
  const reviewerOffer = async (email: string) => {
    const reviewer = await people(email);
    const offer = await db.reviewerAssignment.findFirstOrThrow({ where: { caseId, reviewerId: reviewer.user.id, status: "OFFERED" }, select: { id: true } });
    return { reviewer, assignmentId: offer.id };
  };

  switch (step.step) {
    case "eligibility": {
      const answers = Object.fromEntries(
        ELIGIBILITY_CRITERIA.map((criterion): [EligibilityCriterion, CriterionAnswer] => [
          criterion,
          step.unmet?.criterion === criterion
            ? { met: false, note: step.unmet.note }
            : { met: true, note: criterion === "FILED_IN_TIME" ? "Filed within the filing window." : null },
        ]),
      ) as Record<EligibilityCriterion, CriterionAnswer>;
      await recordEligibility({ ...coordinator, caseId, expectedVersion: await version(), answers, at: ago(step.ago) });
      return;
    }
    case "lookAfter":
      await lookAfterCase({ ...coordinator, caseId, expectedVersion: await version(), at: ago(step.ago) });
      return;
    case "planObjects":
      await objectToEligibility({ ...plan, caseId, expectedVersion: await version(), reason: step.reason, at: ago(step.ago) });
      return;
    case "requestInformation":
      await requestInformation({ ...coordinator, caseId, expectedVersion: await version(), addressedTo: step.to, question: step.question, at: ago(step.ago) });
      return;
    case "accept":
      await acceptCase({ ...coordinator, caseId, expectedVersion: await version(), categories: demoCategories(request), at: ago(step.ago) });
      return;
    case "correctClassification":
      await correctClassification({
        ...coordinator,
        caseId,
        expectedVersion: await version(),
        disputeType: step.disputeType,
        track: step.track,
        reason: step.reason,
        at: ago(step.ago),
      });
      return;
    case "caseFile": {
      const items = CASE_FILE_ITEMS.filter((entry) => !CASE_FILE_NOT_APPLICABLE.includes(entry.key));
      for (const [index, item] of items.entries()) {
        const document = {
          kind: "PLAN_CASE_FILE" as const,
          name: `${item.key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}.pdf`,
          title: `${request.plan}: ${item.label}`,
          lines: [`Claim reference: ${request.claim}`, `Member: ${request.patient.name}`, `Service: ${request.service}`],
        };
        await uploadDemoDocument(plan, caseId, document, ago(step.ago + (items.length - index) * 10 * MINUTE), { caseFileItem: item.key });
      }
      await completeCaseFile({
        ...plan,
        caseId,
        expectedVersion: await version(),
        channel: "PORTAL",
        notApplicable: CASE_FILE_NOT_APPLICABLE,
        // The reason its own denial letter gives (demo-requests.ts prints it there).
        denialReason: request.denialReason,
        at: ago(step.ago),
      });
      return;
    }
    case "matchingFacts": {
      const facts = matchingFactsSchema.parse({
        intent: "facts",
        version: await version(),
        providerName: request.provider.name,
        providerNpi: request.provider.npi ?? "",
        treatingGroupName: step.facts.group ?? "",
        treatingGroupIdentifier: "",
        providerFacility: step.facts.facility ?? request.provider.facility ?? "",
        facilityIdentifier: "",
        manufacturerName: step.facts.manufacturer ?? "",
        manufacturerIdentifier: "",
      });
      const { intent: _intent, version: expectedVersion, ...rest } = facts;
      await saveMatchingFacts({ ...coordinator, caseId, expectedVersion, facts: { ...rest, specialtyNeeded: step.facts.specialty }, at: ago(step.ago) });
      return;
    }
    case "offer": {
      const reviewerIds = await Promise.all(step.reviewers.map(async (email) => (await people(email)).user.id));
      await offerCase({ ...coordinator, caseId, expectedVersion: await version(), reviewerIds, at: ago(step.ago) });
      return;
    }
    case "declineOffer": {
      const { reviewer, assignmentId } = await reviewerOffer(step.reviewer);
      await declineOffer({ ...reviewer, assignmentId, reason: step.reason, at: ago(step.ago) });
      return;
    }
    case "acceptOffer": {
      const { reviewer, assignmentId } = await reviewerOffer(step.reviewer);
      await acceptOffer({ ...reviewer, assignmentId, signature: reviewer.user.name, at: ago(step.ago) });
      return;
    }
    case "recordLeave": {
      const reviewer = await people(step.reviewer);
      const startsOn = localDate(ago(step.ago), TIME_ZONE);
      await recordUnavailability(
        reviewer.user.id,
        { startsOn, endsOn: addDaysToLocalDate(startsOn, step.days), note: step.note },
        reviewer.actor,
        ago(step.ago),
      );
      return;
    }
    case "draftDetermination":
    case "submitDetermination": {
      const reviewer = await people(step.opinion.reviewer);
      const documents = await db.document.findMany({ where: { caseId }, orderBy: { createdAt: "asc" }, select: { id: true } });
      const input = determinationSchema({ reviewerName: reviewer.user.name }).parse({
        intent: step.step === "submitDetermination" ? "submit" : "save",
        outcome: step.opinion.outcome,
        partOverturned: step.opinion.partOverturned ?? "",
        principalReasons: step.opinion.reasons,
        clinicalRationale: step.opinion.rationale,
        references: [{ ...step.opinion.reference, year: String(step.opinion.reference.year), url: "" }],
        documentsConsidered: documents.map((document) => document.id),
        standardOfReview: STANDARD_OF_REVIEW[request.disputeType],
        noConflict: step.step === "submitDetermination" ? "on" : "",
        signedName: step.step === "submitDetermination" ? reviewer.user.name : "",
      });
      if (step.step === "submitDetermination") await submitDetermination({ ...reviewer, caseId, input, at: ago(step.ago) });
      else await saveDeterminationDraft({ ...reviewer, caseId, input, at: ago(step.ago) });
      return;
    }
    case "approve":
      await approveDetermination({
        ...coordinator,
        caseId,
        expectedVersion: await version(),
        comments: "Every element of the letter is present and consistent.",
        findings: step.findings,
        at: ago(step.ago),
      });
      return;
    case "issueDecision":
      await issueDecision({ ...coordinator, caseId, expectedVersion: await version(), at: ago(step.ago) });
      return;
    case "amendDecision":
      await amendDecision({ ...coordinator, caseId, expectedVersion: await version(), reason: step.reason, at: ago(step.ago) });
      return;
    case "confirmCompliance": {
      const at = ago(step.ago);
      await confirmCompliance({ ...plan, caseId, implementedOn: localDate(at, TIME_ZONE), authorizationNumber: step.authorization, channel: "PORTAL", at });
      return;
    }
    case "newInformation":
      await uploadDemoDocument(await people(request.applicant), caseId, step.document, ago(step.ago));
      return;
    case "withdraw": {
      const applicant = await people(request.applicant);
      await withdrawRequest({ ...applicant, caseId, expectedVersion: await version(), reason: step.reason, at: ago(step.ago) });
      return;
    }
    case "findIneligible":
      await findIneligible({ ...coordinator, caseId, expectedVersion: await version(), reason: step.reason, at: ago(step.ago) });
      return;
  }
}
