import { Link, useActionData } from "react-router";
import type { Route } from "./+types/quality";
import { DataTable } from "~/components/data-table";
import { Instant } from "~/components/instant";
import { DeterminationSummary } from "~/components/determination/determination-summary";
import { CheckboxGroup, failureFor, Form, FormError, Notice, SubmitButton, TextAreaField, useZodForm } from "~/components/forms";
import { STATUS_LABELS } from "~/domain/case-status";
import { OUTCOME_LABELS } from "~/domain/panel";
import { DISPUTE_TYPE_LABELS, TRACK_LABELS } from "~/domain/reports/labels";
import { qualityDecisionSchema } from "~/schemas/determination";
import { approveDetermination } from "~/server/determinations/approve-determination.server";
import { qualityReviewPage, type QualityReviewPage } from "~/server/determinations/quality.server";
import { sendBackDetermination } from "~/server/determinations/send-back-determination.server";
import { actorOf } from "~/server/session.server";
import { submitForm } from "~/server/route-answers.server";
import { idParam } from "~/server/route-params.server";
import { permittedUser } from "~/server/role-areas.server";
import { CaseStatusBadge } from "~/components/status-badge";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Quality review: ${data?.case.reference ?? "case"} | Independent Medical Review` }];
}

const NOTICES = {
  approved: "The determination is approved. The decision letter can now be issued.",
  "sent-back": "The determination was sent back. The reviewer was emailed and sees your comments on their case page.",
} as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = permittedUser(context, "case:decide");
  const page = await qualityReviewPage(user, idParam(params.caseId, "This case"), actorOf(user, request));
  const done = new URL(request.url).searchParams.get("done");
  return { ...page, notice: done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = permittedUser(context, "case:decide");
  const caseId = idParam(params.caseId, "This case");
  const actor = actorOf(user, request);
  return submitForm(
    request,
    qualityDecisionSchema,
    async ({ intent, version, comments, findings, determinationIds }) => {
      if (intent === "approve") await approveDetermination({ user, actor, caseId, expectedVersion: version, comments, findings });
      else await sendBackDetermination({ user, actor, caseId, expectedVersion: version, comments, determinationIds });
      return `/iro/cases/${caseId}/quality?done=${intent === "approve" ? "approved" : "sent-back"}`;
    },
    // The send-back operation calls the comments its note.
    { arrayFields: ["determinationIds"], rename: { note: "comments" } },
  );
}

const DETERMINATION_STATUS: Record<string, { label: string; className: string }> = {
  DRAFT: { label: "Draft, not submitted", className: "badge" },
  SUBMITTED: { label: "Submitted", className: "badge badge--ok" },
  RETURNED: { label: "Sent back to the reviewer", className: "badge badge--warn" },
};

export default function QualityReview({ loaderData }: Route.ComponentProps) {
  const page = loaderData;
  const kase = page.case;
  const actionData = useActionData<typeof action>();
  const submitted = page.opinions.filter((opinion) => opinion.status === "SUBMITTED");
  return (
    <>
      <p>
        <Link to={`/iro/cases/${kase.id}`}>Back to the case</Link>
      </p>
      <h1>Quality review: {kase.reference}</h1>
      <p className="lead">
        {kase.serviceDescription ?? "Service not entered"}
        {kase.plan ? ` · ${kase.plan.name}` : null}
        {kase.patientName ? ` · ${kase.patientName}` : null}
      </p>
      {page.notice ? <Notice tone="success">{page.notice}</Notice> : null}

      <section className="card space-below-xl" aria-labelledby="status-heading">
        <h2 id="status-heading">Where the case stands</h2>
        <p>
          <CaseStatusBadge status={kase.status} /> <span className="badge">{TRACK_LABELS[kase.track]}</span>{" "}
          {kase.disputeType ? <span className="badge">{DISPUTE_TYPE_LABELS[kase.disputeType]}</span> : null}
        </p>
        <p className="flush-bottom">
          {kase.panelSize > 1 ? `A panel of ${kase.panelSize} reviewers.` : "One reviewer."}{" "}
          {kase.outcome && kase.determined ? `Determined on ${kase.determined}: ${OUTCOME_LABELS[kase.outcome].toLowerCase()}.` : null}
        </p>
        {!page.decidable ? (
          <p className="flush-bottom">
            The case is not waiting for quality review now: it is &ldquo;{STATUS_LABELS[kase.status].toLowerCase()}&rdquo;. Quality review starts when every
            required reviewer has submitted.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="checks-heading">
        <h2 id="checks-heading">Automatic checks</h2>
        <p>
          {page.allPass
            ? "Every element the decision letter needs is present and consistent."
            : "Some elements the decision letter needs are missing or inconsistent. The determination cannot be approved until every check passes."}
        </p>
        <DataTable
          caption="Automatic checks of the determination"
          captionHidden
          rows={page.checks}
          rowKey={(check) => check.check}
          columns={[
            {
              header: "Result",
              cell: (check) => (check.passed ? <span className="badge badge--ok">Pass</span> : <span className="badge badge--danger">Fail</span>),
            },
            { header: "What was checked", cell: (check) => check.message },
          ]}
        />
      </section>

      <section aria-labelledby="opinions-heading">
        <h2 id="opinions-heading">{page.opinions.length > 1 ? "The reviewers' opinions" : "The reviewer's determination"}</h2>
        {page.opinions.length === 0 ? <p>No reviewer has written a determination yet.</p> : null}
        {page.opinions.map((opinion) => (
          <article key={opinion.id} className="card space-below" aria-labelledby={`opinion-${opinion.id}`}>
            <h3 id={`opinion-${opinion.id}`}>
              {opinion.label}: {opinion.reviewerName}
            </h3>
            <p>
              <span className={DETERMINATION_STATUS[opinion.status]?.className ?? "badge"}>
                {DETERMINATION_STATUS[opinion.status]?.label ?? opinion.status}
              </span>
              {opinion.submitted ? ` Submitted on ${opinion.submitted}.` : null}
              {opinion.credentials ? ` ${opinion.credentials}.` : null}
            </p>
            <DeterminationSummary determination={{ ...opinion, documentsConsidered: opinion.documentsConsidered }} />
          </article>
        ))}
      </section>

      {page.decidable ? (
        <section aria-labelledby="decide-heading">
          <h2 id="decide-heading">Your decision</h2>
          {page.approved ? (
            <p>
              Approved. <Link to={`/iro/cases/${kase.id}/decision`}>Issue the decision letter</Link>.
            </p>
          ) : (
            <ApproveForm page={page} actionData={failureFor(actionData, "approve")} />
          )}
          <SendBackForm page={page} opinions={submitted} actionData={failureFor(actionData, "send-back")} />
        </section>
      ) : null}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Earlier quality reviews</h2>
        <DataTable
          caption="Earlier quality reviews, newest first"
          captionHidden
          rows={page.history}
          rowKey={(review) => review.id}
          empty={<p className="muted">None yet.</p>}
          columns={[
            { header: "When", cell: (review) => <Instant at={review.at} style="table" /> },
            { header: "Coordinator", cell: (review) => review.by },
            { header: "Result", cell: (review) => (review.result === "APPROVED" ? "Approved" : "Sent back") },
            { header: "Comments", className: "verbatim", cell: (review) => review.comments ?? "" },
          ]}
        />
      </section>
    </>
  );
}

function ApproveForm({ page, actionData }: { page: QualityReviewPage; actionData: unknown }) {
  const zod = useZodForm(qualityDecisionSchema, {
    defaultValues: { intent: "approve", version: String(page.case.version), comments: "", findings: "" },
    actionData,
  });
  return (
    <Form method="post" noValidate onSubmit={zod.onSubmit} aria-labelledby="approve-heading" className="card space-below">
      <h3 id="approve-heading">Approve</h3>
      <FormError message={zod.formError} />
      <input type="hidden" {...zod.form.register("intent")} defaultValue="approve" />
      <input type="hidden" {...zod.form.register("version")} defaultValue={String(page.case.version)} />
      {page.allPass ? (
        <p>Every check passes. Approving lets the decision letter be issued from these opinions.</p>
      ) : (
        <p id="approve-blocked">Approval is possible once every automatic check passes. Send the determination back, or complete the case, first.</p>
      )}
      <TextAreaField
        zod={zod}
        idPrefix="approve"
        name="findings"
        label="Summary of the findings"
        hint="What the reviewers found and why, in a paragraph, without names: the regulators' yearly export publishes it with the decision."
        rows={4}
        required
      />
      <button type="submit" className="button" disabled={!page.allPass || zod.submitting} aria-describedby={page.allPass ? undefined : "approve-blocked"}>
        Approve the determination
      </button>
    </Form>
  );
}

function SendBackForm({ page, opinions, actionData }: { page: QualityReviewPage; opinions: QualityReviewPage["opinions"]; actionData: unknown }) {
  const zod = useZodForm(qualityDecisionSchema, {
    defaultValues: { intent: "send-back", version: String(page.case.version), comments: "", determinationIds: opinions.map((opinion) => opinion.id) },
    actionData,
  });
  return (
    <Form method="post" noValidate onSubmit={zod.onSubmit} aria-labelledby="send-back-heading" className="card space-below">
      <h3 id="send-back-heading">Send back to the reviewer</h3>
      <FormError message={zod.formError} />
      <input type="hidden" {...zod.form.register("intent")} defaultValue="send-back" />
      <input type="hidden" {...zod.form.register("version")} defaultValue={String(page.case.version)} />
      <p>The case goes back into review. Each reviewer you tick is emailed and sees your comments on their case page.</p>
      <CheckboxGroup
        zod={zod}
        name="determinationIds"
        legend="Send back"
        choices={opinions.map((opinion) => ({ value: opinion.id, label: `${opinion.label}: ${opinion.reviewerName}` }))}
      />
      <TextAreaField zod={zod} name="comments" label="Your comments to the reviewer" hint="Say what is missing or must change." rows={5} required />
      <SubmitButton submitting={zod.submitting}>Send back to the reviewer</SubmitButton>
    </Form>
  );
}
