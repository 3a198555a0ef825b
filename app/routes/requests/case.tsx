import { useTranslation } from "react-i18next";
import { Link, redirect } from "react-router";
import { Notice } from "~/components/forms";
import type { Route } from "./+types/case";
import { InformationRequests } from "~/components/information-requests";
import { CaseDeadlines } from "~/components/case-deadlines";
import { CaseTimeline } from "~/components/case-timeline";
import { CertificationToDo } from "~/components/certification-to-do";
import { DocumentList, DocumentUploader } from "~/components/document-uploader";
import { APPLICANT_DOCUMENT_KINDS } from "~/domain/documents/document-kinds";
import { Icon, type IconName } from "~/components/icon";
import type { Outcome } from "~/domain/next-steps";
import { applicantCasePage } from "~/server/requests/case-page.server";
import { actorOf } from "~/server/session.server";
import { signedInUser } from "~/server/role-areas.server";
import { CaseStatusBadge } from "~/components/status-badge";
import { translateMessage } from "~/i18n/i18n";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import { requestLocale } from "~/server/i18n/locale.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Your request"))];

const NOTICES = {
  answered: msg("Thank you. Your answer was sent to the review organization."),
  withdrawn: msg("Your request was withdrawn. We told your health plan and the review organization."),
} as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = signedInUser(context);
  const page = await applicantCasePage(user, params.caseId, actorOf(user, request), new Date(), await requestLocale(request, user));
  if (page.kind === "draft") throw redirect(page.resumePath);
  const done = new URL(request.url).searchParams.get("done");
  return { ...page, notice: done === "answered" || done === "withdrawn" ? NOTICES[done] : null };
}

const OUTCOME_ICONS: Record<Outcome, IconName> = { OVERTURNED: "check", OVERTURNED_IN_PART: "half", UPHELD: "cross" };

export default function ApplicantCase({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const page = loaderData;
  const waiting = page.informationRequests.filter((item) => !item.answered);
  return (
    <>
      <p>
        <Link to="/requests">{t("Back to my requests")}</Link>
      </p>
      <h1>{t("Request {reference}", { reference: page.reference })}</h1>
      <p className="lead">
        {page.service ?? t("Service not entered")}
        {page.planName ? ` · ${page.planName}` : null}
        {page.filed ? ` · ${t("filed {time}", { time: page.filed })}` : null}
      </p>
      {page.notice ? <Notice tone="success">{translateMessage(t, page.notice)}</Notice> : null}
      {page.certificationNeeded ? (
        <CertificationToDo
          caseId={page.id}
          organizationName={page.certificationNeeded.organizationName}
          organizationPhone={page.certificationNeeded.organizationPhone}
          upload={page.addDocuments}
        />
      ) : null}

      <section className="card space-below-xl" aria-labelledby="status-heading">
        <h2 id="status-heading">{t("Where your request stands")}</h2>
        <p>
          <CaseStatusBadge status={page.status} />{" "}
          {page.expedited ? <span className="badge badge--danger">{t("Expedited")}</span> : <span className="badge">{t("Standard")}</span>}
        </p>
        <p className="flush-bottom">{page.nextStep}</p>
      </section>

      {page.decision ? (
        <section aria-labelledby="decision-heading">
          <h2 id="decision-heading">{t("The decision")}</h2>
          {page.decision.result ? (
            <div className={`result result--${page.decision.result.outcome === "UPHELD" ? "upheld" : "overturned"}`}>
              <h3 className="result__headline">
                <Icon name={OUTCOME_ICONS[page.decision.result.outcome]} /> {page.decision.result.headline}
              </h3>
              <p>{page.decision.result.meaning}</p>
              {page.decision.decided ? <p className="muted flush-bottom">{t("Issued on {time}.", { time: page.decision.decided })}</p> : null}
            </div>
          ) : page.decision.decided ? (
            <p>{t("Issued on {time}.", { time: page.decision.decided })}</p>
          ) : null}
          {page.decision.letters.length ? (
            <DocumentList documents={page.decision.letters} caption={t("Decision letter")} />
          ) : (
            <p>{t("The decision letter will appear here as soon as it is ready.")}</p>
          )}
        </section>
      ) : null}

      {page.informationRequests.length ? (
        <section aria-labelledby="information-heading">
          <h2 id="information-heading">{t("Requests for information")}</h2>
          {waiting.length && page.canAnswer ? (
            <p>{t("We need more information from you to review your request. Answer each question below before its due date.")}</p>
          ) : null}
          <InformationRequests
            items={page.informationRequests}
            heading={(_item, index) => t("Request {number}", { number: index + 1 })}
            waiting={t("Waiting for your answer")}
            answerLabel={t("Your answer")}
            actions={(item, index) =>
              !item.answered && page.canAnswer ? (
                <p className="flush-bottom">
                  <Link className="button" to={`/requests/${page.id}/information/${item.id}`}>
                    {t("Answer request {number}", { number: index + 1 })}
                  </Link>
                </p>
              ) : null
            }
          />
        </section>
      ) : null}

      <section aria-labelledby="deadlines-heading">
        <h2 id="deadlines-heading">{t("Deadlines")}</h2>
        <CaseDeadlines rows={page.deadlines} caption={t("Deadlines on your request")} />
      </section>

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t("Documents")}</h2>
        <DocumentList documents={page.documents.own} caption={t("Documents you sent")} />
        <section className="card space-above" aria-labelledby="add-documents-heading">
          <h3 id="add-documents-heading" className="flush-top">
            {t("Add documents")}
          </h3>
          {page.addDocuments.opens ? (
            <dl className="summary">
              <dt>{t("Window opened")}</dt>
              <dd>{page.addDocuments.opens}</dd>
              <dt>{t("Window closes")}</dt>
              <dd>{page.addDocuments.closes}</dd>
            </dl>
          ) : null}
          <p>{page.addDocuments.explanation}</p>
          {page.addDocuments.open ? <DocumentUploader caseId={page.id} kinds={APPLICANT_DOCUMENT_KINDS} label={t("Add documents to your request")} /> : null}
        </section>
        {page.documents.others.length ? (
          <div className="space-above">
            <DocumentList documents={page.documents.others} caption={t("Documents from your health plan and the review organization")} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t("What has happened so far")}</h2>
        <CaseTimeline items={page.timeline} />
      </section>

      {page.canWithdraw ? (
        <section aria-labelledby="withdraw-heading">
          <h2 id="withdraw-heading">{t("Withdraw your request")}</h2>
          <p>{t("If you no longer want an independent review, you can withdraw your request until the decision is issued.")}</p>
          <p>
            <Link className="button button--secondary" to={`/requests/${page.id}/withdraw`}>
              {t("Withdraw this request")}
            </Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
