import { Link, useActionData } from "react-router";
import type { Route } from "./+types/decision";
import { DataTable } from "~/components/data-table";
import { Instant } from "~/components/instant";
import { failureFor, Form, FormError, Notice, SubmitButton, TextAreaField, useZodForm } from "~/components/forms";
import type { LetterContents, LetterField } from "~/domain/decision-letter";
import { amendDecisionSchema, decisionActionSchema, expeditedNoticeSchema, issueDecisionSchema } from "~/schemas/decision";
import { amendDecision } from "~/server/letters/amend-decision.server";
import { decisionPage, type DecisionPage } from "~/server/letters/decision-page.server";
import { issueDecision } from "~/server/letters/issue-decision.server";
import { requireFreshAuthentication } from "~/server/auth/confirm-identity.server";
import { sendExpeditedNotice } from "~/server/letters/send-expedited-notice.server";
import { actorOf } from "~/server/session.server";
import { submitForm } from "~/server/route-answers.server";
import { idParam } from "~/server/route-params.server";
import { permittedUser } from "~/server/role-areas.server";
import { CaseStatusBadge } from "~/components/status-badge";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Decision: ${data?.case.reference ?? "case"} | Independent Medical Review` }];
}

const NOTICES = {
  issue: "The decision is issued. The letter is stored with its fingerprint and the parties were emailed.",
  amend: "The amended letter is issued as a new version. The earlier version stays on file and the parties were emailed.",
  notify: "The expedited notice was sent to the applicant and the plan, and is on the case. The written letter is now due; issue it below.",
} as const;
type Intent = keyof typeof NOTICES;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = permittedUser(context, "case:decide");
  const page = await decisionPage(user, idParam(params.caseId, "This case"), actorOf(user, request));
  const done = new URL(request.url).searchParams.get("done");
  return { ...page, notice: done && done in NOTICES ? NOTICES[done as Intent] : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = permittedUser(context, "case:decide");
  const caseId = idParam(params.caseId, "This case");
  // A refusal leaves the page as the coordinator left it, with the reason by the form.
  return submitForm(request, decisionActionSchema, async (input) => {
    // Issuing is final and goes to the parties: the coordinator's password must be recent.
    if (input.intent === "issue") await requireFreshAuthentication(user, request, new Date());
    const context = { user, actor: actorOf(user, request), caseId, expectedVersion: input.version };
    if (input.intent === "issue") await issueDecision(context);
    else if (input.intent === "amend") await amendDecision({ ...context, reason: input.reason });
    else await sendExpeditedNotice({ ...context, note: input.note });
    return `/iro/cases/${caseId}/decision?done=${input.intent}`;
  });
}

export default function Decision({ loaderData }: Route.ComponentProps) {
  const page = loaderData;
  const kase = page.case;
  const actionData = useActionData<typeof action>();
  const formKey = String(kase.version);
  return (
    <>
      <p>
        <Link to={`/iro/cases/${kase.id}`}>Back to the case</Link> · <Link to={`/iro/cases/${kase.id}/quality`}>Quality review</Link>
      </p>
      <h1>Decision: {kase.reference}</h1>
      <p className="lead">
        <CaseStatusBadge status={kase.status} />{" "}
        {kase.expedited ? <span className="badge badge--danger">Expedited</span> : <span className="badge">Standard</span>}
        {kase.decided ? ` · Decided on ${kase.decided}` : null}
      </p>
      {page.notice ? <Notice tone="success">{page.notice}</Notice> : null}
      {page.blocked ? (
        <Notice tone="warning">
          {page.blocked} <Link to={`/iro/cases/${kase.id}/quality`}>Go to the quality review</Link>
        </Notice>
      ) : null}
      {page.previewProblem ? <Notice tone="error">{page.previewProblem}</Notice> : null}
      {page.expeditedNotice ? (
        <p>
          The notice of the expedited decision was sent on {page.expeditedNotice.recorded}; the written letter is due by {page.expeditedNotice.letterDue}.
        </p>
      ) : null}
      {page.complianceDue ? <p>The plan must comply with the decision by {page.complianceDue}.</p> : null}

      <IssuedLetters letters={page.letters} />

      {page.actions.recordExpeditedNotice ? (
        <ExpeditedNoticeForm key={`notify-${formKey}`} version={kase.version} actionData={failureFor(actionData, "notify")} />
      ) : null}
      {page.actions.issue ? <IssueForm key={`issue-${formKey}`} page={page} actionData={failureFor(actionData, "issue")} /> : null}
      {page.actions.amend ? <AmendForm key={`amend-${formKey}`} version={kase.version} actionData={failureFor(actionData, "amend")} /> : null}

      {page.preview ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{page.letters.length ? "Preview of an amended letter" : "Preview of the letter"}</h2>
          <p className="muted">
            {page.letters.length
              ? "What a new version would say, from the case as it stands now. The issued versions above do not change."
              : "What the letter will say. The PDF is made from exactly these words when you issue it; the verification code is given then."}
          </p>
          <LetterPreview letter={page.preview} />
        </section>
      ) : null}
    </>
  );
}

function IssuedLetters({ letters }: { letters: DecisionPage["letters"] }) {
  if (letters.length === 0) return null;
  return (
    <section aria-labelledby="letters-heading">
      <h2 id="letters-heading">Issued letters</h2>
      <p>An issued letter never changes. A correction is a new version, and every version stays on file.</p>
      <DataTable
        caption="Issued versions of the decision letter, newest first"
        captionHidden
        rows={letters}
        rowKey={(letter) => letter.id}
        columns={[
          {
            header: "Version",
            cell: (letter) => (
              <>
                {letter.version} {letter.current ? <span className="badge badge--ok">Current</span> : <span className="badge">Replaced</span>}
              </>
            ),
          },
          { header: "Issued", cell: (letter) => <Instant at={letter.issued} style="table" /> },
          { header: "Verification code", cell: (letter) => <code>{letter.code}</code> },
          {
            header: "SHA-256 fingerprint",
            cell: (letter) => (
              <>
                <code className="break-all">{letter.sha256}</code>
                {letter.copies.map((copy) => (
                  <p key={copy.documentId}>
                    {copy.language} copy: <code className="break-all">{copy.sha256}</code>
                  </p>
                ))}
              </>
            ),
          },
          { header: "Reason for the amendment", className: "verbatim", cell: (letter) => letter.amendmentReason ?? "—" },
          {
            header: "Letter",
            cell: (letter) => (
              <>
                <a href={`/documents/${letter.documentId}`} download>
                  Download version {letter.version}
                </a>
                {letter.copies.map((copy) => (
                  <p key={copy.documentId}>
                    <a href={`/documents/${copy.documentId}`} download>
                      Download the {copy.language} copy
                    </a>
                  </p>
                ))}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}

function IssueForm({ page, actionData }: { page: DecisionPage; actionData: unknown }) {
  const zod = useZodForm(issueDecisionSchema, { defaultValues: { intent: "issue", version: String(page.case.version) }, actionData });
  const upheld = page.case.outcome === "UPHELD";
  return (
    <Form method="post" noValidate onSubmit={zod.onSubmit} aria-labelledby="issue-heading" className="card space-below-xl">
      <h2 id="issue-heading">Issue the decision</h2>
      <FormError message={zod.formError} />
      <input type="hidden" {...zod.form.register("intent")} defaultValue="issue" />
      <input type="hidden" {...zod.form.register("version")} defaultValue={String(page.case.version)} />
      <p>
        The letter previewed below is made into a PDF, stored with its fingerprint and can never be changed. The case becomes decided
        {upheld ? " and, as the denial is upheld, closes at once" : " and the plan's compliance clock starts"}. The applicant, the plan and (if the applicant
        agreed) the treating provider are emailed.
      </p>
      <p className="muted">You are asked for your password first if you last gave it more than 10 minutes ago.</p>
      <SubmitButton submitting={zod.submitting}>Issue the decision</SubmitButton>
    </Form>
  );
}

function ExpeditedNoticeForm({ version, actionData }: { version: number; actionData: unknown }) {
  const zod = useZodForm(expeditedNoticeSchema, { defaultValues: { intent: "notify", version: String(version), note: "" }, actionData });
  return (
    <Form method="post" noValidate onSubmit={zod.onSubmit} aria-labelledby="notify-heading" className="card space-below-xl">
      <h2 id="notify-heading">Send the expedited notice</h2>
      <FormError message={zod.formError} />
      <input type="hidden" {...zod.form.register("intent")} defaultValue="notify" />
      <input type="hidden" {...zod.form.register("version")} defaultValue={String(version)} />
      <p>
        The portal sends the applicant and the plan a notice of the decision (a PDF on the case, with the outcome as the letter states it) and emails them a
        link. The written letter is then due within the time the rules allow.
      </p>
      <TextAreaField zod={zod} name="note" label="Anything you also told the parties yourself, for example by phone (optional)" rows={3} />
      <SubmitButton submitting={zod.submitting}>Send the notice</SubmitButton>
    </Form>
  );
}

function AmendForm({ version, actionData }: { version: number; actionData: unknown }) {
  const zod = useZodForm(amendDecisionSchema, { defaultValues: { intent: "amend", version: String(version), reason: "" }, actionData });
  return (
    <Form method="post" noValidate onSubmit={zod.onSubmit} aria-labelledby="amend-heading" className="card space-below-xl">
      <h2 id="amend-heading">Amend the letter</h2>
      <FormError message={zod.formError} />
      <input type="hidden" {...zod.form.register("intent")} defaultValue="amend" />
      <input type="hidden" {...zod.form.register("version")} defaultValue={String(version)} />
      <p>
        Correct the case first if something in it is wrong; the amended letter is made from the case as it stands (see the preview below) and is issued as a new
        version. The parties are emailed.
      </p>
      <TextAreaField zod={zod} name="reason" label="Reason for the amendment" hint="Printed on the new letter." rows={3} required />
      <SubmitButton submitting={zod.submitting}>Issue the amended letter</SubmitButton>
    </Form>
  );
}

function Fields({ fields, caption }: { fields: readonly LetterField[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <tbody>
          {fields.map((field) => (
            <tr key={field.label}>
              <th scope="row">{field.label}</th>
              <td className="verbatim">{field.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function List({ items }: { items: readonly string[] }) {
  return items.length ? (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  ) : (
    <p>None listed.</p>
  );
}

/** The letter's contents as the PDF states them, in the page's own styles. */
function LetterPreview({ letter }: { letter: LetterContents }) {
  return (
    <article className="card" aria-label="Letter preview">
      <p className="muted">
        {letter.organizationName} · {letter.organizationContact.join(", ")}
      </p>
      <p>
        {letter.recipient.lines.join(", ")}
        <br />
        {letter.recipient.copies}
      </p>
      <h3>{letter.title}</h3>
      <p>
        Reference number {letter.reference} · Date of the decision {letter.decisionDate} · Version {letter.version}
      </p>
      {letter.amendment ? <p>{letter.amendment.notice}</p> : null}
      {letter.translationNote ? <p>{letter.translationNote}</p> : null}
      <section className="card" aria-labelledby="preview-summary">
        <h4 id="preview-summary">{letter.summary.heading}</h4>
        <p>
          <strong>{letter.summary.outcome}</strong>
        </p>
        {letter.summary.paragraphs.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </section>
      <h4>The case</h4>
      <Fields fields={letter.caseDetails} caption="The case" />
      <h4>The review</h4>
      <Fields fields={letter.reviewDetails} caption="The review" />
      <h4>Documents and evidence considered</h4>
      <List items={letter.evidence.documents} />
      <h4>Clinical criteria and literature applied</h4>
      <List items={letter.evidence.criteria} />
      <h4>How the decision was reached</h4>
      <p>{letter.decision.basis}</p>
      {letter.opinions.map((opinion) => (
        <section key={opinion.heading} aria-label={opinion.heading}>
          <h4>{opinion.heading}</h4>
          <List items={opinion.qualifications} />
          <p>
            <strong>Opinion, given on {opinion.submittedOn}:</strong> {opinion.outcome}
          </p>
          <p>
            <strong>Principal reasons.</strong> <span className="verbatim">{opinion.principalReasons}</span>
          </p>
          <p>
            <strong>Clinical rationale.</strong> <span className="verbatim">{opinion.clinicalRationale}</span>
          </p>
          {opinion.ownEvidence ? (
            <p>
              <strong>Standard of review.</strong> {opinion.ownEvidence.standardOfReview}
            </p>
          ) : null}
          <p>
            <em>{opinion.noConflict}</em>
          </p>
        </section>
      ))}
      <h4>This decision is binding</h4>
      {letter.binding.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <h4>Your rights</h4>
      {letter.rights.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <h4>Questions</h4>
      {letter.contact.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <p className="muted">Each page of the PDF ends with: {letter.verification.footer}</p>
    </article>
  );
}
