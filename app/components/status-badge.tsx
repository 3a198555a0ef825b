import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Icon, type IconName } from "~/components/icon";
import { STATUS_LABELS, type CaseStatus } from "~/domain/case-status";
import { translateMessage } from "~/i18n/i18n";

export type BadgeTone = "neutral" | "info" | "progress" | "ok" | "warn" | "danger";

/** A state written out, with a colour and an icon of its own, so neither colour nor icon is the only cue. */
export function Badge({ tone, icon, children }: { tone: BadgeTone; icon: IconName; children: ReactNode }) {
  return (
    <span className={`badge badge--${tone}`}>
      <Icon name={icon} />
      {children}
    </span>
  );
}

// Waiting on the organization, under review, ended well for the request, ended otherwise.
const CASE_STATUS_BADGES: Record<CaseStatus, { tone: BadgeTone; icon: IconName }> = {
  DRAFT: { tone: "neutral", icon: "dot" },
  SUBMITTED: { tone: "info", icon: "clock" },
  ELIGIBILITY_REVIEW: { tone: "info", icon: "clock" },
  ACCEPTED: { tone: "progress", icon: "progress" },
  IN_REVIEW: { tone: "progress", icon: "progress" },
  DETERMINED: { tone: "progress", icon: "progress" },
  DECIDED: { tone: "ok", icon: "check" },
  CLOSED: { tone: "ok", icon: "check" },
  REVERSED_BY_PLAN: { tone: "ok", icon: "check" },
  INELIGIBLE: { tone: "danger", icon: "cross" },
  WITHDRAWN: { tone: "neutral", icon: "dash" },
};

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  const { tone, icon } = CASE_STATUS_BADGES[status];
  return (
    <Badge tone={tone} icon={icon}>
      {translateMessage(t, STATUS_LABELS[status])}
    </Badge>
  );
}
