import { Fragment } from "react";
import { Form, Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/case";
import { CaseDeadlines } from "~/components/case-deadlines";
import { SubmitButton } from "~/components/forms";
import { CaseFileChecklist } from "~/components/intake/case-file-checklist";
import { CaseFormError, CaseFormFields, ConflictAlert, revalidateAfterConflict, TextAreaField, useCaseForm } from "~/components/intake/fields";
import { objectionSchema } from "~/schemas/intake";
import { AppError, toResponse } from "~/server/errors.server";
import { formFailure, parseForm, rejectForm } from "~/server/forms.server";
import { objectToEligibility } from "~/server/intake/object-to-eligibility.server";
import { planCasePage } from "~/server/intake/plan-case-page.server";
import { actorOf, requireUser } from "~/server/session.server";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${data?.reference ?? "Case"} | Independent Medical Review` }];
}

export const shouldRevalidate = revalidateAfterConflict;

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const page = await planCasePage(user, params.caseId, actorOf(user, request)).catch((error: unknown) => {
    throw error instanceof AppError ? toResponse(error) : error;
  });
  return { ...page, objected: new URL(request.url).searchParams.get("done") === "objected" };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  const parsed = await parseForm(request, objectionSchema);
  if (!parsed.ok) return rejectForm(parsed.failure);
  try {
    await objectToEligibility({ user, actor: actorOf(user, request), caseId: params.caseId, expectedVersion: parsed.data.version, reason: parsed.data.reason });
  } catch (error) {
    if (error instanceof AppError && (error.code === "BAD_REQUEST" || error.code === "CONFLICT")) return formFailure(parsed.values, {}, error.message);
    throw error instanceof AppError ? toResponse(error) : error;
  }
  throw redirect(`/plan/cases/${params.caseId}?done=objected`);
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
      {page.objected ? (
        <div className="alert alert--success" role="status">
          <p style={{ margin: 0 }}>Your objection was sent to the review organization.</p>
        </div>
      ) : null}
      <section className="card" aria-labelledby="status-heading" style={{ marginBottom: "1.5rem" }}>
        <h2 id="status-heading">Where the case stands</h2>
        <p>
          <span className="badge">{page.statusLabel}</span>
        </p>
        <p style={{ marginBottom: 0 }}>{page.nextStep}</p>
      </section>

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">The case</h2>
        <dl className="summary">
          {page.summary.map((line) => (
            <Fragment key={line.label}>
              <dt>{line.label}</dt>
              <dd>{line.value}</dd>
            </Fragment>
          ))}
        </dl>
      </section>

      <section aria-labelledby="deadlines-heading">
        <h2 id="deadlines-heading">Deadlines</h2>
        <CaseDeadlines rows={page.deadlines} />
      </section>

      {page.informationRequests.length ? (
        <section aria-labelledby="information-heading">
          <h2 id="information-heading">Information asked of your plan</h2>
          <ol style={{ listStyle: "none", padding: 0, display: "grid", gap: "1rem" }}>
            {page.informationRequests.map((item, index) => (
              <li key={item.id} className="card">
                <h3 style={{ marginTop: 0 }}>Request {index + 1}</h3>
                <p style={{ whiteSpace: "pre-line" }}>{item.question}</p>
                <p style={{ marginBottom: 0 }}>
                  {item.answered ? (
                    <span className="badge badge--ok">Answered</span>
                  ) : item.overdue ? (
                    <span className="badge badge--danger">Overdue</span>
                  ) : (
                    <span className="badge badge--warn">Waiting for your answer</span>
                  )}{" "}
                  {item.dueText}
                </p>
                {item.answer ? <p style={{ whiteSpace: "pre-line" }}>{item.answer}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {page.caseFile.state !== "not_requested" ? (
        <section aria-labelledby="case-file-heading">
          <h2 id="case-file-heading">Your case file</h2>
          <p>
            <strong>{page.caseFile.label}.</strong> {page.caseFile.due ? `Due by ${page.caseFile.due}.` : null}
          </p>
          <CaseFileChecklist items={page.caseFile.items} />
        </section>
      ) : null}

      <section aria-labelledby="objection-heading">
        <h2 id="objection-heading">Objection to eligibility</h2>
        {page.objections.map((objection) => (
          <div key={objection.id} className="card" style={{ marginBottom: "1rem" }}>
            <p style={{ marginTop: 0 }}>Sent {objection.at}:</p>
            <p style={{ whiteSpace: "pre-line", marginBottom: 0 }}>“{objection.note}”</p>
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

function ObjectionForm({ version, actionData }: { version: number; actionData: unknown }) {
  const zod = useCaseForm(objectionSchema, { version, actionData });
  return (
    <Form method="post" noValidate onSubmit={zod.onSubmit}>
      <p>If you think this request should not be reviewed (for example, the member was not enrolled, or the service is a contract exclusion), tell the review organization why.</p>
      <CaseFormError message={zod.formError} />
      <CaseFormFields version={version} />
      <TextAreaField zod={zod} idPrefix="objection" name="reason" label="Why the request is not eligible" required />
      <SubmitButton submitting={zod.submitting}>Object to eligibility</SubmitButton>
    </Form>
  );
}
