import { Fragment, type ReactNode } from "react";
import { Form, Link, useActionData } from "react-router";
import type { Route } from "./+types/publication";
import { FormError, Notice, TextAreaField, useZodForm } from "~/components/forms";
import { CaseStatusBadge } from "~/components/status-badge";
import { DETERMINATION_LABELS, DISPUTE_TYPE_LABELS, TRACK_LABELS } from "~/domain/reports/labels";
import { sexLabel } from "~/domain/requests/options";
import { publicationFields, publicationSchema } from "~/schemas/publication";
import { publicationReview, reviewPublication, type PublicationReview } from "~/server/publication/review-publication.server";
import { submitForm } from "~/server/route-answers.server";
import { idParam } from "~/server/route-params.server";
import { permittedUser } from "~/server/role-areas.server";
import { actorOf } from "~/server/session.server";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Publication: ${data?.case.reference ?? "case"} | Independent Medical Review` }];
}

const NOTICES = {
  save: "The draft is saved. Nothing is public until you approve it.",
  PUBLISHED: "Approved and published in the public library.",
  WAITING: "Approved. It is published as soon as five decisions alike are: until then no one could be told apart by it.",
} as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = permittedUser(context, "case:decide");
  const page = await publicationReview(user, idParam(params.caseId, "This case"), actorOf(user, request));
  const done = new URL(request.url).searchParams.get("done");
  return { ...page, notice: done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = permittedUser(context, "case:decide");
  const caseId = idParam(params.caseId, "This case");
  return submitForm(request, publicationSchema, async (input) => {
    const { status } = await reviewPublication({ user, actor: actorOf(user, request), caseId, expectedVersion: input.version, input });
    return `/iro/cases/${caseId}/publication?done=${input.intent === "save" ? "save" : status}`;
  });
}

/** The original findings with each removal marked, so the coordinator sees what the draft took out and why. */
function MarkedOriginal({ text, redactions }: { text: string; redactions: PublicationReview["redactions"] }) {
  const parts: ReactNode[] = [];
  let from = 0;
  for (const [index, redaction] of redactions.entries()) {
    parts.push(<Fragment key={`t${index}`}>{text.slice(from, redaction.start)}</Fragment>);
    parts.push(
      <mark key={`m${index}`} title={`Removed as ${redaction.kind}: ${redaction.replacement}`}>
        {redaction.text}
      </mark>,
    );
    from = redaction.end;
  }
  parts.push(<Fragment key="end">{text.slice(from)}</Fragment>);
  return <p className="multiline">{parts}</p>;
}

function Facts({ page }: { page: PublicationReview }) {
  const p = page.publication;
  const subcategory = p.status === "PUBLISHED" ? (p.shownDiagnosisSubcategory ?? "(category only)") : `${p.diagnosisSubcategory} (if five alike)`;
  const facts: [string, string][] = [
    ["Year", String(p.year)],
    ["Age range", p.ageRange ?? "Not given"],
    ["Gender", sexLabel(p.gender) ?? "Not given"],
    ["Diagnosis", `${p.diagnosisCategory}: ${subcategory}`],
    ["Treatment", `${p.treatmentCategory}: ${p.treatmentSubcategory}`],
    ["Determination", DETERMINATION_LABELS[p.outcome]],
    ["Type", DISPUTE_TYPE_LABELS[p.disputeType]],
    ["Track", TRACK_LABELS[p.track]],
    ["Health plan", p.planName ?? "Not given"],
    ["Days to decision", `${p.daysToDecision}${p.decidedOnTime ? " (on time)" : " (late)"}`],
  ];
  return (
    <dl className="summary">
      {facts.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

export default function Publication({ loaderData: page }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const p = page.publication;
  const zod = useZodForm(publicationFields, {
    defaultValues: { version: String(page.case.version), findings: p.findings, relativeNames: p.relativeNames.join("\n") },
    actionData,
  });
  return (
    <>
      <p>
        <Link to={`/iro/cases/${page.case.id}`}>Back to the case</Link>
      </p>
      <h1>Publication: {page.case.reference}</h1>
      <p className="lead">
        <CaseStatusBadge status={page.case.status} /> Library number {p.number} ·{" "}
        {p.status === "DRAFT" ? "Draft" : p.status === "WAITING" ? "Approved, waiting for five alike" : <Link to={`/decisions/${p.number}`}>Published</Link>}
        {page.due ? ` · Review due ${page.due.at}` : null}
      </p>
      {page.notice ? <Notice tone="success">{page.notice}</Notice> : null}

      <section className="card space-below-xl" aria-labelledby="facts-heading">
        <h2 id="facts-heading">What the library shows</h2>
        <p>Never a name, a date or an ID: the year, an age range, and the diagnosis with its subcategory only once five published decisions share it.</p>
        <Facts page={page} />
      </section>

      <div className="side-by-side">
        <section className="card space-below-xl" aria-labelledby="original-heading">
          <h2 id="original-heading">The findings as written</h2>
          <p className="muted">Marked: what the automatic redaction removed ({page.redactions.length}).</p>
          <MarkedOriginal text={page.original} redactions={page.redactions} />
        </section>

        <section className="card space-below-xl" aria-labelledby="draft-heading">
          <h2 id="draft-heading">{page.editable ? "The de-identified draft" : "As approved"}</h2>
          {page.remaining.length ? (
            <Notice tone="warning">
              The check still finds what could identify someone:{" "}
              {page.remaining.map((found, index) => (
                <Fragment key={index}>
                  {index ? ", " : null}“{found.text}” ({found.kind})
                </Fragment>
              ))}
              . Remove it unless you are sure it names no one.
            </Notice>
          ) : null}
          {page.editable ? (
            <Form method="post" noValidate onSubmit={zod.onSubmit} aria-labelledby="draft-heading">
              <FormError message={zod.formError} />
              <input type="hidden" {...zod.form.register("version")} defaultValue={String(page.case.version)} />
              <TextAreaField zod={zod} name="findings" label="Findings to publish" rows={14} required />
              <TextAreaField
                zod={zod}
                name="relativeNames"
                label="Relatives' names to remove (optional)"
                hint="One per line: a parent, a spouse, a child named in the findings. They are taken out when you save."
                rows={3}
              />
              <div className="actions">
                <button type="submit" name="intent" value="save" className="button button--secondary">
                  Save the draft
                </button>
                <button type="submit" name="intent" value="approve" className="button">
                  Approve for the public library
                </button>
              </div>
            </Form>
          ) : (
            <p className="multiline">{p.findings}</p>
          )}
        </section>
      </div>
    </>
  );
}
