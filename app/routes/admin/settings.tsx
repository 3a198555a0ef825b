import { redirect, useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/settings";
import { Form, FormError, IntentForm, Notice, SelectField, SubmitButton, failureFor, useZodForm } from "~/components/forms";
import { autoOfferSchema, timeZoneSchema } from "~/schemas/rules";
import { autoOfferSetting, setAutoOffer } from "~/server/assignment/auto-offer-setting.server";
import { parseForm, readForm, rejectForm } from "~/server/forms.server";
import { setOrganizationTimeZone, timeZoneSettings } from "~/server/rules/time-zone.server";
import { actorOf } from "~/server/session.server";
import { signedInUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "Settings | Independent Medical Review" }];
}

export async function loader() {
  const [timeZone, autoOfferNext] = await Promise.all([timeZoneSettings(), autoOfferSetting()]);
  return { ...timeZone, autoOfferNext };
}

/** The time zone form, or the automatic next offer's (intent "auto-offer"). */
export async function action({ request, context }: Route.ActionArgs) {
  const admin = signedInUser(context);
  if ((await readForm(request.clone())).get("intent") === "auto-offer") {
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
  const { timeZone, localNow, regions, autoOfferNext } = loaderData;
  const [searchParams] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const saved = searchParams.get("saved");
  const autoOfferFailure = failureFor(actionData, "auto-offer");
  const zod = useZodForm(timeZoneSchema, { actionData: autoOfferFailure ? undefined : actionData, defaultValues: { timeZone } });
  const autoOffer = useZodForm(autoOfferSchema, { actionData: autoOfferFailure, defaultValues: { autoOfferNext: autoOfferNext ? "on" : "off" } });
  return (
    <div className="page narrow">
      <h1>Settings</h1>
      {saved === "1" ? <Notice tone="success">The time zone is now {timeZone}.</Notice> : null}
      {saved === "auto-offer" ? (
        <Notice tone="success">The next suggested reviewer is {autoOfferNext ? "now offered automatically" : "no longer offered automatically"}.</Notice>
      ) : null}
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
