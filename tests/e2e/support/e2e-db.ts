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

/**
 * An ACCEPTED case of the demo patient on the Evergreen Health Plan, waiting
 * for reviewers: its decision and assignment clocks running, the applicant's
 * provider and facility on it, the coordinator looking after it (and hearing
 * about declined offers). `specialtyNeeded` is left for the coordinator to
 * record unless given.
 */
export async function createAcceptedCase(options: {
  coordinatorEmail: string;
  providerFacility: string;
  specialtyNeeded?: string;
}): Promise<{ id: string; reference: string }> {
  const db = e2eDb();
  const id = crypto.randomUUID();
  const reference = `IMR-2099-${String(crypto.randomInt(0, 1_000_000)).padStart(6, "0")}`;
  const day = 86_400_000;
  const acceptedAt = new Date();
  await db.query(
    `INSERT INTO "Case" (id, reference, status, "applicantId", "planId", "ruleProfileId", "serviceDescription", "disputeType",
       "procedureCodes", "diagnosisCodes", "planCaseFileNotApplicable", "patientName", "patientBirthDate", "memberId", "providerName",
       "providerFacility", "specialtyNeeded", "denialDate", "denialReason", "panelSize", "coordinatorId", "submittedAt", "acceptedAt", "updatedAt")
     SELECT $1, $2, 'ACCEPTED', u.id, (SELECT id FROM "HealthPlan" WHERE name = 'Evergreen Health Plan'),
       (SELECT id FROM "RuleProfile" WHERE code = 'naic' ORDER BY version DESC LIMIT 1), 'Allergen immunotherapy', 'MEDICAL_NECESSITY',
       '{}', '{}', '{}', 'Maria Lopez', '1979-04-12', 'EHP-448812', 'Dr. Ann Lee', $3, $4, $5, 'Not medically necessary under the plan criteria.',
       1, (SELECT id FROM "User" WHERE email = $6), $7, $7, now()
     FROM "User" u WHERE u.email = 'maria.lopez@example.com'`,
    [id, reference, options.providerFacility, options.specialtyNeeded ?? null, new Date(Date.now() - 30 * day), options.coordinatorEmail, acceptedAt],
  );
  for (const [kind, days] of [["DECISION", 45], ["ASSIGNMENT", 3]] as const) {
    await db.query(
      `INSERT INTO "CaseDeadline" (id, "caseId", kind, responsible, "startedAt", "dueAt", "atRiskAt")
       VALUES (gen_random_uuid(), $1, $2, 'ORGANIZATION', $3, $4, $5)`,
      [id, kind, acceptedAt, new Date(acceptedAt.getTime() + days * day), new Date(acceptedAt.getTime() + days * 0.8 * day)],
    );
  }
  return { id, reference };
}

/**
 * A reviewer on the roster who qualifies in `specialty` today (current
 * license and certification, ten years of practice, verified last month),
 * optionally with a declared affiliation. Named "Dr. <surname> <id>" so
 * names sort by surname. Not removed afterwards: offers keep it on cases.
 */
export async function createRosterReviewer(options: {
  surname: string;
  specialty: string;
  affiliation?: { kind: "HEALTH_PLAN" | "MEDICAL_GROUP" | "FACILITY" | "MANUFACTURER"; name: string };
}): Promise<TestUser> {
  passwordHash ??= hash(TEST_PASSWORD, { algorithm: 2 as never, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const id = crypto.randomUUID();
  const email = `e2e-reviewer-${id.slice(0, 8)}@test.example`;
  const name = `Dr. ${options.surname} ${id.slice(0, 4)}`;
  const db = e2eDb();
  const day = 86_400_000;
  const dateOnly = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);
  await db.query(
    `INSERT INTO "User" (id, email, name, roles, "passwordHash", "emailVerifiedAt", "updatedAt")
     VALUES ($1, $2, $3, '{REVIEWER}'::"Role"[], $4, now(), now())`,
    [id, email, name, await passwordHash],
  );
  await db.query(
    `INSERT INTO "ReviewerProfile" ("userId", "primarySpecialty", credentials, "yearsInPractice", "credentialsVerifiedOn", capacity, "updatedAt")
     VALUES ($1, $2, 'MD, test reviewer', 10, $3, 3, now())`,
    [id, options.specialty, dateOnly(-30)],
  );
  await db.query(`INSERT INTO "ReviewerSpecialty" ("reviewerId", "specialtyCode", "primary") VALUES ($1, $2, true)`, [id, options.specialty]);
  await db.query(
    `INSERT INTO "BoardCertification" (id, "reviewerId", "specialtyCode", board, "certifiedOn", "expiresOn")
     SELECT gen_random_uuid(), $1, code, board, $3, $4 FROM "Specialty" WHERE code = $2`,
    [id, options.specialty, dateOnly(-10 * 365), dateOnly(3 * 365)],
  );
  await db.query(
    `INSERT INTO "ReviewerLicense" (id, "reviewerId", state, number, "expiresOn") VALUES (gen_random_uuid(), $1, 'CA', $2, $3)`,
    [id, `E2E${id.slice(0, 6)}`, dateOnly(2 * 365)],
  );
  if (options.affiliation) {
    await db.query(`INSERT INTO "ReviewerAffiliation" (id, "reviewerId", kind, name) VALUES (gen_random_uuid(), $1, $2, $3)`, [
      id,
      options.affiliation.kind,
      options.affiliation.name,
    ]);
  }
  return { id, email, name, password: TEST_PASSWORD, roles: ["REVIEWER"] };
}

/** Stores these bytes as an upload is stored (encrypted, in the run's document storage). */
async function storeTestBytes(bytes: Buffer): Promise<{ key: string; sizeBytes: number; sha256: string }> {
  const { LocalDiskStorage } = await import("../../../app/server/documents/local-disk-storage.server");
  const { masterKeyFrom } = await import("../../../app/server/documents/document-cipher.server");
  const secrets = JSON.parse(fs.readFileSync(path.join(E2E.dataDir, "secrets.json"), "utf8")) as { documentKey: string };
  const storage = new LocalDiskStorage(path.join(E2E.dataDir, "documents"), masterKeyFrom(secrets.documentKey));
  return storage.put((async function* () {
    yield bytes;
  })());
}

/**
 * A case of the demo patient on the Evergreen Health Plan where the plan must
 * act by `dueAt`: "accepted" has its case file asked for (the plan case file
 * clock running); "overturned" is decided for the patient (its case file long
 * complete), its letter issued (a small PDF) and the plan's compliance clock
 * running. The demo
 * coordinator looks after it.
 */
export async function createPlanActionCase(options: { stage: "accepted" | "overturned"; dueAt: Date }): Promise<{ id: string; reference: string }> {
  const db = e2eDb();
  const id = crypto.randomUUID();
  const reference = `IMR-2099-${String(crypto.randomInt(0, 1_000_000)).padStart(6, "0")}`;
  const day = 86_400_000;
  const acceptedAt = new Date(Date.now() - 10 * day);
  const decidedAt = options.stage === "overturned" ? new Date(options.dueAt.getTime() - day) : null;
  await db.query(
    `INSERT INTO "Case" (id, reference, status, "applicantId", "planId", "ruleProfileId", "serviceDescription", "disputeType",
       "procedureCodes", "diagnosisCodes", "planCaseFileNotApplicable", "patientName", "memberId", "planDenialReference", "coordinatorId",
       "submittedAt", "acceptedAt", "planCaseFileRequestedAt", "planCaseFileCompletedAt", "decidedAt", outcome, "updatedAt")
     SELECT $1, $2, $3::"CaseStatus", u.id, (SELECT id FROM "HealthPlan" WHERE name = 'Evergreen Health Plan'),
       (SELECT id FROM "RuleProfile" WHERE code = 'naic' ORDER BY version DESC LIMIT 1), 'Cardiac rehabilitation program', 'MEDICAL_NECESSITY',
       '{}', '{}', '{}', 'Maria Lopez', 'EHP-448812', $4, (SELECT id FROM "User" WHERE email = 'coordinator@imr.example'),
       $5, $5, $5, $8, $6, $7::"DecisionOutcome", now()
     FROM "User" u WHERE u.email = 'maria.lopez@example.com'`,
    [
      id,
      reference,
      options.stage === "accepted" ? "ACCEPTED" : "DECIDED",
      `CLM-${reference.slice(-6)}`,
      acceptedAt,
      decidedAt,
      options.stage === "overturned" ? "OVERTURNED" : null,
      options.stage === "overturned" ? acceptedAt : null,
    ],
  );
  const startedAt = decidedAt ?? acceptedAt;
  await db.query(
    `INSERT INTO "CaseDeadline" (id, "caseId", kind, responsible, "startedAt", "dueAt", "atRiskAt")
     VALUES (gen_random_uuid(), $1, $2::"DeadlineKind", 'PLAN', $3, $4, $4::timestamptz - interval '2 hours')`,
    [id, options.stage === "accepted" ? "PLAN_CASE_FILE" : "COMPLIANCE", startedAt, options.dueAt],
  );
  if (options.stage === "overturned") {
    const stored = await storeTestBytes(Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"));
    const documentId = crypto.randomUUID();
    await db.query(
      `INSERT INTO "Document" (id, "caseId", kind, "fileName", "contentType", "sizeBytes", sha256, "storageKey")
       VALUES ($1, $2, 'DECISION_LETTER', $3, 'application/pdf', $4, $5, $6)`,
      [documentId, id, `${reference}-decision.pdf`, stored.sizeBytes, stored.sha256, stored.key],
    );
    await db.query(
      `INSERT INTO "DecisionLetter" (id, "caseId", version, "documentId", sha256, "verificationCode", outcome, "issuedAt", "issuedById")
       SELECT gen_random_uuid(), $1, 1, $2, $3, $4, 'OVERTURNED', $5, id FROM "User" WHERE email = 'coordinator@imr.example'`,
      [id, documentId, stored.sha256, crypto.randomBytes(8).toString("hex").toUpperCase(), decidedAt],
    );
  }
  return { id, reference };
}
