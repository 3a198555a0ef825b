import { allChecksPass } from "~/domain/quality-checks";
import { caseAccessWhere } from "../cases/case-access.server";
import { changeCase } from "../cases/change-case.server";
import { db, type Prisma } from "../db.server";
import { AppError, conflict, notFound } from "../errors.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { caseQualityChecks, latestQualityReview } from "./quality.server";

/**
 * The coordinator approves the determination after quality review. Allowed
 * only while the case is DETERMINED and every automatic check passes, as
 * re-run inside the change; the checks are kept with the approval, and the
 * summary of the findings on the case (the regulators' export). The
 * decision letter is issued next, from the approved opinions.
 */
export async function approveDetermination(options: {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  comments: string;
  /** The summary of the findings the regulators' yearly export publishes, without names. */
  findings: string;
  at?: Date;
}): Promise<void> {
  const { user, caseId } = options;
  const visible = await db.case.count({ where: { AND: [{ id: caseId }, caseAccessWhere(user, "case:decide")] } });
  if (!visible) throw notFound("This case");
  const at = options.at ?? new Date();
  if (!options.findings.trim())
    throw new AppError("BAD_REQUEST", "Summarize the findings: the regulators' yearly export publishes them.", { field: "findings" });
  await changeCase({
    caseId,
    expectedVersion: options.expectedVersion,
    actor: { ...options.actor, roles: user.roles },
    action: "approveDetermination",
    event: { type: "quality_approved", note: options.comments || null, data: { findings: options.findings } },
    update: { findings: options.findings },
    at,
    work: async (tx) => {
      // A send-back always comes between two approvals, so the latest review tells whether this determination is approved already.
      if ((await latestQualityReview(caseId, tx))?.result === "APPROVED") throw conflict("This determination is already approved.");
      const checks = await caseQualityChecks(tx, caseId);
      if (!allChecksPass(checks)) {
        const failing = checks.filter((check) => !check.passed).length;
        throw new AppError(
          "BAD_REQUEST",
          `${failing === 1 ? "One automatic check fails" : `${failing} automatic checks fail`}: fix ${failing === 1 ? "it" : "them"} or send the determination back before approving.`,
          { field: "approve" },
        );
      }
      await tx.qualityReview.create({
        data: {
          caseId,
          reviewedById: user.id,
          result: "APPROVED",
          comments: options.comments || null,
          checks: checks as unknown as Prisma.InputJsonValue,
          createdAt: at,
        },
      });
    },
  });
}
