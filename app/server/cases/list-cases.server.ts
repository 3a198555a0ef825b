import type { CaseStatus } from "~/domain/case-status";
import { db } from "../db.server";
import type { SessionUser } from "../session.server";
import { caseAccessWhere } from "./case-access.server";

export interface CaseListItem {
  id: string;
  reference: string | null;
  status: CaseStatus;
  track: "STANDARD" | "EXPEDITED";
  serviceDescription: string | null;
  planName: string | null;
  submittedAt: Date | null;
  updatedAt: Date;
}

/** The cases this person may read, newest activity first; only the columns a list shows. */
export async function listVisibleCases(
  user: Pick<SessionUser, "id" | "roles" | "planId">,
  options: { statuses?: CaseStatus[]; take?: number } = {},
): Promise<CaseListItem[]> {
  const rows = await db.case.findMany({
    where: { AND: [caseAccessWhere(user, "case:read"), options.statuses ? { status: { in: options.statuses } } : {}] },
    select: {
      id: true,
      reference: true,
      status: true,
      track: true,
      serviceDescription: true,
      submittedAt: true,
      updatedAt: true,
      plan: { select: { name: true } },
    },
    orderBy: [{ updatedAt: "desc" }],
    take: options.take ?? 100,
  });
  return rows.map(({ plan, ...row }) => ({ ...row, planName: plan?.name ?? null }));
}
