import { publicationDraft } from "~/domain/publication/draft";
import type { CaseIdentifiers } from "~/domain/publication/redaction";
import type { Prisma, Tx } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";

/** The case columns that name the patient or the people around them. */
export const identifierSelect = {
  patientName: true,
  patientEmail: true,
  patientPhone: true,
  patientAddress: true,
  memberId: true,
  groupNumber: true,
  planDenialReference: true,
  providerName: true,
  providerNpi: true,
  providerEmail: true,
  providerFacility: true,
  treatingGroupName: true,
  filedBy: true,
  applicant: { select: { name: true, email: true } },
} satisfies Prisma.CaseSelect;

type IdentifierRow = Prisma.CaseGetPayload<{ select: typeof identifierSelect }>;

/** Everything the case knows that could name the patient or the people around them. */
export function caseIdentifiers(kase: IdentifierRow, relativeNames: readonly string[]): CaseIdentifiers {
  return {
    patientName: kase.patientName,
    representativeName: kase.filedBy === "PATIENT" ? null : kase.applicant.name,
    relativeNames,
    providerNames: [kase.providerName],
    facilityNames: [kase.providerFacility, kase.treatingGroupName],
    memberId: kase.memberId,
    groupNumber: kase.groupNumber,
    claimNumber: kase.planDenialReference,
    providerNpis: [kase.providerNpi],
    emails: [kase.patientEmail, kase.providerEmail, kase.applicant.email],
    phones: [kase.patientPhone],
    addresses: [kase.patientAddress],
  };
}

/** A panel's reviewers often cite the same paper: the library lists it once. */
function citedOnce(references: Prisma.JsonArray): Prisma.InputJsonArray {
  const seen = new Set<string>();
  return references.filter((reference) => {
    const key = JSON.stringify(reference);
    return !seen.has(key) && seen.add(key);
  }) as Prisma.InputJsonArray;
}

/**
 * Writes the decision's publication draft, inside the decision's
 * transaction: the findings run through the redaction, the facts coarsened
 * (docs/rules/publication.md). Nothing is public until a coordinator approves it.
 */
export async function draftPublication(tx: Tx, caseId: string, at: Date): Promise<void> {
  const kase = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      ...identifierSelect,
      findings: true,
      patientBirthDate: true,
      patientSex: true,
      diagnosisCategory: true,
      diagnosisSubcategory: true,
      treatmentCategory: true,
      treatmentSubcategory: true,
      outcome: true,
      disputeType: true,
      track: true,
      planId: true,
      submittedAt: true,
      deadlines: { where: { kind: "DECISION" }, orderBy: { startedAt: "desc" }, take: 1, select: { dueAt: true } },
      determinations: { where: { status: "SUBMITTED" }, orderBy: { submittedAt: "asc" }, select: { references: true } },
    },
  });
  const { timeZone } = await organizationCalendar(tx);
  const draft = publicationDraft(
    {
      findings: kase.findings ?? "",
      identifiers: caseIdentifiers(kase, []),
      // A @db.Date column comes back as midnight UTC of the stored date.
      patientBirthDate: kase.patientBirthDate?.toISOString().slice(0, 10) ?? null,
      patientSex: kase.patientSex,
      diagnosisCategory: kase.diagnosisCategory,
      diagnosisSubcategory: kase.diagnosisSubcategory,
      treatmentCategory: kase.treatmentCategory,
      treatmentSubcategory: kase.treatmentSubcategory,
      submittedAt: kase.submittedAt ?? at,
      decidedAt: at,
      decisionDueAt: kase.deadlines[0]?.dueAt ?? null,
    },
    timeZone,
  );
  await tx.publication.create({
    data: {
      caseId,
      draftFindings: draft.draftFindings,
      redactions: draft.redactions as unknown as Prisma.InputJsonValue,
      findings: draft.draftFindings,
      year: draft.year,
      ageRange: draft.ageRange,
      gender: draft.gender,
      diagnosisCategory: draft.diagnosisCategory,
      diagnosisSubcategory: draft.diagnosisSubcategory,
      treatmentCategory: draft.treatmentCategory,
      treatmentSubcategory: draft.treatmentSubcategory,
      outcome: kase.outcome!,
      disputeType: kase.disputeType ?? "MEDICAL_NECESSITY",
      track: kase.track,
      planId: kase.planId,
      daysToDecision: draft.daysToDecision,
      decidedOnTime: draft.decidedOnTime,
      createdAt: at,
      literature: citedOnce(kase.determinations.flatMap((determination) => determination.references as Prisma.JsonArray)),
    },
  });
}
