import { Link, useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/profile";
import { AffiliationSection } from "~/components/roster/affiliation-section";
import { afterChange, RosterNotice } from "~/components/roster/notice";
import { UnavailabilitySection } from "~/components/roster/unavailability-section";
import { LICENSE_STATUS_LABELS, stateName } from "~/domain/roster";
import { formatLocalDate } from "~/domain/rule-profiles";
import { selfServiceIntentSchema } from "~/schemas/roster";
import { rosterForms } from "~/server/reviewers/roster-changes.server";
import { reviewerProfilePage } from "~/server/reviewers/roster.server";
import { readForm } from "~/server/forms.server";
import { actorOf } from "~/server/session.server";
import { signedInUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "My profile | Independent Medical Review" }];
}

/** A reviewer's own profile: always theirs, whatever the request names. */
export async function loader({ context }: Route.LoaderArgs) {
  const user = signedInUser(context);
  const page = await reviewerProfilePage(user.id);
  return { reviewer: page.reviewer, plans: page.plans };
}

/** Reviewers keep their availability and add affiliations (removing one is a request); credentials are the organization's to verify. */
export async function action({ request, context }: Route.ActionArgs) {
  const user = signedInUser(context);
  const intent = selfServiceIntentSchema.safeParse((await readForm(request.clone())).get("intent"));
  if (!intent.success)
    throw new Response("You can change your availability and affiliations here; ask the review organization for anything else.", { status: 403 });
  const forms = rosterForms(user.id, actorOf(user, request), (done) => afterChange("/review/profile", done, Date.now()));
  return forms[intent.data](request);
}

export default function MyProfile({ loaderData }: Route.ComponentProps) {
  const { reviewer, plans } = loaderData;
  const actionData = useActionData<typeof action>();
  const formKey = useSearchParams()[0].get("at") ?? "";
  return (
    <>
      <p>
        <Link to="/review">Back to my reviews</Link>
      </p>
      <h1>My profile</h1>
      <p className="lead">Keep your availability and your affiliations up to date, so you are only offered cases you can take.</p>
      <RosterNotice actionData={actionData} />
      <section aria-labelledby="on-file">
        <h2 id="on-file">Credentials on file</h2>
        <p>The review organization's administrators verify and record these. Write to your coordinator if something has changed.</p>
        <dl className="summary">
          <dt>Primary specialty</dt>
          <dd>{reviewer.primarySpecialty || "Not recorded"}</dd>
          <dt>Qualifications</dt>
          <dd>{reviewer.credentials || "Not recorded"}</dd>
          <dt>Board certifications</dt>
          <dd>
            {reviewer.certifications.length
              ? reviewer.certifications
                  .map(
                    (certification) => `${certification.specialtyName}${certification.expiresOn ? ` (until ${formatLocalDate(certification.expiresOn)})` : ""}`,
                  )
                  .join("; ")
              : "None recorded"}
          </dd>
          <dt>Licenses</dt>
          <dd>
            {reviewer.licenses.length
              ? reviewer.licenses
                  .map(
                    (license) =>
                      `${stateName(license.state)} ${license.number}, ${LICENSE_STATUS_LABELS[license.status].toLowerCase()}, until ${formatLocalDate(license.expiresOn)}`,
                  )
                  .join("; ")
              : "None recorded"}
          </dd>
          <dt>Credentials last verified</dt>
          <dd>{reviewer.credentialsVerifiedOn ? formatLocalDate(reviewer.credentialsVerifiedOn) : "Not yet"}</dd>
          <dt>Cases at once</dt>
          <dd>
            {reviewer.workload} of {reviewer.capacity}
          </dd>
        </dl>
      </section>
      <UnavailabilitySection key={`unavailability-${formKey}`} periods={reviewer.unavailability} actionData={actionData} />
      <AffiliationSection key={`affiliation-${formKey}`} affiliations={reviewer.affiliations} plans={plans} actionData={actionData} removal="request" />
    </>
  );
}
