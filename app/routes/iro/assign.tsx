import { useEffect, useState } from "react";
import { Form, Link, useActionData } from "react-router";
import type { Route } from "./+types/assign";
import { DataTable } from "~/components/data-table";
import { Instant } from "~/components/instant";
import { PossibleConflicts } from "~/components/possible-conflicts";
import {
  CaseForm,
  CaseFormFields,
  FieldFrame,
  FormError,
  isConflict,
  Notice,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useCaseForm,
} from "~/components/forms";
import { specialtyMatches } from "~/domain/specialties";
import { clearConflictSchema, matchingFactsSchema, offerSchema, replaceSchema, reviewerDueDateSchema, specialtySchema } from "~/schemas/assignment";
import { assignPage } from "~/server/assignment/assign-page.server";
import { clearPossibleConflict } from "~/server/assignment/clear-possible-conflict.server";
import { offerCase } from "~/server/assignment/offer-case.server";
import { replaceReviewer } from "~/server/assignment/replace-reviewer.server";
import { saveMatchingFacts } from "~/server/assignment/save-matching-facts.server";
import { setReviewerDueDate } from "~/server/assignment/set-reviewer-due-date.server";
import { actorOf } from "~/server/session.server";
import { formSubmission, submitIntent } from "~/server/route-answers.server";
import { permittedUser } from "~/server/role-areas.server";
import { CaseHeader } from "~/components/case-header";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${data?.reference ?? "Case"}: reviewers | Independent Medical Review` }];
}

const DONE = {
  specialty: "The specialty is saved. The reviewers below are those who qualify for it.",
  facts: "The matching facts are saved. The suggestions below use them.",
  dueDate: "The internal due date is saved. The reviewer sees it on their pages.",
  offer: "The offer is sent. Each reviewer was emailed and answers in the portal.",
  replace: "The reviewer is off the case and its records are closed to them. Offer the case to someone else below.",
  clear: "The possible conflict is cleared, with your reason. The reviewer can be offered the case now.",
} as const;
type Intent = keyof typeof DONE;

const isIntent = (value: unknown): value is Intent => typeof value === "string" && value in DONE;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = permittedUser(context, "case:assign");
  const url = new URL(request.url);
  const page = await assignPage(user, params.caseId, actorOf(user, request), new Date(), url.searchParams.get("excluded") === "all" ? "all" : "specialty");
  const done = url.searchParams.get("done");
  return { ...page, notice: isIntent(done) ? DONE[done] : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = permittedUser(context, "case:assign");
  const acting = { user, actor: actorOf(user, request), caseId: params.caseId };
  const done = (intent: Intent) => `/iro/cases/${params.caseId}/assign?done=${intent}`;
  return submitIntent(request, {
    specialty: formSubmission(specialtySchema, async ({ version, specialtyNeeded }) => {
      await saveMatchingFacts({ ...acting, expectedVersion: version, facts: { specialtyNeeded } });
      return done("specialty");
    }),
    facts: formSubmission(matchingFactsSchema, async ({ intent: _intent, version, ...facts }) => {
      await saveMatchingFacts({ ...acting, expectedVersion: version, facts });
      return done("facts");
    }),
    offer: formSubmission(
      offerSchema,
      async ({ version, reviewerIds, internalDueOn }) => {
        await offerCase({ ...acting, expectedVersion: version, reviewerIds, internalDueOn });
        return done("offer");
      },
      { arrayFields: ["reviewerIds"], oneMessage: true },
    ),
    dueDate: formSubmission(reviewerDueDateSchema, async ({ version, assignmentId, internalDueOn }) => {
      await setReviewerDueDate({ ...acting, expectedVersion: version, assignmentId, internalDueOn });
      return done("dueDate");
    }),
    replace: formSubmission(replaceSchema, async ({ version, assignmentId, reason }) => {
      await replaceReviewer({ ...acting, expectedVersion: version, assignmentId, reason });
      return done("replace");
    }),
    clear: formSubmission(clearConflictSchema, async ({ version, reviewerId, reason }) => {
      await clearPossibleConflict({ ...acting, expectedVersion: version, reviewerId, reason });
      return done("clear");
    }),
  } satisfies Record<Intent, unknown>);
}

type Page = Route.ComponentProps["loaderData"];

/** The action's answer when it concerns this form (its intent, and for a replacement its reviewer). */
function answerFor(actionData: unknown, intent: Intent, assignmentId?: string) {
  const values = (actionData as { values?: Record<string, unknown> } | undefined)?.values;
  if (values?.intent !== intent || (assignmentId !== undefined && values.assignmentId !== assignmentId)) return undefined;
  return actionData as { values: Record<string, unknown>; formError?: string };
}

export default function AssignReviewers({ loaderData }: Route.ComponentProps) {
  const page = loaderData;
  const actionData = useActionData<typeof action>();
  // After a change the forms start again from the new case; after a refusal they keep what was typed.
  const formKey = String(page.version);
  return (
    <>
      <p>
        <Link to={`/iro/cases/${page.id}`}>Back to case {page.reference}</Link>
      </p>
      <CaseHeader title={`Reviewers for case ${page.reference}`} facts={page} />
      <p className="lead">{page.panelSize > 1 ? `A panel of ${page.panelSize} reviewers.` : "One reviewer."}</p>
      {page.notice ? <Notice tone="success">{page.notice}</Notice> : null}
      {page.noOffers ? <Notice tone="info">{page.noOffers}</Notice> : null}

      {page.actions.saveFacts ? (
        <section aria-labelledby="specialty-heading">
          <h2 id="specialty-heading">Specialty the case needs</h2>
          <SpecialtyForm key={`specialty-${formKey}`} page={page} actionData={actionData} />
        </section>
      ) : null}

      <CurrentReviewers key={`current-${formKey}`} page={page} actionData={actionData} />

      {page.actions.offer ? (
        <>
          <section aria-labelledby="suggestions-heading">
            <h2 id="suggestions-heading">Suggested reviewers</h2>
            <Suggestions key={`offer-${formKey}`} page={page} actionData={actionData} />
          </section>

          <PossibleConflicts
            key={`clear-${formKey}`}
            held={page.possibleConflicts ?? []}
            clearances={page.clearances}
            version={page.version}
            clearable={page.offerable}
            actionData={actionData}
          />
        </>
      ) : null}

      {page.actions.saveFacts ? (
        <section aria-labelledby="facts-heading">
          <h2 id="facts-heading">What matching needs to know</h2>
          <p>
            The names and identifiers of everyone in the dispute rule out reviewers with a declared tie to them. The provider's details start from what the
            applicant entered: correct them if the case file says otherwise.
          </p>
          <MatchingFactsForm key={`facts-${formKey}`} page={page} actionData={actionData} />
        </section>
      ) : null}

      {page.history.length ? (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">Earlier offers and reviewers</h2>
          <DataTable
            caption="Everyone this case was offered to who is no longer on it"
            rows={page.history}
            rowKey={(row) => row.id}
            columns={[
              { header: "Reviewer", cell: (row) => row.name },
              { header: "Outcome", cell: (row) => row.outcome },
              { header: "Offered", cell: (row) => <Instant at={row.offered} style="table" /> },
              { header: "Ended", cell: (row) => (row.ended ? <Instant at={row.ended} style="table" /> : "—") },
              { header: "Reason", className: "multiline", cell: (row) => row.reason ?? "—" },
              { header: "Place taken by", cell: (row) => row.replacedBy ?? "—" },
            ]}
          />
        </section>
      ) : null}
    </>
  );
}

/** Whether the page has run its scripts: the specialty search needs them, so it is not shown before. */
function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/**
 * The specialty first: the one recorded, or the one the case's codes
 * suggest. The list shows each specialty by its everyday name; once the
 * page's scripts run, a search box narrows it by any of its names.
 */
function SpecialtyForm({ page, actionData }: { page: Page; actionData: unknown }) {
  const { needed, suggested, groups } = page.specialty;
  const zod = useCaseForm(specialtySchema, {
    intent: "specialty",
    version: page.version,
    actionData,
    defaultValues: { specialtyNeeded: needed?.code ?? suggested?.code ?? "" },
  });
  const hydrated = useHydrated();
  const [query, setQuery] = useState("");
  const chosen = zod.form.watch("specialtyNeeded");
  const shown = groups
    .map((group) => ({
      label: group.board,
      options: group.options
        .filter((option) => !query.trim() || option.code === chosen || specialtyMatches(option, query))
        .map((option) => ({ value: option.code, label: option.label })),
    }))
    .filter((group) => group.options.length > 0);
  return (
    <>
      <p>
        {needed
          ? `Recorded: ${needed.label}. The suggested reviewers below are certified in it, in one of its sub-specialties, or in a similar specialty.`
          : suggested
            ? `Suggested from ${suggested.why}: ${suggested.label}. Check it against the records, change it if needed, and save it to see who qualifies.`
            : "The case's codes do not point to a specialty. Choose the specialty of the treatment in dispute to see who qualifies."}
      </p>
      <CaseForm zod={zod} intent="specialty" version={page.version}>
        {hydrated ? (
          <div className="field">
            <label htmlFor="specialty-search">Find a specialty</label>
            <p className="hint" id="specialty-search-hint">
              Type any name it goes by, such as Cardiology, ENT or Heart: the list below keeps only the matches.
            </p>
            <input
              id="specialty-search"
              type="search"
              aria-describedby="specialty-search-hint"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              // Enter narrows the list; only the button saves.
              onKeyDown={(event) => {
                if (event.key === "Enter") event.preventDefault();
              }}
            />
          </div>
        ) : null}
        <SelectField
          zod={zod}
          name="specialtyNeeded"
          label="Specialty needed"
          hint="The specialty of the treatment in dispute. Reviewers certified in it, in one of its sub-specialties, or in a similar specialty qualify."
          required
          placeholder="Choose a specialty"
          groups={shown}
        />
        <SubmitButton submitting={zod.submitting}>{needed ? "Change the specialty" : "Use this specialty"}</SubmitButton>
      </CaseForm>
    </>
  );
}

function CurrentReviewers({ page, actionData }: { page: Page; actionData: unknown }) {
  return (
    <section aria-labelledby="current-heading">
      <h2 id="current-heading">On the case now</h2>
      {page.current.length ? (
        <ul className="card-list">
          {page.current.map((reviewer) => (
            <li key={reviewer.id} className="card">
              <p className="flush-top">
                <strong>{reviewer.name}</strong>{" "}
                {reviewer.accepted ? (
                  <span className="badge badge--ok">Reviewing</span>
                ) : (
                  <span className="badge badge--warn">Offer waiting for an answer</span>
                )}
              </p>
              <p>{reviewer.status}</p>
              <p>{reviewer.internalDue ? `Internal due date: ${reviewer.internalDue.text} (our date for their determination)` : "No internal due date set."}</p>
              {reviewer.replacementNeeded ? (
                <Notice tone="warning" role="status">
                  <strong>To replace:</strong> {reviewer.replacementNeeded}
                </Notice>
              ) : null}
              {page.actions.setDueDate && page.dueDate ? <DueDateForm page={page} reviewer={reviewer} actionData={actionData} /> : null}
              {page.actions.replace ? <ReplaceForm page={page} reviewer={reviewer} actionData={actionData} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>No reviewer is on this case yet.</p>
      )}
    </section>
  );
}

/** The hint of an internal due date field: what it must come before. */
function dueDateHint(dueDate: NonNullable<Page["dueDate"]>): string {
  return `The organization's own date for the reviewer's determination, shown to them. It must be before the decision is due (${dueDate.decisionDue}).`;
}

function DueDateForm({ page, reviewer, actionData }: { page: Page; reviewer: Page["current"][number]; actionData: unknown }) {
  const answer = answerFor(actionData, "dueDate", reviewer.id);
  const current = reviewer.internalDue?.value ?? page.dueDate?.suggested ?? "";
  const zod = useCaseForm(reviewerDueDateSchema, {
    intent: "dueDate",
    version: page.version,
    actionData: answer,
    defaultValues: { assignmentId: reviewer.id, internalDueOn: current },
  });
  if (!page.dueDate) return null;
  const verb = reviewer.internalDue ? "Change the internal due date" : "Set the internal due date";
  return (
    <details open={answer !== undefined}>
      <summary>
        {verb} for {reviewer.name}
      </summary>
      <CaseForm zod={zod} intent="dueDate" version={page.version}>
        <input type="hidden" name="assignmentId" value={reviewer.id} />
        <TextField
          zod={zod}
          idPrefix={`due-${reviewer.id}`}
          name="internalDueOn"
          type="date"
          label="Internal due date"
          hint={dueDateHint(page.dueDate)}
          required
        />
        <SubmitButton submitting={zod.submitting}>Save the internal due date for {reviewer.name}</SubmitButton>
      </CaseForm>
    </details>
  );
}

function ReplaceForm({ page, reviewer, actionData }: { page: Page; reviewer: Page["current"][number]; actionData: unknown }) {
  const answer = answerFor(actionData, "replace", reviewer.id);
  const zod = useCaseForm(replaceSchema, { intent: "replace", version: page.version, actionData: answer, defaultValues: { assignmentId: reviewer.id } });
  const verb = reviewer.accepted ? "Replace" : "Withdraw the offer to";
  return (
    <details open={answer !== undefined}>
      <summary>
        {verb} {reviewer.name}
      </summary>
      <CaseForm zod={zod} intent="replace" version={page.version}>
        <input type="hidden" name="assignmentId" value={reviewer.id} />
        <TextAreaField
          zod={zod}
          idPrefix={`replace-${reviewer.id}`}
          name="reason"
          label={`Why ${reviewer.name} is taken off the case`}
          hint={
            reviewer.accepted
              ? "Kept on the case's history. The reviewer loses access to the records at once; the next offer takes their place."
              : "Kept on the case's history. The reviewer is told the offer was withdrawn."
          }
          required
        />
        <button type="submit" className="button button--danger" disabled={zod.submitting}>
          {verb} {reviewer.name}
        </button>
      </CaseForm>
    </details>
  );
}

/** The offer's internal due date field: the suggested date to start with, the refused one with its message after a refusal. */
function OfferDueDate({ page, answer }: { page: Page; answer: { values: Record<string, unknown>; fieldErrors?: Record<string, string> } | undefined }) {
  if (!page.dueDate) return null;
  const id = "offer-internalDueOn";
  const error = answer?.fieldErrors?.internalDueOn;
  const typed = answer?.values.internalDueOn;
  return (
    <FieldFrame id={id} label="Internal due date for the determination" hint={dueDateHint(page.dueDate)} error={error}>
      <input
        id={id}
        type="date"
        name="internalDueOn"
        min={page.dueDate.earliest}
        max={page.dueDate.latest}
        defaultValue={typeof typed === "string" ? typed : (page.dueDate.suggested ?? "")}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
      />
    </FieldFrame>
  );
}

function Suggestions({ page, actionData }: { page: Page; actionData: unknown }) {
  const answer = answerFor(actionData, "offer") as { values: Record<string, unknown>; formError?: string; fieldErrors?: Record<string, string> } | undefined;
  const chosen = new Set([answer?.values.reviewerIds ?? []].flat().map(String));
  if (page.suggested === null || page.excluded === null) return <p>Save the specialty the case needs (above) to see which reviewers qualify.</p>;
  const panel = page.seatsOpen > 1;
  return (
    <>
      <p>
        {page.seatsOpen === 0
          ? "The case has all the reviewers it needs. To offer it to someone else, first replace a reviewer above."
          : panel
            ? `Choose up to ${page.seatsOpen} reviewers for the panel.`
            : `The case needs ${page.panelSize > 1 ? "one more reviewer" : "one reviewer"}.`}{" "}
        Qualified reviewers come first by specialty (same before similar), then the lightest workload, then the longest since their last case. A reviewer has{" "}
        {page.offerHours} hours to answer an offer.
      </p>
      {answer?.formError && !isConflict(answer) ? <FormError message={answer.formError} /> : null}
      {page.suggested.length ? (
        // The server checks the internal due date and answers by its field, as every form here does.
        <Form method="post" noValidate>
          <CaseFormFields intent="offer" version={page.version} />
          {page.seatsOpen > 0 ? <OfferDueDate page={page} answer={answer} /> : null}
          <DataTable
            caption={`${page.suggested.length} qualified ${page.suggested.length === 1 ? "reviewer" : "reviewers"}, best first`}
            rows={page.suggested}
            rowKey={(reviewer) => reviewer.id}
            columns={[
              { header: "Reviewer", cell: (reviewer) => reviewer.name },
              { header: "Specialty fit", cell: (reviewer) => reviewer.fit },
              { header: "Workload now", cell: (reviewer) => reviewer.workload },
              { header: "Last case offered", cell: (reviewer) => (reviewer.lastCase ? <Instant at={reviewer.lastCase} style="table" /> : "Never") },
              page.seatsOpen > 0 && {
                header: "Offer",
                cell: (reviewer) =>
                  panel ? (
                    <label className="checkbox">
                      <input type="checkbox" name="reviewerIds" value={reviewer.id} defaultChecked={chosen.has(reviewer.id)} /> Choose {reviewer.name}
                    </label>
                  ) : (
                    <button type="submit" className="button" name="reviewerIds" value={reviewer.id}>
                      Offer to {reviewer.name}
                    </button>
                  ),
              },
            ]}
          />
          {panel ? (
            <p>
              <button type="submit" className="button">
                Offer the case to the chosen reviewers
              </button>
            </p>
          ) : null}
        </Form>
      ) : (
        <p>
          {page.possibleConflicts?.length
            ? "No reviewer can be offered this case until a possible conflict below is cleared."
            : "No reviewer on the roster qualifies for this case now. The reasons are below."}
        </p>
      )}
      <ExcludedReviewers page={page} excluded={page.excluded} />
    </>
  );
}

/**
 * Who the matcher left out, with every reason: by default only reviewers of
 * the case's specialty (a conflict or a full workload is what matters
 * there), with a link to everyone else that works without scripts.
 */
function ExcludedReviewers({ page, excluded }: { page: Page; excluded: NonNullable<Page["excluded"]> }) {
  const all = excluded.shown === "all";
  const others = excluded.total - excluded.ofSpecialty;
  const count = (n: number) => `${n} ${n === 1 ? "reviewer" : "reviewers"}`;
  return (
    <details open={all}>
      <summary>
        {all
          ? `${count(excluded.total)} not suggested, with the reasons (every specialty)`
          : `${count(excluded.ofSpecialty)} not suggested, with the reasons (of this specialty${others > 0 ? `; ${others} of other specialties not listed` : ""})`}
      </summary>
      {excluded.reviewers.length ? (
        <ul>
          {excluded.reviewers.map((reviewer) => (
            <li key={reviewer.id}>
              <strong>{reviewer.name}</strong>: {reviewer.reasons.join("; ")}
            </li>
          ))}
        </ul>
      ) : (
        <p>{all ? "Everyone on the roster qualifies." : "Nobody of this specialty is left out."}</p>
      )}
      {all ? (
        <p>
          <Link to={`/iro/cases/${page.id}/assign`}>Show only the reviewers of this specialty</Link>
        </p>
      ) : others > 0 ? (
        <p>
          <Link to={`/iro/cases/${page.id}/assign?excluded=all`}>Show all {count(excluded.total)} not suggested, other specialties too</Link>
        </p>
      ) : null}
    </details>
  );
}

function MatchingFactsForm({ page, actionData }: { page: Page; actionData: unknown }) {
  const zod = useCaseForm(matchingFactsSchema, { intent: "facts", version: page.version, actionData, defaultValues: page.facts });
  return (
    <CaseForm zod={zod} intent="facts" version={page.version}>
      <TextField zod={zod} name="providerName" label="Treating physician" />
      <TextField zod={zod} name="providerNpi" label="Treating physician's NPI" hint="10 digits." />
      <TextField zod={zod} name="treatingGroupName" label="Their medical group" />
      <TextField zod={zod} name="treatingGroupIdentifier" label="Medical group's NPI or tax ID" />
      <TextField zod={zod} name="providerFacility" label="Facility" hint="Where the treatment is or would be given." />
      <TextField zod={zod} name="facilityIdentifier" label="Facility's NPI or tax ID" />
      <TextField zod={zod} name="manufacturerName" label="Maker of the drug or device" hint="Leave empty when the dispute is not about a drug or device." />
      <TextField zod={zod} name="manufacturerIdentifier" label="Maker's identifier" hint="For example its tax ID or labeler code." />
      <SubmitButton submitting={zod.submitting}>Save the matching facts</SubmitButton>
    </CaseForm>
  );
}
