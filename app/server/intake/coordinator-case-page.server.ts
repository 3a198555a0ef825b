import { languageName } from "~/domain/language-names";
import type { TimelineItem } from "~/components/case-timeline";
import { can } from "~/domain/case-actions";
import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { localDate } from "~/domain/deadlines/time-zone";
import {
  acceptBlockedReason,
  checklistDefaults,
  CRITERION_LABELS,
  ELIGIBILITY_CRITERIA,
  screeningActions,
  type EligibilityAnswers,
} from "~/domain/eligibility";
import { deadlineItems, nextStepText } from "~/domain/next-steps";
import { CASE_FILE_STATE_LABELS, mayProceedWithoutCaseFile } from "~/domain/plan-case-file";
import { DISPUTE_TYPE_LABELS, TRACK_LABELS } from "~/domain/reports/labels";
import { suggestCategories } from "~/domain/reports/regulator-categories";
import { referralLabel, sexLabel } from "~/domain/requests/options";
import { ROLE_LABELS, type Role } from "~/domain/roles";
import { describeDuration, formatLocalDate, type RuleSet } from "~/domain/rule-profiles";
import { certificationStatus } from "~/domain/requests/certification";
import { caseRefused, caseViewed } from "../cases/case-views.server";
import { db } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { KIND_OF_DB } from "../deadlines/case-clocks.server";
import type { Actor } from "../request-context.server";
import { documentSelect, documentSummary, informationDueText } from "../requests/case-page.server";
import { textLayerProgress, textLayerSelect } from "../casefile/text-layer-progress.server";
import type { SessionUser } from "../session.server";
import { caseFileStatusOf } from "./case-file-status.server";
import { panelSize, screeningWhere } from "./intake-case.server";

/** One line of what the applicant gave: a label and its value in words. */
interface RequestLine {
  label: string;
  value: string;
}

const NOT_GIVEN = "Not given";

const dateOnly = (date: Date | null) => (date ? formatLocalDate(date.toISOString().slice(0, 10)) : NOT_GIVEN);
const given = (value: string | null | undefined) => (value?.trim() ? value : NOT_GIVEN);
const list = (values: readonly string[]) => (values.length ? values.join(", ") : NOT_GIVEN);

function categoriesOf(kase: {
  diagnosisCodes: string[];
  procedureCodes: string[];
  diagnosisCategory: string | null;
  diagnosisSubcategory: string | null;
  treatmentCategory: string | null;
  treatmentSubcategory: string | null;
}) {
  const suggested = suggestCategories(kase);
  return {
    recorded: kase.diagnosisCategory !== null,
    diagnosis: kase.diagnosisCategory ? { category: kase.diagnosisCategory, subcategory: kase.diagnosisSubcategory ?? "" } : suggested.diagnosis,
    treatment: kase.treatmentCategory ? { category: kase.treatmentCategory, subcategory: kase.treatmentSubcategory ?? "" } : suggested.treatment,
  };
}

/** Who did something, for staff: the person's name and role. */
function actorWords(actor: { name: string; roles: Role[] } | null): string {
  if (!actor) return "The portal";
  const role = (["COORDINATOR", "REVIEWER", "PLAN", "APPLICANT", "ADMIN"] as const).find((candidate) => actor.roles.includes(candidate));
  return role ? `${actor.name} (${ROLE_LABELS[role].toLowerCase()})` : actor.name;
}

/**
 * Everything a coordinator's case page shows, worked out at one instant:
 * what the applicant gave, the documents, the eligibility checklist, the
 * plan's objections and case file, requests for information, deadlines, the
 * timeline, and exactly the actions the case's state allows. Viewing the
 * record is audited.
 */
export async function coordinatorCasePage(user: SessionUser, caseId: string, actor: Actor, now = new Date()) {
  const kase = await db.case.findFirst({
    where: screeningWhere(user, caseId),
    include: {
      applicant: { select: { name: true, email: true } },
      coordinator: { select: { id: true, name: true } },
      publication: { select: { status: true } },
      plan: { select: { name: true } },
      ruleProfile: { select: { name: true, version: true, rules: true } },
      deadlines: { select: { id: true, kind: true, status: true, responsible: true, startedAt: true, dueAt: true, closedAt: true } },
      events: {
        orderBy: { createdAt: "asc" },
        select: { id: true, type: true, toStatus: true, note: true, createdAt: true, actor: { select: { name: true, roles: true } } },
      },
      documents: { orderBy: { createdAt: "asc" }, select: { ...documentSelect, ...textLayerSelect } },
      informationRequests: {
        orderBy: { createdAt: "asc" },
        select: { id: true, addressedTo: true, question: true, dueAt: true, answer: true, answeredAt: true },
      },
      eligibilityAnswers: { select: { criterion: true, met: true, note: true, answeredAt: true, answeredById: true } },
      // The reviewers on the case now, with their internal due dates and whether a roster change made them ineligible.
      assignments: {
        where: { status: { in: ["OFFERED", "ACCEPTED"] } },
        orderBy: { offeredAt: "asc" },
        select: { id: true, status: true, internalDueAt: true, replacementNeededAt: true, replacementReason: true, reviewer: { select: { name: true } } },
      },
    },
  });
  const reader = { actor, page: "coordinator", at: now };
  if (!kase?.reference) throw await caseRefused(reader, caseId);
  const answerers = await db.user.findMany({ where: { id: { in: kase.eligibilityAnswers.map((row) => row.answeredById) } }, select: { id: true, name: true } });
  await caseViewed(reader, kase);

  const { timeZone } = await organizationCalendar();
  const at = (date: Date) => formatDeadlineTime(date, timeZone);
  const clocks = kase.deadlines.map((row) => ({ ...row, kind: KIND_OF_DB[row.kind] }));
  const answers: EligibilityAnswers = Object.fromEntries(kase.eligibilityAnswers.map((row) => [row.criterion, { met: row.met, note: row.note }]));
  const caseFile = await caseFileStatusOf(db, kase.id, now);
  const summary = (row: (typeof kase.documents)[number]) => ({ ...documentSummary(row, user.id, kase.status), textLayer: textLayerProgress(row) });
  const screening = screeningActions(kase.status, user.roles, answers);
  const rules = kase.ruleProfile?.rules as unknown as RuleSet | undefined;
  const track = kase.track === "EXPEDITED" ? "expedited" : "standard";

  const certification = certificationStatus({ certificationToFollow: kase.certificationToFollow, documentKinds: kase.documents.map((row) => row.kind) });
  const request: { heading: string; lines: RequestLine[] }[] = [
    {
      heading: "Who filed",
      lines: [
        { label: "Filed by", value: kase.filedBy === "PATIENT" ? "The patient" : "A representative" },
        ...(kase.filedBy === "REPRESENTATIVE" ? [{ label: "Relationship to the patient", value: given(kase.representativeRelationship) }] : []),
        { label: "Referred by", value: given(referralLabel(kase.referralSource)) },
        { label: "Account", value: `${kase.applicant.name} (${kase.applicant.email})` },
        { label: "Filed on", value: kase.submittedAt ? at(kase.submittedAt) : NOT_GIVEN },
        {
          label: "Consent signed",
          value: kase.consentSignedName ? `${kase.consentSignedName}${kase.consentSignedAt ? `, ${at(kase.consentSignedAt)}` : ""}` : NOT_GIVEN,
        },
      ],
    },
    {
      heading: "The patient",
      lines: [
        { label: "Name", value: given(kase.patientName) },
        { label: "Date of birth", value: dateOnly(kase.patientBirthDate) },
        { label: "Sex", value: given(sexLabel(kase.patientSex)) },
        { label: "Address", value: given(kase.patientAddress) },
        { label: "Phone", value: given(kase.patientPhone) },
        { label: "Email", value: given(kase.patientEmail) },
        { label: "Preferred language", value: languageName(kase.preferredLanguage) },
        { label: "Member ID", value: given(kase.memberId) },
        { label: "Group number", value: given(kase.groupNumber) },
      ],
    },
    {
      heading: "The plan and its denial",
      lines: [
        { label: "Health plan", value: given(kase.plan?.name) },
        { label: "Rules", value: kase.ruleProfile ? `${kase.ruleProfile.name} (version ${kase.ruleProfile.version})` : NOT_GIVEN },
        { label: "Date of the final denial", value: dateOnly(kase.denialDate) },
        { label: "Plan's reference", value: given(kase.planDenialReference) },
        { label: "Service or drug denied", value: given(kase.serviceDescription) },
        { label: "Date of the service", value: dateOnly(kase.serviceDate) },
        { label: "Type of dispute", value: kase.disputeType ? DISPUTE_TYPE_LABELS[kase.disputeType] : NOT_GIVEN },
        { label: "The plan's reason, as the applicant gives it", value: given(kase.denialReason) },
        { label: "CPT/HCPCS codes", value: list(kase.procedureCodes) },
        { label: "ICD-10 codes", value: list(kase.diagnosisCodes) },
        {
          label: "Provider",
          value: [kase.providerName, kase.providerNpi ? `NPI ${kase.providerNpi}` : null, kase.providerFacility].filter(Boolean).join(", ") || NOT_GIVEN,
        },
        { label: "Send the decision to the provider", value: kase.notifyProvider ? `Yes${kase.providerEmail ? ` (${kase.providerEmail})` : ""}` : "No" },
      ],
    },
    {
      heading: "Internal appeal",
      lines: kase.appealCompletedDate
        ? [{ label: "Completed on", value: dateOnly(kase.appealCompletedDate) }]
        : [{ label: "Why it is not needed", value: given(kase.appealNotNeededReason) }],
    },
    {
      heading: "Urgency",
      lines: [
        { label: "Track", value: TRACK_LABELS[kase.track] },
        ...(kase.track === "EXPEDITED"
          ? [
              { label: "Why expedited", value: given(kase.expeditedReason) },
              { label: "Physician's certification", value: certification.text },
            ]
          : []),
      ],
    },
    { heading: "Why the patient disagrees", lines: [{ label: "In their words", value: given(kase.applicantStatement) }] },
  ];

  return {
    id: kase.id,
    reference: kase.reference,
    status: kase.status,
    version: kase.version,
    expedited: kase.track === "EXPEDITED",
    disputeType: kase.disputeType ? DISPUTE_TYPE_LABELS[kase.disputeType] : null,
    /** The codes, for the correction form's choices. */
    classification: { disputeType: kase.disputeType, track: kase.track },
    planName: kase.plan?.name ?? null,
    patientName: kase.patientName,
    serviceDescription: kase.serviceDescription,
    hasPlan: kase.planId !== null,
    filedLate: kase.filedLate,
    lateFilingReason: kase.lateFilingReason,
    /** Expedited, with the doctor's certification promised and not received yet. */
    certificationToFollow: kase.track === "EXPEDITED" && certification.awaited,
    /** The regulator's categories: as recorded at acceptance, or as the case's codes suggest them. */
    categories: categoriesOf(kase),
    /** Reviewers the case has (or gets when accepted now). */
    panelSize: screening.accept ? await panelSize(db, kase.disputeType) : kase.panelSize,
    /** The time each party gets to answer a request for information, by the case's rules. */
    answerWindows: rules ? { applicant: describeDuration(rules.applicantInformation), plan: describeDuration(rules.planCaseFile[track]) } : null,
    coordinator: kase.coordinator ? { name: kase.coordinator.name, isViewer: kase.coordinator.id === user.id } : null,
    nextStep: nextStepText({
      status: kase.status,
      viewer: "COORDINATOR",
      openClocks: clocks.filter((row) => row.status === "OPEN"),
      outcome: kase.outcome,
      timeZone,
      now,
    }),
    request,
    /** The organization's date: a document's date is never after it. */
    today: localDate(now, timeZone),
    eligibility: {
      defaults: checklistDefaults(answers, kase),
      saved: ELIGIBILITY_CRITERIA.flatMap((criterion) => {
        const row = kase.eligibilityAnswers.find((answer) => answer.criterion === criterion);
        return row
          ? [
              {
                criterion,
                label: CRITERION_LABELS[criterion],
                met: row.met,
                note: row.note,
                by: answerers.find((person) => person.id === row.answeredById)?.name ?? "A coordinator",
                at: row.answeredAt,
              },
            ]
          : [];
      }),
      acceptBlocked: acceptBlockedReason(answers),
    },
    replacementsNeeded: kase.assignments
      .filter((assignment) => assignment.status === "ACCEPTED" && assignment.replacementNeededAt !== null)
      .map((assignment) => ({
        id: assignment.id,
        name: assignment.reviewer.name,
        reason: assignment.replacementReason ?? "",
      })),
    reviewers: kase.assignments.map((assignment) => ({
      id: assignment.id,
      name: assignment.reviewer.name,
      accepted: assignment.status === "ACCEPTED",
      internalDue: assignment.internalDueAt ? formatLocalDate(localDate(assignment.internalDueAt, timeZone)) : null,
    })),
    objections: kase.events
      .filter((event) => event.type === "eligibility_objection")
      .map((event) => ({ id: event.id, at: at(event.createdAt), by: actorWords(event.actor), note: event.note ?? "" })),
    caseFile: {
      state: caseFile.state,
      label: CASE_FILE_STATE_LABELS[caseFile.state],
      due: caseFile.dueAt ? at(caseFile.dueAt) : null,
      items: caseFile.items,
      requested: kase.planCaseFileRequestedAt ? at(kase.planCaseFileRequestedAt) : null,
      completed: kase.planCaseFileCompletedAt ? at(kase.planCaseFileCompletedAt) : null,
      /** The plan's reason for the denial in its own words, given with its complete file: the letter quotes it. */
      denialReason: kase.planCaseFileDenialReason,
      proceeded: kase.proceededWithoutCaseFileAt ? { at: at(kase.proceededWithoutCaseFileAt), reason: kase.proceededWithoutCaseFileReason ?? "" } : null,
      documents: kase.documents.filter((row) => row.kind === "PLAN_CASE_FILE").map(summary),
    },
    informationRequests: kase.informationRequests.map((item) => ({
      id: item.id,
      addressedTo: item.addressedTo === "APPLICANT" ? "The applicant" : "The health plan",
      question: item.question,
      dueText: informationDueText(item, now, timeZone),
      answered: item.answeredAt !== null,
      overdue: item.answeredAt === null && item.dueAt < now,
      answer: item.answer,
      documents: kase.documents.filter((row) => row.informationRequestId === item.id).map(summary),
    })),
    documents: kase.documents.filter((row) => row.kind !== "PLAN_CASE_FILE").map(summary),
    deadlines: deadlineItems(clocks, "COORDINATOR", now, timeZone),
    timeline: kase.events.map((event): TimelineItem => ({
      id: event.id,
      type: event.type,
      toStatus: event.toStatus,
      at: at(event.createdAt),
      atIso: event.createdAt.toISOString(),
      actor: actorWords(event.actor),
      note: event.note,
    })),
    actions: {
      ...screening,
      lookAfter: can("lookAfterCase", kase.status, user.roles) && kase.coordinator?.id !== user.id,
      proceedWithoutCaseFile: mayProceedWithoutCaseFile(kase.status, caseFile),
      qualityReview: can("approveDetermination", kase.status, user.roles),
      publication: kase.publication?.status ?? null,
      correctClassification: can("correctClassification", kase.status, user.roles),
      offerReviewers: can("offerReviewers", kase.status, user.roles),
      replaceReviewer: can("replaceReviewer", kase.status, user.roles),
    },
  };
}
