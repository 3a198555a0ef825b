import { data, Link, useActionData } from "react-router";
import type { Route } from "./+types/case";
import { CaseFileSearch } from "~/components/casefile/case-file-search";
import { InformationRequests } from "~/components/information-requests";
import { CaseDeadlines } from "~/components/case-deadlines";
import { CaseTimeline } from "~/components/case-timeline";
import { DocumentDetailsForms } from "~/components/document-details";
import { DocumentList } from "~/components/document-uploader";
import { CaseFileChecklist } from "~/components/intake/case-file-checklist";
import { ConflictAlert, Notice, revalidateAfterConflict } from "~/components/forms";
import { EligibilityAnswers, EligibilityChecklist } from "~/components/intake/eligibility-checklist";
import {
  AcceptForm,
  CorrectClassificationForm,
  IneligibleForm,
  InformationRequestForm,
  LookAfterForm,
  ProceedWithoutCaseFileForm,
} from "~/components/intake/intake-forms";
import { RequestDetails } from "~/components/intake/request-details";
import {
  acceptSchema,
  correctClassificationSchema,
  eligibilitySchema,
  ineligibleSchema,
  informationRequestSchema,
  lookAfterSchema,
  proceedWithoutCaseFileSchema,
} from "~/schemas/intake";
import { caseFileSearchAddress } from "~/schemas/case-file-search";
import { searchCaseFile } from "~/server/casefile/search-case-file.server";
import { acceptCase } from "~/server/intake/accept-case.server";
import { coordinatorCasePage } from "~/server/intake/coordinator-case-page.server";
import { documentDetailsSchema, latestDocumentDate } from "~/schemas/document-details";
import { describeDocument } from "~/server/documents/describe-document.server";
import { correctClassification } from "~/server/intake/correct-classification.server";
import { findIneligible } from "~/server/intake/find-ineligible.server";
import { lookAfterCase } from "~/server/intake/look-after-case.server";
import { proceedWithoutCaseFile } from "~/server/intake/proceed-without-case-file.server";
import { recordEligibility } from "~/server/intake/record-eligibility.server";
import { requestInformation } from "~/server/intake/request-information.server";
import { caseTimeByReviewer } from "~/server/reviewers/time-log.server";
import { actorOf } from "~/server/session.server";
import { formSubmission, submitIntent } from "~/server/route-answers.server";
import { signedInUser } from "~/server/role-areas.server";
import { CaseHeader } from "~/components/case-header";
import { documentPageHref } from "~/domain/casefile/page-link";
import { DataTable } from "~/components/data-table";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${data?.reference ?? "Case"} | Independent Medical Review` }];
}

export const shouldRevalidate = revalidateAfterConflict;

const DONE = {
  eligibility: "The eligibility checklist is saved.",
  accept: "The request is accepted for review. The applicant was told, and the plan was asked for its case file.",
  ineligible: "The request was found ineligible. The notice is with the documents, and the applicant and the plan were emailed a link to it.",
  information: "The request for information was sent.",
  lookAfter: "You are now looking after this case.",
  proceedWithoutCaseFile: "The review goes ahead without the plan's case file.",
  correctClassification: "The dispute type and track are corrected: the deadlines were counted again, and the applicant and the plan were told.",
  describeDocument: "The document's author and date are saved.",
} as const;
type Intent = keyof typeof DONE;

const isIntent = (value: unknown): value is Intent => typeof value === "string" && value in DONE;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = signedInUser(context);
  const actor = actorOf(user, request);
  const at = new Date();
  const page = await coordinatorCasePage(user, params.caseId, actor, at);
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  const caseFileSearch = await searchCaseFile({ user, actor, caseId: page.id, from: "coordinator", at, ...caseFileSearchAddress(url.searchParams) });
  return data(
    { ...page, reviewerTime: await caseTimeByReviewer(page.id), caseFileSearch, notice: isIntent(done) ? DONE[done] : null },
    // A query the search cannot read: the page, with the message by the field.
    { status: caseFileSearch.refused ? 400 : 200 },
  );
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = signedInUser(context);
  const acting = { user, actor: actorOf(user, request), caseId: params.caseId };
  const done = (intent: Intent) => `/iro/cases/${params.caseId}?done=${intent}`;
  return submitIntent(request, {
    // Whether the request was filed late (good cause) is checked by the operation, which reads the case.
    eligibility: formSubmission(eligibilitySchema({ filedLate: false }), async ({ version, answers }) => {
      await recordEligibility({ ...acting, expectedVersion: version, answers });
      return done("eligibility");
    }),
    accept: formSubmission(acceptSchema, async ({ version, categories }) => {
      await acceptCase({ ...acting, expectedVersion: version, categories });
      return done("accept");
    }),
    ineligible: formSubmission(ineligibleSchema, async ({ version, reason }) => {
      await findIneligible({ ...acting, expectedVersion: version, reason });
      return done("ineligible");
    }),
    information: formSubmission(informationRequestSchema, async ({ version, addressedTo, question }) => {
      await requestInformation({ ...acting, expectedVersion: version, addressedTo, question });
      return done("information");
    }),
    lookAfter: formSubmission(lookAfterSchema, async ({ version }) => {
      await lookAfterCase({ ...acting, expectedVersion: version });
      return done("lookAfter");
    }),
    proceedWithoutCaseFile: formSubmission(proceedWithoutCaseFileSchema, async ({ version, reason }) => {
      await proceedWithoutCaseFile({ ...acting, expectedVersion: version, reason });
      return done("proceedWithoutCaseFile");
    }),
    correctClassification: formSubmission(correctClassificationSchema, async ({ version, disputeType, track, reason }) => {
      await correctClassification({ ...acting, expectedVersion: version, disputeType, track, reason });
      return done("correctClassification");
    }),
    describeDocument: formSubmission(documentDetailsSchema({ today: latestDocumentDate() }), async ({ documentId, author, authoredOn }) => {
      await describeDocument({ ...acting, documentId, author, authoredOn });
      return `${done("describeDocument")}#document-details-heading`;
    }),
  } satisfies Record<Intent, unknown>);
}

export default function CoordinatorCase({ loaderData }: Route.ComponentProps) {
  const page = loaderData;
  const actionData = useActionData<typeof action>();
  // After a change the forms start again from the new case; after a refusal they keep what was typed.
  const formKey = String(page.version);
  const { actions } = page;
  const readLink = (documentId: string) => documentPageHref("iro", page.id, documentId);
  const screeningOutcome = actions.accept || actions.findIneligible || actions.requestInformation;
  const applicantGave = (
    <section aria-labelledby="request-heading">
      <h2 id="request-heading">What the applicant gave</h2>
      {page.certificationToFollow ? <Notice tone="warning">Expedited: the treating physician's certification is to follow.</Notice> : null}
      <RequestDetails sections={page.request} />
    </section>
  );
  const eligibility = (
    <section aria-labelledby="eligibility-heading">
      <h2 id="eligibility-heading">Eligibility</h2>
      {page.filedLate ? (
        <Notice tone="warning">
          This request was filed after the filing window. The applicant's reason for the delay: “{page.lateFilingReason ?? "none given"}”.
        </Notice>
      ) : null}
      {actions.recordEligibility ? (
        <EligibilityChecklist
          key={formKey}
          version={page.version}
          filedLate={page.filedLate}
          lateFilingReason={page.lateFilingReason}
          defaults={page.eligibility.defaults}
          actionData={actionData}
        />
      ) : (
        <EligibilityAnswers answers={page.eligibility.saved} />
      )}
    </section>
  );
  return (
    <>
      <p>
        <Link to="/iro/queue">Back to the intake queue</Link>
      </p>
      <CaseHeader title={`Case ${page.reference}`} facts={page} />
      <ConflictAlert actionData={actionData} />
      {page.filedLate ? (
        <p>
          <span className="badge badge--warn">Filed late</span>
        </p>
      ) : null}
      {page.notice ? <Notice tone="success">{page.notice}</Notice> : null}

      <section className="card space-below-xl" aria-labelledby="next-heading">
        <h2 id="next-heading">Next step</h2>
        <p>{page.nextStep}</p>
        {actions.qualityReview ? (
          <p>
            <Link to={`/iro/cases/${page.id}/quality`}>Run the quality review of the determination</Link>
          </p>
        ) : null}
        {actions.publication ? (
          <p>
            <Link to={`/iro/cases/${page.id}/publication`}>
              {actions.publication === "DRAFT" ? "Review the de-identified decision for the public library" : "The decision in the public library"}
            </Link>
          </p>
        ) : null}
        <p>
          {page.coordinator
            ? page.coordinator.isViewer
              ? "You are looking after this case."
              : `Looked after by ${page.coordinator.name}.`
            : "Nobody is looking after this case yet."}
        </p>
        {actions.lookAfter ? <LookAfterForm key={formKey} version={page.version} actionData={actionData} /> : null}
        {actions.offerReviewers ? (
          <p>
            <Link to={`/iro/cases/${page.id}/assign`}>Find and offer reviewers</Link>
          </p>
        ) : null}
      </section>

      {page.reviewers.length ? (
        <section aria-labelledby="reviewers-heading">
          <h2 id="reviewers-heading">Reviewers</h2>
          <ul>
            {page.reviewers.map((reviewer) => (
              <li key={reviewer.id}>
                <strong>{reviewer.name}</strong>, {reviewer.accepted ? "reviewing" : "offer waiting for an answer"}.{" "}
                {reviewer.internalDue ? `Internal due date: ${reviewer.internalDue}.` : "No internal due date set."}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {page.replacementsNeeded.length ? (
        <section className="alert alert--warning" aria-labelledby="replacement-heading">
          <h2 id="replacement-heading">A reviewer to replace</h2>
          {page.replacementsNeeded.map((assignment) => (
            <p key={assignment.id}>
              {assignment.name}: {assignment.reason} {actions.replaceReviewer ? <Link to={`/iro/cases/${page.id}/assign`}>Replace the reviewer</Link> : null}
            </p>
          ))}
        </section>
      ) : null}

      {page.objections.length ? (
        <section className="alert alert--warning" aria-labelledby="objections-heading">
          <h2 id="objections-heading">The plan objects to eligibility</h2>
          {page.objections.map((objection) => (
            <div key={objection.id}>
              <p className="flush-bottom">
                {objection.by}, {objection.at}:
              </p>
              <p className="multiline">“{objection.note}”</p>
            </div>
          ))}
        </section>
      ) : null}

      {actions.recordEligibility ? (
        // While screening, what the applicant gave sits beside the checklist (stacked on a phone): each answer is read where its check is ticked.
        <div className="side-by-side">
          {applicantGave}
          {eligibility}
        </div>
      ) : (
        eligibility
      )}

      {screeningOutcome ? (
        <section aria-labelledby="outcome-heading">
          <h2 id="outcome-heading">{actions.recordEligibility ? "Decide" : "Ask for information"}</h2>
          {actions.recordEligibility && !actions.accept && page.eligibility.acceptBlocked ? <p>{page.eligibility.acceptBlocked}</p> : null}
          {actions.accept ? (
            <AcceptForm
              key={formKey}
              version={page.version}
              actionData={actionData}
              panelNote={page.panelSize > 1 ? `This case will need a panel of ${page.panelSize} reviewers.` : "One reviewer will review it."}
              suggested={page.categories}
            />
          ) : null}
          {actions.findIneligible ? (
            <>
              <h3>Not eligible</h3>
              <IneligibleForm key={formKey} version={page.version} actionData={actionData} />
            </>
          ) : null}
          {actions.requestInformation ? (
            <>
              <h3>Request for information</h3>
              <InformationRequestForm
                key={formKey}
                version={page.version}
                actionData={actionData}
                hasPlan={page.hasPlan}
                dueHints={
                  page.answerWindows
                    ? `The applicant gets ${page.answerWindows.applicant} to answer; the plan gets ${page.answerWindows.plan}.`
                    : "The due date follows the case's rules."
                }
              />
            </>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="information-heading">
        <h2 id="information-heading">Requests for information</h2>
        {page.informationRequests.length ? (
          <InformationRequests
            items={page.informationRequests}
            heading={(item, index) => `Request ${index + 1}, to ${item.addressedTo.toLowerCase()}`}
            waiting="Waiting for the answer"
            answerLabel="Answer"
          />
        ) : (
          <p>No information has been asked for on this case.</p>
        )}
      </section>

      <section aria-labelledby="case-file-heading">
        <h2 id="case-file-heading">The plan's case file</h2>
        <p>
          <strong>{page.caseFile.label}.</strong>{" "}
          {page.caseFile.requested ? `Requested ${page.caseFile.requested}` : "It is requested when the case is accepted."}
          {page.caseFile.due ? `; due by ${page.caseFile.due}.` : null}
          {page.caseFile.completed ? ` Complete on ${page.caseFile.completed}.` : null}
        </p>
        {page.caseFile.denialReason ? (
          <p className="multiline">The plan's reason for the denial, in its own words (the letter quotes it): “{page.caseFile.denialReason}”</p>
        ) : null}
        {page.caseFile.proceeded ? (
          <p>
            The review went ahead without it on {page.caseFile.proceeded.at}: “{page.caseFile.proceeded.reason}”
          </p>
        ) : null}
        {page.caseFile.requested ? <CaseFileChecklist items={page.caseFile.items} /> : null}
        {page.caseFile.documents.length ? (
          <DocumentList documents={page.caseFile.documents} caption="Documents of the plan's case file" readLink={readLink} />
        ) : null}
        {actions.proceedWithoutCaseFile ? (
          <>
            <h3>Go ahead without it</h3>
            <p>The plan's case file is late. You may let the review go ahead without it.</p>
            <ProceedWithoutCaseFileForm key={formKey} version={page.version} actionData={actionData} />
          </>
        ) : null}
      </section>

      {actions.correctClassification ? (
        <section aria-labelledby="classification-heading">
          <h2 id="classification-heading">Correct the dispute type or track</h2>
          <p>
            {page.panelSize > 1 ? `A panel of ${page.panelSize} reviewers` : "One reviewer"} for now. Correcting the dispute type or the track counts the
            running deadlines again under the rules for it, and the panel follows the dispute type.
          </p>
          <CorrectClassificationForm key={formKey} version={page.version} actionData={actionData} current={page.classification} />
        </section>
      ) : null}

      {actions.recordEligibility ? null : applicantGave}

      <CaseFileSearch answer={page.caseFileSearch} area="iro" caseId={page.id} />

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">Documents</h2>
        <DocumentList documents={page.documents} caption="Documents on this case" readLink={readLink} />
        <DocumentDetailsForms
          documents={[...page.caseFile.documents, ...page.documents].filter((document) => document.kind !== "DECISION_LETTER" && document.kind !== "NOTICE")}
          today={page.today}
          actionData={actionData}
        />
      </section>

      {page.reviewerTime.length ? (
        <section aria-labelledby="reviewer-time-heading">
          <h2 id="reviewer-time-heading">Reviewers&apos; time</h2>
          <p>The time each reviewer logged on this case, for billing. It is locked once the decision is issued.</p>
          <DataTable
            caption="Time logged by reviewers"
            captionHidden
            rows={page.reviewerTime}
            rowKey={(row) => row.reviewerId}
            columns={[
              { header: "Reviewer", cell: (row) => row.name },
              { header: "Time logged", cell: (row) => row.total },
              { header: "Entries", cell: (row) => row.entries },
            ]}
          />
        </section>
      ) : null}

      <section aria-labelledby="deadlines-heading">
        <h2 id="deadlines-heading">Deadlines</h2>
        <CaseDeadlines rows={page.deadlines} />
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <CaseTimeline items={page.timeline} />
      </section>
    </>
  );
}
