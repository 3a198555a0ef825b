import type { EmailTemplateName } from "#emails/index";
import { checkCaseAction, checkStatusAndRole, type CaseActionCheck, type CaseActionName, type CaseActorRole } from "~/domain/case-actions";
import type { CaseStatus } from "~/domain/case-status";
import { ACTION_DEADLINES, mergeEffects, type DeadlineEffects } from "~/domain/deadlines/lifecycle";
import { audit } from "../audit.server";
import { db, type Prisma, type Tx } from "../db.server";
import { AppError, conflict, notFound } from "../errors.server";
import { endAssignments } from "../assignment/end-assignments.server";
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
  actor: Actor & { roles: readonly CaseActorRole[] };
  /** What the actor does, checked against the state machine (case-actions.ts), which also says where it leads. */
  action: CaseActionName;
  /** The timeline entry; its type also names the audit action (`case.<type>`). */
  event: { type: string; note?: string | null; data?: Record<string, unknown> };
  /** Other columns to set on the case with the change. */
  update?: Omit<Prisma.CaseUpdateManyMutationInput, "status" | "version">;
  /** Work that belongs to the same change (rows of other tables); runs after the case row is locked. */
  work?: (tx: Tx, before: CaseSnapshot) => Promise<Result>;
  /**
   * Clocks to meet, stop or start beyond those of the status move
   * (ACTION_DEADLINES), for example the compliance clock of an overturn.
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
 * The only way a case changes: one transaction that checks the action
 * against the state machine and the version, updates the case, and writes its timeline event, its audit
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
  const check = checkCaseAction(change.action, before.status, change.actor.roles, change.event.note ?? null);
  if (!check.ok) throw refusedAction(check);
  const toStatus = check.to;
  const updated = await tx.case.updateMany({
    where: { id: before.id, version: before.version },
    data: { ...change.update, status: toStatus, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw conflict();
  const result = (await change.work?.(tx, before)) as Result;
  const moveClocks = toStatus === before.status ? undefined : ACTION_DEADLINES[change.action];
  const clocks = {
    ...mergeEffects(moveClocks, change.deadlines),
    startWith: change.deadlines?.startWith,
  };
  if (clocks.meet.length || clocks.start.length || clocks.stopOthers || clocks.startWith?.length) {
    await applyDeadlineEffects(tx, before.id, clocks, at);
  }
  if (toStatus !== before.status) await endAssignments(tx, before.id, change.action, at);
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

/** The error a refused action answers with: a missing reason is the form's fault, a wrong role forbidden, a wrong status a conflict. */
function refusedAction(check: Extract<CaseActionCheck, { ok: false }>): AppError {
  if (check.refusal === "reason-required") return new AppError("BAD_REQUEST", check.message, { field: "note" });
  if (check.refusal === "wrong-role") return new AppError("FORBIDDEN", check.message);
  return conflict(check.message);
}

/** Refuses, before any work, an action the case's status or the person's roles do not allow now. */
export function assertCaseAction(action: CaseActionName, status: CaseStatus, roles: readonly CaseActorRole[]): void {
  const check = checkStatusAndRole(action, status, roles);
  if (!check.ok) throw refusedAction(check);
}
