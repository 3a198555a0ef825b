import { useTranslation } from "react-i18next";
import { DocumentUploader } from "./document-uploader";
import { CERTIFICATION_MUST_SAY } from "~/domain/requests/certification";
import { translateMessage } from "~/i18n/i18n";

/**
 * The applicant's to-do while an expedited request waits for the treating
 * doctor's certification: what it must say, that no deadline of its own
 * applies, and how it reaches the review organization (through the
 * applicant, who uploads it here).
 */
export function CertificationToDo(props: {
  caseId: string;
  organizationName: string;
  organizationPhone: string;
  /** Documents may be added now; otherwise why not. */
  upload: { open: boolean; explanation: string };
}) {
  const { caseId, organizationName, organizationPhone, upload } = props;
  const { t } = useTranslation();
  return (
    <section className="alert alert--warning space-below-xl" aria-labelledby="certification-heading">
      <h2 id="certification-heading">{t("Your doctor's certification is still needed")}</h2>
      <p>
        {t(
          "You asked for an expedited review and said the treating doctor would send their certification later. It is a signed statement by the doctor saying:",
        )}
      </p>
      <ul>
        {CERTIFICATION_MUST_SAY.map((line) => (
          <li key={line}>{translateMessage(t, line)}</li>
        ))}
      </ul>
      <p>{t("The rules set no deadline of its own for it, but send it as soon as you can: an expedited review is decided within days.")}</p>
      <h3>{t("How to send it")}</h3>
      <p>
        {t(
          "Ask the doctor to give or send the signed certification to you, then upload it here. The review organization takes it from you: doctors cannot send it to us through this portal. Questions? Call {organizationName} at {organizationPhone}.",
          { organizationName, organizationPhone },
        )}
      </p>
      {upload.open ? (
        <DocumentUploader caseId={caseId} kinds={["PHYSICIAN_CERTIFICATION"]} label={t("Upload the doctor's certification")} />
      ) : (
        <p className="flush-bottom">{upload.explanation}</p>
      )}
    </section>
  );
}
