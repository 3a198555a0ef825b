import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useActionData } from "react-router";
import type { Route } from "./+types/answer-information";
import { DocumentList, DocumentUploader } from "~/components/document-uploader";
import { Form, FormError, Notice, SubmitButton, TextAreaField, useZodForm } from "~/components/forms";
import { APPLICANT_DOCUMENT_KINDS } from "~/domain/documents/document-kinds";
import { ANSWER_MAX_LENGTH, answerInformationSchema } from "~/schemas/case-actions";
import { answerInformationRequest, informationRequestPage } from "~/server/requests/answer-information.server";
import { actorOf } from "~/server/session.server";
import { submitForm } from "~/server/route-answers.server";
import { uploadFormFile } from "~/server/documents/upload-form-file.server";
import { requestTranslator } from "~/server/i18n/locale.server";
import { formFailure, readForm, requestWithFields, textFields } from "~/server/forms.server";
import { FORM_FILE_FIELDS } from "~/schemas/upload-query";
import { signedInUser } from "~/server/role-areas.server";
import { requestLocale } from "~/server/i18n/locale.server";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Answer our request for information"))];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = signedInUser(context);
  return informationRequestPage(user, params.caseId, params.requestId, actorOf(user, request), new Date(), await requestLocale(request, user));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = signedInUser(context);
  const submitted = await readForm(request);
  const fields = textFields(submitted);
  // A file chosen without JavaScript comes with the answer: it is added first, or the page stays and says why.
  const added = await uploadFormFile({
    user,
    actor: actorOf(user, request),
    caseId: params.caseId,
    informationRequestId: params.requestId,
    form: submitted,
    t: await requestTranslator(request),
  });
  if (added.kind === "refused") return formFailure(Object.fromEntries(fields), { [FORM_FILE_FIELDS.file]: added.reason });
  // The file added is a document of the answer: an answer may be that alone.
  if (added.kind === "added") fields.set("documentCount", String(Number(fields.get("documentCount") ?? 0) + 1));
  // A case that moved on reloads the page with the latest, keeping what was typed.
  return submitForm(requestWithFields(request, fields), answerInformationSchema, async ({ version, answer }) => {
    await answerInformationRequest({
      user,
      actor: actorOf(user, request),
      caseId: params.caseId,
      requestId: params.requestId,
      expectedVersion: version,
      answer,
    });
    return `/requests/${params.caseId}?done=answered`;
  });
}

export default function AnswerInformation({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const page = loaderData;
  return (
    <div className="narrow narrow--start">
      <p>
        <Link to={`/requests/${page.caseId}`}>{t("Back to request {reference}", { reference: page.reference })}</Link>
      </p>
      <h1>{t("Answer our request for information")}</h1>
      <p className="lead">{t("Request {reference}", { reference: page.reference })}</p>

      <section aria-labelledby="question-heading">
        <h2 id="question-heading">{t("What we asked")}</h2>
        <p className="multiline">{page.question}</p>
        <p>
          {page.overdue ? (
            <>
              <span className="badge badge--danger">{t("Overdue")}</span>{" "}
            </>
          ) : null}
          {page.dueText}
        </p>
      </section>

      {page.answered ? (
        <Notice tone="success">{t("You already answered this request. Thank you.")}</Notice>
      ) : page.canAnswer ? (
        <AnswerForm key={page.version} page={page} />
      ) : (
        <Notice tone="info">{t("This request is closed, so it takes no more answers.")}</Notice>
      )}
      {page.answer ? (
        <section aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t("Your answer")}</h2>
          <p className="multiline">{page.answer}</p>
        </section>
      ) : null}
      {page.answered || !page.canAnswer ? <DocumentList documents={page.documents} caption={t("Documents sent with your answer")} /> : null}
    </div>
  );
}

const ANSWER_FORM_ID = "answer-form";

// Keyed by the case version: when someone else changed the case, the form
// starts again from the latest version, with the answer the person typed.
function AnswerForm({ page }: { page: Route.ComponentProps["loaderData"] }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(answerInformationSchema, {
    defaultValues: { version: String(page.version), answer: "", documentCount: String(page.documents.length) },
    actionData,
  });
  const { setValue } = zod.form;
  const documentCount = page.documents.length;
  // Documents are added outside the form; an answer may consist of them alone.
  useEffect(() => setValue("documentCount", String(documentCount), { shouldValidate: false }), [setValue, documentCount]);
  return (
    <>
      <FormError message={zod.formError} />
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t("Documents that answer the question")}</h2>
        <p>{t("If you have papers that answer the question (a letter, records, a form), add them here. Each one is sent as soon as it is uploaded.")}</p>
        <DocumentUploader
          caseId={page.caseId}
          kinds={APPLICANT_DOCUMENT_KINDS}
          informationRequestId={page.requestId}
          label={t("Add documents to your answer")}
          formFallback={{ form: ANSWER_FORM_ID, error: actionData && "fieldErrors" in actionData ? actionData.fieldErrors[FORM_FILE_FIELDS.file] : undefined }}
        />
        {page.documents.length ? <DocumentList documents={page.documents} caption={t("Documents added to your answer")} /> : null}
      </section>
      <section aria-labelledby="write-heading">
        <h2 id="write-heading">{t("Answer in your own words")}</h2>
        {/* Without JavaScript a file chosen above goes with the answer, so the form carries files. */}
        <Form id={ANSWER_FORM_ID} method="post" encType="multipart/form-data" noValidate onSubmit={zod.onSubmit}>
          <input type="hidden" defaultValue={zod.valueFor("version")} {...zod.form.register("version")} />
          <input type="hidden" defaultValue={String(documentCount)} {...zod.form.register("documentCount")} />
          <TextAreaField
            zod={zod}
            name="answer"
            label={t("Your answer")}
            hint={t("Up to {max, number} characters. If the documents you added answer the question, you may leave this empty.", { max: ANSWER_MAX_LENGTH })}
          />
          <div className="actions">
            <SubmitButton submitting={zod.submitting}>{t("Send your answer")}</SubmitButton>
            <Link to={`/requests/${page.caseId}`}>{t("Not now")}</Link>
          </div>
        </Form>
      </section>
    </>
  );
}
