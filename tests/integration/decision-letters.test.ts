import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { formatInstant } from "~/domain/format-instant";
import { letterDayOf } from "~/domain/letter-dates";
import { localDate } from "~/domain/deadlines/time-zone";
import type { Role } from "~/domain/roles";
import { formatLocalDate } from "~/domain/rule-profiles";
import { formatVerificationCode } from "~/domain/verification-code";
import * as documentRoute from "~/routes/documents/document";
import * as confirmIdentityRoute from "~/routes/confirm-identity";
import * as planCaseRoute from "~/routes/plan/case";
import * as decisionRoute from "~/routes/iro/decision";
import * as qualityRoute from "~/routes/iro/quality";
import * as reviewRoute from "~/routes/review/case";
import * as verifyRoute from "~/routes/verify";
import { config } from "~/server/config.server";
import { db } from "~/server/db.server";
import { documentStorage } from "~/server/documents/storage.server";
import { coordinatorCasePage } from "~/server/intake/coordinator-case-page.server";
import { planCasePage } from "~/server/plan/plan-case-page.server";
import { applicantCasePage } from "~/server/requests/case-page.server";
import { createCaseInReview } from "#tests/support/case-factories";
import { actorFor, createPlan, createReviewer, createUser, PASSWORD, sessionUserOf, uniqueIp } from "#tests/support/factories";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";

/** A form as its fields in order (checkbox groups repeat a name). */
type Form = [string, string][];
import { pdfPageTexts } from "#tests/support/pdf-text";
import { TAGLINE_WORDS } from "#tests/support/taglines";

/**
 * The decision letter end to end through the routes people use: reviewers
 * submit, the coordinator approves and issues, the applicant downloads, and
 * anyone checks the letter at /verify. The issued PDF is read back as text.
 */

type Person = { id: string; email: string; name: string; roles: Role[]; planId: string | null; cookie: string };

const TIME_ZONE = "America/New_York";
const ORGANIZATION = "Independent Review Organization";
const VERIFY_ADDRESS = "http://portal.test/verify";

let plan: { id: string; name: string };
let coordinator: Person;
let applicant: Person;

beforeAll(async () => {
  plan = await createPlan(`Evergreen Health ${crypto.randomBytes(3).toString("hex")}`);
  coordinator = await withSession(await createUser({ roles: ["COORDINATOR"], name: "Casey Coordinator" }));
  applicant = await withSession(await createUser({ roles: ["APPLICANT"] }));
  await db.specialty.upsert({
    where: { code: "orthopaedic-surgery" },
    create: { code: "orthopaedic-surgery", name: "Orthopaedic Surgery", board: "American Board of Orthopaedic Surgery" },
    update: {},
  });
});

const postReview = (person: Person, caseId: string, form: Form) =>
  call(reviewRoute.action as RouteFunction, request(`/review/cases/${caseId}`, person, form), { caseId });
const postQuality = (person: Person, caseId: string, form: Form) =>
  call(qualityRoute.action as RouteFunction, request(`/iro/cases/${caseId}/quality`, person, form), { caseId });
const postDecision = (person: Person, caseId: string, form: Form) =>
  call(decisionRoute.action as RouteFunction, request(`/iro/cases/${caseId}/decision`, person, form), { caseId });
type DecisionPage = Awaited<ReturnType<typeof decisionRoute.loader>>;
const openDecision = (person: Person, caseId: string) =>
  call<DecisionPage>(decisionRoute.loader as RouteFunction, request(`/iro/cases/${caseId}/decision`, person), { caseId });
type Verified = { checked: "code" | "file"; answer: { kind: string; letter?: Record<string, unknown> } };
const verifyByCode = (reference: string, code: string) =>
  call<Verified>(
    verifyRoute.action as RouteFunction,
    request("/verify", null, [
      ["intent", "code"],
      ["reference", reference],
      ["code", code],
    ]),
    {},
  );
function verifyByFile(bytes: Uint8Array) {
  const form = new FormData();
  form.append("intent", "file");
  form.append("letter", new File([new Uint8Array(bytes)], "letter.pdf", { type: "application/pdf" }));
  return call<Verified>(verifyRoute.action as RouteFunction, request("/verify", null, form), {});
}

/** The document as the signed-in person downloads it from /documents/:id. */
async function download(person: Person, documentId: string): Promise<{ status: number; contentType: string | null; bytes: Uint8Array }> {
  const result = await call(documentRoute.loader as RouteFunction, request(`/documents/${documentId}`, person), { documentId });
  const bytes = result.response && result.response.ok ? new Uint8Array(await result.response.arrayBuffer()) : new Uint8Array();
  return { status: result.status, contentType: result.response?.headers.get("Content-Type") ?? null, bytes };
}

/** The stored file itself, read past every route. */
async function storedBytes(storageKey: string): Promise<Uint8Array> {
  return new Uint8Array(await new Response(await documentStorage().get(storageKey)).arrayBuffer());
}

const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");
const day = (instant: Date) => formatLocalDate(localDate(instant, TIME_ZONE));

interface Opinion {
  outcome: "UPHELD" | "OVERTURNED" | "OVERTURNED_IN_PART";
  reasons: string;
  rationale: string;
  criterion: string;
}

function determinationForm(opinion: Opinion, documents: string[], signedName: string): Form {
  return [
    ["intent", "submit"],
    ["outcome", opinion.outcome],
    ["partOverturned", ""],
    ["principalReasons", opinion.reasons],
    ["clinicalRationale", opinion.rationale],
    ["references.0.title", opinion.criterion],
    ["references.0.source", "North American Spine Society"],
    ["references.0.year", "2021"],
    ["references.0.url", ""],
    ...documents.map((id): [string, string] => ["documentsConsidered", id]),
    ["standardOfReview", "medical-necessity"],
    ["standardOfReviewOther", ""],
    ["noConflict", "yes"],
    ["signedName", signedName],
  ];
}

/**
 * A case with everything a letter states, its reviewers' determinations
 * submitted through the reviewer's page and approved in quality review:
 * ready for the coordinator to issue.
 */
async function approvedCase(options: {
  reviewers: { name: string; specialty: string; board?: boolean }[];
  opinions: Opinion[];
  notifyProvider: boolean;
  /** Filed by a representative, so the patient is told as well. */
  representative?: boolean;
  track?: "STANDARD" | "EXPEDITED";
  /** The language the applicant asked for their notices in. */
  preferredLanguage?: "en" | "es";
}) {
  const members: Person[] = [];
  for (const reviewer of options.reviewers) {
    const user = await createReviewer({ name: reviewer.name, specialty: reviewer.specialty, credentials: "MD, FAAOS" });
    await db.reviewerProfile.update({ where: { userId: user.id }, data: { yearsInPractice: 17 } });
    if (reviewer.board) await db.boardCertification.create({ data: { reviewerId: user.id, specialtyCode: "orthopaedic-surgery", board: "ABOS" } });
    members.push(await withSession(user));
  }
  const created = await createCaseInReview({ applicantId: applicant.id, planId: plan.id, reviewerIds: members.map((member) => member.id) });
  // A reference as the portal gives them (upper case), as people copy it from the letter.
  const kase = { ...created, reference: created.reference!.toUpperCase() };
  await db.case.update({
    where: { id: kase.id },
    data: {
      reference: kase.reference,
      coordinatorId: coordinator.id,
      patientName: "Rosa Delgado",
      patientAddress: "12 Birch Lane, Springfield, IL 62704",
      memberId: "EVG-123456",
      preferredLanguage: options.preferredLanguage ?? "en",
      serviceDescription: "Lumbar spinal fusion",
      procedureCodes: ["22612"],
      diagnosisCodes: ["M43.16"],
      serviceDate: new Date("2026-09-14"),
      planDenialReference: "EVG-APL-7781",
      denialReason: "Conservative treatment was not exhausted",
      providerName: "Dr. Alan Chu",
      providerNpi: "1234567893",
      providerFacility: "Riverside Spine Center",
      notifyProvider: options.notifyProvider,
      providerEmail: "alan.chu@riverside.test",
      filedBy: options.representative ? "REPRESENTATIVE" : "PATIENT",
      patientEmail: "rosa.delgado@patient.test",
      track: options.track ?? "STANDARD",
    },
  });
  const documents = kase.documents.map((document) => document.id);
  for (const [index, member] of members.entries()) {
    const submitted = await postReview(member, kase.id, determinationForm(options.opinions[index]!, documents, member.name));
    expect(submitted.status, JSON.stringify(submitted.data)).toBe(302);
  }
  const determined = await db.case.findUniqueOrThrow({ where: { id: kase.id }, select: { status: true, version: true } });
  expect(determined.status).toBe("DETERMINED");
  const approved = await postQuality(coordinator, kase.id, [
    ["intent", "approve"],
    ["findings", "The reviewers found the treatment medically necessary for this patient."],
    ["version", String(determined.version)],
    ["comments", ""],
  ]);
  expect(approved.status, JSON.stringify(approved.data)).toBe(302);
  return { ...kase, members };
}

async function caseVersion(caseId: string): Promise<number> {
  return (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;
}

/** A letter version with its Document row. */
async function letterRow(caseId: string, order: "asc" | "desc", skip = 0) {
  const letter = await db.decisionLetter.findFirstOrThrow({ where: { caseId }, orderBy: { version: order }, skip });
  return { ...letter, document: await db.document.findUniqueOrThrow({ where: { id: letter.documentId } }) };
}

async function issue(caseId: string) {
  const issued = await postDecision(coordinator, caseId, [
    ["intent", "issue"],
    ["version", String(await caseVersion(caseId))],
  ]);
  expect(issued, JSON.stringify(issued.data)).toMatchObject({ status: 302, location: `/iro/cases/${caseId}/decision?done=issue` });
  const letter = await letterRow(caseId, "desc");
  const file = await download(applicant, letter.documentId);
  expect(file.status).toBe(200);
  expect(file.contentType).toBe("application/pdf");
  return { letter, bytes: file.bytes, pages: await pdfPageTexts(file.bytes) };
}

/** Every name a reviewer goes by, in full and in part ("Dr.", first name, last name). */
function nameParts(members: Person[]): string[] {
  return members.flatMap((member) => [member.name, ...member.name.split(" ").filter((part) => part.length > 3)]);
}

function expectEveryPage(pages: string[], code: string, reference: string) {
  expect(pages.length).toBeGreaterThan(0);
  for (const [index, page] of pages.entries()) {
    expect(page, `page ${index + 1}`).toContain(`Verification code ${code}`);
    expect(page, `page ${index + 1}`).toContain(`Check this letter at ${VERIFY_ADDRESS}`);
    expect(page, `page ${index + 1}`).toContain(`Reference ${reference}`);
    expect(page, `page ${index + 1}`).toContain(`Page ${index + 1} of ${pages.length}`);
  }
}

/** The elements docs/rules/decision-letter.md ("What the letter says") lists, in the words the letter uses. */
function expectCaseElements(text: string, kase: { reference: string; documents: { fileName: string }[] }, decidedAt: Date) {
  const expected = [
    ORGANIZATION,
    `Reference number: ${kase.reference}`,
    `Date of the decision: ${day(decidedAt)}`,
    "Patient Rosa Delgado",
    "Member ID EVG-123456",
    `Health plan ${plan.name}`,
    "Service in dispute Lumbar spinal fusion (procedure codes 22612; diagnosis codes M43.16)",
    `Date of service or request ${formatLocalDate("2026-09-14")}`,
    "Provider Dr. Alan Chu, NPI 1234567893, Riverside Spine Center",
    // No case file came in on these cases: the applicant's words stand in, labelled as theirs.
    "The plan's reason for the denial As you described the denial: “Conservative treatment was not exhausted” (the plan's case file had not come in)",
    "Date we received the case",
    "Dates of review",
    "Type of review Standard",
    "Type of dispute Medical necessity",
    "Documents and evidence considered",
    ...kase.documents.map((document) => document.fileName),
    "Clinical criteria and literature applied",
    "Statement of no conflict of interest",
    "The reviewer attests that they have no material professional, familial or financial conflict",
    `The decision is binding on ${plan.name}`,
    "legal action in court",
    "State Department of Insurance",
    `Questions about this letter: ${ORGANIZATION}, ${config().organizationPostalAddress}, Phone ${config().organizationPhone}, http://portal.test`,
    // Addressed to the patient, copied to the plan.
    "Rosa Delgado 12 Birch Lane Springfield IL 62704",
    `Copies to: ${plan.name}`,
  ];
  for (const element of expected) expect(text).toContain(element);
}

describe("an upheld denial decided by one reviewer", () => {
  it("is issued through the decision page: the PDF holds every element, plain words first, no reviewer's name, and the case closes at once", async () => {
    const kase = await approvedCase({
      reviewers: [{ name: "Dr. Zebulon Quillfeather", specialty: "Orthopaedic surgery", board: true }],
      opinions: [
        {
          outcome: "UPHELD",
          reasons: "Six weeks of physiotherapy is below the guideline's minimum of six months.",
          rationale: "Imaging shows no instability; symptoms are improving with conservative care.",
          criterion: "Lumbar fusion coverage guideline",
        },
      ],
      notifyProvider: true,
      representative: true,
    });
    const { letter, bytes, pages } = await issue(kase.id);
    const text = pages.join(" ");
    const code = formatVerificationCode(letter.verificationCode);

    // The stored file is the one downloaded, and its fingerprint is on file.
    expect(letter).toMatchObject({ version: 1, outcome: "UPHELD", sha256: sha256(bytes), amendmentReason: null });
    expect(letter.document).toMatchObject({ kind: "DECISION_LETTER", sha256: letter.sha256, contentType: "application/pdf" });
    expect(sha256(await storedBytes(letter.document.storageKey))).toBe(letter.sha256);

    // Plain language at the top of the first page, the formal record below it.
    const summary = pages[0]!.indexOf("What was decided and what happens now");
    expect(summary).toBeGreaterThan(-1);
    expect(summary).toBeLessThan(pages[0]!.indexOf("The formal record"));
    expect(pages[0]!.indexOf("The denial is upheld.")).toBeGreaterThan(summary);
    expect(text).toContain(`${plan.name} does not have to approve or pay for it`);
    expect(text).toContain("the case is closed");

    expectCaseElements(text, kase, letter.issuedAt);
    expect(text).toContain("Lumbar fusion coverage guideline, North American Spine Society, 2021");
    expect(text).toContain("Six weeks of physiotherapy is below the guideline's minimum of six months.");
    expect(text).toContain("Imaging shows no instability; symptoms are improving with conservative care.");
    expect(text).toContain("The reviewer (board-certified in Orthopaedic Surgery)");
    expect(text).toContain("Specialty: Orthopaedic surgery");
    expect(text).toContain("Board certification: Orthopaedic Surgery (ABOS)");
    expect(text).toContain("Qualifications: MD, FAAOS");
    expect(text).toContain("10–20 years of clinical practice");
    expect(text).not.toContain("17 years");
    expect(text).toContain("One independent reviewer examined the case");
    expect(text).toContain(`Because the denial is upheld, ${plan.name} does not have to take any action`);
    expectEveryPage(pages, code, kase.reference);
    for (const name of nameParts(kase.members)) expect(text).not.toContain(name);

    // DECIDED and then CLOSED at once; the decision clock met; nothing due from the plan.
    const after = await db.case.findUniqueOrThrow({
      where: { id: kase.id },
      select: { status: true, outcome: true, decidedAt: true, closedAt: true },
    });
    expect(after).toMatchObject({ status: "CLOSED", outcome: "UPHELD" });
    expect(after.decidedAt).toEqual(letter.issuedAt);
    const events = await db.caseEvent.findMany({
      where: { caseId: kase.id, type: { in: ["decision_issued", "closed"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((event) => [event.type, event.toStatus])).toEqual([
      ["decision_issued", "DECIDED"],
      ["closed", "CLOSED"],
    ]);
    const clocks = await db.caseDeadline.findMany({ where: { caseId: kase.id }, select: { kind: true, status: true, closedAt: true } });
    expect(clocks.find((clock) => clock.kind === "DECISION")).toMatchObject({ status: "MET", closedAt: letter.issuedAt });
    expect(clocks.some((clock) => clock.kind === "COMPLIANCE")).toBe(false);

    // The applicant (here a representative), the patient, the plan and (as the applicant agreed) the treating provider are told.
    const emails = await db.outboxMessage.findMany({
      where: { caseId: kase.id, template: "decision-issued" },
      select: { toAddress: true, props: true },
    });
    const planContact = (await db.healthPlan.findUniqueOrThrow({ where: { id: plan.id } })).contactEmail!;
    expect(emails.map((email) => email.toAddress).sort()).toEqual(
      [applicant.email, "rosa.delgado@patient.test", planContact, "alan.chu@riverside.test"].sort(),
    );
    expect(emails.find((email) => email.toAddress === "alan.chu@riverside.test")?.props).toMatchObject({
      audience: "provider",
      link: VERIFY_ADDRESS,
    });
    expect(emails.find((email) => email.toAddress === "rosa.delgado@patient.test")?.props).toMatchObject({
      audience: "patient",
      link: VERIFY_ADDRESS,
    });
    expect(emails.find((email) => email.toAddress === applicant.email)?.props).toMatchObject({
      audience: "applicant",
      link: `http://portal.test/cases/${kase.reference}`,
    });
    expect(JSON.stringify(emails.map((email) => email.props))).not.toMatch(/Rosa|Delgado|spinal|UPHELD/);
  });
});

describe("an overturn decided by a panel of three", () => {
  it("prints every opinion with its reviewer's qualifications, the plan's deadline to comply, and no reviewer's name", async () => {
    const opinions: Opinion[] = [
      {
        outcome: "OVERTURNED",
        reasons: "Opinion A: instability is documented.",
        rationale: "Rationale A: flexion films show slip.",
        criterion: "Criterion A",
      },
      {
        outcome: "UPHELD",
        reasons: "Opinion B: therapy was too short.",
        rationale: "Rationale B: symptoms are improving.",
        criterion: "Criterion B",
      },
      {
        outcome: "OVERTURNED",
        reasons: "Opinion C: neurological deficit.",
        rationale: "Rationale C: foot drop on examination.",
        criterion: "Criterion C",
      },
    ];
    const kase = await approvedCase({
      reviewers: [
        { name: "Dr. Ottoline Brackenridge", specialty: "Orthopaedic surgery", board: true },
        { name: "Dr. Ursula Pennywhistle", specialty: "Neurosurgery" },
        { name: "Dr. Cornelius Ashbury", specialty: "Physical medicine" },
      ],
      opinions,
      notifyProvider: false,
    });
    const { letter, pages } = await issue(kase.id);
    const text = pages.join(" ");

    expect(letter.outcome).toBe("OVERTURNED");
    expect(pages[0]).toContain("What was decided and what happens now The denial is overturned.");
    expect(text).toContain(`A panel of three independent physician reviewers found that ${plan.name} should not have denied lumbar spinal fusion.`);
    expectCaseElements(text, kase, letter.issuedAt);
    expect(text).toContain("The decision follows the majority (two to overturn the denial and one to uphold it). Every opinion is set out below.");
    expect(text).toContain("The reviewers' opinions");
    for (const opinion of opinions) {
      for (const words of [opinion.reasons, opinion.rationale, opinion.criterion]) expect(text).toContain(words);
    }
    // Each member by specialty and qualifications, in the order they submitted.
    const headings = ["Reviewer 1 (board-certified in Orthopaedic Surgery)", "Reviewer 2 (Neurosurgery)", "Reviewer 3 (Physical medicine)"];
    const positions = headings.map((heading) => text.indexOf(heading));
    expect(positions.every((position) => position > -1)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text.match(/Statement of no conflict of interest/g)).toHaveLength(3);
    expect(text.match(/Opinion, given on/g)).toHaveLength(3);
    for (const name of nameParts(kase.members)) expect(text).not.toContain(name);

    // The plan must comply by the compliance clock, which starts with the decision.
    const compliance = await db.caseDeadline.findFirstOrThrow({ where: { caseId: kase.id, kind: "COMPLIANCE" } });
    expect(compliance.startedAt).toEqual(letter.issuedAt);
    const due = formatDeadlineTime(compliance.dueAt, TIME_ZONE);
    expect(text).toContain(`${plan.name} must approve or pay for it by ${due}`);
    expect(text).toContain(`${plan.name} must approve or pay for lumbar spinal fusion by ${due}, and confirm in the review organization's portal`);
    expectEveryPage(pages, formatVerificationCode(letter.verificationCode), kase.reference);

    // Decided, not closed: the case waits for the plan's confirmation. The provider was not told.
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).status).toBe("DECIDED");
    const emails = await db.outboxMessage.findMany({
      where: { caseId: kase.id, template: "decision-issued" },
      select: { toAddress: true, props: true },
    });
    // The patient filed the request themselves, and did not agree that their provider is told.
    expect(emails.map((email) => email.toAddress).sort()).toEqual(
      [applicant.email, (await db.healthPlan.findUniqueOrThrow({ where: { id: plan.id } })).contactEmail!].sort(),
    );
    expect(emails.find((email) => (email.props as { audience: string }).audience === "plan")?.props).toMatchObject({ actionDue: due });
  });
});

describe("an issued letter never changes", () => {
  it("refuses every route that would change it, and an amendment adds a version while the first stays downloadable", async () => {
    const kase = await approvedCase({
      reviewers: [{ name: "Dr. Immutable Tester", specialty: "Orthopaedic surgery" }],
      opinions: [{ outcome: "OVERTURNED", reasons: "Reasons to overturn.", rationale: "Rationale to overturn.", criterion: "Guideline" }],
      notifyProvider: true,
    });
    const { letter: first, bytes: firstBytes } = await issue(kase.id);
    const storedBefore = await storedBytes(first.document.storageKey);
    const [reviewer] = kase.members;
    const version = await caseVersion(kase.id);

    // Issuing again, with the current version or the one from before, is refused with a reason.
    for (const seen of [version, version - 1]) {
      const again = await postDecision(coordinator, kase.id, [
        ["intent", "issue"],
        ["version", String(seen)],
      ]);
      expect(again.status).toBe(409);
      expect(again.data.formError).toBe("The decision letter has already been issued and cannot be changed. To correct it, issue an amended letter.");
    }
    // The determination behind it can no longer be sent back, re-approved or rewritten.
    const sendBack = await postQuality(coordinator, kase.id, [
      ["intent", "send-back"],
      ["version", String(version)],
      ["comments", "Change the reasons."],
    ]);
    expect(sendBack.status).toBeGreaterThanOrEqual(400);
    const approveAgain = await postQuality(coordinator, kase.id, [
      ["intent", "approve"],
      ["findings", "The reviewers found the treatment medically necessary for this patient."],
      ["version", String(version)],
      ["comments", ""],
    ]);
    expect(approveAgain.status).toBeGreaterThanOrEqual(400);
    const rewrite = await postReview(
      reviewer!,
      kase.id,
      determinationForm({ outcome: "UPHELD", reasons: "Changed.", rationale: "Changed.", criterion: "Changed" }, [], reviewer!.name),
    );
    expect(rewrite.status).toBeGreaterThanOrEqual(400);
    // Others may not issue or amend at all; the file cannot be deleted, even by the coordinator who issued it.
    for (const person of [applicant, reviewer!]) {
      expect(
        (
          await postDecision(person, kase.id, [
            ["intent", "amend"],
            ["version", String(version)],
            ["reason", "Sneaky"],
          ])
        ).status,
      ).toBe(404);
    }
    const deleted = await call(documentRoute.action as RouteFunction, request(`/documents/${first.documentId}`, coordinator, [], "DELETE"), {
      documentId: first.documentId,
    });
    expect(deleted.status).toBe(409);

    expect(await letterRow(kase.id, "asc")).toEqual(first);
    expect(Buffer.from(await storedBytes(first.document.storageKey)).equals(Buffer.from(storedBefore))).toBe(true);
    expect(await db.decisionLetter.count({ where: { caseId: kase.id } })).toBe(1);
    expect((await db.determination.findFirstOrThrow({ where: { caseId: kase.id } })).principalReasons).toBe("Reasons to overturn.");
    expect(await caseVersion(kase.id)).toBe(version);

    // An amendment needs a reason, then issues version 2 with the reason printed on it.
    const noReason = await postDecision(coordinator, kase.id, [
      ["intent", "amend"],
      ["version", String(version)],
      ["reason", "  "],
    ]);
    expect(noReason.status).toBe(400);
    expect(noReason.data.fieldErrors.reason).toMatch(/^Say why the letter is amended/);
    await db.case.update({ where: { id: kase.id }, data: { memberId: "EVG-654321" } });
    const amended = await postDecision(coordinator, kase.id, [
      ["intent", "amend"],
      ["version", String(version)],
      ["reason", "The member ID was wrong."],
    ]);
    expect(amended).toMatchObject({ status: 302, location: `/iro/cases/${kase.id}/decision?done=amend` });

    const letters = [await letterRow(kase.id, "asc"), await letterRow(kase.id, "asc", 1)];
    expect(await db.decisionLetter.count({ where: { caseId: kase.id } })).toBe(2);
    expect(letters.map((letter) => [letter.version, letter.amendmentReason])).toEqual([
      [1, null],
      [2, "The member ID was wrong."],
    ]);
    expect(letters[0]).toEqual(first);
    expect(letters[1]!.verificationCode).not.toBe(first.verificationCode);
    expect(letters[1]!.document.fileName).toBe(`decision-letter-${kase.reference}-amended-v2.pdf`);

    // Both versions stay downloadable, each exactly as issued.
    const v1 = await download(applicant, first.documentId);
    expect(Buffer.from(v1.bytes).equals(Buffer.from(firstBytes))).toBe(true);
    const v2 = await download(applicant, letters[1]!.documentId);
    expect(sha256(v2.bytes)).toBe(letters[1]!.sha256);
    const v1Text = (await pdfPageTexts(v1.bytes)).join(" ");
    const v2Text = (await pdfPageTexts(v2.bytes)).join(" ");
    expect(v1Text).toContain("Member ID EVG-123456");
    expect(v1Text).not.toContain("Amended");
    expect(v2Text).toContain("Amended decision of the independent medical review");
    expect(v2Text).toContain("Reason for the amendment: The member ID was wrong.");
    expect(v2Text).toContain(`replaces version 1, issued on ${day(first.issuedAt)}`);
    expect(v2Text).toContain("Member ID EVG-654321");
    expect(v2Text).toContain(`Verification code ${formatVerificationCode(letters[1]!.verificationCode)}`);

    // The parties are told of the amendment, and the decision page lists both versions.
    const told = await db.outboxMessage.findMany({
      where: { caseId: kase.id, template: "decision-amended" },
      select: { toAddress: true, props: true },
    });
    expect(told.map((email) => email.toAddress)).toEqual(expect.arrayContaining([applicant.email, "alan.chu@riverside.test"]));
    expect(told.every((email) => (email.props as { version: number }).version === 2)).toBe(true);
    const page = await openDecision(coordinator, kase.id);
    expect(page.data.letters.map((letter) => [letter.version, letter.current, letter.sha256])).toEqual([
      [2, true, letters[1]!.sha256],
      [1, false, first.sha256],
    ]);
    expect(page.data.actions).toMatchObject({ issue: false, amend: true });
  });

  it("cannot be issued before the determination is approved, nor by anyone but a coordinator", async () => {
    const reviewerUser = await createReviewer({ name: "Dr. Early Bird" });
    const member = await withSession(reviewerUser);
    const kase = await createCaseInReview({ applicantId: applicant.id, planId: plan.id, reviewerIds: [member.id] });
    await db.case.update({ where: { id: kase.id }, data: { coordinatorId: coordinator.id } });
    const submitted = await postReview(
      member,
      kase.id,
      determinationForm({ outcome: "UPHELD", reasons: "Reasons.", rationale: "Rationale.", criterion: "Guideline" }, [kase.documents[0]!.id], member.name),
    );
    expect(submitted.status).toBe(302);
    const version = await caseVersion(kase.id);
    const early = await postDecision(coordinator, kase.id, [
      ["intent", "issue"],
      ["version", String(version)],
    ]);
    expect(early.status).toBe(409);
    expect(early.data.formError).toBe("Approve the determination in quality review before issuing the decision.");
    expect(
      (
        await postDecision(applicant, kase.id, [
          ["intent", "issue"],
          ["version", String(version)],
        ])
      ).status,
    ).toBe(404);
    expect(await db.decisionLetter.count({ where: { caseId: kase.id } })).toBe(0);
    expect(await db.document.count({ where: { caseId: kase.id, kind: "DECISION_LETTER" } })).toBe(0);
  });
});

describe("a letter whose dates contradict each other", () => {
  it("is refused with the dates in words, whether an opinion comes after the decision or the decision before the case was received", async () => {
    const kase = await approvedCase({
      reviewers: [{ name: "Dr. Ahead Oftime", specialty: "Orthopaedic surgery" }],
      opinions: [{ outcome: "UPHELD", reasons: "Reasons.", rationale: "Rationale.", criterion: "Guideline" }],
      notifyProvider: false,
    });
    const later = new Date(Date.now() + 3 * 86_400_000);
    await db.determination.updateMany({ where: { caseId: kase.id }, data: { submittedAt: later } });
    const issueNow = async () =>
      postDecision(coordinator, kase.id, [
        ["intent", "issue"],
        ["version", String(await caseVersion(kase.id))],
      ]);
    const afterDecision = await issueNow();
    expect(afterDecision.status).toBe(409);
    expect(afterDecision.data.formError).toMatch(
      new RegExp(
        `^This letter cannot be issued because its dates contradict each other\\. The reviewer's opinion \\(${formatDeadlineTime(later, TIME_ZONE)}\\) is dated after the decision`,
      ),
    );
    expect((await openDecision(coordinator, kase.id)).data.previewProblem).toContain("is dated after the decision");

    await db.determination.updateMany({ where: { caseId: kase.id }, data: { submittedAt: new Date(Date.now() - 86_400_000) } });
    await db.case.update({ where: { id: kase.id }, data: { submittedAt: later } });
    const beforeReceived = await issueNow();
    expect(beforeReceived.status).toBe(409);
    expect(beforeReceived.data.formError).toContain(`before the case was received (${formatDeadlineTime(later, TIME_ZONE)})`);
    expect(await db.decisionLetter.count({ where: { caseId: kase.id } })).toBe(0);
    expect(await db.document.count({ where: { caseId: kase.id, kind: "DECISION_LETTER" } })).toBe(0);
  });
});

describe("issuing a decision", () => {
  it("asks a coordinator who gave the password more than ten minutes ago to confirm it first, and then issues", async () => {
    const kase = await approvedCase({
      reviewers: [{ name: "Dr. Fresh Authentication", specialty: "Orthopaedic surgery" }],
      opinions: [{ outcome: "UPHELD", reasons: "Reasons to uphold.", rationale: "Rationale to uphold.", criterion: "Guideline" }],
      notifyProvider: false,
    });
    const session = await db.session.findFirstOrThrow({ where: { userId: coordinator.id, revokedAt: null }, orderBy: { createdAt: "desc" } });
    await db.session.update({ where: { id: session.id }, data: { authenticatedAt: new Date(Date.now() - 11 * 60_000) } });
    const page = `/iro/cases/${kase.id}/decision`;
    const stale = await postDecision(coordinator, kase.id, [
      ["intent", "issue"],
      ["version", String(await caseVersion(kase.id))],
    ]);
    expect(stale).toMatchObject({ status: 302, location: `/confirm-identity?redirectTo=${encodeURIComponent(page)}` });
    expect(await db.decisionLetter.count({ where: { caseId: kase.id } })).toBe(0);

    const confirmed = await call(
      confirmIdentityRoute.action as RouteFunction,
      request("/confirm-identity", coordinator, { intent: "password", password: PASSWORD, redirectTo: page }),
    );
    expect(confirmed).toMatchObject({ status: 302, location: page });
    const { letter } = await issue(kase.id);
    expect(letter.version).toBe(1);
  });
});

describe("an expedited decision", () => {
  it("is told to the parties at once by the portal's own notice, and the written letter's deadline is tracked until the letter is issued", async () => {
    const kase = await approvedCase({
      reviewers: [{ name: "Dr. Speedy Gonzaga", specialty: "Orthopaedic surgery" }],
      opinions: [{ outcome: "OVERTURNED", reasons: "Urgent reasons.", rationale: "Urgent rationale.", criterion: "Guideline" }],
      notifyProvider: false,
      track: "EXPEDITED",
    });
    const noted = await postDecision(coordinator, kase.id, [
      ["intent", "notify"],
      ["version", String(await caseVersion(kase.id))],
      ["note", ""],
    ]);
    expect(noted.location).toBe(`/iro/cases/${kase.id}/decision?done=notify`);
    const written = await db.caseDeadline.findFirstOrThrow({ where: { caseId: kase.id, kind: "WRITTEN_CONFIRMATION" } });
    expect(written.dueAt.getTime() - written.startedAt.getTime()).toBe(48 * 3_600_000);
    expect(written.status).toBe("OPEN");
    expect(await db.caseDeadline.findFirstOrThrow({ where: { caseId: kase.id, kind: "DECISION" } })).toMatchObject({
      status: "MET",
      closedAt: written.startedAt,
    });

    // The notice is a PDF on the case that the applicant can open, with the outcome in plain words.
    const notice = await db.document.findFirstOrThrow({ where: { caseId: kase.id, kind: "NOTICE" } });
    expect(notice).toMatchObject({ description: "Notice of the expedited decision", createdAt: written.startedAt });
    const file = await download(applicant, notice.id);
    expect(file).toMatchObject({ status: 200, contentType: "application/pdf" });
    const noticeText = (await pdfPageTexts(file.bytes)).join(" ");
    expect(noticeText).toContain("Notice of the expedited independent review decision");
    expect(noticeText).toContain(kase.reference);
    expect(noticeText).toContain("The denial is overturned.");
    expect(noticeText).toContain(`follows by ${formatDeadlineTime(written.dueAt, TIME_ZONE)}`);

    // The applicant and the plan are emailed a link to it, with no outcome and nothing medical.
    const told = await db.outboxMessage.findMany({
      where: { caseId: kase.id, template: "expedited-decision" },
      select: { toAddress: true, props: true, subject: true },
    });
    const planContact = (await db.healthPlan.findUniqueOrThrow({ where: { id: plan.id }, select: { contactEmail: true } })).contactEmail;
    expect(told.map((email) => email.toAddress).sort()).toEqual([applicant.email, planContact].sort());
    for (const email of told) {
      expect(email.subject).toBe(`${kase.reference}: the expedited independent review has been decided`);
      expect(email.props).toMatchObject({ link: `http://portal.test/documents/${notice.id}`, letterDue: formatDeadlineTime(written.dueAt, TIME_ZONE) });
      expect(JSON.stringify(email)).not.toContain("overturned");
    }
    const page = await openDecision(coordinator, kase.id);
    expect(page.data.expeditedNotice?.letterDue).toBe(formatDeadlineTime(written.dueAt, TIME_ZONE));
    expect(page.data.actions).toMatchObject({ issue: true, recordExpeditedNotice: false });

    const { letter, pages } = await issue(kase.id);
    expect(pages.join(" ")).toContain("Type of review Expedited (urgent)");
    expect(await db.caseDeadline.findUniqueOrThrow({ where: { id: written.id } })).toMatchObject({ status: "MET", closedAt: letter.issuedAt });
    const emails = await db.outboxMessage.findMany({
      where: { caseId: kase.id, template: "decision-issued" },
      select: { subject: true, props: true },
    });
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) {
      expect(email.subject).toBe(`${kase.reference}: the expedited independent review decision has been issued`);
      expect(email.props).toMatchObject({ expedited: true });
    }
  });
});

/** Section 1557: every notice offers help in other languages, free of charge, and states the nondiscrimination notice. */
function expectLanguageAccess(text: string, locale: "en" | "es") {
  const phone = config().organizationPhone;
  for (const element of [
    locale === "es" ? "Ayuda en su idioma" : "Help in your language",
    `ATENCIÓN: si habla español, tiene a su disposición servicios gratuitos de asistencia lingüística. Llame al ${phone}.`,
    "PAUNAWA: Kung nagsasalita ka ng Tagalog",
    "LUS CEEV: Yog tias koj hais lus Hmoob",
    ...TAGLINE_WORDS,
    ...(locale === "es"
      ? [
          `ATTENTION: If you speak English, language assistance services, free of charge, are available to you. Call ${phone}.`,
          "Aviso de no discriminación",
          "no discrimina por motivos de raza, color, origen nacional, edad, discapacidad o sexo",
          "Oficina de Derechos Civiles",
        ]
      : ["Nondiscrimination notice", "does not discriminate on the basis of race, color, national origin, age, disability or sex", "Office for Civil Rights"]),
  ])
    expect(text).toContain(element);
  // The phone in the Arabic and Persian taglines reads left to right, not group by group from the right.
  expect(text).not.toContain(phone.split("-").reverse().join("-"));
}

describe("a Spanish-speaking applicant's decision", () => {
  it("is issued twice under one code: the applicant's letter in Spanish, the plan's in English, both hashed and verifiable", async () => {
    const kase = await approvedCase({
      reviewers: [{ name: "Dr. Ximena Valderrama", specialty: "Orthopaedic surgery", board: true }],
      opinions: [
        {
          outcome: "OVERTURNED",
          reasons: "Six months of conservative care were documented.",
          rationale: "Imaging shows instability at L4-L5.",
          criterion: "Lumbar fusion coverage guideline",
        },
      ],
      notifyProvider: true,
      preferredLanguage: "es",
    });
    const { letter, bytes: englishBytes, pages: englishPages } = await issue(kase.id);
    const code = formatVerificationCode(letter.verificationCode);
    const copy = await db.document.findFirstOrThrow({ where: { translationOfId: letter.documentId } });
    expect(copy).toMatchObject({
      kind: "DECISION_LETTER",
      language: "es",
      fileName: `decision-letter-${kase.reference}-es.pdf`,
      description: "Decision letter (Spanish copy for the applicant)",
    });

    // The applicant's case page gives them the Spanish copy only; the plan's page the English one.
    const applicantPage = await applicantCasePage(sessionUserOf(applicant), kase.id, actorFor(applicant));
    expect(applicantPage.kind === "case" && applicantPage.decision?.letters.map((document) => document.id)).toEqual([copy.id]);
    const planUser = await createUser({ roles: ["PLAN"], planId: plan.id });
    const planPage = await planCasePage(sessionUserOf(planUser), kase.id, actorFor(planUser));
    expect(JSON.stringify(planPage)).toContain(letter.documentId);
    expect(JSON.stringify(planPage)).not.toContain(copy.id);

    // The coordinator's decision page lists both copies of the version, each with its fingerprint.
    expect((await openDecision(coordinator, kase.id)).data.letters[0]).toMatchObject({
      documentId: letter.documentId,
      sha256: letter.sha256,
      copies: [{ documentId: copy.id, language: "Spanish", sha256: copy.sha256 }],
    });

    // Both copies stored as downloaded, each with its own fingerprint.
    const spanishFile = await download(applicant, copy.id);
    expect(spanishFile).toMatchObject({ status: 200, contentType: "application/pdf" });
    expect(sha256(spanishFile.bytes)).toBe(copy.sha256);
    expect(sha256(await storedBytes(copy.storageKey))).toBe(copy.sha256);
    expect(letter.sha256).toBe(sha256(englishBytes));
    expect(copy.sha256).not.toBe(letter.sha256);

    // The Spanish letter: every element, in Spanish, with Spanish dates and deadline.
    const pages = await pdfPageTexts(spanishFile.bytes);
    const text = pages.join(" ");
    const dueAt = (await db.caseDeadline.findFirstOrThrow({ where: { caseId: kase.id, kind: "COMPLIANCE" } })).dueAt;
    const dia = (instant: Date) => letterDayOf(instant, TIME_ZONE, "es");
    for (const [index, page] of pages.entries()) {
      expect(page, `página ${index + 1}`).toContain(`Código de verificación ${code}`);
      expect(page, `página ${index + 1}`).toContain(`Compruebe esta carta en ${VERIFY_ADDRESS}`);
      expect(page, `página ${index + 1}`).toContain(`Referencia ${kase.reference}`);
      expect(page, `página ${index + 1}`).toContain(`Página ${index + 1} de ${pages.length}`);
    }
    const summary = pages[0]!.indexOf("Qué se decidió y qué pasa ahora");
    expect(summary).toBeGreaterThan(-1);
    expect(summary).toBeLessThan(pages[0]!.indexOf("El registro formal"));
    for (const element of [
      ORGANIZATION,
      "Decisión de la revisión médica independiente",
      `Número de referencia: ${kase.reference}`,
      `Fecha de la decisión: ${dia(letter.issuedAt)}`,
      `Versión 1 de la carta, emitida el ${dia(letter.issuedAt)}`,
      "Se anula la denegación.",
      `Un médico revisor independiente concluyó que ${plan.name} no debió negar el servicio (lumbar spinal fusion).`,
      `Esto significa que ${plan.name} debe aprobarlo o pagarlo a más tardar el ${formatInstant(dueAt, TIME_ZONE, "dateTime", "es")}, y confirmarnos que lo hizo.`,
      "Paciente Rosa Delgado",
      "Número de miembro (Member ID) EVG-123456",
      `Plan de salud ${plan.name}`,
      "Servicio en disputa Lumbar spinal fusion (códigos de procedimiento 22612; códigos de diagnóstico M43.16)",
      "Fecha del servicio o de la solicitud 14 de septiembre de 2026",
      "Proveedor Dr. Alan Chu, NPI 1234567893, Riverside Spine Center",
      "El motivo del plan para la denegación Según usted describió la denegación: “Conservative treatment was not exhausted” (el expediente del plan no había llegado)",
      "Fecha en que recibimos el caso",
      "Fechas de la revisión",
      "Tipo de revisión Estándar",
      "Tipo de disputa Necesidad médica",
      "Revisado por Un médico revisor independiente",
      "Documentos y pruebas que se tuvieron en cuenta",
      ...kase.documents.map((document) => document.fileName),
      "Criterios clínicos y publicaciones aplicados",
      "Lumbar fusion coverage guideline, North American Spine Society, 2021",
      "Cómo se llegó a la decisión",
      "Un revisor independiente examinó el caso. Su opinión es la decisión.",
      "El revisor (certificado por la junta de especialidad en Orthopaedic Surgery)",
      "Entre 10 y 20 años de práctica clínica",
      "Six months of conservative care were documented.",
      "Declaración de ausencia de conflicto de intereses",
      `La decisión es obligatoria para ${plan.name}.`,
      "Esta decisión es obligatoria",
      "demanda ante un tribunal",
      // Our fixed words in Spanish: the standard of review, the signed statement, the regulator the rules name.
      "Necesidad médica, según las normas de práctica médica generalmente aceptadas",
      "El revisor declara que no tiene ningún conflicto de interés profesional, familiar o económico importante con el plan de salud",
      "y que no participó antes en este caso ni en su apelación. Firmado electrónicamente el",
      "comuníquese con el Departamento de Seguros de su estado: la Asociación Nacional de Comisionados de Seguros (NAIC), que publica el departamento de seguros de cada estado",
      // The reviewer's own findings stay as written, introduced in Spanish with where to call for help.
      `Las conclusiones del revisor se reproducen abajo tal como las escribió, en inglés. Si necesita ayuda en español para entenderlas, llame gratis al ${config().organizationPhone}.`,
      "Imaging shows instability at L4-L5.",
      `Si tiene preguntas sobre esta carta: ${ORGANIZATION}, ${config().organizationPostalAddress}, Teléfono ${config().organizationPhone}, http://portal.test`,
      "Rosa Delgado 12 Birch Lane Springfield IL 62704",
      `Copias a: ${plan.name} y Dr. Alan Chu`,
    ])
      expect(text).toContain(element);
    expectLanguageAccess(text, "es");
    for (const english of [
      "What was decided",
      "The formal record",
      "Reference number",
      "Verification code",
      "You told us you prefer",
      "Medical necessity, under",
      "The reviewer attests",
      "Signed electronically",
      "State Department of Insurance",
      "National Association of Insurance Commissioners",
    ])
      expect(text).not.toContain(english);
    for (const name of nameParts(kase.members)) expect(text).not.toContain(name);

    // The plan's copy: English, the same code and facts, saying the patient has it in Spanish.
    const englishText = englishPages.join(" ");
    expectEveryPage(englishPages, code, kase.reference);
    expectCaseElements(englishText, kase, letter.issuedAt);
    expect(englishText).toContain("This is the English copy of this letter. The patient was sent a copy in Spanish.");
    expect(englishText).toContain(`must approve or pay for it by ${formatDeadlineTime(dueAt, TIME_ZONE)}`);
    // The statement word for word as the reviewer signed it, and no note on the findings' language.
    expect(englishText).toContain("The reviewer attests that they have no material professional, familial or financial conflict of interest");
    expect(englishText).toContain("Medical necessity, under generally accepted standards of medical practice");
    expect(englishText).toContain("the State Department of Insurance: National Association of Insurance Commissioners");
    expect(englishText).not.toContain("reproduced as");
    expectLanguageAccess(englishText, "en");

    // /verify by the code confirms both fingerprints; either file matches the one letter.
    const byCode = await verifyByCode(kase.reference, code);
    expect(byCode.data.answer).toMatchObject({ kind: "match", letter: { sha256: letter.sha256, copies: [{ language: "es", sha256: copy.sha256 }] } });
    for (const file of [englishBytes, spanishFile.bytes]) {
      expect((await verifyByFile(file)).data.answer).toMatchObject({ kind: "match", letter: { reference: kase.reference, version: 1, sha256: letter.sha256 } });
    }

    // The applicant and the patient are written to in Spanish; the plan and the provider in English.
    const emails = await db.outboxMessage.findMany({ where: { caseId: kase.id, template: "decision-issued" }, select: { toAddress: true, language: true } });
    expect(emails.find((email) => email.toAddress === applicant.email)?.language).toBe("es");
    expect(emails.find((email) => email.toAddress === "alan.chu@riverside.test")?.language).toBe("en");
    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId: kase.id, type: "decision_issued" } });
    expect(event.data).toMatchObject({ sha256: letter.sha256, applicantCopy: { language: "es", sha256: copy.sha256 } });

    // An amendment is issued the same way: a Spanish copy beside the English version 2.
    await postDecision(coordinator, kase.id, [
      ["intent", "amend"],
      ["version", String(await caseVersion(kase.id))],
      ["reason", "A typing error."],
    ]);
    const amended = await letterRow(kase.id, "desc");
    const amendedCopy = await db.document.findFirstOrThrow({ where: { translationOfId: amended.documentId } });
    const amendedText = (await pdfPageTexts((await download(applicant, amendedCopy.id)).bytes)).join(" ");
    expect(amendedText).toContain("Decisión corregida de la revisión médica independiente");
    expect(amendedText).toContain("Motivo de la corrección: A typing error.");
    expect(amendedText).toContain(`Código de verificación ${formatVerificationCode(amended.verificationCode)}`);
  });

  it("is told at once in Spanish when expedited: the applicant's notice in Spanish, the plan's in English", async () => {
    const kase = await approvedCase({
      reviewers: [{ name: "Dr. Rápido Quintanilla", specialty: "Orthopaedic surgery" }],
      opinions: [{ outcome: "OVERTURNED", reasons: "Urgent reasons.", rationale: "Urgent rationale.", criterion: "Guideline" }],
      notifyProvider: false,
      track: "EXPEDITED",
      preferredLanguage: "es",
    });
    await postDecision(coordinator, kase.id, [
      ["intent", "notify"],
      ["version", String(await caseVersion(kase.id))],
      ["note", ""],
    ]);
    const written = await db.caseDeadline.findFirstOrThrow({ where: { caseId: kase.id, kind: "WRITTEN_CONFIRMATION" } });
    const english = await db.document.findFirstOrThrow({ where: { caseId: kase.id, kind: "NOTICE", translationOfId: null } });
    const spanish = await db.document.findFirstOrThrow({ where: { caseId: kase.id, kind: "NOTICE", translationOfId: english.id } });
    expect(spanish).toMatchObject({ language: "es", fileName: `expedited-decision-notice-${kase.reference}-es.pdf` });

    const text = (await pdfPageTexts((await download(applicant, spanish.id)).bytes)).join(" ");
    for (const element of [
      "Aviso de la decisión de la revisión independiente acelerada",
      `Número de referencia: ${kase.reference}`,
      `Aviso dado: ${formatInstant(written.startedAt, TIME_ZONE, "dateTime", "es")}`,
      `Plan de salud: ${plan.name}`,
      "Se anula la denegación.",
      `concluyó que ${plan.name} no debió negar el servicio`,
      "La carta con la decisión por escrito",
      `le llegará a más tardar el ${formatInstant(written.dueAt, TIME_ZONE, "dateTime", "es")}`,
    ])
      expect(text).toContain(element);
    expectLanguageAccess(text, "es");

    const englishText = (await pdfPageTexts((await download(applicant, english.id)).bytes)).join(" ");
    expect(englishText).toContain("Notice of the expedited independent review decision");
    expect(englishText).toContain(`follows by ${formatDeadlineTime(written.dueAt, TIME_ZONE)}`);
    expectLanguageAccess(englishText, "en");

    const told = await db.outboxMessage.findMany({
      where: { caseId: kase.id, template: "expedited-decision" },
      select: { toAddress: true, language: true, props: true },
    });
    expect(told.find((email) => email.toAddress === applicant.email)).toMatchObject({
      language: "es",
      props: { link: `http://portal.test/documents/${spanish.id}`, letterDue: formatInstant(written.dueAt, TIME_ZONE, "dateTime", "es") },
    });
    for (const email of told.filter((email) => email.toAddress !== applicant.email))
      expect(email).toMatchObject({
        language: "en",
        props: { link: `http://portal.test/documents/${english.id}`, letterDue: formatDeadlineTime(written.dueAt, TIME_ZONE) },
      });
  });
});

describe("/verify", () => {
  it("confirms a letter by its reference and code, or by its file, showing only the date, outcome and fingerprint", async () => {
    const kase = await approvedCase({
      reviewers: [{ name: "Dr. Verity Checkwell", specialty: "Orthopaedic surgery" }],
      opinions: [{ outcome: "UPHELD", reasons: "Reasons.", rationale: "Rationale.", criterion: "Guideline" }],
      notifyProvider: false,
    });
    const { letter, bytes } = await issue(kase.id);
    const code = formatVerificationCode(letter.verificationCode);

    // Typed as people type it: in lower case, without the dash, with spaces.
    const byCode = await verifyByCode(` ${kase.reference.toLowerCase()} `, ` ${code.toLowerCase().replace("-", " ")} `);
    expect(byCode.status).toBe(200);
    expect(byCode.data).toEqual({
      checked: "code",
      answer: {
        kind: "match",
        letter: {
          reference: kase.reference,
          version: 1,
          issuedOn: day(letter.issuedAt),
          decisionDate: day(letter.issuedAt),
          outcome: "The denial was upheld.",
          sha256: letter.sha256,
          copies: [],
          newer: null,
        },
      },
    });
    const revealed = JSON.stringify(byCode.data);
    for (const secret of ["Rosa", "Delgado", "EVG-123456", plan.name, "Lumbar", "Verity", "Checkwell", "Orthopaedic"]) expect(revealed).not.toContain(secret);

    // The file as issued matches; a single changed byte does not.
    const byFile = await verifyByFile(bytes);
    expect(byFile.data).toMatchObject({ checked: "file", answer: { kind: "match", letter: { reference: kase.reference, sha256: letter.sha256 } } });
    const tampered = new Uint8Array(bytes);
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = tampered[middle]! ^ 1;
    expect((await verifyByFile(tampered)).data).toEqual({ checked: "file", answer: { kind: "no-match" } });

    // A wrong code and a wrong reference get the same answer, which names nothing.
    const other = letter.verificationCode.startsWith("2") ? "3" : "2";
    const wrongCode = await verifyByCode(kase.reference, `${other}${letter.verificationCode.slice(1)}`);
    const wrongReference = await verifyByCode("IMR-2099-999999", code);
    expect(wrongCode.data).toEqual({ checked: "code", answer: { kind: "no-match" } });
    expect(wrongReference.data).toEqual(wrongCode.data);
    // A malformed code is a form error next to the field, not a lookup.
    const malformed = await verifyByCode(kase.reference, "ABC");
    expect(malformed.status).toBe(400);
    expect(malformed.data.fieldErrors.code).toMatch(/^A verification code has 10 letters and digits/);
    expect(await db.auditLog.count({ where: { action: "decision_letter.verified", objectId: letter.id } })).toBe(2);

    // After an amendment the first letter still verifies, and says it was replaced.
    await postDecision(coordinator, kase.id, [
      ["intent", "amend"],
      ["version", String(await caseVersion(kase.id))],
      ["reason", "A typing error."],
    ]);
    const replaced = await verifyByFile(bytes);
    expect(replaced.data.answer.letter).toMatchObject({ version: 1, newer: { version: 2 } });
    const latest = await db.decisionLetter.findFirstOrThrow({ where: { caseId: kase.id, version: 2 } });
    expect((await verifyByCode(kase.reference, latest.verificationCode)).data.answer.letter).toMatchObject({
      version: 2,
      newer: null,
      sha256: latest.sha256,
    });
  });

  it("limits the checks from one network, so codes cannot be guessed", async () => {
    const ip = uniqueIp();
    const attempt = () => {
      const req = new Request("http://portal.test/verify", {
        method: "POST",
        headers: { "x-imr-client-ip": ip },
        body: new URLSearchParams([
          ["intent", "code"],
          ["reference", "IMR-2026-000001"],
          ["code", "2222233333"],
        ]),
      });
      return call<Verified>(verifyRoute.action as RouteFunction, req, {});
    };
    for (let index = 0; index < 20; index += 1) expect((await attempt()).data.answer.kind).toBe("no-match");
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(refused.data.answer.kind).toBe("limited");
  });
});

describe("the plan's reason for the denial", () => {
  const overturn: Opinion = {
    outcome: "OVERTURNED",
    reasons: "Six months of physiotherapy are documented.",
    rationale: "The records show the conservative care the plan's policy asks for.",
    criterion: "Lumbar fusion coverage guideline",
  };
  const planReason = "Lumbar fusion does not meet medical policy MP-114: six months of supervised physical therapy are not documented.";

  it("is quoted in the plan's own words from the case file it completed, with the date the file came in, not the applicant's paraphrase", async () => {
    const kase = await approvedCase({
      reviewers: [{ name: "Dr. Ottoline Brackenridge", specialty: "Orthopaedic surgery" }],
      opinions: [overturn],
      notifyProvider: false,
    });
    await db.case.update({ where: { id: kase.id }, data: { planCaseFileRequestedAt: new Date(Date.now() - 2 * 86_400_000) } });
    const staff = await withSession(await createUser({ roles: ["PLAN"], planId: plan.id }));
    const form: Form = [
      ["intent", "complete-case-file"],
      ["version", String(await caseVersion(kase.id))],
      ...["letters", "medicalRecords", "criteria", "policy", "expertOpinions", "applicantList"].map((item): [string, string] => ["notApplicable", item]),
    ];

    // Without its reason the plan's file is not complete: the message is next to the field.
    const refused = await call(planCaseRoute.action as RouteFunction, request(`/plan/cases/${kase.id}`, staff, form), { caseId: kase.id });
    expect([refused.status, refused.data.fieldErrors?.denialReason]).toEqual([
      400,
      "Say why your plan denied the service, in its own words (as in its denial letter).",
    ]);

    const completed = await call(
      planCaseRoute.action as RouteFunction,
      request(`/plan/cases/${kase.id}`, staff, [...form, ["denialReason", `  ${planReason}  `]]),
      {
        caseId: kase.id,
      },
    );
    expect(completed.status, JSON.stringify(completed.data)).toBe(302);
    const { planCaseFileCompletedAt } = await db.case.findUniqueOrThrow({ where: { id: kase.id }, select: { planCaseFileCompletedAt: true } });
    // The coordinator reads the plan's own words with its case file, trimmed, before issuing.
    const screening = await coordinatorCasePage(sessionUserOf(coordinator), kase.id, actorFor(coordinator));
    expect(screening.caseFile.denialReason).toBe(planReason);

    const { pages } = await issue(kase.id);
    const text = pages.join(" ");
    expect(text).toContain(
      `The plan's reason for the denial Your health plan denied the service because: “${planReason}” (the plan's case file, received ${day(planCaseFileCompletedAt!)})`,
    );
    expect(text).not.toContain("Conservative treatment was not exhausted");
    expect(text).not.toContain("As you described the denial");
  });

  it("falls back to the applicant's description, labelled as theirs, when the review went ahead without the plan's case file", async () => {
    const kase = await approvedCase({
      reviewers: [{ name: "Dr. Peregrine Ashcombe", specialty: "Orthopaedic surgery" }],
      opinions: [overturn],
      notifyProvider: false,
    });
    const requested = new Date(Date.now() - 2 * 86_400_000);
    await db.case.update({
      where: { id: kase.id },
      data: { planCaseFileRequestedAt: requested, proceededWithoutCaseFileAt: new Date(), proceededWithoutCaseFileReason: "The plan's file is late." },
    });

    const { pages } = await issue(kase.id);
    expect(pages.join(" ")).toContain(
      "The plan's reason for the denial As you described the denial: “Conservative treatment was not exhausted” (the review went ahead without the plan's case file, which came late)",
    );
  });
});
