import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { E2E } from "./e2e-env";

let pool: pg.Pool | undefined;

/** A connection to the end-to-end server's embedded database (its password is in the run's data folder). */
export function e2eDb(): pg.Pool {
  if (!pool) {
    const secrets = JSON.parse(fs.readFileSync(path.join(E2E.dataDir, "secrets.json"), "utf8")) as { embeddedDatabasePassword: string };
    pool = new pg.Pool({
      connectionString: `postgresql://imr:${encodeURIComponent(secrets.embeddedDatabasePassword)}@127.0.0.1:${E2E.databasePort}/imr`,
      max: 3,
    });
  }
  return pool;
}

export type TestRole = "APPLICANT" | "COORDINATOR" | "REVIEWER" | "PLAN" | "ADMIN";

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  roles: TestRole[];
}

let passwordHash: Promise<string> | undefined;
export const TEST_PASSWORD = "Correct horse battery staple";

/** Creates an active user with these roles; plan users belong to the demo plan "Evergreen Health Plan". */
export async function createTestUser(roles: TestRole[]): Promise<TestUser> {
  passwordHash ??= hash(TEST_PASSWORD, { algorithm: 2 as never, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const id = crypto.randomUUID();
  const email = `e2e-${roles.join("-").toLowerCase()}-${id.slice(0, 8)}@test.example`;
  const name = `Test ${roles.map((role) => role.toLowerCase()).join(" ")} ${id.slice(0, 4)}`;
  const db = e2eDb();
  const plan = roles.includes("PLAN")
    ? (await db.query<{ id: string }>(`SELECT id FROM "HealthPlan" WHERE name = 'Evergreen Health Plan'`)).rows[0]?.id
    : null;
  await db.query(
    `INSERT INTO "User" (id, email, name, roles, "passwordHash", "emailVerifiedAt", "planId", "updatedAt")
     VALUES ($1, $2, $3, $4::"Role"[], $5, now(), $6, now())`,
    [id, email, name, roles, await passwordHash, plan ?? null],
  );
  if (roles.includes("REVIEWER")) {
    await db.query(
      `INSERT INTO "ReviewerProfile" ("userId", "primarySpecialty", credentials, "updatedAt") VALUES ($1, 'Cardiology', 'MD, test reviewer', now())`,
      [id],
    );
  }
  return { id, email, name, password: TEST_PASSWORD, roles };
}

/** Removes a test user and what hangs off it (their audit rows stay: the log is append-only). */
export async function deleteTestUser(id: string): Promise<void> {
  const db = e2eDb();
  await db.query(`DELETE FROM "ReviewerProfile" WHERE "userId" = $1`, [id]);
  await db.query(`DELETE FROM "User" WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM "Case" WHERE "applicantId" = $1)`, [id]);
}
