/**
 * What a request still needs before it can be filed (docs/rules/filing.md, "What a
 * request must hold before it is filed"). The step forms use the same rules for their
 * own fields, so a step that saved with "Save and continue" is never reported
 * missing here.
 */
import type { DocumentKind } from "~/domain/documents/document-kinds";
import { isRealLocalDate } from "~/domain/deadlines/time-zone";
import { msg } from "~/i18n/msg";
import { isFiledLate } from "./filing-window";
import type { FilingContext, RequestDraft } from "./request-draft";
import { EDIT_STEPS, type EditStep } from "./steps";

export interface MissingField {
  /** The form field the message belongs next to. */
  field: keyof RequestDraft;
  message: string;
}

export interface MissingItem {
  step: EditStep;
  message: string;
}

const blank = (value: string | null | undefined) => !value?.trim();

type Rules = (draft: Partial<RequestDraft>, context: FilingContext) => (MissingField | false)[];

const RULES: Record<EditStep, Rules> = {
  filer: (d) => [
    !d.filedBy && { field: "filedBy", message: msg("Say whether you are the patient or filing for the patient.") },
    d.filedBy === "REPRESENTATIVE" &&
      !d.representativeRelationship && { field: "representativeRelationship", message: msg("Choose how you are related to the patient.") },
  ],
  patient: (d) => [
    blank(d.patientName) && { field: "patientName", message: msg("Enter the patient's full legal name.") },
    !d.patientBirthDate && { field: "patientBirthDate", message: msg("Enter the patient's date of birth.") },
    !d.patientSex && { field: "patientSex", message: msg("Choose the patient's sex, or “Prefer not to say”.") },
    blank(d.patientAddress) && { field: "patientAddress", message: msg("Enter the patient's home address.") },
    blank(d.patientPhone) && { field: "patientPhone", message: msg("Enter a phone number we can reach the patient or you on.") },
    blank(d.memberId) && { field: "memberId", message: msg("Enter the member ID from the patient's insurance card.") },
  ],
  plan: (d) => [!d.planId && { field: "planId", message: msg("Choose the health plan that denied the treatment.") }],
  denial: (d, context) => [
    !d.denialDate && { field: "denialDate", message: msg("Enter the date of the plan's final denial letter.") },
    blank(d.serviceDescription) && { field: "serviceDescription", message: msg("Say which treatment, drug or test was denied.") },
    blank(d.providerName) && { field: "providerName", message: msg("Enter the name of the doctor or other provider.") },
    d.notifyProvider === true && blank(d.providerEmail) && { field: "providerEmail", message: msg("Enter the provider's email, or untick the box above.") },
    blank(d.denialReason) && { field: "denialReason", message: msg("Say why the plan refused, in your words or copied from the letter.") },
    !d.disputeType && { field: "disputeType", message: msg("Choose the reason that fits the plan's denial best.") },
    // A date that is not a real one has its own message; the window is counted from a real one.
    !!d.denialDate &&
      isRealLocalDate(d.denialDate) &&
      !!context.filingWindow &&
      isFiledLate(d.denialDate, context.today, context.filingWindow) &&
      blank(d.lateFilingReason) && { field: "lateFilingReason", message: msg("Say why the request could not be filed sooner.") },
  ],
  appeal: (d) => [
    !d.appealStatus && { field: "appealStatus", message: msg("Say whether the plan decided your internal appeal.") },
    d.appealStatus === "COMPLETED" && !d.appealCompletedDate && { field: "appealCompletedDate", message: msg("Enter the date of the plan's appeal decision.") },
    d.appealStatus === "NOT_NEEDED" && !d.appealNotNeededReason && { field: "appealNotNeededReason", message: msg("Choose why the appeal is not needed.") },
  ],
  urgency: (d) => [
    !d.track && { field: "track", message: msg("Choose a standard or an expedited review.") },
    d.track === "EXPEDITED" && blank(d.expeditedReason) && { field: "expeditedReason", message: msg("Say why the patient cannot wait for a standard review.") },
    d.track === "EXPEDITED" &&
      (d.certificationToFollow === null || d.certificationToFollow === undefined) && {
        field: "certificationToFollow",
        message: msg("Say whether you will attach the doctor's certification now or it will follow."),
      },
  ],
  statement: (d) => [blank(d.applicantStatement) && { field: "applicantStatement", message: msg("Tell us why you disagree with the plan's decision.") }],
  documents: () => [],
};

/** The fields of one step that still need an answer. */
export function missingFields(step: EditStep, draft: Partial<RequestDraft>, context: FilingContext): MissingField[] {
  return RULES[step](draft, context).filter((item): item is MissingField => item !== false);
}

/** The documents a request must carry, with why. */
export function requiredDocuments(draft: Pick<RequestDraft, "filedBy" | "track" | "certificationToFollow">): { kind: DocumentKind; message: string }[] {
  const required: { kind: DocumentKind; message: string }[] = [{ kind: "DENIAL_LETTER", message: msg("Upload the plan's final denial letter.") }];
  if (draft.filedBy === "REPRESENTATIVE") {
    required.push({
      kind: "AUTHORIZATION",
      message: msg("Upload the authorization that lets you act for the patient (a form they signed, or guardianship or conservatorship papers)."),
    });
  }
  if (draft.track === "EXPEDITED" && draft.certificationToFollow !== true) {
    required.push({
      kind: "PHYSICIAN_CERTIFICATION",
      message: msg("Upload the treating doctor's certification for an expedited review, or say on the urgency step that it will follow."),
    });
  }
  return required;
}

/**
 * Everything the request still lacks, in the order of the steps, each with
 * the step where it is put right. Empty: the request may be filed.
 */
export function missingForFiling(draft: RequestDraft, documentKinds: readonly DocumentKind[], context: FilingContext): MissingItem[] {
  const missing: MissingItem[] = EDIT_STEPS.flatMap((step) => missingFields(step, draft, context).map(({ message }) => ({ step, message })));
  if (draft.appealNotNeededReason === "EXPEDITED" && draft.track !== "EXPEDITED") {
    missing.push({
      step: "appeal",
      message: msg(
        "You said the appeal is not needed because the patient's health cannot wait, but the request does not ask for an expedited review. Change one of the two answers.",
      ),
    });
  }
  for (const document of requiredDocuments(draft)) {
    if (!documentKinds.includes(document.kind)) missing.push({ step: "documents", message: document.message });
  }
  const order = (item: MissingItem) => EDIT_STEPS.indexOf(item.step);
  return missing.sort((a, b) => order(a) - order(b));
}
