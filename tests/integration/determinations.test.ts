import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/domain/roles";
import * as qualityRoute from "~/routes/iro/quality";
import * as reviewRoute from "~/routes/review/case";
import { submittedDeterminations } from "~/server/determinations/panel-opinions.server";
import { latestQualityReview } from "~/server/determinations/quality.server";
import { submitDetermination } from "~/server/determinations/submit-determination.server";
import { determinationFormValues, determinationSchema } from "~/schemas/determination";
import { db } from "~/server/db.server";
import { actorFor, createAssignment, createPlan, createReviewer, createUser, sessionUserOf } from "#tests/support/factories";
import { createCaseInReview } from "#tests/support/case-factories";
import { call, request, withSession, type RouteFunction, type LoaderData } from "#tests/support/routes";

/** A form as its fields in order (checkbox groups repeat a name). */
type Form = [string, string][];

type Person = { id: string; email: string; name: string; roles: Role[]; planId: string | null; cookie: string };

let plan: { id: string };
let coordinator: Person;
let applicant: Person;

beforeAll(async () => {
  plan = await createPlan();
  coordinator = await withSession(await createUser({ roles: ["COORDINATOR"], name: "Casey Coordinator" }));
  applicant = await withSession(await createUser({ roles: ["APPLICANT"] }));
});

// The page of a case in review; decided cases are in reviewer-access.test.ts.
type ReviewerPage = Extract<LoaderData<typeof reviewRoute.loader>, { view: "case" }>;
type QualityPage = Awaited<ReturnType<typeof qualityRoute.loader>>;

const openPage = (person: Person | null, caseId: string) =>
  call<ReviewerPage>(reviewRoute.loader as RouteFunction, request(`/review/cases/${caseId}`, person), { caseId });
const postReview = (person: Person, caseId: string, form: Form) =>
  call(reviewRoute.action as RouteFunction, request(`/review/cases/${caseId}`, person, form), { caseId });
const openQuality = (person: Person, caseId: string) =>
  call<QualityPage>(qualityRoute.loader as RouteFunction, request(`/iro/cases/${caseId}/quality`, person), { caseId });
const postQuality = (person: Person, caseId: string, form: Form) =>
  call(qualityRoute.action as RouteFunction, request(`/iro/cases/${caseId}/quality`, person, form), { caseId });

function determinationForm(options: { intent: "save" | "submit"; documents: string[]; signedName?: string; outcome?: string; part?: string }): Form {
  return [
    ["intent", options.intent],
    ["outcome", options.outcome ?? "OVERTURNED"],
    ["partOverturned", options.part ?? ""],
    ["principalReasons", "The treatment is the accepted standard after failed conservative care."],
    ["clinicalRationale", "Twelve months of physiotherapy failed; imaging shows instability."],
    ["references.0.title", "Guideline for lumbar fusion"],
    ["references.0.source", "North American Spine Society"],
    ["references.0.year", "2021"],
    ["references.0.url", "https://www.spine.org/"],
    ...options.documents.map((id): [string, string] => ["documentsConsidered", id]),
    ["standardOfReview", "medical-necessity"],
    ["standardOfReviewOther", ""],
    ...(options.intent === "submit"
      ? ([
          ["noConflict", "yes"],
          ["signedName", options.signedName ?? ""],
        ] as Form)
      : []),
  ];
}

async function reviewer(options: { name: string; specialty?: string }): Promise<Person> {
  return withSession(await createReviewer({ name: options.name, specialty: options.specialty }));
}

async function caseFor(reviewers: Person[], panelSize?: number) {
  const kase = await createCaseInReview({ applicantId: applicant.id, planId: plan.id, reviewerIds: reviewers.map((r) => r.id), panelSize });
  await db.case.update({ where: { id: kase.id }, data: { coordinatorId: coordinator.id } });
  return kase;
}

const caseRow = (id: string) => db.case.findUniqueOrThrow({ where: { id }, select: { status: true, outcome: true, determinedAt: true, version: true } });

describe("who may open the reviewer's case page", () => {
  it("only the reviewer who accepted and attested; everyone else gets 404 for both reading and writing", async () => {
    const assigned = await reviewer({ name: "Dr. Assigned Reviewer" });
    const kase = await caseFor([assigned]);
    const page = await openPage(assigned, kase.id);
    expect(page.status).toBe(200);
    expect(page.data.case).toMatchObject({ reference: kase.reference, patientName: "Pat Example" });
    expect(page.data.documents.map((document) => document.fileName)).toEqual(["document-1.pdf", "document-2.pdf"]);
    expect(page.data.documents[0]).toMatchObject({ progress: "No pages read yet" });
    expect(page.data.decision?.text).toMatch(/^Decision due by .+ — \d+ days left$/);
    expect(page.data.editable).toBe(true);

    const elsewhere = await reviewer({ name: "Dr. Other Case" });
    await caseFor([elsewhere]);
    const offered = await reviewer({ name: "Dr. Only Offered" });
    await createAssignment({ caseId: kase.id, reviewerId: offered.id, status: "OFFERED" });
    const unattested = await reviewer({ name: "Dr. Not Attested" });
    await createAssignment({ caseId: kase.id, reviewerId: unattested.id, status: "ACCEPTED", attested: false });
    const planUser = await withSession(await createUser({ roles: ["PLAN"], planId: plan.id }));

    for (const person of [elsewhere, offered, unattested, planUser, applicant, coordinator]) {
      expect((await openPage(person, kase.id)).status, person.roles.join()).toBe(404);
      expect((await postReview(person, kase.id, determinationForm({ intent: "save", documents: [] }))).status, person.roles.join()).toBe(404);
      expect(
        (
          await postReview(person, kase.id, [
            ["intent", "add-note"],
            ["text", "sneaky"],
          ])
        ).status,
      ).toBe(404);
    }
    expect(await db.determination.count({ where: { caseId: kase.id } })).toBe(0);
    expect(await db.reviewerNote.count({ where: { assignment: { caseId: kase.id } } })).toBe(0);
    expect((await openPage(assigned, "not-a-case-id")).status).toBe(404);
    expect((await openPage(null, kase.id)).location).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("private notes", () => {
  it("are listed to their author only: not to the other panel member, nor to the coordinator", async () => {
    const author = await reviewer({ name: "Dr. Note Writer" });
    const colleague = await reviewer({ name: "Dr. Colleague" });
    const kase = await caseFor([author, colleague], 3);

    const empty = await postReview(author, kase.id, [
      ["intent", "add-note"],
      ["text", "  "],
    ]);
    expect(empty.status).toBe(400);
    expect(empty.data.fieldErrors).toEqual({ text: "Write the note before adding it." });

    const added = await postReview(author, kase.id, [
      ["intent", "add-note"],
      ["text", "Ask about the 2025 MRI"],
    ]);
    expect(added).toMatchObject({ status: 302, location: `/review/cases/${kase.id}?done=note#notes` });
    expect((await openPage(author, kase.id)).data.notes.map((note) => note.text)).toEqual(["Ask about the 2025 MRI"]);
    expect((await openPage(colleague, kase.id)).data.notes).toEqual([]);
    expect(JSON.stringify((await openQuality(coordinator, kase.id)).data)).not.toContain("2025 MRI");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "reviewer_note.added", actorId: author.id } });
    expect(JSON.stringify(audit.detail)).not.toContain("MRI");
  });
});

describe("writing the determination", () => {
  it("saves a draft without full validation and brings it back into the form", async () => {
    const author = await reviewer({ name: "Dr. Draft Writer" });
    const kase = await caseFor([author]);
    const saved = await postReview(author, kase.id, [
      ["intent", "save"],
      ["principalReasons", "Started: the imaging is key."],
      ["references.0.title", "A guideline, source to add"],
      ["documentsConsidered", kase.documents[0]!.id],
    ]);
    expect(saved).toMatchObject({ status: 302, location: `/review/cases/${kase.id}?done=draft#determination-heading` });
    const row = await db.determination.findUniqueOrThrow({ where: { assignmentId: kase.assignments[0]!.id } });
    expect(row).toMatchObject({
      status: "DRAFT",
      outcome: null,
      principalReasons: "Started: the imaging is key.",
      references: [{ title: "A guideline, source to add", source: "", year: null, url: null }],
      documentsConsidered: [kase.documents[0]!.id],
      submittedAt: null,
    });
    expect((await caseRow(kase.id)).status).toBe("IN_REVIEW");
    const page = await openPage(author, kase.id);
    expect(page.data.determination).toMatchObject({ status: "DRAFT", principalReasons: "Started: the imaging is key." });
    expect(await db.auditLog.count({ where: { action: "determination.draft_saved", objectId: row.id } })).toBe(1);
  });

  it("refuses to submit an incomplete determination, saying what is missing, and keeps what was typed", async () => {
    const author = await reviewer({ name: "Dr. Hasty Submitter" });
    const kase = await caseFor([author]);
    const refused = await postReview(author, kase.id, [
      ["intent", "submit"],
      ["outcome", "OVERTURNED_IN_PART"],
      ["principalReasons", "Partly needed."],
      ["references.0.title", ""],
    ]);
    expect(refused.status).toBe(400);
    expect(refused.data.fieldErrors).toEqual({
      partOverturned: "Say which part of the denial is overturned.",
      clinicalRationale: "Explain the clinical rationale.",
      "references.0.title": "List at least one criterion, guideline or article you relied on: enter its title.",
      documentsConsidered: "Tick each document you considered: at least one.",
      standardOfReview: "Choose the standard of review you applied.",
      noConflict: "Tick the statement to confirm you have no conflict of interest in this case.",
      signedName: "Type your full name to sign the statement.",
    });
    expect(refused.data.values).toMatchObject({ outcome: "OVERTURNED_IN_PART", principalReasons: "Partly needed." });
    expect(await db.determination.count({ where: { caseId: kase.id } })).toBe(0);
    expect((await caseRow(kase.id)).status).toBe("IN_REVIEW");
  });

  it("refuses a document that is not in this case's file, next to the documents", async () => {
    const author = await reviewer({ name: "Dr. Wrong Document" });
    const kase = await caseFor([author]);
    const other = await caseFor([await reviewer({ name: "Dr. Elsewhere" })]);
    const refused = await postReview(author, kase.id, determinationForm({ intent: "submit", documents: [other.documents[0]!.id], signedName: author.name }));
    expect(refused.status).toBe(400);
    expect(refused.data.fieldErrors.documentsConsidered).toMatch(/no longer in this case's file/);
    expect((await caseRow(kase.id)).status).toBe("IN_REVIEW");
  });

  it("a single reviewer's submission determines the case, tells the coordinator, and can no longer be changed", async () => {
    const author = await reviewer({ name: "Dr. Priya Single", specialty: "Orthopaedic surgery" });
    const kase = await caseFor([author]);
    const submitted = await postReview(
      author,
      kase.id,
      determinationForm({ intent: "submit", documents: [kase.documents[1]!.id], signedName: "priya single" }),
    );
    expect(submitted).toMatchObject({ status: 302, location: `/review/cases/${kase.id}?done=determined` });

    const after = await caseRow(kase.id);
    expect(after).toMatchObject({ status: "DETERMINED", outcome: "OVERTURNED" });
    expect(after.determinedAt).toBeInstanceOf(Date);
    const row = await db.determination.findUniqueOrThrow({ where: { assignmentId: kase.assignments[0]!.id } });
    expect(row.status).toBe("SUBMITTED");
    expect(row.noConflictStatement).toMatch(/^The reviewer attests that they have no material professional, familial or financial conflict/);
    expect(row.noConflictStatement).not.toContain("Priya");
    const signature = await db.auditLog.findFirstOrThrow({ where: { action: "determination.submitted", objectId: row.id } });
    expect(signature.detail).toMatchObject({ signedName: "priya single" });
    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId: kase.id, type: "determined" } });
    expect(event).toMatchObject({ fromStatus: "IN_REVIEW", toStatus: "DETERMINED", actorId: author.id });

    const email = await db.outboxMessage.findFirstOrThrow({ where: { caseId: kase.id, template: "determination-ready" } });
    expect(email.toAddress).toBe(coordinator.email);
    expect(email.subject).toBe(`${kase.reference}: ready for quality review`);
    expect(JSON.stringify(email.props)).not.toMatch(/Pat Example|OVERTURNED|spine/i);

    const page = await openPage(author, kase.id);
    expect(page.data.editable).toBe(false);
    const again = await postReview(author, kase.id, determinationForm({ intent: "save", documents: [], outcome: "UPHELD" }));
    expect(again.status).toBe(409);
    expect(again.data.formError).toMatch(/already submitted/);
    expect((await db.determination.findUniqueOrThrow({ where: { id: row.id } })).outcome).toBe("OVERTURNED");
  });
});

describe("a panel of three", () => {
  it("is determined only when the third opinion is in, with the majority outcome and every opinion kept for the letter", async () => {
    const members = [
      await reviewer({ name: "Dr. Uma Uphold", specialty: "Neurology" }),
      await reviewer({ name: "Dr. Otto Overturn", specialty: "Neurology" }),
      await reviewer({ name: "Dr. Pia Part", specialty: "Neurosurgery" }),
    ];
    const kase = await caseFor(members, 3);
    const documents = kase.documents.map((document) => document.id);

    const first = await postReview(members[0]!, kase.id, determinationForm({ intent: "submit", documents, signedName: members[0]!.name, outcome: "UPHELD" }));
    expect(first.location).toBe(`/review/cases/${kase.id}?done=submitted`);
    expect((await caseRow(kase.id)).status).toBe("IN_REVIEW");
    expect((await openPage(members[1]!, kase.id)).data.panel).toEqual({ size: 3, submitted: 1 });

    // The last two submit at the same moment: exactly one of them completes the panel.
    const schema = determinationSchema({ reviewerName: "unused" });
    const input = (outcome: string, part = "") => {
      const posted = new FormData();
      for (const [key, value] of determinationForm({ intent: "submit", documents, outcome, part, signedName: "unused" })) posted.append(key, value);
      return schema.parse(determinationFormValues(posted));
    };
    await Promise.all([
      submitDetermination({ user: sessionUserOf(members[1]!), actor: actorFor(members[1]!), caseId: kase.id, input: input("OVERTURNED") }),
      submitDetermination({
        user: sessionUserOf(members[2]!),
        actor: actorFor(members[2]!),
        caseId: kase.id,
        input: { ...input("OVERTURNED_IN_PART", "The first three sessions"), references: [{ title: "Trial", source: "NEJM", year: 2019, url: null }] },
      }),
    ]);

    expect(await caseRow(kase.id)).toMatchObject({ status: "DETERMINED", outcome: "OVERTURNED_IN_PART" });
    expect(await db.caseEvent.count({ where: { caseId: kase.id, type: "determined" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { caseId: kase.id, template: "determination-ready" } })).toBe(1);

    const opinions = await submittedDeterminations(kase.id);
    expect(opinions.map((opinion) => opinion.number)).toEqual([1, 2, 3]);
    expect(opinions[0]).toMatchObject({ outcome: "UPHELD", reviewer: { specialty: "Neurology" } });
    expect(opinions.map((opinion) => opinion.outcome).sort()).toEqual(["OVERTURNED", "OVERTURNED_IN_PART", "UPHELD"]);
    expect(opinions.find((opinion) => opinion.outcome === "OVERTURNED_IN_PART")).toMatchObject({
      partOverturned: "The first three sessions",
      reviewer: { specialty: "Neurosurgery", credentials: "MD, board certified" },
      documentsConsidered: [
        { id: documents[0], fileName: "document-1.pdf", kind: "DENIAL_LETTER" },
        { id: documents[1], fileName: "document-2.pdf", kind: "MEDICAL_RECORDS" },
      ],
    });
    expect(JSON.stringify(opinions)).not.toMatch(/Uma|Otto|Pia/);

    const quality = await openQuality(coordinator, kase.id);
    expect(quality.data.allPass).toBe(true);
    expect(quality.data.checks.find((check) => check.check === "majority")?.message).toBe(
      "The outcome is the majority's: overturned in part (1 to uphold, 1 to overturn, 1 to overturn in part).",
    );
  });
});

describe("quality review", () => {
  it("sends the determination back with comments, the reviewer fixes it and resubmits, and the coordinator approves", async () => {
    const author = await reviewer({ name: "Dr. Returned Reviewer" });
    const kase = await caseFor([author]);
    await postReview(author, kase.id, determinationForm({ intent: "submit", documents: [kase.documents[0]!.id], signedName: author.name }));
    const determined = await caseRow(kase.id);
    expect(determined.status).toBe("DETERMINED");
    const page = await openQuality(coordinator, kase.id);
    expect(page.data.decidable).toBe(true);
    expect(page.data.opinions).toMatchObject([{ reviewerName: "Dr. Returned Reviewer", status: "SUBMITTED" }]);
    const determinationId = page.data.opinions[0]!.id;

    const withoutComments = await postQuality(coordinator, kase.id, [
      ["intent", "send-back"],
      ["version", String(determined.version)],
      ["comments", ""],
      ["determinationIds", determinationId],
    ]);
    expect(withoutComments.status).toBe(400);
    expect(withoutComments.data.fieldErrors).toEqual({ comments: "Write what the reviewer must change: your comments are sent to them." });

    const sentBack = await postQuality(coordinator, kase.id, [
      ["intent", "send-back"],
      ["version", String(determined.version)],
      ["comments", "Cite the imaging report among the documents considered."],
      ["determinationIds", determinationId],
    ]);
    expect(sentBack).toMatchObject({ status: 302, location: `/iro/cases/${kase.id}/quality?done=sent-back` });
    expect(await caseRow(kase.id)).toMatchObject({ status: "IN_REVIEW", outcome: null, determinedAt: null });
    expect(await db.determination.findUniqueOrThrow({ where: { id: determinationId } })).toMatchObject({ status: "RETURNED" });
    expect(await latestQualityReview(kase.id)).toMatchObject({
      result: "SENT_BACK",
      comments: "Cite the imaging report among the documents considered.",
      reviewedById: coordinator.id,
    });
    const email = await db.outboxMessage.findFirstOrThrow({ where: { caseId: kase.id, template: "determination-returned" } });
    expect(email.toAddress).toBe(author.email);
    expect(email.subject).toBe(`${kase.reference}: your determination was sent back`);
    expect(JSON.stringify(email.props)).not.toContain("imaging");
    expect(await db.caseEvent.findFirstOrThrow({ where: { caseId: kase.id, type: "sent_back" } })).toMatchObject({
      fromStatus: "DETERMINED",
      toStatus: "IN_REVIEW",
      note: "Cite the imaging report among the documents considered.",
    });

    const reviewerPage = await openPage(author, kase.id);
    expect(reviewerPage.data.editable).toBe(true);
    expect(reviewerPage.data.determination?.status).toBe("RETURNED");
    expect(reviewerPage.data.sentBack?.comments).toBe("Cite the imaging report among the documents considered.");

    const resubmitted = await postReview(
      author,
      kase.id,
      determinationForm({ intent: "submit", documents: kase.documents.map((document) => document.id), signedName: author.name }),
    );
    expect(resubmitted.location).toBe(`/review/cases/${kase.id}?done=determined`);
    const again = await caseRow(kase.id);
    expect(again).toMatchObject({ status: "DETERMINED", outcome: "OVERTURNED" });

    const stale = await postQuality(coordinator, kase.id, [
      ["intent", "approve"],
      ["findings", "The reviewers found the treatment medically necessary for this patient."],
      ["version", String(determined.version)],
    ]);
    expect(stale.status).toBe(409);
    expect(stale.data.formError).toMatch(/changed while you were working/);

    const approved = await postQuality(coordinator, kase.id, [
      ["intent", "approve"],
      ["findings", "The reviewers found the treatment medically necessary for this patient."],
      ["version", String(again.version)],
    ]);
    expect(approved).toMatchObject({ status: 302, location: `/iro/cases/${kase.id}/quality?done=approved` });
    const latest = await latestQualityReview(kase.id);
    expect(latest).toMatchObject({ result: "APPROVED", reviewedById: coordinator.id });
    expect(latest?.checks.every((check) => check.passed)).toBe(true);
    const now = await caseRow(kase.id);
    expect(now.status).toBe("DETERMINED");
    expect((await openQuality(coordinator, kase.id)).data.approved).toBe(true);
    const twice = await postQuality(coordinator, kase.id, [
      ["intent", "approve"],
      ["findings", "The reviewers found the treatment medically necessary for this patient."],
      ["version", String(now.version)],
    ]);
    expect(twice.data.formError).toBe("This determination is already approved.");
    expect(await db.qualityReview.count({ where: { caseId: kase.id, result: "APPROVED" } })).toBe(1);
  });

  it("cannot approve while an automatic check fails", async () => {
    const author = await reviewer({ name: "Dr. Careful Reviewer" });
    const kase = await caseFor([author]);
    await postReview(author, kase.id, determinationForm({ intent: "submit", documents: [kase.documents[0]!.id], signedName: author.name }));
    await db.case.update({ where: { id: kase.id }, data: { memberId: null } });

    const page = await openQuality(coordinator, kase.id);
    expect(page.data.allPass).toBe(false);
    expect(page.data.checks.filter((check) => !check.passed)).toEqual([
      { check: "case-details", passed: false, message: "The case is missing the member ID. Complete the case before approving." },
    ]);
    const { version } = await caseRow(kase.id);
    const refused = await postQuality(coordinator, kase.id, [
      ["intent", "approve"],
      ["findings", "The reviewers found the treatment medically necessary for this patient."],
      ["version", String(version)],
    ]);
    expect(refused.status).toBe(400);
    expect(refused.data.formError).toBe("One automatic check fails: fix it or send the determination back before approving.");
    expect(await db.qualityReview.count({ where: { caseId: kase.id } })).toBe(0);
    expect((await caseRow(kase.id)).version).toBe(version);

    await db.case.update({ where: { id: kase.id }, data: { memberId: "MEM-1001" } });
    expect(
      (
        await postQuality(coordinator, kase.id, [
          ["intent", "approve"],
          ["findings", "The reviewers found the treatment medically necessary for this patient."],
          ["version", String(version)],
        ])
      ).status,
    ).toBe(302);
  });

  it("is open to coordinators only", async () => {
    const author = await reviewer({ name: "Dr. Nosy Reviewer" });
    const kase = await caseFor([author]);
    expect((await openQuality(author, kase.id)).status).toBe(404);
    expect(
      (
        await postQuality(author, kase.id, [
          ["intent", "approve"],
          ["findings", "The reviewers found the treatment medically necessary for this patient."],
          ["version", "0"],
        ])
      ).status,
    ).toBe(404);
    expect((await openQuality(coordinator, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
