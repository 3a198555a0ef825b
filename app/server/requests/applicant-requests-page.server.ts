import type { CaseStatus } from "~/domain/case-status";
import { localDate, type LocalDate } from "~/domain/deadlines/time-zone";
import { isEditStep, type RequestStep } from "~/domain/requests/steps";
import { caseAccessWhere } from "../cases/case-access.server";
import { db } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import type { Applicant } from "./request-draft.server";

export interface ApplicantRequests {
  /** Dates are the organization's local dates, so the page reads the same wherever it is rendered. */
  drafts: { id: string; resumeStep: RequestStep; serviceDescription: string | null; planName: string | null; savedOn: LocalDate }[];
  filed: {
    id: string;
    reference: string;
    status: CaseStatus;
    track: "STANDARD" | "EXPEDITED";
    serviceDescription: string | null;
    planName: string | null;
    filedAt: Date | null;
  }[];
}

/** The applicant's home: drafts to continue, and the requests they filed. */
export async function applicantRequests(user: Applicant): Promise<ApplicantRequests> {
  const rows = await db.case.findMany({
    where: { AND: [{ applicantId: user.id }, caseAccessWhere(user, "case:read")] },
    select: {
      id: true,
      reference: true,
      status: true,
      track: true,
      draftStep: true,
      serviceDescription: true,
      submittedAt: true,
      updatedAt: true,
      plan: { select: { name: true } },
    },
    orderBy: [{ updatedAt: "desc" }],
    take: 200,
  });
  const { timeZone } = await organizationCalendar();
  const drafts: ApplicantRequests["drafts"] = [];
  const filed: ApplicantRequests["filed"] = [];
  for (const row of rows) {
    const planName = row.plan?.name ?? null;
    // Only a filed request has a reference.
    if (!row.reference) {
      const resumeStep = row.draftStep === "review" || isEditStep(row.draftStep) ? row.draftStep : "filer";
      drafts.push({ id: row.id, resumeStep, serviceDescription: row.serviceDescription, planName, savedOn: localDate(row.updatedAt, timeZone) });
    } else {
      filed.push({
        id: row.id,
        reference: row.reference,
        status: row.status,
        track: row.track,
        serviceDescription: row.serviceDescription,
        planName,
        filedAt: row.submittedAt,
      });
    }
  }
  return { drafts, filed };
}
