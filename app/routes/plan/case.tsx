import { Fragment } from "react";
import { Form, Link, useActionData } from "react-router";
import type { Route } from "./+types/case";
import { InformationRequests } from "~/components/information-requests";
import { CaseDeadlines } from "~/components/case-deadlines";
import { CaseTimeline } from "~/components/case-timeline";
import { DataTable } from "~/components/data-table";
import { Instant } from "~/components/instant";
import { formatFileSize } from "~/domain/documents/limits";
import { CaseFormFields, ConflictAlert, FormError, Notice, revalidateAfterConflict, SubmitButton, TextAreaField, useCaseForm } from "~/components/forms";
import { CaseFilePanel, COMPLETE_CASE_FILE_INTENT } from "~/components/plan/case-file-panel";
import { CompliancePanel, CONFIRM_COMPLIANCE_INTENT, DecisionPanel } from "~/components/plan/decision-panel";
import { REVERSE_INTENT, ReversalForm } from "~/components/plan/reversal-form";
import { objectionSchema } from "~/schemas/intake";
import { completeCaseFileForm, complianceForm, reversalForm } from "~/schemas/plan-actions";
import { objectToEligibility } from "~/server/intake/object-to-eligibility.server";
import { planCasePage } from "~/server/plan/plan-case-page.server";
import { completeCaseFile } from "~/server/plan/complete-case-file.server";
import { confirmCompliance } from "~/server/plan/confirm-compliance.server";
import { reverseDenial } from "~/server/plan/reverse-denial.server";
import { actorOf } from "~/server/session.server";
import { formSubmission, submitIntent } from "~/server/route-answers.server";
import { signedInUser } from "~/server/role-areas.server";
import { CaseStatusBadge } from "~/components/status-badge";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${data?.reference ?? "Case"} | Independent Medical Review` }];
}

export const shouldRevalidate = revalidateAfterConflict;

const OBJECT_INTENT = "object";

const NOTICES = {
  objected: "Your objection was sent to the review organization.",
  "case-file-complete": "Your case file is marked complete. The review organization was told.",
  "case-file-complete-late": "Your case file is marked complete. It came after its due time, which the record shows.",
  reversed: "You reversed your denial: the review has ended and everyone was told.",
  complied: "Your confirmation of compliance was recorded and the case is closed.",
  "complied-late": "Your confirmation of compliance was recorded, after its due time: the review organization's coordinators were told.",
} as const;

const isNotice = (value: string | null): value is keyof typeof NOTICES => value !== null && value in NOTICES;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = signedInUser(context);
  const page = await planCasePage(user, params.caseId, actorOf(user, request));
  const done = new URL(request.url).searchParams.get("done");
  return { ...page, notice: isNotice(done) ? NOTICES[done] : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = signedInUser(context);
  const acting = { user, actor: actorOf(user, request), caseId: params.caseId };
  const done = (notice: keyof typeof NOTICES) => `/plan/cases/${params.caseId}?done=${notice}`;
  return submitIntent(request, {
    [COMPLETE_CASE_FILE_INTENT]: formSubmission(
      completeCaseFileForm,
      async ({ version, notApplicable, denialReason }) => {
        const { late } = await completeCaseFile({ ...acting, expectedVersion: version, channel: "PORTAL", notApplicable, denialReason });
        return done(late ? "case-file-complete-late" : "case-file-complete");
      },
      { arrayFields: ["notApplicable"] },
    ),
    [REVERSE_INTENT]: formSubmission(reversalForm, async ({ version, note }) => {
      await reverseDenial({ ...acting, expectedVersion: version, note, channel: "PORTAL" });
      return done("reversed");
    }),
    [CONFIRM_COMPLIANCE_INTENT]: formSubmission(complianceForm, async (confirmation) => {
      const { late } = await confirmCompliance({ ...acting, ...confirmation, channel: "PORTAL" });
      return done(late ? "complied-late" : "complied");
    }),
    [OBJECT_INTENT]: formSubmission(objectionSchema, async ({ version, reason }) => {
      await objectToEligibility({ ...acting, expectedVersion: version, reason });
      return done("objected");
    }),
  });
}

export default function PlanCase({ loaderData }: Route.ComponentProps) {
  const page = loaderData;
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/plan">Back to your plan's cases</Link>
      </p>
      <h1>Case {page.reference}</h1>
      <ConflictAlert actionData={actionData} />
      {page.notice ? <Notice tone="success">{page.notice}</Notice> : null}
      <section className="card space-below-xl" aria-labelledby="dispute-heading">
        <h2 id="dispute-heading">What is disputed</h2>
        <Summary lines={page.dispute} />
      </section>

      <section className="card space-below-xl" aria-labelledby="status-heading">
        <h2 id="status-heading">Where the case stands</h2>
        <p>
          <CaseStatusBadge status={page.status} />
        </p>
        <p className="flush-bottom">{page.nextStep}</p>
      </section>

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">The case</h2>
        <Summary lines={page.summary} />
      </section>

      <section aria-labelledby="deadlines-heading">
        <h2 id="deadlines-heading">Deadlines</h2>
        <CaseDeadlines rows={page.deadlines} />
      </section>

      {page.informationRequests.length ? (
        <section aria-labelledby="information-heading">
          <h2 id="information-heading">Information asked of your plan</h2>
          <InformationRequests items={page.informationRequests} heading={(_item, index) => `Request ${index + 1}`} waiting="Waiting for your answer" />
        </section>
      ) : null}

      {page.newInformation.length ? (
        <section aria-labelledby="new-information-heading">
          <h2 id="new-information-heading">New information from the applicant</h2>
          <p>
            The applicant added these documents after the case was accepted, and the review organization forwarded them to your plan. Read them: your plan may
            reconsider its denial.
          </p>
          <DataTable
            caption="New information forwarded to your plan"
            rows={page.newInformation}
            rowKey={(document) => document.id}
            columns={[
              { header: "File", className: "break-anywhere", cell: (document) => <a href={`/documents/${document.id}`}>{document.fileName}</a> },
              { header: "What it is", cell: (document) => document.kind },
              { header: "Size", cell: (document) => formatFileSize(document.sizeBytes) },
              { header: "Added", cell: (document) => <Instant at={document.added} style="table" /> },
              { header: "Forwarded to your plan", cell: (document) => (document.forwarded ? <Instant at={document.forwarded} style="table" /> : "") },
            ]}
          />
          {page.canReverse ? (
            <p>
              If it changes your decision, <a href="#reverse-heading">approve the service yourselves</a>: reversing your denial ends the review.
            </p>
          ) : null}
        </section>
      ) : null}

      {page.decision ? <DecisionPanel decision={page.decision} /> : null}
      {page.compliance ? <CompliancePanel version={page.version} compliance={page.compliance} actionData={actionData} /> : null}

      {page.caseFile.state !== "not_requested" ? (
        <CaseFilePanel caseId={page.id} version={page.version} caseFile={page.caseFile} actionData={actionData} />
      ) : null}

      {page.reversal ? (
        <section aria-labelledby="reversal-heading">
          <h2 id="reversal-heading">Your plan reversed its denial</h2>
          <p>On {page.reversal.at}:</p>
          <p className="multiline">“{page.reversal.note}”</p>
        </section>
      ) : page.canReverse ? (
        <section aria-labelledby="reverse-heading">
          <h2 id="reverse-heading">Approve the service yourselves</h2>
          <p>If your plan reconsidered and now approves what it denied, say so here: the review ends.</p>
          <ReversalForm key={page.version} version={page.version} actionData={actionData} />
        </section>
      ) : null}

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <p className="hint">What has happened on this case that concerns your plan, oldest first.</p>
        <CaseTimeline items={page.timeline} />
      </section>

      <section aria-labelledby="objection-heading">
        <h2 id="objection-heading">Objection to eligibility</h2>
        {page.objections.map((objection) => (
          <div key={objection.id} className="card space-below">
            <p className="flush-top">Sent {objection.at}:</p>
            <p className="multiline flush-bottom">“{objection.note}”</p>
          </div>
        ))}
        {page.canObject ? (
          <ObjectionForm key={page.version} version={page.version} actionData={actionData} />
        ) : (
          <p>The eligibility of this case can no longer be contested here.</p>
        )}
      </section>
    </>
  );
}

/** Labelled facts; a value keeps the lines it was written in. */
function Summary({ lines }: { lines: readonly { label: string; value: string }[] }) {
  return (
    <dl className="summary">
      {lines.map((line) => (
        <Fragment key={line.label}>
          <dt>{line.label}</dt>
          <dd className="multiline">{line.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function ObjectionForm({ version, actionData }: { version: number; actionData: unknown }) {
  const zod = useCaseForm(objectionSchema, { intent: OBJECT_INTENT, version, actionData });
  return (
    <Form method="post" noValidate onSubmit={zod.onSubmit}>
      <p>
        If you think this request should not be reviewed (for example, the member was not enrolled, or the service is a contract exclusion), tell the review
        organization why.
      </p>
      <FormError message={zod.formError} />
      <CaseFormFields intent={OBJECT_INTENT} version={version} />
      <TextAreaField zod={zod} idPrefix="objection" name="reason" label="Why the request is not eligible" required />
      <SubmitButton submitting={zod.submitting}>Object to eligibility</SubmitButton>
    </Form>
  );
}
