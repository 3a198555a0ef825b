import { useTranslation } from "react-i18next";
import { Badge, CaseStatusBadge } from "~/components/status-badge";
import type { CaseStatus } from "~/domain/case-status";

/** Who, what and where a case stands: what a staff page about one case keeps in view. */
export interface CaseFacts {
  status: CaseStatus;
  expedited: boolean;
  patientName: string | null;
  serviceDescription: string | null;
  planName: string | null;
  disputeType: string | null;
}

/**
 * A staff page's title and the case's facts under it. The facts stay at the
 * top of the window while the page scrolls (app.css, .case-facts), so the
 * patient, the service, the plan and the track are in view at every form.
 */
export function CaseHeader({ title, facts }: { title: string; facts: CaseFacts }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{title}</h1>
      <section className="case-facts" aria-label={t("This case")}>
        <dl>
          <div>
            <dt>{t("Patient")}</dt>
            <dd>{facts.patientName ?? t("Not entered")}</dd>
          </div>
          <div>
            <dt>{t("Service in dispute")}</dt>
            <dd>{facts.serviceDescription ?? t("Not entered")}</dd>
          </div>
          <div>
            <dt>{t("Health plan")}</dt>
            <dd>{facts.planName ?? t("Not chosen")}</dd>
          </div>
          <div>
            <dt>{t("Track")}</dt>
            <dd>
              {facts.expedited ? (
                <Badge tone="danger" icon="alert">
                  {t("Expedited")}
                </Badge>
              ) : (
                <Badge tone="neutral" icon="clock">
                  {t("Standard")}
                </Badge>
              )}
            </dd>
          </div>
          <div>
            <dt>{t("Status")}</dt>
            <dd>
              <CaseStatusBadge status={facts.status} />
            </dd>
          </div>
          {facts.disputeType ? (
            <div>
              <dt>{t("Dispute")}</dt>
              <dd>{facts.disputeType}</dd>
            </div>
          ) : null}
        </dl>
      </section>
    </>
  );
}
