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
import { Explainer } from "./step-frame";

/** Step 1: the patient, or someone acting for them. */
export function FilerStep({ zod }: { zod: AnyForm }) {
  const filedBy = zod.form.watch("filedBy") as string | undefined;
  return (
    <>
      <RadioGroup
        large
        zod={zod}
        name="filedBy"
        legend="Are you the patient?"
        hint="The patient is the person whose treatment was denied."
        choices={FILED_BY.map((value) => ({ value, label: FILED_BY_LABELS[value] }))}
      />
      {filedBy === "REPRESENTATIVE" ? (
        <FollowUp>
          <RadioGroup
            large
            zod={zod}
            name="representativeRelationship"
            legend="How are you related to the patient?"
            hint="You will need to upload a paper that shows you may act for the patient. Without it the request cannot be sent."
            choices={REPRESENTATIVE_RELATIONSHIPS.map((value) => ({ value, ...RELATIONSHIP_LABELS[value] }))}
          />
        </FollowUp>
      ) : null}
      <RadioGroup
        zod={zod}
        name="referralSource"
        legend="Who told you about independent medical review? (optional)"
        hint="Review organizations keep this for their regulator's case log. It does not change how the request is reviewed."
        choices={REFERRAL_SOURCES.map((value) => ({ value, label: REFERRAL_LABELS[value] }))}
      />
    </>
  );
}

/** Step 2: who the patient is, and how to reach them. */
export function PatientStep({ zod }: { zod: AnyForm }) {
  return (
    <>
      <TextField zod={zod} name="patientName" label="Full legal name" hint="As it appears on the insurance card." autoComplete="off" required />
      <TextField zod={zod} name="patientBirthDate" label="Date of birth" type="date" required />
      <RadioGroup
        large
        zod={zod}
        name="patientSex"
        legend="Sex"
        hint="As your health plan has it on record. It helps us match the plan's records to the patient."
        choices={PATIENT_SEXES.map((value) => ({ value, label: SEX_LABELS[value] }))}
      />
      <TextAreaField zod={zod} name="patientAddress" label="Home address" hint="Street, city, state and ZIP code. Letters are sent here." rows={3} required />
      <TextField
        zod={zod}
        name="patientPhone"
        label="Phone number"
        type="tel"
        hint="A number we can call if something about the request is unclear."
        autoComplete="off"
        required
      />
      <TextField
        zod={zod}
        name="patientEmail"
        label="Email address (optional)"
        type="email"
        hint="The patient's own email, if they have one."
        autoComplete="off"
      />
      <SelectField
        zod={zod}
        name="preferredLanguage"
        label="Preferred language"
        hint="Decision letters and notices are offered in this language."
        options={LANGUAGES.map((value) => ({ value, label: LANGUAGE_LABELS[value] }))}
      />
      <TextField
        zod={zod}
        name="memberId"
        label="Member ID"
        hint="On the front of the health insurance card, often called “ID”, “Member ID” or “Subscriber ID”. It is also near the top of the denial letter."
        autoComplete="off"
        required
      />
      <TextField
        zod={zod}
        name="groupNumber"
        label="Group number (optional)"
        hint="On the insurance card, often “Group” or “Grp”. Leave it empty if there is none."
        autoComplete="off"
      />
      <Explainer summary="Why do you need all this?">
        <p>
          The review organization checks with the health plan that the patient was covered when the treatment was asked for. The plan finds the patient by name,
          date of birth and member ID. We never share these details with anyone but the plan and the independent reviewer.
        </p>
      </Explainer>
    </>
  );
}
