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

/** A DRAFT request of the applicant with this email (by default the demo patient), for the Evergreen Health Plan. */
export async function createDraftCase(applicantEmail = "maria.lopez@example.com"): Promise<string> {
  const id = crypto.randomUUID();
  await e2eDb().query(
    `INSERT INTO "Case" (id, status, "applicantId", "planId", "serviceDescription", "updatedAt")
     SELECT $1, 'DRAFT', u.id, (SELECT id FROM "HealthPlan" WHERE name = 'Evergreen Health Plan'), 'End-to-end test draft', now()
     FROM "User" u WHERE u.email = $2`,
    [id, applicantEmail],
  );
  return id;
}

/**
 * A SUBMITTED request of the applicant with this email (by default the demo
 * patient) on the Evergreen Health Plan, with its filing on the timeline and
 * its eligibility clock running. The reference's year 2099 keeps it clear of
 * the real numbering.
 */
export async function createSubmittedCase(
  options: { applicantEmail?: string; service?: string } = {},
): Promise<{ id: string; reference: string }> {
  const db = e2eDb();
  const id = crypto.randomUUID();
  const reference = `IMR-2099-${String(crypto.randomInt(0, 1_000_000)).padStart(6, "0")}`;
  const day = 86_400_000;
  await db.query(
    `INSERT INTO "Case" (id, reference, status, "applicantId", "planId", "ruleProfileId", "serviceDescription", "disputeType",
       "procedureCodes", "diagnosisCodes", "planCaseFileNotApplicable", "submittedAt", "updatedAt")
     SELECT $1, $2, 'SUBMITTED', u.id, (SELECT id FROM "HealthPlan" WHERE name = 'Evergreen Health Plan'),
       (SELECT id FROM "RuleProfile" WHERE code = 'naic' ORDER BY version DESC LIMIT 1), $3, 'MEDICAL_NECESSITY', '{}', '{}', '{}', now(), now()
     FROM "User" u WHERE u.email = $4`,
    [id, reference, options.service ?? "End-to-end test service", options.applicantEmail ?? "maria.lopez@example.com"],
  );
  await db.query(
    `INSERT INTO "CaseEvent" (id, "caseId", type, "toStatus", "fromStatus", "actorId")
     SELECT gen_random_uuid(), $1, 'submitted', 'SUBMITTED', 'DRAFT', "applicantId" FROM "Case" WHERE id = $1`,
    [id],
  );
  await db.query(
    `INSERT INTO "CaseDeadline" (id, "caseId", kind, responsible, "startedAt", "dueAt", "atRiskAt")
     VALUES (gen_random_uuid(), $1, 'ELIGIBILITY', 'ORGANIZATION', now(), $2, $3)`,
    [id, new Date(Date.now() + 5 * day), new Date(Date.now() + 4 * day)],
  );
  return { id, reference };
}

/** A coordinator's request for information to the applicant on a case, with its clock running until `dueAt`. */
export async function createInformationRequest(caseId: string, question: string, dueAt: Date): Promise<string> {
  const db = e2eDb();
  const id = crypto.randomUUID();
  await db.query(`INSERT INTO "InformationRequest" (id, "caseId", "addressedTo", question, "dueAt") VALUES ($1, $2, 'APPLICANT', $3, $4)`, [
    id,
    caseId,
    question,
    dueAt,
  ]);
  await db.query(
    `INSERT INTO "CaseDeadline" (id, "caseId", kind, responsible, "subjectId", "startedAt", "dueAt", "atRiskAt")
     VALUES (gen_random_uuid(), $1, 'APPLICANT_INFORMATION', 'APPLICANT', $2, now(), $3, now() + (($3::timestamptz - now()) * 0.8))`,
    [caseId, id, dueAt],
  );
  return id;
}

/** Someone else changes the case (as a coordinator's note would): the version the applicant saw is now stale. */
export async function bumpCaseVersion(caseId: string): Promise<void> {
  await e2eDb().query(`UPDATE "Case" SET version = version + 1, "updatedAt" = now() WHERE id = $1`, [caseId]);
}

export interface TestFile {
  fileName: string;
  contentType: string;
  kind: "DENIAL_LETTER" | "MEDICAL_RECORDS" | "PLAN_CASE_FILE";
  bytes: Buffer;
}

/**
 * An IN_REVIEW case of the demo patient on the Evergreen Health Plan, with
 * everything the decision letter needs, its decision clock running, these
 * files stored encrypted as uploads are, and the reviewer's assignment
 * accepted with the no-conflict attestation. The coordinator looks after it
 * (and hears when it is ready for quality review). Demo accounts suit best:
 * test users with case history cannot be deleted afterwards.
 */
export async function createCaseInReview(options: {
  reviewerEmail: string;
  coordinatorEmail: string;
  files: TestFile[];
}): Promise<{ id: string; reference: string; documentIds: string[] }> {
  const { LocalDiskStorage } = await import("../../../app/server/documents/local-disk-storage.server");
  const { masterKeyFrom } = await import("../../../app/server/documents/document-cipher.server");
  const secrets = JSON.parse(fs.readFileSync(path.join(E2E.dataDir, "secrets.json"), "utf8")) as { documentKey: string };
  const storage = new LocalDiskStorage(path.join(E2E.dataDir, "documents"), masterKeyFrom(secrets.documentKey));
  const db = e2eDb();
  const id = crypto.randomUUID();
  const reference = `IMR-2099-${String(crypto.randomInt(0, 1_000_000)).padStart(6, "0")}`;
  const day = 86_400_000;
  const acceptedAt = new Date(Date.now() - 2 * day);
  await db.query(
    `INSERT INTO "Case" (id, reference, status, "applicantId", "planId", "ruleProfileId", "serviceDescription", "disputeType",
       "procedureCodes", "diagnosisCodes", "planCaseFileNotApplicable", "patientName", "patientBirthDate", "memberId", "providerName",
       "denialDate", "denialReason", "applicantStatement", "panelSize", "coordinatorId", "submittedAt", "acceptedAt", "updatedAt")
     SELECT $1, $2, 'IN_REVIEW', u.id, (SELECT id FROM "HealthPlan" WHERE name = 'Evergreen Health Plan'),
       (SELECT id FROM "RuleProfile" WHERE code = 'naic' ORDER BY version DESC LIMIT 1), 'Cardiac rehabilitation program', 'MEDICAL_NECESSITY',
       '{}', '{}', '{}', 'Maria Lopez', '1979-04-12', 'EHP-448812', 'Dr. Ann Lee', $3, 'Not medically necessary under the plan criteria.',
       'My cardiologist says I need supervised rehabilitation after my heart attack.', 1, (SELECT id FROM "User" WHERE email = $4), $5, $5, now()
     FROM "User" u WHERE u.email = 'maria.lopez@example.com'`,
    [id, reference, new Date(Date.now() - 30 * day), options.coordinatorEmail, acceptedAt],
  );
  await db.query(
    `INSERT INTO "CaseDeadline" (id, "caseId", kind, responsible, "startedAt", "dueAt", "atRiskAt")
     VALUES (gen_random_uuid(), $1, 'DECISION', 'ORGANIZATION', $2, $3, $4)`,
    [id, acceptedAt, new Date(acceptedAt.getTime() + 45 * day), new Date(acceptedAt.getTime() + 36 * day)],
  );
  const documentIds: string[] = [];
  for (const file of options.files) {
    const stored = await storage.put((async function* () {
      yield file.bytes;
    })());
    const documentId = crypto.randomUUID();
    await db.query(
      `INSERT INTO "Document" (id, "caseId", kind, "fileName", "contentType", "sizeBytes", sha256, "storageKey") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [documentId, id, file.kind, file.fileName, file.contentType, stored.sizeBytes, stored.sha256, stored.key],
    );
    documentIds.push(documentId);
  }
  await db.query(
    `INSERT INTO "ReviewerAssignment" (id, "caseId", "reviewerId", status, "offeredAt", "respondedAt", "attestedAt", attestation)
     SELECT gen_random_uuid(), $1, id, 'ACCEPTED', $3, $3, $3, 'I have no conflict of interest in this case.' FROM "User" WHERE email = $2`,
    [id, options.reviewerEmail, acceptedAt],
  );
  return { id, reference, documentIds };
}
