import { Link, useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/roster.reviewer";
import { AffiliationSection, RemovalRequestsSection } from "~/components/roster/affiliation-section";
import { CapacitySection, CertificationSection, LicenseSection, PracticeSection, SpecialtySection } from "~/components/roster/credential-sections";
import { FlagBadges } from "~/components/roster/flag-badges";
import { afterChange, RosterNotice } from "~/components/roster/notice";
import { UnavailabilitySection } from "~/components/roster/unavailability-section";
import { can } from "~/domain/permissions";
import { formatLocalDate } from "~/domain/rule-profiles";
import { isCredentialIntent } from "~/schemas/roster";
import { readForm } from "~/server/forms.server";
import { rosterForms } from "~/server/reviewers/roster-changes.server";
import { reviewerProfilePage } from "~/server/reviewers/roster.server";
import { actorOf } from "~/server/session.server";
import { submitIntent } from "~/server/route-answers.server";
import { idParam } from "~/server/route-params.server";
import { permittedUser } from "~/server/role-areas.server";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${data?.reviewer.name ?? "Reviewer"}: roster profile | Independent Medical Review` }];
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = permittedUser(context, "roster:manage");
  const reviewerId = idParam(params.reviewerId, "This reviewer");
  return { ...(await reviewerProfilePage(reviewerId)), credentialing: can(user.roles, "credentials:manage") };
}

/** One action for the page's small forms, told apart by their `intent`; credentials and taking affiliations away are administrators'. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const user = permittedUser(context, "roster:manage");
  const reviewerId = idParam(params.reviewerId, "This reviewer");
  if (isCredentialIntent((await readForm(request.clone())).get("intent"))) permittedUser(context, "credentials:manage");
  return submitIntent(
    request,
    rosterForms(reviewerId, actorOf(user, request), (intent) => afterChange(`/iro/roster/${reviewerId}`, intent, Date.now())),
  );
}

export default function ReviewerProfileEditor({ loaderData }: Route.ComponentProps) {
  const { reviewer, specialties, plans, credentialing } = loaderData;
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
      <RosterNotice actionData={actionData} />
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
      <RemovalRequestsSection requests={reviewer.removalRequests} canDecide={credentialing} />
      <PracticeSection key={`practice-${formKey}`} reviewer={reviewer} actionData={actionData} editable={credentialing} />
      <CapacitySection key={`capacity-${formKey}`} reviewer={reviewer} actionData={actionData} />
      <SpecialtySection key={`specialty-${formKey}`} reviewer={reviewer} specialties={specialties} actionData={actionData} />
      <CertificationSection key={`certification-${formKey}`} reviewer={reviewer} specialties={specialties} actionData={actionData} editable={credentialing} />
      <LicenseSection key={`license-${formKey}`} reviewer={reviewer} actionData={actionData} editable={credentialing} />
      <UnavailabilitySection key={`unavailability-${formKey}`} periods={reviewer.unavailability} actionData={actionData} />
      <AffiliationSection
        key={`affiliation-${formKey}`}
        affiliations={reviewer.affiliations}
        plans={plans}
        actionData={actionData}
        removal={credentialing ? "remove" : "none"}
      />
    </>
  );
}
