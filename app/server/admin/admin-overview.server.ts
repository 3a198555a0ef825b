import { ROLES, type Role } from "~/domain/roles";
import { db } from "../db.server";
import { emailTrouble } from "../outbox-alert.server";

export async function adminOverview() {
  const [users, plans, outbox, auditCount, failingEmail] = await Promise.all([
    db.user.findMany({ select: { roles: true } }),
    db.healthPlan.count(),
    db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
    db.auditLog.count({ where: { at: { gte: new Date(Date.now() - 24 * 3600_000) } } }),
    emailTrouble(),
  ]);
  const usersByRole = Object.fromEntries(ROLES.map((role) => [role, users.filter((user) => user.roles.includes(role)).length])) as Record<Role, number>;
  const outboxByStatus = Object.fromEntries(outbox.map((row) => [row.status, row._count._all]));
  return { usersByRole, plans, outboxByStatus, auditLastDay: auditCount, failingEmail };
}

export async function listUsers() {
  return db.user.findMany({
    select: {
      id: true,
      name: true,
      email: true,
      roles: true,
      emailVerifiedAt: true,
      lockedUntil: true,
      disabledAt: true,
      passwordHash: false,
      plan: { select: { name: true } },
      reviewerProfile: { select: { primarySpecialty: true } },
    },
    orderBy: [{ name: "asc" }],
    take: 500,
  });
}

export async function listPlans() {
  return db.healthPlan.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
