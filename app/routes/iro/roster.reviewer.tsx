import { data, Link, redirect, useActionData, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/roster.reviewer";
import { AffiliationSection } from "~/components/roster/affiliation-section";
import { CertificationSection, LicenseSection, PracticeSection, SpecialtySection } from "~/components/roster/credential-sections";
import { FlagBadges } from "~/components/roster/flag-badges";
import { afterChange, RosterNotice } from "~/components/roster/notice";
import { UnavailabilitySection } from "~/components/roster/unavailability-section";
import { formatLocalDate } from "~/domain/rule-profiles";
import { formDataToValues } from "~/forms/form-data";
import { ROSTER_INTENTS } from "~/schemas/roster";
import { AppError, notFound, toResponse } from "~/server/errors.server";
import { changeRoster } from "~/server/reviewers/roster-changes.server";
import { reviewerProfilePage } from "~/server/reviewers/roster.server";
import { actorOf, requirePermission } from "~/server/session.server";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${data?.reviewer.name ?? "Reviewer"}: roster profile | Independent Medical Review` }];
}

function reviewerIdOf(params: { reviewerId?: string }): string {
  const parsed = z.uuid().safeParse(params.reviewerId);
  if (!parsed.success) throw toResponse(notFound("This reviewer"));
  return parsed.data;
}

async function answered<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof AppError ? toResponse(error) : error;
  }
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requirePermission(request, "roster:manage");
  const reviewerId = reviewerIdOf(params);
  return answered(() => reviewerProfilePage(reviewerId));
}

/** One action for the page's small forms, told apart by their `intent`. */
export async function action({ request, params }: Route.ActionArgs) {
  const user = await requirePermission(request, "roster:manage");
  const reviewerId = reviewerIdOf(params);
  const values = formDataToValues(await request.formData());
  const intent = z.enum(ROSTER_INTENTS).safeParse(values.intent);
  if (!intent.success) throw new Response("Unknown action", { status: 400 });
  const result = await answered(() => changeRoster(reviewerId, intent.data, values, actorOf(user, request)));
  if (!result.ok) return data({ ...result.failure, intent: intent.data }, { status: 400 });
  throw redirect(afterChange(`/iro/roster/${reviewerId}`, intent.data, Date.now()));
}

export default function ReviewerProfileEditor({ loaderData }: Route.ComponentProps) {
  const { reviewer, specialties, plans } = loaderData;
  const actionData = useActionData<typeof action>();
  // A fresh key after each saved change empties the add forms; a refused one keeps what was typed.
  const formKey = useSearchParams()[0].get("at") ?? "";
  return (
    <>
      <p>
        <Link to="/iro/roster">Back to the roster</Link>
      </p>
      <h1>{reviewer.name}</h1>
      <p className="lead">
        {reviewer.primarySpecialty || "No primary specialty yet"}. {reviewer.email}
      </p>
      <RosterNotice />
      <dl className="summary">
        <dt>Workload</dt>
        <dd>
          {reviewer.workload} of {reviewer.capacity} cases offered or in review
        </dd>
        <dt>Available now</dt>
        <dd>{reviewer.unavailableUntil ? `No, away until ${formatLocalDate(reviewer.unavailableUntil)}` : "Yes"}</dd>
        <dt>Flags</dt>
        <dd>
          <FlagBadges flags={reviewer.flags} />
        </dd>
      </dl>
      <PracticeSection key={`practice-${formKey}`} reviewer={reviewer} actionData={actionData} />
      <SpecialtySection key={`specialty-${formKey}`} reviewer={reviewer} specialties={specialties} actionData={actionData} />
      <CertificationSection key={`certification-${formKey}`} reviewer={reviewer} specialties={specialties} actionData={actionData} />
      <LicenseSection key={`license-${formKey}`} reviewer={reviewer} actionData={actionData} />
      <UnavailabilitySection key={`unavailability-${formKey}`} periods={reviewer.unavailability} actionData={actionData} />
      <AffiliationSection key={`affiliation-${formKey}`} affiliations={reviewer.affiliations} plans={plans} actionData={actionData} />
    </>
  );
}
