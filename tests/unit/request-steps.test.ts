import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "~/forms/form-data";
import type { FilingContext, RequestDraft } from "~/domain/requests/request-draft";
import { EDIT_STEPS, type EditStep } from "~/domain/requests/steps";
import { requestStepSchemas, signAndSubmitSchema, stepFormValues, stepIntent } from "~/schemas/request-steps";
import { completeDraft } from "./request-draft-fixture";

const context: FilingContext = { today: "2026-11-23", filingWindow: { amount: 4, unit: "months" } };

function errorsOf(step: EditStep, values: Record<string, unknown>, mode: "complete" | "draft" = "complete", ctx = context) {
  const result = requestStepSchemas(step, ctx)[mode].safeParse(values);
  return result.success ? {} : zodFieldErrors(result.error);
}

function parse(step: EditStep, values: Record<string, unknown>, ctx = context) {
  return requestStepSchemas(step, ctx).complete.parse(values);
}

describe("every step's form", () => {
  it.each(EDIT_STEPS)("%s: a complete draft's answers pass and come back as they were", (step) => {
    const draft = completeDraft();
    const output = parse(step, stepFormValues(step, draft));
    for (const [key, value] of Object.entries(output)) expect(value, key).toEqual(draft[key as keyof RequestDraft]);
  });

  it("lets Back and “finish later” save a step with nothing filled in", () => {
    expect(errorsOf("patient", {}, "draft")).toEqual({});
    expect(requestStepSchemas("patient", context).draft.parse({}).patientName).toBeNull();
  });

  it("still refuses, even when leaving, what cannot be saved: an impossible date", () => {
    expect(errorsOf("patient", { patientBirthDate: "2026-02-30" }, "draft")).toEqual({ patientBirthDate: "Enter a real date: day, month and year." });
  });
});

describe("the questions a step needs answered", () => {
  it("puts each missing answer next to its field, in plain words", () => {
    expect(errorsOf("patient", { preferredLanguage: "en" })).toEqual({
      patientName: "Enter the patient's full legal name.",
      patientBirthDate: "Enter the patient's date of birth.",
      patientSex: "Choose the patient's sex, or “Prefer not to say”.",
      patientAddress: "Enter the patient's home address.",
      patientPhone: "Enter a phone number we can reach the patient or you on.",
      memberId: "Enter the member ID from the patient's insurance card.",
    });
  });

  it("asks a representative how they are related to the patient, and forgets it when the patient files", () => {
    expect(errorsOf("filer", { filedBy: "REPRESENTATIVE" })).toEqual({ representativeRelationship: "Choose how you are related to the patient." });
    expect(parse("filer", { filedBy: "PATIENT", representativeRelationship: "ATTORNEY" })).toEqual({
      filedBy: "PATIENT",
      representativeRelationship: null,
      referralSource: null,
    });
  });

  it("refuses a date of birth or a denial in the future", () => {
    expect(errorsOf("patient", { ...stepFormValues("patient", completeDraft()), patientBirthDate: "2026-11-24" })).toEqual({
      patientBirthDate: "A date of birth cannot be in the future.",
    });
    expect(errorsOf("denial", { ...stepFormValues("denial", completeDraft()), denialDate: "2027-01-01" }).denialDate).toMatch(/cannot be in the future/);
  });

  it("asks for the reason of the delay only when the denial is older than the plan's window", () => {
    const values = { ...stepFormValues("denial", completeDraft()), lateFilingReason: "" };
    expect(errorsOf("denial", { ...values, denialDate: "2026-07-23" })).toEqual({});
    expect(errorsOf("denial", { ...values, denialDate: "2026-07-22" })).toEqual({ lateFilingReason: "Say why the request could not be filed sooner." });
    // A plan with a 6-month window: the same denial is in time.
    expect(errorsOf("denial", { ...values, denialDate: "2026-07-22" }, "complete", { ...context, filingWindow: { amount: 6, unit: "months" } })).toEqual({});
  });

  it("reads codes as patients type them: any case, commas or spaces, the ICD-10 dot left out", () => {
    const output = parse("denial", { ...stepFormValues("denial", completeDraft()), procedureCodes: "99213 j1234", diagnosisCodes: "e119; M54.5" });
    expect(output.procedureCodes).toEqual(["99213", "J1234"]);
    expect(output.diagnosisCodes).toEqual(["E11.9", "M54.5"]);
    expect(errorsOf("denial", { ...stepFormValues("denial", completeDraft()), diagnosisCodes: "diabetes" }).diagnosisCodes).toMatch(
      /diagnosis codes look like E11\.9/,
    );
  });

  it("checks an NPI has 10 digits, and needs the provider's email only when the decision goes to them", () => {
    const values = stepFormValues("denial", completeDraft());
    expect(parse("denial", { ...values, providerNpi: "123-456-7893" }).providerNpi).toBe("1234567893");
    expect(errorsOf("denial", { ...values, providerNpi: "12345" }).providerNpi).toMatch(/10 digits/);
    expect(errorsOf("denial", { ...values, notifyProvider: "true", providerEmail: "" })).toEqual({
      providerEmail: "Enter the provider's email, or untick the box above.",
    });
    expect(parse("denial", { ...values, notifyProvider: false, providerEmail: "dr@clinic.example" })).toMatchObject({
      notifyProvider: false,
      providerEmail: null,
    });
  });

  it("asks for the appeal's date or why it is not needed, and keeps only the answer chosen", () => {
    expect(errorsOf("appeal", {})).toEqual({ appealStatus: "Say whether the plan decided your internal appeal." });
    expect(errorsOf("appeal", { appealStatus: "COMPLETED" })).toEqual({ appealCompletedDate: "Enter the date of the plan's appeal decision." });
    expect(parse("appeal", { appealStatus: "NOT_NEEDED", appealNotNeededReason: "PLAN_WAIVED", appealCompletedDate: "2026-10-01" })).toEqual({
      appealStatus: "NOT_NEEDED",
      appealCompletedDate: null,
      appealNotNeededReason: "PLAN_WAIVED",
    });
  });

  it("asks an expedited request why and about the doctor's certification; a standard one drops both", () => {
    expect(errorsOf("urgency", { track: "EXPEDITED" })).toEqual({
      expeditedReason: "Say why the patient cannot wait for a standard review.",
      certificationToFollow: "Say whether you will attach the doctor's certification now or it will follow.",
    });
    expect(parse("urgency", { track: "EXPEDITED", expeditedReason: "In hospital", certificationToFollow: "true" }).certificationToFollow).toBe(true);
    expect(parse("urgency", { track: "STANDARD", expeditedReason: "old answer", certificationToFollow: "false" })).toEqual({
      track: "STANDARD",
      expeditedReason: null,
      certificationToFollow: null,
    });
  });
});

describe("signing", () => {
  it("needs the typed name and the ticked consent", () => {
    const result = signAndSubmitSchema.safeParse({ consentName: "  ", consentAgreed: false });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(zodFieldErrors(result.error)).toEqual({
        consentName: "Type your full name to sign.",
        consentAgreed: "Tick the box to authorize the release of medical records.",
      });
    }
    expect(signAndSubmitSchema.safeParse({ consentName: "Maria Lopez", consentAgreed: "true" }).success).toBe(true);
  });
});

describe("the step's buttons", () => {
  it("reads Save and continue when no button is named (Enter in a field), and nothing for a value no button sends", () => {
    expect([stepIntent(null), stepIntent("continue"), stepIntent("back"), stepIntent("later")]).toEqual(["continue", "continue", "back", "later"]);
    expect(["delete", "", "CONTINUE", "continue ", "__proto__"].map(stepIntent)).toEqual([null, null, null, null, null]);
  });
});
