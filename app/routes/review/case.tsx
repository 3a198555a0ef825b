import { data, Link, redirect, useActionData, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/case";
import { CaseFileSearch } from "~/components/casefile/case-file-search";
import { Bookmarks, CaseFileTable } from "~/components/determination/case-file";
import { DocumentDetailsForms } from "~/components/document-details";
import { DeterminationForm } from "~/components/determination/determination-form";
import { DeterminationSummary } from "~/components/determination/determination-summary";
import { TimeLog } from "~/components/determination/time-log";
import { Form, FormError, Notice, SubmitButton, TextAreaField, useZodForm } from "~/components/forms";
import { requestedCitation } from "~/domain/citations";
import { DISPUTE_TYPE_LABELS, TRACK_LABELS } from "~/domain/reports/labels";
import { documentPageHref } from "~/domain/casefile/page-link";
import { zodFieldErrors } from "~/forms/form-data";
import { determinationDefaults, determinationFormValues, determinationSchema, reviewerNoteSchema } from "~/schemas/determination";
import { documentDetailsSchema, latestDocumentDate } from "~/schemas/document-details";
import { describeDocument } from "~/server/documents/describe-document.server";
import { caseFileSearchAddress } from "~/schemas/case-file-search";
import { searchCaseFile } from "~/server/casefile/search-case-file.server";
import { addReviewerNote } from "~/server/determinations/reviewer-notes.server";
import { reviewerCasePage } from "~/server/determinations/reviewer-case.server";
import { saveDeterminationDraft } from "~/server/determinations/save-determination.server";
import { submitDetermination } from "~/server/determinations/submit-determination.server";
import { reviewerCitableDocuments } from "~/server/determinations/writable-determination.server";
import { changeTimeSchema, logTimeSchema, removeTimeSchema } from "~/schemas/time-entry";
import { formFailure, nulFieldErrors, readForm } from "~/server/forms.server";
import { changeTimeEntry, logTime, removeTimeEntry } from "~/server/reviewers/log-time.server";
import { actorOf } from "~/server/session.server";
import { formSubmission, refusedForm, submitIntent } from "~/server/route-answers.server";
import { idParam } from "~/server/route-params.server";
import { signedInUser } from "~/server/role-areas.server";
import { CaseStatusBadge } from "~/components/status-badge";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${data?.case.reference ?? "Case"}: review | Independent Medical Review` }];
}

const NOTICES = {
  note: "Your note was added. Only you can see it.",
  draft: "Your draft was saved. You can come back to it at any time before you submit.",
  submitted: "Your determination was submitted.",
  determined: "Your determination was submitted. Every required opinion is in: the coordinator will now run the quality review.",
  described: "The document's author and date are saved.",
} as const;

/** Said in the time log's own section, where the page opens after logging. */
const TIME_NOTICES = {
  timeLogged: "Your time was logged.",
  timeChanged: "The entry was changed.",
  timeRemoved: "The entry was removed.",
} as const;
const TIME_INTENTS = new Set(["logTime", "changeTime", "removeTime"]);
/** Forms that answer with their own redirect: the time log and a document's author and date. */
const OWN_INTENTS = new Set([...TIME_INTENTS, "describeDocument"]);

const pick = <Notices extends Record<string, string>>(notices: Notices, key: string | null) => (key && key in notices ? notices[key as keyof Notices] : null);

/** A draft saved on its own changes nothing else on the page: the page is not read again (nor its view audited again). */
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs): boolean {
  return formData?.get("intent") === "saveDraft" ? false : defaultShouldRevalidate;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = signedInUser(context);
  const caseId = idParam(params.caseId, "This case");
  const actor = actorOf(user, request);
  const at = new Date();
  const page = await reviewerCasePage(user, caseId, actor, at);
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  const notice = pick(NOTICES, done);
  const timeNotice = pick(TIME_NOTICES, done);
  if (page.view === "outcome") return { ...page, notice, timeNotice };
  const changeTime = url.searchParams.get("changeTime");
  const caseFileSearch = await searchCaseFile({ user, actor, caseId, from: "reviewer", at, ...caseFileSearchAddress(url.searchParams) });
  return data(
    {
      ...page,
      reviewerName: user.name,
      changingTime: page.timeLog.entries.find((entry) => entry.id === changeTime) ?? null,
      cite: requestedCitation(url.searchParams, page.documents),
      caseFileSearch,
      notice,
      timeNotice,
    },
    // A query the search cannot read: the page, with the message by the field.
    { status: caseFileSearch.refused ? 400 : 200 },
  );
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = signedInUser(context);
  const caseId = idParam(params.caseId, "This case");
  const actor = actorOf(user, request);
  const page = `/review/cases/${caseId}`;
  const intent = (await readForm(request.clone())).get("intent");
  if (typeof intent === "string" && OWN_INTENTS.has(intent)) {
    const acting = { user, actor, caseId };
    const logged = (done: keyof typeof TIME_NOTICES) => `${page}?done=${done}#time-heading`;
    return submitIntent(request, {
      logTime: formSubmission(logTimeSchema, async ({ minutes, activity }) => {
        await logTime({ ...acting, minutes, activity });
        return logged("timeLogged");
      }),
      changeTime: formSubmission(changeTimeSchema, async ({ entryId, minutes, activity }) => {
        await changeTimeEntry({ ...acting, entryId, minutes, activity });
        return logged("timeChanged");
      }),
      removeTime: formSubmission(removeTimeSchema, async ({ entryId }) => {
        await removeTimeEntry({ ...acting, entryId });
        return logged("timeRemoved");
      }),
      describeDocument: formSubmission(documentDetailsSchema({ today: latestDocumentDate() }), async ({ documentId, author, authoredOn }) => {
        await describeDocument({ ...acting, documentId, author, authoredOn });
        return `${page}?done=described#document-details-heading`;
      }),
    });
  }
  const formData = await readForm(request);
  const unstorable = nulFieldErrors(formData);
  if (Object.keys(unstorable).length > 0) return formFailure({}, unstorable);

  if (formData.get("intent") === "add-note") {
    const values = { intent: "add-note", text: formData.get("text") ?? "" };
    const parsed = reviewerNoteSchema.safeParse(values);
    if (!parsed.success) return formFailure(values, zodFieldErrors(parsed.error));
    try {
      await addReviewerNote({ user, actor, caseId, text: parsed.data.text });
    } catch (error) {
      return refusedForm(values, error, { fallbackField: "text" });
    }
    throw redirect(`${page}?done=note#notes`);
  }

  const values = determinationFormValues(formData);
  const documents = await reviewerCitableDocuments(user, caseId, { actor, page: "reviewer determination" });
  const parsed = determinationSchema({ reviewerName: user.name, documents }).safeParse(values);
  if (!parsed.success) return formFailure(values, zodFieldErrors(parsed.error));
  let done: string;
  try {
    if (parsed.data.intent === "saveDraft") {
      const saved = await saveDeterminationDraft({ user, actor, caseId, input: parsed.data });
      return { draft: { savedAt: saved.savedAt.toISOString() } };
    }
    if (parsed.data.intent === "save") {
      await saveDeterminationDraft({ user, actor, caseId, input: parsed.data });
      done = "draft#determination-heading";
    } else {
      const { determined } = await submitDetermination({ user, actor, caseId, input: parsed.data });
      done = determined ? "determined" : "submitted";
    }
  } catch (error) {
    return refusedForm(values, error);
  }
  throw redirect(`${page}?done=${done}`);
}

function isFailureFor(intent: string, actionData: unknown): boolean {
  const values = (actionData as { values?: { intent?: unknown } } | undefined)?.values;
  if (intent === "add-note") return values?.intent === "add-note";
  return values !== undefined && values.intent !== "add-note" && !(typeof values.intent === "string" && OWN_INTENTS.has(values.intent));
}

const dateOnly = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const day = (date: Date | null) => (date ? dateOnly.format(new Date(date)) : null);

type PageData = Route.ComponentProps["loaderData"];

export default function ReviewerCase({ loaderData }: Route.ComponentProps) {
  return loaderData.view === "outcome" ? <DecidedCase page={loaderData} /> : <CaseInReview page={loaderData} />;
}

/** A decided or closed case: the reviewer keeps their own determination and the letter, nothing else of the case file. */
function DecidedCase({ page }: { page: Extract<PageData, { view: "outcome" }> }) {
  const kase = page.case;
  return (
    <>
      <p>
        <Link to="/review">Back to my reviews</Link>
      </p>
      <h1>Case {kase.reference}</h1>
      <section className="card space-below-xl" aria-labelledby="status-heading">
        <h2 id="status-heading">Where the case stands</h2>
        <p>
          <CaseStatusBadge status={kase.status} /> {TRACK_LABELS[kase.track]}
        </p>
        <p className="flush-bottom">
          {page.decided ? `Decided on ${page.decided}. ` : null}The review is over: you keep your determination and the decision letter. The case file is no
          longer open to you.
        </p>
      </section>
      <section aria-labelledby="letters-heading">
        <h2 id="letters-heading">The decision letter</h2>
        {page.letters.length ? (
          <ul>
            {page.letters.map((letter) => (
              <li key={letter.version}>
                <a href={`/documents/${letter.documentId}?inline=1`}>
                  {letter.version === 1 ? "The decision letter" : `Amended letter, version ${letter.version}`} (PDF)
                </a>
                , issued {letter.issued}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No letter was issued.</p>
        )}
      </section>
      <section aria-labelledby="determination-heading">
        <h2 id="determination-heading">Your determination</h2>
        {page.determination?.status === "SUBMITTED" ? (
          <>
            <p>You submitted this determination on {page.determination.submitted}.</p>
            <DeterminationSummary determination={page.determination} />
          </>
        ) : (
          <p>You did not submit a determination on this case.</p>
        )}
      </section>
      <TimeLog log={page.timeLog} open={false} changing={null} here={`/review/cases/${kase.id}`} notice={null} actionData={undefined} />
    </>
  );
}

function CaseInReview({ page }: { page: Extract<PageData, { view: "case" }> }) {
  const kase = page.case;
  const actionData = useActionData<typeof action>();
  const here = `/review/cases/${kase.id}`;
  const fromApplicant = page.documents.filter((document) => !document.fromPlan);
  const fromPlan = page.documents.filter((document) => document.fromPlan);
  const viewLink = (documentId: string) => documentPageHref("review", kase.id, documentId);
  return (
    <>
      <p>
        <Link to="/review">Back to my reviews</Link>
      </p>
      <h1>Case {kase.reference}</h1>
      <p className="lead">
        {kase.serviceDescription ?? "Service not entered"}
        {kase.plan ? ` · ${kase.plan.name}` : null}
      </p>
      {page.notice ? <Notice tone="success">{page.notice}</Notice> : null}

      <section className="card space-below-xl" aria-labelledby="status-heading">
        <h2 id="status-heading">Where the case stands</h2>
        <p>
          <CaseStatusBadge status={kase.status} />{" "}
          {kase.track === "EXPEDITED" ? <span className="badge badge--danger">Expedited</span> : <span className="badge">Standard</span>}
        </p>
        <p>{page.nextStep}</p>
        {page.internalDue ? (
          <p>
            <strong>{page.internalDue}</strong> (the review organization's internal date for your determination, ahead of the regulatory deadline below).
          </p>
        ) : null}
        {page.decision ? <p>{page.decision.text}</p> : null}
        {page.panel.size > 1 ? (
          <p className="flush-bottom">
            You are one of a panel of {page.panel.size} reviewers, each writing an independent opinion; {page.panel.submitted} of {page.panel.size} opinions are
            submitted.
          </p>
        ) : null}
      </section>

      {page.sentBack && page.determination?.status === "RETURNED" ? (
        <div className="alert alert--warning" role="region" aria-labelledby="sent-back-heading">
          <h2 id="sent-back-heading">Sent back to you: the coordinator&apos;s comments</h2>
          <p className="verbatim">{page.sentBack.comments}</p>
          <p className="muted flush">Sent back on {page.sentBack.sent}. Change your determination below and submit it again.</p>
        </div>
      ) : null}

      {/* Wide screens: the case file on the left, the determination on the right, in view while reading. */}
      <div className="review-workspace">
        <div className="review-workspace__records">
          <section aria-labelledby="request-heading">
            <h2 id="request-heading">The request</h2>
            <dl className="summary">
              <dt>Patient</dt>
              <dd>
                {kase.patientName ?? "Not entered"}
                {kase.patientBirthDate ? `, born ${day(kase.patientBirthDate)}` : null}
                {kase.patientSex ? `, ${kase.patientSex.toLowerCase()}` : null}
              </dd>
              <dt>Member ID</dt>
              <dd>
                {kase.memberId ?? "Not entered"}
                {kase.groupNumber ? ` (group ${kase.groupNumber})` : null}
              </dd>
              <dt>Filed by</dt>
              <dd>
                {kase.filedBy === "REPRESENTATIVE"
                  ? `A representative${kase.representativeRelationship ? `: ${kase.representativeRelationship}` : ""}`
                  : "The patient"}
              </dd>
              <dt>Type of dispute</dt>
              <dd>{kase.disputeType ? DISPUTE_TYPE_LABELS[kase.disputeType] : "Not recorded"}</dd>
              <dt>Track</dt>
              <dd>
                {TRACK_LABELS[kase.track]}
                {kase.track === "EXPEDITED" && kase.expeditedReason ? `: ${kase.expeditedReason}` : null}
              </dd>
              <dt>Service in dispute</dt>
              <dd>
                {kase.serviceDescription ?? "Not entered"}
                {kase.serviceDate ? ` (date of service ${day(kase.serviceDate)})` : null}
              </dd>
              {kase.procedureCodes.length ? (
                <>
                  <dt>Procedure codes</dt>
                  <dd>{kase.procedureCodes.join(", ")}</dd>
                </>
              ) : null}
              {kase.diagnosisCodes.length ? (
                <>
                  <dt>Diagnosis codes</dt>
                  <dd>{kase.diagnosisCodes.join(", ")}</dd>
                </>
              ) : null}
              <dt>Provider</dt>
              <dd>
                {[kase.providerName, kase.providerFacility, kase.providerNpi ? `NPI ${kase.providerNpi}` : null].filter(Boolean).join(", ") || "Not entered"}
              </dd>
              <dt>The plan&apos;s denial</dt>
              <dd>
                {kase.denialDate ? `Dated ${day(kase.denialDate)}` : "Date not entered"}
                {kase.planDenialReference ? `, plan reference ${kase.planDenialReference}` : null}
                {kase.denialReason ? <span className="block verbatim">{kase.denialReason}</span> : null}
              </dd>
              <dt>Internal appeal</dt>
              <dd>{kase.appealCompletedDate ? `Completed on ${day(kase.appealCompletedDate)}` : (kase.appealNotNeededReason ?? "Not recorded")}</dd>
              <dt>Why the patient disagrees</dt>
              <dd className="verbatim">{kase.applicantStatement ?? "No statement"}</dd>
            </dl>
          </section>

          <CaseFileSearch answer={page.caseFileSearch} area="review" caseId={kase.id} />

          <section aria-labelledby="case-file-heading">
            <h2 id="case-file-heading">The case file</h2>
            <p>
              Read each document here or download it. Every view is recorded.
              {kase.planCaseFileCompletedAt ? " The health plan has sent its whole case file." : null}
              {kase.proceededWithoutCaseFileAt ? " The review went ahead without the health plan's complete case file." : null}
            </p>
            <CaseFileTable caption="From the applicant" documents={fromApplicant} viewLink={viewLink} />
            <CaseFileTable caption="The health plan's case file" documents={fromPlan} viewLink={viewLink} />
            {page.editable ? <DocumentDetailsForms documents={page.documents} today={page.today} actionData={actionData} /> : null}
          </section>

          <section aria-labelledby="bookmarks-heading">
            <h2 id="bookmarks-heading">Your bookmarks</h2>
            <p>Only you can see your bookmarks and which pages you have read.</p>
            <Bookmarks bookmarks={page.bookmarks} documents={page.documents} viewLink={(id, pageNumber) => `${viewLink(id)}?page=${pageNumber}`} />
          </section>

          <section aria-labelledby="notes">
            <h2 id="notes">Your private notes</h2>
            <p>Only you can see these notes. They are not part of your determination or the decision letter.</p>
            {page.notesOpen ? <NoteForm key={page.notes.length} actionData={isFailureFor("add-note", actionData) ? actionData : undefined} /> : null}
            {page.notes.length ? (
              <ul className="indented-list">
                {page.notes.map((note) => (
                  <li key={note.id} className="space-below-sm">
                    <p className="muted flush">{note.written}</p>
                    <p className="flush verbatim">{note.text}</p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No notes yet.</p>
            )}
          </section>
        </div>
        <div className="review-workspace__writing">
          <section aria-labelledby="determination-heading">
            <h2 id="determination-heading">Your determination</h2>
            {page.editable ? (
              <DeterminationForm
                reviewerName={page.reviewerName}
                defaults={determinationDefaults(page.determination, kase.disputeType, page.cite)}
                documents={page.documents}
                bookmarks={page.bookmarks}
                actionData={isFailureFor("determination", actionData) ? actionData : undefined}
                lastSaved={page.determination?.saved ?? null}
              />
            ) : page.determination?.status === "SUBMITTED" ? (
              <>
                <p>You submitted this determination on {page.determination.submitted}. It can be changed only if the coordinator sends it back to you.</p>
                <DeterminationSummary
                  determination={{
                    ...page.determination,
                    documentsConsidered: page.determination.documentsConsidered.map((id) => ({
                      id,
                      fileName: page.documents.find((document) => document.id === id)?.fileName ?? null,
                    })),
                  }}
                />
              </>
            ) : (
              <p>The case is no longer in review, so there is nothing to write here.</p>
            )}
          </section>
          <TimeLog log={page.timeLog} open={page.timeLogOpen} changing={page.changingTime} here={here} notice={page.timeNotice} actionData={actionData} />
        </div>
      </div>
    </>
  );
}

function NoteForm({ actionData }: { actionData: unknown }) {
  const zod = useZodForm(reviewerNoteSchema, { defaultValues: { text: "" }, actionData });
  return (
    <Form method="post" noValidate onSubmit={zod.onSubmit} aria-label="Add a private note">
      <FormError message={zod.formError} />
      <input type="hidden" name="intent" value="add-note" />
      <TextAreaField zod={zod} name="text" label="New note" rows={4} />
      <SubmitButton submitting={zod.submitting}>Add the note</SubmitButton>
    </Form>
  );
}
