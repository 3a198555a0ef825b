import { useTranslation } from "react-i18next";
import { CheckboxField, FollowUp, RadioGroup, TextAreaField, TextField, type AnyForm } from "~/components/forms";
import type { FilingContext } from "~/domain/requests/request-draft";
import { isFiledLate, lastDayToFile } from "~/domain/requests/filing-window";
import {
  APPEAL_NOT_NEEDED_LABELS,
  APPEAL_NOT_NEEDED_REASONS,
  APPEAL_STATUS_LABELS,
  APPEAL_STATUSES,
  DISPUTE_TYPE_LABELS,
  DISPUTE_TYPES,
} from "~/domain/requests/options";
import type { RuleDuration } from "~/domain/rule-profiles";
import { translateMessage } from "~/i18n/i18n";
import { durationWords } from "~/domain/duration-words";
import { Explainer, useDraftDate } from "./step-frame";

export interface PlanChoice {
  id: string;
  name: string;
  profileName: string;
  filingWindow: RuleDuration;
}

/** Step 3: the plan, which brings the rules (the profile) the review follows. */
export function PlanStep({ zod, plans }: { zod: AnyForm; plans: readonly PlanChoice[] }) {
  const { t } = useTranslation();
  return (
    <>
      <RadioGroup
        large
        zod={zod}
        name="planId"
        legend={t("Which health plan denied the treatment?")}
        hint={t("The plan's name is on the insurance card and at the top of the denial letter.")}
        choices={plans.map((plan) => ({
          value: plan.id,
          label: plan.name,
          hint: t("Reviewed under: {profile}. You have {window} after the plan's final denial to ask for a review.", {
            profile: plan.profileName,
            window: durationWords(t, plan.filingWindow),
          }),
        }))}
      />
      <Explainer summary={t("My plan is not listed")}>
        <p>
          {t(
            "We can only review denials by the plans listed here. Call the phone number on the back of the insurance card and ask the plan who handles its external (independent) reviews.",
          )}
        </p>
      </Explainer>
    </>
  );
}

function isoDate(value: unknown): string | null {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/** Step 4: the denial itself, what was refused, by whom, and why. */
export function DenialStep({ zod, context, profileName }: { zod: AnyForm; context: FilingContext; profileName: string | null }) {
  const { t } = useTranslation();
  const draftDate = useDraftDate();
  const denialDate = isoDate(zod.form.watch("denialDate"));
  const notifyProvider = zod.form.watch("notifyProvider") as unknown;
  const window = context.filingWindow;
  const rules = profileName ?? t("your plan's rules");
  const late = !!(denialDate && window && denialDate <= context.today && isFiledLate(denialDate, context.today, window));
  return (
    <>
      <TextField
        zod={zod}
        name="denialDate"
        label={t("Date of the plan's final denial")}
        type="date"
        hint={
          window
            ? t("The date on the plan's last letter refusing the treatment (after any appeal). Requests are due within {window} of it.", {
                window: durationWords(t, window),
              })
            : t("The date on the plan's last letter refusing the treatment (after any appeal).")
        }
        required
      />
      {late && window && denialDate ? (
        <FollowUp>
          <div className="alert alert--warning" role="status">
            <h2>{t("This request is past the usual deadline")}</h2>
            <p>
              {t(
                "Under {rules}, a request is due within {window} of the final denial, so by {date}. You can still send it: a coordinator decides whether there was a good reason for the delay, such as illness or not receiving the letter.",
                { rules, window: durationWords(t, window), date: draftDate(lastDayToFile(denialDate, window)) },
              )}
            </p>
          </div>
          <TextAreaField
            zod={zod}
            name="lateFilingReason"
            label={t("Why could the request not be sent sooner?")}
            hint={t("In your own words, for example: the patient was in hospital, or the letter arrived late. The coordinator reads this.")}
            rows={4}
            required
          />
        </FollowUp>
      ) : null}
      <TextField
        zod={zod}
        name="planDenialReference"
        label={t("The plan's reference number (optional)")}
        hint={t("Often called “claim number”, “case number” or “reference” on the denial letter.")}
        autoComplete="off"
      />
      <TextAreaField
        zod={zod}
        name="serviceDescription"
        label={t("What treatment, drug or test was denied?")}
        hint={t("In your own words, for example “MRI of the lower back” or “the drug Humira for Crohn's disease”.")}
        rows={3}
        required
      />
      <TextField
        zod={zod}
        name="serviceDate"
        label={t("Date of the treatment, or of the request for it (optional)")}
        type="date"
        hint={t("When the treatment was given, or when the doctor asked the plan for it.")}
      />
      <TextField
        zod={zod}
        name="procedureCodes"
        label={t("Procedure codes (CPT or HCPCS), if you know them (optional)")}
        hint={t("5-character codes on the denial letter or a bill, like 99213 or J1234. Separate several with commas.")}
        autoComplete="off"
      />
      <TextField
        zod={zod}
        name="diagnosisCodes"
        label={t("Diagnosis codes (ICD-10), if you know them (optional)")}
        hint={t(
          "An ICD-10 code names the illness or condition, like E11.9 (type 2 diabetes). It is often on the denial letter or a doctor's note. Separate several with commas.",
        )}
        autoComplete="off"
      />
      <TextField
        zod={zod}
        name="providerName"
        label={t("Doctor or other provider who asked for the treatment")}
        hint={t("The name of the doctor, therapist or clinic.")}
        autoComplete="off"
        required
      />
      <TextField
        zod={zod}
        name="providerNpi"
        label={t("The provider's NPI (optional)")}
        hint={t("The National Provider Identifier: a 10-digit number on the provider's letters and bills. Leave it empty if you do not know it.")}
        autoComplete="off"
      />
      <TextField
        zod={zod}
        name="providerFacility"
        label={t("Hospital or clinic (optional)")}
        hint={t("Where the treatment was or would be given.")}
        autoComplete="off"
      />
      <CheckboxField
        large
        zod={zod}
        name="notifyProvider"
        label={t("Also send the decision to this provider")}
        hint={t("Only if you agree. We send it by email to the address you give.")}
      />
      {notifyProvider === true || notifyProvider === "true" ? (
        <FollowUp>
          <TextField zod={zod} name="providerEmail" label={t("The provider's email address")} type="email" autoComplete="off" required />
        </FollowUp>
      ) : null}
      <TextAreaField
        zod={zod}
        name="denialReason"
        label={t("Why did the plan say no?")}
        hint={t("Copy the reason from the denial letter, or say it in your own words.")}
        rows={4}
        required
      />
      <RadioGroup
        large
        zod={zod}
        name="disputeType"
        legend={t("Which of these fits the plan's reason best?")}
        hint={t("If you are not sure, choose the closest one. The review organization can correct it.")}
        choices={DISPUTE_TYPES.map((value) => ({
          value,
          label: translateMessage(t, DISPUTE_TYPE_LABELS[value].label),
          hint: translateMessage(t, DISPUTE_TYPE_LABELS[value].hint),
        }))}
      />
    </>
  );
}

/** Step 5: the plan's own appeal, which normally comes first. */
export function AppealStep({ zod }: { zod: AnyForm }) {
  const { t } = useTranslation();
  const status = zod.form.watch("appealStatus") as string | undefined;
  return (
    <>
      <Explainer summary={t("What is an internal appeal?")}>
        <p>
          {t(
            "An internal appeal is when you ask the health plan itself to look again at its decision. Most plans require it before an independent review. The plan's answer to the appeal is usually a letter called “final adverse determination” or “appeal decision”.",
          )}
        </p>
      </Explainer>
      <RadioGroup
        large
        zod={zod}
        name="appealStatus"
        legend={t("Did the plan decide your internal appeal?")}
        choices={APPEAL_STATUSES.map((value) => ({ value, label: translateMessage(t, APPEAL_STATUS_LABELS[value]) }))}
      />
      {status === "COMPLETED" ? (
        <FollowUp>
          <TextField
            zod={zod}
            name="appealCompletedDate"
            label={t("Date of the plan's appeal decision")}
            type="date"
            hint={t("The date on the plan's letter answering your appeal.")}
            required
          />
        </FollowUp>
      ) : null}
      {status === "NOT_NEEDED" ? (
        <FollowUp>
          <RadioGroup
            large
            zod={zod}
            name="appealNotNeededReason"
            legend={t("Why is the appeal not needed?")}
            choices={APPEAL_NOT_NEEDED_REASONS.map((value) => ({
              value,
              label: translateMessage(t, APPEAL_NOT_NEEDED_LABELS[value].label),
              hint: translateMessage(t, APPEAL_NOT_NEEDED_LABELS[value].hint),
            }))}
          />
        </FollowUp>
      ) : null}
      <p className="muted">
        {t(
          "If your appeal is still waiting for the plan's answer and the patient's health can wait, come back when the plan has decided: your answers here are saved.",
        )}
      </p>
    </>
  );
}
