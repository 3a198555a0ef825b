import { ACTIONS_HEADER, DataTable } from "~/components/data-table";
import { failureFor, IntentForm, RemoveButton, SelectField, TextAreaField, TextField, useZodForm } from "~/components/forms";
import { LICENSE_STATUS_LABELS, LICENSE_STATUSES, stateName, US_STATES } from "~/domain/roster";
import { formatLocalDate } from "~/domain/rule-profiles";
import { capacityFormSchema, certificationFormSchema, licenseFormSchema, practiceFormSchema, specialtyFormSchema } from "~/schemas/roster";
import type { ReviewerView } from "~/server/reviewers/roster.server";

/** Specialties for a choice list, grouped by board. */
export type SpecialtyGroups = readonly { board: string; options: readonly { code: string; label: string }[] }[];

const groupsOf = (specialties: SpecialtyGroups) =>
  specialties.map((group) => ({ label: group.board, options: group.options.map((option) => ({ value: option.code, label: option.label })) }));

/** Credentials are an administrator's to change (credentials:manage); a coordinator reads them. */
const ADMINISTRATORS_ONLY = "Only an administrator changes credentials and disciplinary records.";

export function PracticeSection({ reviewer, actionData, editable }: { reviewer: ReviewerView; actionData: unknown; editable: boolean }) {
  if (!editable) {
    return (
      <section aria-labelledby="practice">
        <h2 id="practice">Practice and verification</h2>
        <p className="muted">{ADMINISTRATORS_ONLY}</p>
        <dl className="summary">
          <dt>Qualifications</dt>
          <dd>{reviewer.credentials || "Not recorded"}</dd>
          <dt>Years of recent clinical practice</dt>
          <dd>{reviewer.yearsInPractice}</dd>
          <dt>Credentials last verified on</dt>
          <dd>{reviewer.credentialsVerifiedOn ? formatLocalDate(reviewer.credentialsVerifiedOn) : "Not yet"}</dd>
          <dt>Open disciplinary action</dt>
          <dd>{reviewer.openDisciplinaryAction ?? "None"}</dd>
        </dl>
      </section>
    );
  }
  return <PracticeForm reviewer={reviewer} actionData={actionData} />;
}

function PracticeForm({ reviewer, actionData }: { reviewer: ReviewerView; actionData: unknown }) {
  const zod = useZodForm(practiceFormSchema, {
    actionData: failureFor(actionData, "save-practice"),
    defaultValues: {
      credentials: reviewer.credentials,
      yearsInPractice: String(reviewer.yearsInPractice),
      credentialsVerifiedOn: reviewer.credentialsVerifiedOn ?? "",
      openDisciplinaryAction: reviewer.openDisciplinaryAction ?? "",
    },
  });
  return (
    <section aria-labelledby="practice">
      <h2 id="practice">Practice and verification</h2>
      <p>A change here re-checks the reviewer on every case they are offered or hold: an offer they no longer qualify for is withdrawn.</p>
      <IntentForm zod={zod} intent="save-practice" label="Practice and verification" submit="Save">
        <TextField
          zod={zod}
          name="credentials"
          label="Qualifications"
          hint="As decision letters state them (the reviewer's name never appears), like MD, board certified in cardiovascular disease."
          required
        />
        <TextField zod={zod} name="yearsInPractice" label="Years of recent clinical practice" hint="A whole number. Reviewers need at least 5." required />
        <TextField
          zod={zod}
          name="credentialsVerifiedOn"
          label="Credentials last verified on"
          type="date"
          hint={
            reviewer.reverifyBy
              ? `Good until ${formatLocalDate(reviewer.reverifyBy)}: a verification lasts 3 years.`
              : "Empty until the organization first verifies them. A verification lasts 3 years."
          }
        />
        <TextAreaField
          zod={zod}
          name="openDisciplinaryAction"
          label="Open disciplinary action"
          hint="Describe any open action by a licensing board or hospital. Leave empty when there is none."
          rows={3}
        />
      </IntentForm>
    </section>
  );
}

export function CapacitySection({ reviewer, actionData }: { reviewer: ReviewerView; actionData: unknown }) {
  const zod = useZodForm(capacityFormSchema, { actionData: failureFor(actionData, "save-capacity"), defaultValues: { capacity: String(reviewer.capacity) } });
  return (
    <section aria-labelledby="workload">
      <h2 id="workload">Workload</h2>
      <IntentForm zod={zod} intent="save-capacity" label="Workload" submit="Save the capacity">
        <TextField zod={zod} name="capacity" label="Workload capacity" hint="Cases offered or in review at once. 0 pauses new offers." required />
      </IntentForm>
    </section>
  );
}

export function SpecialtySection({ reviewer, specialties, actionData }: { reviewer: ReviewerView; specialties: SpecialtyGroups; actionData: unknown }) {
  const zod = useZodForm(specialtyFormSchema, { actionData: failureFor(actionData, "add-specialty") });
  return (
    <section aria-labelledby="specialties">
      <h2 id="specialties">Specialties and sub-specialties</h2>
      <p>The primary specialty is the one decision letters give. The first one added is primary.</p>
      <DataTable
        caption="Specialties practised"
        rows={reviewer.specialties}
        rowKey={(specialty) => specialty.code}
        empty={<p className="muted">No specialty recorded yet.</p>}
        columns={[
          {
            header: "Specialty",
            cell: (specialty) => (
              <>
                {specialty.name}
                {specialty.parentName ? <div className="muted">Sub-specialty of {specialty.parentName.toLowerCase()}</div> : null}
              </>
            ),
          },
          { header: "Primary", cell: (specialty) => (specialty.primary ? <strong>Primary</strong> : "No") },
          {
            header: ACTIONS_HEADER,
            cell: (specialty) =>
              specialty.primary ? (
                <span className="muted">To remove it, make another specialty primary first.</span>
              ) : (
                <div className="actions flush-top">
                  <RemoveButton intent="make-primary" fields={{ specialtyCode: specialty.code }} label="Make primary" what={specialty.name} />
                  <RemoveButton intent="remove-specialty" fields={{ specialtyCode: specialty.code }} what={specialty.name} />
                </div>
              ),
          },
        ]}
      />
      <h3>Add a specialty</h3>
      <IntentForm zod={zod} intent="add-specialty" label="Add a specialty" submit="Add the specialty">
        <SelectField zod={zod} name="specialtyCode" label="Specialty or sub-specialty" placeholder="Choose…" required groups={groupsOf(specialties)} />
      </IntentForm>
    </section>
  );
}

export function CertificationSection(props: { reviewer: ReviewerView; specialties: SpecialtyGroups; actionData: unknown; editable: boolean }) {
  const { reviewer, specialties, actionData, editable } = props;
  const zod = useZodForm(certificationFormSchema, { actionData: failureFor(actionData, "add-certification") });
  return (
    <section aria-labelledby="certifications">
      <h2 id="certifications">Board certifications</h2>
      <DataTable
        caption="Board certifications"
        rows={reviewer.certifications}
        rowKey={(certification) => certification.id}
        empty={<p className="muted">No board certification recorded yet.</p>}
        columns={[
          { header: "Specialty", cell: (certification) => certification.specialtyName },
          { header: "Board", cell: (certification) => certification.board },
          { header: "Certified on", cell: (certification) => (certification.certifiedOn ? formatLocalDate(certification.certifiedOn) : "Not recorded") },
          { header: "Expires on", cell: (certification) => (certification.expiresOn ? formatLocalDate(certification.expiresOn) : "Does not expire") },
          ...(editable
            ? [
                {
                  header: ACTIONS_HEADER,
                  cell: (certification: ReviewerView["certifications"][number]) => (
                    <RemoveButton
                      intent="remove-certification"
                      fields={{ id: certification.id }}
                      what={`the certification in ${certification.specialtyName}`}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable ? (
        <>
          <h3>Add a certification</h3>
          <IntentForm zod={zod} intent="add-certification" label="Add a board certification" submit="Add the certification">
            <SelectField zod={zod} name="certificationSpecialtyCode" label="Certified in" placeholder="Choose…" required groups={groupsOf(specialties)} />
            <TextField zod={zod} name="board" label="Board (optional)" hint="Leave empty for the board that certifies this specialty." />
            <TextField zod={zod} name="certifiedOn" label="Certified on (optional)" type="date" />
            <TextField
              zod={zod}
              name="certificationExpiresOn"
              label="Certification expires on"
              type="date"
              hint="Leave empty for a certificate that does not expire."
            />
          </IntentForm>
        </>
      ) : (
        <p className="muted">{ADMINISTRATORS_ONLY}</p>
      )}
    </section>
  );
}

export function LicenseSection({ reviewer, actionData, editable }: { reviewer: ReviewerView; actionData: unknown; editable: boolean }) {
  const zod = useZodForm(licenseFormSchema, { actionData: failureFor(actionData, "add-license"), defaultValues: { status: "ACTIVE" } });
  return (
    <section aria-labelledby="licenses">
      <h2 id="licenses">Licenses</h2>
      <p>A reviewer needs at least one active, unrestricted license that has not expired.</p>
      <DataTable
        caption="Medical licenses by state"
        rows={reviewer.licenses}
        rowKey={(license) => license.id}
        empty={<p className="muted">No license recorded yet.</p>}
        columns={[
          { header: "State", cell: (license) => stateName(license.state) },
          { header: "Number", cell: (license) => license.number },
          { header: "Expires on", cell: (license) => formatLocalDate(license.expiresOn) },
          { header: "Status", cell: (license) => LICENSE_STATUS_LABELS[license.status] },
          ...(editable
            ? [
                {
                  header: ACTIONS_HEADER,
                  cell: (license: ReviewerView["licenses"][number]) => (
                    <RemoveButton intent="remove-license" fields={{ id: license.id }} what={`license ${license.number} in ${stateName(license.state)}`} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable ? (
        <>
          <h3>Add a license</h3>
          <IntentForm zod={zod} intent="add-license" label="Add a license" submit="Add the license">
            <SelectField
              zod={zod}
              name="state"
              label="State"
              placeholder="Choose…"
              required
              options={US_STATES.map(([code, name]) => ({ value: code, label: name }))}
            />
            <TextField zod={zod} name="number" label="License number" required />
            <TextField zod={zod} name="licenseExpiresOn" label="License expires on" type="date" required />
            <SelectField
              zod={zod}
              name="status"
              label="Status"
              placeholder="Choose…"
              required
              options={LICENSE_STATUSES.map((status) => ({ value: status, label: LICENSE_STATUS_LABELS[status] }))}
            />
          </IntentForm>
        </>
      ) : (
        <p className="muted">{ADMINISTRATORS_ONLY}</p>
      )}
    </section>
  );
}
