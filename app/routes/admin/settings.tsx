import { redirect, useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/settings";
import { Form, FormError, Notice, SelectField, SubmitButton, useZodForm } from "~/components/forms";
import { timeZoneSchema } from "~/schemas/rules";
import { parseForm, rejectForm } from "~/server/forms.server";
import { setOrganizationTimeZone, timeZoneSettings } from "~/server/rules/time-zone.server";
import { actorOf } from "~/server/session.server";
import { signedInUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "Settings | Independent Medical Review" }];
}

export async function loader() {
  return timeZoneSettings();
}

export async function action({ request, context }: Route.ActionArgs) {
  const admin = signedInUser(context);
  const parsed = await parseForm(request, timeZoneSchema);
  if (!parsed.ok) return rejectForm(parsed.failure);
  const { changed } = await setOrganizationTimeZone(parsed.data.timeZone, actorOf(admin, request));
  throw redirect(changed ? "/admin/settings?saved=1" : "/admin/settings");
}

export default function Settings({ loaderData }: Route.ComponentProps) {
  const { timeZone, localNow, regions } = loaderData;
  const [searchParams] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(timeZoneSchema, { actionData, defaultValues: { timeZone } });
  return (
    <div className="page narrow">
      <h1>Settings</h1>
      {searchParams.get("saved") ? <Notice tone="success">The time zone is now {timeZone}.</Notice> : null}
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
    </div>
  );
}
