import type { EmailTemplateName } from "#emails/index";
import { checkTransition, type CaseStatus, type TransitionName } from "~/domain/case-status";
import { mergeEffects, TRANSITION_DEADLINES, type DeadlineEffects } from "~/domain/deadlines/lifecycle";
import type { Role } from "~/domain/roles";
import { audit } from "../audit.server";
import { db, type Prisma, type Tx } from "../db.server";
import { AppError, conflict, notFound } from "../errors.server";
import { applyDeadlineEffects, type ClockStart } from "../deadlines/case-clocks.server";
import { queueEmail, type QueuedEmail } from "../outbox.server";
import type { Actor } from "../request-context.server";

export interface CaseSnapshot {
  id: string;
  reference: string | null;
  status: CaseStatus;
  version: number;
}

export interface CaseChange<Result> {
  caseId: string;
  /** The version the actor saw; a different one means someone else changed the case first. */
  expectedVersion: number;
  actor: Actor & { roles: readonly Role[] };
  /** The status move, checked against the transition table; omit for changes that keep the status. */
  transition?: TransitionName;
  /** The timeline entry; its type also names the audit action (`case.<type>`). */
  event: { type: string; note?: string | null; data?: Record<string, unknown> };
  /** Other columns to set on the case with the change. */
  update?: Omit<Prisma.CaseUpdateManyMutationInput, "status" | "version">;
  /** Work that belongs to the same change (rows of other tables); runs after the case row is locked. */
  work?: (tx: Tx, before: CaseSnapshot) => Promise<Result>;
  /**
   * Clocks to meet, stop or start beyond the transition's own
   * (TRANSITION_DEADLINES), for example the compliance clock of an overturn.
   */
  deadlines?: DeadlineEffects & { startWith?: ClockStart[] };
  /** When the change happened: its event, audit row and emails carry it and clocks count from it. Defaults to now. */
  at?: Date;
  /** Emails caused by the change, queued in its transaction. */
  emails?: (before: CaseSnapshot, result: Result) => QueuedEmail<EmailTemplateName>[];
  /** A transaction to run in, when two changes must stand or fall together. */
  tx?: Tx;
}

/**
 * The only way a case changes: one transaction that checks the transition
 * and the version, updates the case, and writes its timeline event, its audit
 * row and its outgoing messages. If any part fails, none of it happened.
 */
export async function changeCase<Result = void>(change: CaseChange<Result>): Promise<{ result: Result; status: CaseStatus; version: number }> {
  if (change.tx) return changeCaseIn(change.tx, change);
  return db.$transaction((tx) => changeCaseIn(tx, change));
}

async function changeCaseIn<Result>(tx: Tx, change: CaseChange<Result>): Promise<{ result: Result; status: CaseStatus; version: number }> {
  const at = change.at ?? new Date();
  const before = await tx.case.findUnique({
    where: { id: change.caseId },
    select: { id: true, reference: true, status: true, version: true },
  });
  if (!before) throw notFound("This case");
  if (before.version !== change.expectedVersion) throw conflict();
  let toStatus: CaseStatus = before.status;
  if (change.transition) {
    const check = checkTransition(change.transition, before.status, change.actor.roles, change.event.note);
    if (!check.ok) {
      if (check.refusal === "reason-required") {
        throw new AppError("BAD_REQUEST", "Say why: a reason is required for this step.", { field: "note" });
      }
      if (check.refusal === "wrong-role") throw new AppError("FORBIDDEN", "You cannot take this step on this case.");
      throw conflict(`This step is not possible while the case is "${before.status}". Reload the page to see where it stands.`);
    }
    toStatus = check.to;
  }
  const updated = await tx.case.updateMany({
    where: { id: before.id, version: before.version },
    data: { ...change.update, status: toStatus, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw conflict();
  const result = (await change.work?.(tx, before)) as Result;
  const transitionClocks = change.transition ? TRANSITION_DEADLINES[change.transition] : undefined;
  const clocks = {
    ...mergeEffects(transitionClocks, change.deadlines),
    startWith: change.deadlines?.startWith,
  };
  if (clocks.meet.length || clocks.start.length || clocks.stopOthers || clocks.startWith?.length) {
    await applyDeadlineEffects(tx, before.id, clocks, at);
  }
  await tx.caseEvent.create({
    data: {
      caseId: before.id,
      type: change.event.type,
      fromStatus: before.status === toStatus ? null : before.status,
      toStatus: before.status === toStatus ? null : toStatus,
      actorId: change.actor.userId,
      note: change.event.note ?? null,
      data: (change.event.data ?? {}) as Prisma.InputJsonValue,
      createdAt: at,
    },
  });
  await audit(
    change.actor,
    {
      action: `case.${change.event.type}`,
      objectType: "Case",
      objectId: before.id,
      detail: {
        from: before.status,
        to: toStatus,
        reference: before.reference,
        ...change.event.data,
      },
      at,
    },
    tx,
  );
  for (const email of change.emails?.(before, result) ?? []) await queueEmail(tx, { ...email, caseId: email.caseId ?? before.id, at });
  return { result, status: toStatus, version: before.version + 1 };
}
