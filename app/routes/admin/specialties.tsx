import { useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/specialties";
import { ACTIONS_HEADER, DataTable } from "~/components/data-table";
import { failureFor, IntentForm, Notice, RemoveButton, SelectField, useZodForm } from "~/components/forms";
import { similarPairFormSchema } from "~/schemas/roster";
import { addSimilarPair, removeSimilarPair, similarSpecialtiesPage } from "~/server/reviewers/similar-specialties.server";
import { actorOf } from "~/server/session.server";
import { formSubmission, submitIntent } from "~/server/route-answers.server";
import { signedInUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "Similar specialties | Independent Medical Review" }];
}

export async function loader() {
  return similarSpecialtiesPage();
}

export async function action({ request, context }: Route.ActionArgs) {
  const admin = signedInUser(context);
  const actor = actorOf(admin, request);
  return submitIntent(request, {
    add: formSubmission(similarPairFormSchema, async (pair) => {
      await addSimilarPair(pair, actor);
      return "/admin/specialties?done=added";
    }),
    remove: formSubmission(similarPairFormSchema, async (pair) =>
      (await removeSimilarPair(pair, actor)) ? "/admin/specialties?done=removed" : "/admin/specialties",
    ),
  });
}

const NOTICES: Record<string, string> = {
  added: "The two specialties are now similar, both ways.",
  removed: "The two specialties are no longer similar.",
};

export default function SimilarSpecialties({ loaderData }: Route.ComponentProps) {
  const { specialties, pairs } = loaderData;
  const [searchParams] = useSearchParams();
  const notice = NOTICES[searchParams.get("done") ?? ""];
  return (
    <>
      <h1>Similar specialties</h1>
      <p className="lead">A reviewer certified in a specialty similar to the one a case needs may review it, after reviewers of the same specialty.</p>
      <p>A specialty's own sub-specialties always count as the same specialty. Each pair works both ways. A change applies to the next matching.</p>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <DataTable
        caption={`${pairs.length} ${pairs.length === 1 ? "pair" : "pairs"} of similar specialties`}
        rows={pairs}
        rowKey={(pair) => `${pair.first.code}|${pair.second.code}`}
        empty={<p className="muted">No pair yet: every case goes to reviewers of its own specialty.</p>}
        columns={[
          { header: "Specialty", cell: (pair) => pair.first.name },
          { header: "Similar to", cell: (pair) => pair.second.name },
          {
            header: ACTIONS_HEADER,
            cell: (pair) => (
              <RemoveButton
                intent="remove"
                fields={{ specialtyCode: pair.first.code, similarCode: pair.second.code }}
                what={`the pair ${pair.first.name} and ${pair.second.name}`}
              />
            ),
          },
        ]}
      />
      {/* A fresh form after each change, so the pair just added is not offered again. */}
      <AddPair key={searchParams.toString()} specialties={specialties} />
    </>
  );
}

function AddPair({ specialties }: { specialties: readonly { code: string; label: string }[] }) {
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(similarPairFormSchema, { actionData: failureFor(actionData, "add") });
  const options = specialties.map((specialty) => ({ value: specialty.code, label: specialty.label }));
  return (
    <section aria-labelledby="add-pair">
      <h2 id="add-pair">Add a pair</h2>
      <IntentForm zod={zod} intent="add" label="Add a pair of similar specialties" submit="Add the pair">
        <SelectField zod={zod} name="specialtyCode" label="Specialty" placeholder="Choose…" required options={options} />
        <SelectField zod={zod} name="similarCode" label="Similar to" placeholder="Choose…" required options={options} />
      </IntentForm>
    </section>
  );
}
