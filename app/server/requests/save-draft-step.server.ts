import { statusesAllowing } from "~/domain/case-actions";
import type { RequestDraft } from "~/domain/requests/request-draft";
import type { EditStep, RequestStep } from "~/domain/requests/steps";
import { audit } from "../audit.server";
import { db, type Prisma } from "../db.server";
import { AppError, notFound } from "../errors.server";
import type { Actor } from "../request-context.server";
import { type Applicant, ownRequest } from "./request-draft.server";

const dbDate = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00.000Z`) : null);

const DATE_FIELDS = new Set<keyof RequestDraft>(["patientBirthDate", "denialDate", "serviceDate", "appealCompletedDate"]);

/** A step's answers as case columns; answers a column cannot be empty for keep their default. */
function caseColumns(values: Partial<RequestDraft>): Prisma.CaseUpdateManyMutationInput {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values) as [keyof RequestDraft, unknown][]) {
    if (key === "appealStatus") continue;
    if (DATE_FIELDS.has(key)) data[key] = dbDate(value as string | null);
    else if (key === "certificationToFollow") data[key] = value === true;
    else if ((key === "filedBy" || key === "track" || key === "preferredLanguage") && value === null) continue;
    else data[key] = value;
  }
  return data as Prisma.CaseUpdateManyMutationInput;
}

/**
 * Saves a step's answers and where the applicant goes next (Case.draftStep,
 * so the draft resumes there on any device). Only a draft can change: once
 * filed, the request is the record. Answers "filed" then.
 */
export async function saveDraftStep(options: {
  user: Applicant;
  caseId: string;
  step: EditStep;
  values: Partial<RequestDraft>;
  goTo: RequestStep;
  actor: Actor;
  at?: Date;
}): Promise<"saved" | "filed"> {
  const { user, caseId, step, values, goTo, actor } = options;
  const at = options.at ?? new Date();
  if (values.planId && !(await db.healthPlan.findUnique({ where: { id: values.planId }, select: { id: true } }))) {
    throw new AppError("BAD_REQUEST", "Choose one of the plans listed.", { field: "planId" });
  }
  return db.$transaction(async (tx) => {
    const updated = await tx.case.updateMany({
      where: { AND: [ownRequest(user, caseId), { status: { in: statusesAllowing("editDraft") } }] },
      data: { ...caseColumns(values), draftStep: goTo, version: { increment: 1 }, updatedAt: at },
    });
    if (updated.count === 0) {
      if (await tx.case.findFirst({ where: ownRequest(user, caseId), select: { id: true } })) return "filed";
      throw notFound("This request");
    }
    await audit(actor, { action: "case.draft_saved", objectType: "Case", objectId: caseId, detail: { step }, at }, tx);
    return "saved";
  });
}
