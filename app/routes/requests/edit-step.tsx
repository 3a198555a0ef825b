import { useMemo, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, redirect, useActionData, useSubmit } from "react-router";
import type { Route } from "./+types/edit-step";
import { Form, FormError, Notice, useZodForm } from "~/components/forms";
import { AppealStep, DenialStep, PlanStep } from "~/components/request-steps/denial-steps";
import { StepActions, StepProgress } from "~/components/request-steps/step-frame";
import { DocumentsStep, StatementStep, UrgencyStep } from "~/components/request-steps/urgency-steps";
import { FilerStep, PatientStep } from "~/components/request-steps/who-steps";
import { isEditStep, nextStep, previousStep, stepPath, stepTitle, type EditStep, type RequestStep } from "~/domain/requests/steps";
import { translateMessage } from "~/i18n/i18n";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import { requestStepSchemas, stepIntent } from "~/schemas/request-steps";
import { AppError } from "~/server/errors.server";
import { formFailure, readForm, requestWithFields, textFields } from "~/server/forms.server";
import { requestTranslator } from "~/server/i18n/locale.server";
import { uploadFormFile } from "~/server/documents/upload-form-file.server";
import { FORM_FILE_FIELDS } from "~/schemas/upload-query";
import { draftStepPage } from "~/server/requests/draft-step-page.server";
import { draftFilingContext } from "~/server/requests/request-draft.server";
import { saveDraftStep } from "~/server/requests/save-draft-step.server";
import { actorOf } from "~/server/session.server";
import { submitForm } from "~/server/route-answers.server";
import { signedInUser } from "~/server/role-areas.server";

const HEADINGS: Record<EditStep, string> = {
  filer: msg("Who is asking for the review?"),
  patient: msg("About the patient"),
  plan: msg("The health plan"),
  denial: msg("About the denial"),
  appeal: msg("The plan's internal appeal"),
  urgency: msg("How urgent is it?"),
  statement: msg("Why do you disagree with the plan?"),
  documents: msg("Add your documents"),
};

export const meta: Route.MetaFunction = ({ params, matches }) => [pageTitle(matches, isEditStep(params.step) ? stepTitle(params.step) : msg("Your request"))];

const STEP_FORM_ID = "step-form";

function editStepOf(step: string): EditStep {
  if (!isEditStep(step)) throw new Response("Not found", { status: 404 });
  return step;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = signedInUser(context);
  if (params.step === "review") throw redirect(stepPath(params.caseId, "review"));
  const page = await draftStepPage(user, params.caseId, editStepOf(params.step), actorOf(user, request));
  if (page.kind === "filed") throw redirect(`/requests/${page.caseId}`);
  return { ...page, fromReview: new URL(request.url).searchParams.get("from") === "review" };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = signedInUser(context);
  const step = editStepOf(params.step);
  const submitted = await readForm(request);
  const intent = stepIntent(submitted.get("intent"));
  if (!intent) throw new AppError("BAD_REQUEST", msg("Use one of the step's buttons: Save and continue, Back, or Save and finish later."));
  const fromReview = submitted.get("from") === "review";
  const filing = await draftFilingContext(user, params.caseId);
  const schemas = requestStepSchemas(step, filing);
  const goTo: RequestStep =
    intent === "continue" ? (fromReview ? "review" : (nextStep(step) ?? "review")) : intent === "back" ? (previousStep(step) ?? step) : step;
  if (step === "documents") {
    // A file chosen without JavaScript comes with the button pressed: it is added first, or the step stays and says why.
    const added = await uploadFormFile({ user, actor: actorOf(user, request), caseId: params.caseId, form: submitted, t: await requestTranslator(request) });
    if (added.kind === "refused") return formFailure({}, { [FORM_FILE_FIELDS.file]: added.reason });
  }
  // Leaving a step half done keeps what was typed; only moving on needs every answer.
  return submitForm(requestWithFields(request, textFields(submitted)), intent === "continue" ? schemas.complete : schemas.draft, async (values) => {
    const saved = await saveDraftStep({ user, caseId: params.caseId, step, values, goTo, actor: actorOf(user, request) });
    if (saved === "filed") return `/requests/${params.caseId}`;
    if (intent === "later") return `/requests?saved=${encodeURIComponent(params.caseId)}`;
    if (intent === "back" && goTo === step) return "/requests";
    return stepPath(params.caseId, goTo);
  });
}

export default function EditStepPage({ loaderData }: Route.ComponentProps) {
  // A new form for each step: react-hook-form keeps its values for the life of the component.
  return <StepForm key={`${loaderData.caseId}/${loaderData.step}`} page={loaderData} />;
}

function StepForm({ page }: { page: Route.ComponentProps["loaderData"] }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const schema = useMemo(() => requestStepSchemas(page.step, page.context).complete, [page.step, page.context]);
  const zod = useZodForm(schema, { defaultValues: page.values, actionData });
  const submit = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (!submitter || submitter.value === "continue") return zod.onSubmit(event);
    // Back and "finish later" save whatever is there; the server checks only that it makes sense.
    event.preventDefault();
    void submit(submitter, { method: "post" });
  };
  const step = page.step;
  const fileError = actionData && "fieldErrors" in actionData ? actionData.fieldErrors[FORM_FILE_FIELDS.file] : undefined;
  return (
    <div className="page narrow wizard">
      <p>
        <Link to="/requests">{t("My requests")}</Link>
      </p>
      <StepProgress step={step} />
      <h1>{translateMessage(t, HEADINGS[step])}</h1>
      <FormError message={zod.formError} />
      {Object.keys(zod.form.formState.errors).length || (actionData && "fieldErrors" in actionData && Object.keys(actionData.fieldErrors).length) ? (
        <Notice tone="error">{t("Some answers need your attention. They are marked below; everything you typed is still here.")}</Notice>
      ) : null}
      {step === "documents" ? (
        <DocumentsStep
          caseId={page.caseId}
          documents={page.documents}
          checklist={page.checklist}
          stepForm={STEP_FORM_ID}
          fileError={fileError && translateMessage(t, fileError)}
        />
      ) : null}
      {/* Without JavaScript the documents step's file goes with its buttons, so that form carries files. */}
      <Form id={STEP_FORM_ID} method="post" encType={step === "documents" ? "multipart/form-data" : undefined} noValidate onSubmit={onSubmit}>
        {page.fromReview ? <input type="hidden" name="from" value="review" /> : null}
        {step === "filer" ? <FilerStep zod={zod} /> : null}
        {step === "patient" ? <PatientStep zod={zod} /> : null}
        {step === "plan" ? <PlanStep zod={zod} plans={page.plans} /> : null}
        {step === "denial" ? <DenialStep zod={zod} context={page.context} profileName={page.profileName} /> : null}
        {step === "appeal" ? <AppealStep zod={zod} /> : null}
        {step === "urgency" ? <UrgencyStep zod={zod} /> : null}
        {step === "statement" ? <StatementStep zod={zod} /> : null}
        <StepActions back={previousStep(step) !== null} submitting={zod.submitting} />
      </Form>
      <p className="muted">{t("Your answers are saved on every button press. You can finish on another phone or computer by signing in there.")}</p>
    </div>
  );
}
