import { redirect, useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/settings";
import {
  CheckboxField,
  describedByFor,
  FieldFrame,
  Form,
  FormError,
  IntentForm,
  IntentSubmit,
  Notice,
  SelectField,
  SubmitButton,
  TextField,
  failureFor,
  useZodForm,
} from "~/components/forms";
import { LOGO_TYPES, ORGANIZATION_NAME_MAX_CHARS, logoPath } from "~/domain/organization-branding";
import { organizationBrandingSchema } from "~/schemas/admin";
import { autoOfferSchema, timeZoneSchema } from "~/schemas/rules";
import { autoOfferSetting, setAutoOffer } from "~/server/assignment/auto-offer-setting.server";
import { parseForm, readForm, rejectForm } from "~/server/forms.server";
import { organizationBranding, readBrandingForm, setOrganizationBranding } from "~/server/organization/organization-branding.server";
import { setOrganizationTimeZone, timeZoneSettings } from "~/server/rules/time-zone.server";
import { actorOf } from "~/server/session.server";
import { signedInUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "Settings | Independent Medical Review" }];
}

export async function loader() {
  const [timeZone, autoOfferNext, branding] = await Promise.all([timeZoneSettings(), autoOfferSetting(), organizationBranding()]);
  return {
    ...timeZone,
    autoOfferNext,
    organization: { name: branding?.name ?? "", logo: branding?.logoSha256 ? logoPath(branding.logoSha256) : null },
  };
}

/** The time zone form, the automatic next offer's (intent "auto-offer"), or the organization's name and logo (intent "organization"). */
export async function action({ request, context }: Route.ActionArgs) {
  const admin = signedInUser(context);
  const intent = (await readForm(request.clone())).get("intent");
  if (intent === "organization") {
    const parsed = await readBrandingForm(request);
    if (!parsed.ok) return rejectForm(parsed.failure);
    const { changed } = await setOrganizationBranding(parsed.data, actorOf(admin, request));
    throw redirect(changed ? "/admin/settings?saved=organization" : "/admin/settings");
  }
  if (intent === "auto-offer") {
    const parsed = await parseForm(request, autoOfferSchema);
    if (!parsed.ok) return rejectForm(parsed.failure);
    const { changed } = await setAutoOffer(parsed.data.autoOfferNext === "on", actorOf(admin, request));
    throw redirect(changed ? "/admin/settings?saved=auto-offer" : "/admin/settings");
  }
  const parsed = await parseForm(request, timeZoneSchema);
  if (!parsed.ok) return rejectForm(parsed.failure);
  const { changed } = await setOrganizationTimeZone(parsed.data.timeZone, actorOf(admin, request));
  throw redirect(changed ? "/admin/settings?saved=1" : "/admin/settings");
}

export default function Settings({ loaderData }: Route.ComponentProps) {
  const { timeZone, localNow, regions, autoOfferNext, organization } = loaderData;
  const [searchParams] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const saved = searchParams.get("saved");
  const autoOfferFailure = failureFor(actionData, "auto-offer");
  const organizationFailure = failureFor(actionData, "organization");
  const zod = useZodForm(timeZoneSchema, { actionData: autoOfferFailure || organizationFailure ? undefined : actionData, defaultValues: { timeZone } });
  const autoOffer = useZodForm(autoOfferSchema, { actionData: autoOfferFailure, defaultValues: { autoOfferNext: autoOfferNext ? "on" : "off" } });
  return (
    <div className="page narrow">
      <h1>Settings</h1>
      {saved === "organization" ? <Notice tone="success">The organization's name and logo are saved. Every page's header shows them.</Notice> : null}
      {saved === "1" ? <Notice tone="success">The time zone is now {timeZone}.</Notice> : null}
      {saved === "auto-offer" ? (
        <Notice tone="success">The next suggested reviewer is {autoOfferNext ? "now offered automatically" : "no longer offered automatically"}.</Notice>
      ) : null}
      <OrganizationForm key={`${organization.name}|${organization.logo ?? ""}`} organization={organization} actionData={organizationFailure} />
      <h2>Time zone</h2>
      <p>
        Business days, holidays and the end of each day of a deadline (11:59 PM) are counted in the organization's time zone. It is now {localNow} in {timeZone}
        .
      </p>
      <p>A change applies to deadlines that start from now on. Deadlines already running keep their due dates.</p>
      <FormError message={zod.formError} />
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <SelectField
          zod={zod}
          name="timeZone"
          label="Organization's time zone"
          groups={regions.map((group) => ({ label: group.region, options: group.zones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") })) }))}
        />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>Save the time zone</SubmitButton>
        </div>
      </Form>
      <h2>Declined and lapsed offers</h2>
      <p>
        When a reviewer declines an offer, lets it lapse, or no longer qualifies, the coordinators are emailed. With this on, the portal also offers the case at
        once to the next reviewer the matcher suggests, in the same step; when no one qualifies, the coordinators are told.
      </p>
      <IntentForm zod={autoOffer} intent="auto-offer" label="Declined and lapsed offers" submit="Save">
        <SelectField
          zod={autoOffer}
          name="autoOfferNext"
          label="Offer the next suggested reviewer automatically"
          options={[
            { value: "off", label: "Off: the coordinator offers the case" },
            { value: "on", label: "On: the portal offers it to the next suggestion" },
          ]}
        />
      </IntentForm>
    </div>
  );
}

/** The name and logo the header of every page shows; the file goes with the form (multipart) and is checked by the server. */
function OrganizationForm({ organization, actionData }: { organization: { name: string; logo: string | null }; actionData: unknown }) {
  const zod = useZodForm(organizationBrandingSchema, { actionData, defaultValues: { name: organization.name, removeLogo: false } });
  const logoError = zod.errorFor("logo");
  return (
    <section aria-labelledby="organization-heading">
      <h2 id="organization-heading">Organization</h2>
      <p>Every page's header shows the organization's logo, or its name when there is no logo, beside the portal's name.</p>
      {organization.logo ? (
        <p>
          The logo now: <img src={organization.logo} alt={organization.name} className="brand__logo" />
        </p>
      ) : null}
      <FormError message={zod.formError} />
      <Form method="post" encType="multipart/form-data" noValidate onSubmit={zod.onSubmit} className="narrow narrow--start" aria-label="Organization">
        <input type="hidden" name="intent" value="organization" />
        <TextField
          zod={zod}
          name="name"
          label="Organization name"
          hint={`Up to ${ORGANIZATION_NAME_MAX_CHARS} characters. A logo is read out by this name.`}
          required
        />
        <FieldFrame
          id="field-logo"
          label={organization.logo ? "New logo (optional)" : "Logo (optional)"}
          hint="A PNG or JPEG image of 200 KB or less."
          error={logoError}
        >
          <input
            id="field-logo"
            name="logo"
            type="file"
            accept={LOGO_TYPES.flatMap((type) => [type.contentType, ...type.extensions]).join(",")}
            aria-describedby={describedByFor("field-logo", true, logoError)}
            aria-invalid={logoError ? true : undefined}
          />
        </FieldFrame>
        {organization.logo ? <CheckboxField zod={zod} name="removeLogo" value="on" label="Remove the logo: show the name instead" /> : null}
        <div className="actions">
          <IntentSubmit intent="organization">Save the name and logo</IntentSubmit>
        </div>
      </Form>
    </section>
  );
}
