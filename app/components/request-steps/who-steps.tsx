import { useTranslation } from "react-i18next";
import { FollowUp, RadioGroup, SelectField, TextAreaField, TextField, type AnyForm } from "~/components/forms";
import {
  FILED_BY,
  FILED_BY_LABELS,
  LANGUAGE_LABELS,
  LANGUAGES,
  PATIENT_SEXES,
  REFERRAL_LABELS,
  REFERRAL_SOURCES,
  RELATIONSHIP_LABELS,
  REPRESENTATIVE_RELATIONSHIPS,
  SEX_LABELS,
} from "~/domain/requests/options";
import { translateMessage } from "~/i18n/i18n";
import { Explainer } from "./step-frame";

/** Step 1: the patient, or someone acting for them. */
export function FilerStep({ zod }: { zod: AnyForm }) {
  const { t } = useTranslation();
  const filedBy = zod.form.watch("filedBy") as string | undefined;
  return (
    <>
      <RadioGroup
        large
        zod={zod}
        name="filedBy"
        legend={t("Are you the patient?")}
        hint={t("The patient is the person whose treatment was denied.")}
        choices={FILED_BY.map((value) => ({ value, label: translateMessage(t, FILED_BY_LABELS[value]) }))}
      />
      {filedBy === "REPRESENTATIVE" ? (
        <FollowUp>
          <RadioGroup
            large
            zod={zod}
            name="representativeRelationship"
            legend={t("How are you related to the patient?")}
            hint={t("You will need to upload a paper that shows you may act for the patient. Without it the request cannot be sent.")}
            choices={REPRESENTATIVE_RELATIONSHIPS.map((value) => ({
              value,
              label: translateMessage(t, RELATIONSHIP_LABELS[value].label),
              hint: translateMessage(t, RELATIONSHIP_LABELS[value].hint),
            }))}
          />
        </FollowUp>
      ) : null}
      <RadioGroup
        zod={zod}
        name="referralSource"
        legend={t("Who told you about independent medical review? (optional)")}
        hint={t("Review organizations keep this for their regulator's case log. It does not change how the request is reviewed.")}
        choices={REFERRAL_SOURCES.map((value) => ({ value, label: translateMessage(t, REFERRAL_LABELS[value]) }))}
      />
    </>
  );
}

/** Step 2: who the patient is, and how to reach them. */
export function PatientStep({ zod }: { zod: AnyForm }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField zod={zod} name="patientName" label={t("Full legal name")} hint={t("As it appears on the insurance card.")} autoComplete="off" required />
      <TextField zod={zod} name="patientBirthDate" label={t("Date of birth")} type="date" required />
      <RadioGroup
        large
        zod={zod}
        name="patientSex"
        legend={t("Sex")}
        hint={t("As your health plan has it on record. It helps us match the plan's records to the patient.")}
        choices={PATIENT_SEXES.map((value) => ({ value, label: translateMessage(t, SEX_LABELS[value]) }))}
      />
      <TextAreaField
        zod={zod}
        name="patientAddress"
        label={t("Home address")}
        hint={t("Street, city, state and ZIP code. Letters are sent here.")}
        rows={3}
        required
      />
      <TextField
        zod={zod}
        name="patientPhone"
        label={t("Phone number")}
        type="tel"
        hint={t("A number we can call if something about the request is unclear.")}
        autoComplete="off"
        required
      />
      <TextField
        zod={zod}
        name="patientEmail"
        label={t("Email address (optional)")}
        type="email"
        hint={t("The patient's own email, if they have one.")}
        autoComplete="off"
      />
      <SelectField
        zod={zod}
        name="preferredLanguage"
        label={t("Language of the written notices and the decision letter")}
        hint={t(
          "Notices and the decision letter are written in Spanish or English. In any other language listed, they come with free help to read them in that language.",
        )}
        options={LANGUAGES.map((value) => ({ value, label: translateMessage(t, LANGUAGE_LABELS[value]) }))}
      />
      <TextField
        zod={zod}
        name="memberId"
        label={t("Member ID")}
        hint={t("On the front of the health insurance card, often called “ID”, “Member ID” or “Subscriber ID”. It is also near the top of the denial letter.")}
        autoComplete="off"
        required
      />
      <TextField
        zod={zod}
        name="groupNumber"
        label={t("Group number (optional)")}
        hint={t("On the insurance card, often “Group” or “Grp”. Leave it empty if there is none.")}
        autoComplete="off"
      />
      <Explainer summary={t("Why do you need all this?")}>
        <p>
          {t(
            "The review organization checks with the health plan that the patient was covered when the treatment was asked for. The plan finds the patient by name, date of birth and member ID. We never share these details with anyone but the plan and the independent reviewer.",
          )}
        </p>
      </Explainer>
    </>
  );
}
