import { STATUS_LABELS } from "~/domain/case-status";
import { CASE_LOG_FILE_LIMIT, caseLogInstants, caseLogRow, type LoggedCase } from "~/domain/reports/case-log";
import type { DateRange } from "~/domain/reports/timeliness";
import { db } from "../db.server";
import { AppError } from "../errors.server";
import { reportRange } from "./report-range.server";

/**
 * The case log of the cases received (filed) from `range.from` to
 * `range.to` (by default the last full month), oldest first, up to `limit`
 * lines, with how many there are in all. A range with more cases than a
 * file may hold is refused.
 */
export async function caseLog(range: DateRange | undefined, limit: number, now = new Date()) {
  const { start, end, ...period } = await reportRange(range, now);
  const where = { submittedAt: { gte: start, lt: end }, reference: { not: null } };
  const total = await db.case.count({ where });
  if (total > CASE_LOG_FILE_LIMIT)
    throw new AppError(
      "BAD_REQUEST",
      `${total.toLocaleString("en-US")} cases were received in this range: choose a range of at most ${CASE_LOG_FILE_LIMIT.toLocaleString("en-US")}.`,
      {
        field: "to",
      },
    );
  const cases = await db.case.findMany({
    where,
    orderBy: [{ submittedAt: "asc" }, { reference: "asc" }],
    take: limit,
    select: {
      reference: true,
      submittedAt: true,
      referralSource: true,
      filedBy: true,
      disputeType: true,
      serviceDescription: true,
      track: true,
      planCaseFileCompletedAt: true,
      status: true,
      outcome: true,
      decidedAt: true,
      plan: { select: { name: true } },
      deadlines: { where: { kind: "APPLICANT_INFORMATION" }, orderBy: { dueAt: "desc" }, take: 1, select: { dueAt: true } },
      decisionLetters: { orderBy: { issuedAt: "asc" }, take: 1, select: { issuedAt: true } },
      documents: { where: { kind: "NOTICE" }, orderBy: { createdAt: "asc" }, take: 1, select: { createdAt: true } },
    },
  });
  const logged = cases.map((kase): LoggedCase => ({
    reference: kase.reference!,
    receivedAt: kase.submittedAt!,
    planName: kase.plan?.name ?? null,
    referralSource: kase.referralSource,
    filedBy: kase.filedBy,
    disputeType: kase.disputeType,
    serviceDescription: kase.serviceDescription,
    track: kase.track,
    caseFileArrivedAt: kase.planCaseFileCompletedAt,
    informationDueAt: kase.deadlines[0]?.dueAt ?? null,
    statusLabel: STATUS_LABELS[kase.status],
    outcome: kase.outcome,
    decidedAt: kase.decidedAt,
    noticesSentAt: kase.decisionLetters[0]?.issuedAt ?? kase.documents[0]?.createdAt ?? null,
  }));
  const rows = logged.map((kase) => ({ ...caseLogRow(kase, period.timeZone), at: caseLogInstants(kase) }));
  return { ...period, total, rows };
}
