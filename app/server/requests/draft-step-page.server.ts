import { can } from "~/domain/case-actions";
import type { DocumentSummary } from "~/domain/documents/document-summary";
import { requiredDocuments } from "~/domain/requests/completeness";
import type { FilingContext } from "~/domain/requests/request-draft";
import type { EditStep } from "~/domain/requests/steps";
import type { RuleDuration } from "~/domain/rule-profiles";
import { stepFormValues } from "~/schemas/request-steps";
import { caseViewed, refusedAs } from "../cases/case-views.server";
import { db } from "../db.server";
import { ruleProfileInForce } from "../deadlines/rule-profiles.server";
import { listCaseDocuments } from "../documents/list-documents.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { draftFromRow, filingContext, findOwn } from "./request-draft.server";

interface PlanChoice {
  id: string;
  name: string;
  profileName: string;
  filingWindow: RuleDuration;
}

async function planChoices(): Promise<PlanChoice[]> {
  const plans = await db.healthPlan.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, ruleProfileCode: true } });
  const profiles = new Map<string, { name: string; filingWindow: RuleDuration }>();
  for (const code of new Set(plans.map((plan) => plan.ruleProfileCode))) {
    const profile = await ruleProfileInForce(code);
    profiles.set(code, { name: profile.name, filingWindow: profile.rules.filingWindow });
  }
  return plans.map((plan) => {
    const profile = profiles.get(plan.ruleProfileCode)!;
    return { id: plan.id, name: plan.name, profileName: profile.name, filingWindow: profile.filingWindow };
  });
}

interface DocumentChecklistItem {
  kind: string;
  message: string;
  present: boolean;
}

export type DraftStepPage =
  | { kind: "filed"; caseId: string }
  | {
      kind: "step";
      caseId: string;
      step: EditStep;
      version: number;
      values: Record<string, string | boolean>;
      context: FilingContext;
      /** The rule profile that governs the chosen plan, for the filing-window warning. */
      profileName: string | null;
      plans: PlanChoice[];
      documents: DocumentSummary[];
      checklist: DocumentChecklistItem[];
    };

/** What one step of a draft shows: the answers so far and what the step needs to explain itself. */
export async function draftStepPage(user: SessionUser, caseId: string, step: EditStep, actor: Actor): Promise<DraftStepPage> {
  const reader = { actor, page: "draft" };
  const row = await findOwn(user, caseId).catch(refusedAs(reader, caseId));
  // A filed request is not shown here: the caller sends the person to its page.
  if (!can("editDraft", row.status, user.roles)) return { kind: "filed", caseId: row.id };
  await caseViewed(reader, row);
  const draft = draftFromRow(row);
  const { profileId: _id, profileName, ...context } = await filingContext(row.plan?.ruleProfileCode);
  const values = stepFormValues(step, draft);
  if (step === "patient" && draft.filedBy === "PATIENT") {
    // The patient filing for themselves: start from their account's name and email.
    values.patientName ||= user.name;
    values.patientEmail ||= user.email;
  }
  const documents = step === "documents" ? await listCaseDocuments(user, row.id) : [];
  return {
    kind: "step",
    caseId: row.id,
    step,
    version: row.version,
    values,
    context,
    profileName,
    plans: step === "plan" ? await planChoices() : [],
    documents,
    checklist:
      step === "documents" ? requiredDocuments(draft).map((item) => ({ ...item, present: documents.some((document) => document.kind === item.kind) })) : [],
  };
}
