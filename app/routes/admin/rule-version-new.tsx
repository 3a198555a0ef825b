import { useMemo } from "react";
import { Link, useActionData } from "react-router";
import type { Route } from "./+types/rule-version-new";
import { describedByFor, FieldFrame, Form, FormError, SubmitButton, TextField, useZodForm, type AnyForm } from "~/components/forms";
import {
  describeDuration,
  durationIn,
  formatLocalDate,
  RULE_DURATION_SLOTS,
  TRACK_LABELS,
  unitLabel,
  type RuleDuration,
  type RuleDurationSlot,
  type RuleSet,
} from "~/domain/rule-profiles";
import { ruleProfileCodeSchema, ruleVersionFormValues, ruleVersionSchema } from "~/schemas/rules";
import { notFound } from "~/server/errors.server";
import { createRuleVersion, ruleVersionDraft, ruleVersionLimits } from "~/server/rules/rule-versions.server";
import { actorOf } from "~/server/session.server";
import { submitForm } from "~/server/route-answers.server";
import { signedInUser } from "~/server/role-areas.server";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `New version: ${data?.name ?? "rule profile"} | Independent Medical Review` }];
}

function profileCode(params: { code: string }) {
  const code = ruleProfileCodeSchema.safeParse(params.code);
  if (!code.success) throw notFound("This rule profile");
  return code.data;
}

export async function loader({ params }: Route.LoaderArgs) {
  return ruleVersionDraft(profileCode(params));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const admin = signedInUser(context);
  const code = profileCode(params);
  return submitForm(request, ruleVersionSchema(await ruleVersionLimits(code)), async (rules) => {
    const created = await createRuleVersion(code, rules, actorOf(admin, request));
    return `/admin/rules?profile=${code}&created=${created.version}`;
  });
}

export default function NewRuleVersion({ loaderData }: Route.ComponentProps) {
  const { name, timeZone, latest, limits } = loaderData;
  const actionData = useActionData<typeof action>();
  const schema = useMemo(() => ruleVersionSchema(limits), [limits]);
  const zod = useZodForm(schema, { actionData, defaultValues: ruleVersionFormValues(latest) });
  const earliest =
    limits.latest && limits.latest.effectiveDate >= limits.today
      ? `after ${formatLocalDate(limits.latest.effectiveDate)}`
      : `${formatLocalDate(limits.today)} or later`;
  return (
    <>
      <h1>New version of the {name} rules</h1>
      <p>
        The form starts from version {latest.version} (in force from {latest.effective}). Change what the regulator changed, then choose when the new version
        takes effect. Cases filed before that date keep the version they were filed under.
      </p>
      <FormError message={zod.formError} />
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <TextField
          zod={zod}
          name="effectiveDate"
          label="Takes effect on"
          type="date"
          required
          hint={`From the start of that day in the organization's time zone (${timeZone}): ${earliest}.`}
        />
        <div className="table-wrap space-below-lg">
          <table>
            <caption>Time allowed by each rule</caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Track</th>
                <th scope="col">Amount</th>
                <th scope="col">Unit</th>
                <th scope="col">Version {latest.version}</th>
              </tr>
            </thead>
            <tbody>
              {RULE_DURATION_SLOTS.map((slot) => (
                <DurationRow key={slot.amountField} zod={zod} slot={slot} current={latest.rules} />
              ))}
            </tbody>
          </table>
        </div>
        <TextField zod={zod} name="regulatorName" label="Regulator's name" required />
        <TextField
          zod={zod}
          name="regulatorContact"
          label="How applicants reach the regulator"
          hint="Phone number, website or address, as letters print it."
          required
        />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>Save the new version</SubmitButton>
          <Link to="/admin/rules">Cancel</Link>
        </div>
      </Form>
    </>
  );
}

function describeDurationOrAbsence(duration: RuleDuration | null, slot: RuleDurationSlot): string {
  return duration ? describeDuration(duration) : (slot.rule.whenAbsent ?? "none");
}

// The field names come from the rule definitions, so the form's type is only known at runtime.
function DurationRow({ zod, slot, current }: { zod: AnyForm; slot: RuleDurationSlot; current: RuleSet }) {
  const name = slot.track ? `${slot.rule.label}, ${TRACK_LABELS[slot.track].toLowerCase()} track` : slot.rule.label;
  const amountId = `field-${slot.amountField}`;
  const unitId = `field-${slot.unitField}`;
  const amountError = zod.errorFor(slot.amountField);
  const unitError = zod.errorFor(slot.unitField);
  const firstOfRule = slot.track !== "expedited";
  return (
    <tr>
      {firstOfRule ? (
        <th scope="row" rowSpan={slot.track ? 2 : 1}>
          {slot.rule.label}
        </th>
      ) : null}
      <td>{slot.track ? TRACK_LABELS[slot.track] : "Both"}</td>
      <td>
        <FieldFrame id={amountId} label={`${name}: amount`} labelHidden error={amountError} className="field--in-cell duration-amount">
          <input
            id={amountId}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={amountError ? true : undefined}
            aria-describedby={describedByFor(amountId, undefined, amountError)}
            defaultValue={zod.valueFor(slot.amountField)}
            {...zod.form.register(slot.amountField)}
          />
        </FieldFrame>
      </td>
      <td>
        <FieldFrame id={unitId} label={`${name}: unit`} labelHidden error={unitError} className="field--in-cell duration-unit">
          <select
            id={unitId}
            aria-invalid={unitError ? true : undefined}
            aria-describedby={describedByFor(unitId, undefined, unitError)}
            defaultValue={zod.valueFor(slot.unitField)}
            {...zod.form.register(slot.unitField)}
          >
            {slot.rule.units.map((unit) => (
              <option key={unit} value={unit}>
                {unitLabel(unit)}
              </option>
            ))}
          </select>
        </FieldFrame>
      </td>
      <td>{describeDurationOrAbsence(durationIn(current, slot), slot)}</td>
    </tr>
  );
}
