import { Form as PlainForm, Link, useActionData } from "react-router";
import type { Route } from "./+types/holidays";
import { DataTable } from "~/components/data-table";
import { Form, FormError, Notice, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { formatLocalDate } from "~/domain/rule-profiles";
import { holidaySchema, holidaysPageQuery, removeHolidaySchema } from "~/schemas/rules";
import { addHoliday, holidaysOfYear, removeHoliday } from "~/server/rules/holidays.server";
import { actorOf } from "~/server/session.server";
import { formSubmission, submitIntent } from "~/server/route-answers.server";
import { signedInUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "Holidays | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
  const query = holidaysPageQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await holidaysOfYear(query.year);
  const notice = query.added
    ? `${formatLocalDate(query.added)} is now a holiday.`
    : query.removed
      ? `${formatLocalDate(query.removed)} is no longer a holiday.`
      : null;
  return { ...page, notice, confirmRemoval: page.holidays.find((holiday) => holiday.date === query.remove) ?? null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const admin = signedInUser(context);
  const actor = actorOf(admin, request);
  return submitIntent(request, {
    add: formSubmission(holidaySchema, async (holiday) => {
      await addHoliday(holiday, actor);
      return `/admin/holidays?year=${holiday.date.slice(0, 4)}&added=${holiday.date}`;
    }),
    remove: formSubmission(removeHolidaySchema, async ({ date }) => {
      await removeHoliday(date, actor);
      return `/admin/holidays?year=${date.slice(0, 4)}&removed=${date}`;
    }),
  });
}

const SOURCE_LABELS = { FEDERAL: "US federal holiday", ADMIN: "Added by an admin" } as const;

export default function Holidays({ loaderData }: Route.ComponentProps) {
  const { year, years, holidays, notice, confirmRemoval } = loaderData;
  return (
    <>
      <h1>Holidays</h1>
      <p className="lead">Business-day deadlines skip weekends and these dates.</p>
      <p>A change here applies to deadlines that start from now on. Deadlines already running keep their due dates.</p>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {confirmRemoval ? (
        <div className="alert alert--warning" role="alert">
          <h2>
            Remove {confirmRemoval.name} on {confirmRemoval.label}?
          </h2>
          <p>That day becomes a business day for deadlines that start from now on.</p>
          <PlainForm method="post" className="actions">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="date" value={confirmRemoval.date} />
            <button type="submit" className="button button--danger">
              Yes, remove it
            </button>
            <Link to={`/admin/holidays?year=${year}`}>Keep it</Link>
          </PlainForm>
        </div>
      ) : null}
      <PlainForm method="get" className="filters" aria-label="Choose a year">
        <div className="field">
          <label htmlFor="holiday-year">Year</label>
          <select id="holiday-year" name="year" defaultValue={String(year)}>
            {years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Show
        </button>
      </PlainForm>
      <DataTable
        caption={`Holidays in ${year}`}
        rows={holidays}
        rowKey={(holiday) => holiday.date}
        columns={[
          { header: "Date", cell: (holiday) => holiday.label },
          { header: "Holiday", cell: (holiday) => holiday.name },
          { header: "Source", cell: (holiday) => SOURCE_LABELS[holiday.source] },
          {
            header: "Action",
            cell: (holiday) => (
              <Link to={`/admin/holidays?year=${year}&remove=${holiday.date}`}>
                Remove
                <span className="visually-hidden">
                  {" "}
                  {holiday.name} on {holiday.label}
                </span>
              </Link>
            ),
          },
        ]}
      />
      {holidays.length === 0 ? <p>No holidays in {year}.</p> : null}

      {/* A fresh form after each change, so the last holiday added is not offered again. */}
      <AddHoliday key={notice ?? ""} />
    </>
  );
}

function AddHoliday() {
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(holidaySchema, { actionData });
  return (
    <section aria-labelledby="add-holiday">
      <h2 id="add-holiday">Add a holiday</h2>
      <FormError message={zod.formError} />
      <Form method="post" noValidate onSubmit={zod.onSubmit} className="narrow narrow--start">
        <input type="hidden" name="intent" value="add" />
        <TextField zod={zod} name="date" label="Date" type="date" required />
        <TextField zod={zod} name="name" label="Name" hint="As staff know it, like Day after Thanksgiving." required />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>Add the holiday</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
