/**
 * Demo cases that show the portal in every state (README, "Demo cases"):
 * drafts at different steps, requests waiting for their eligibility
 * decision, in eligibility review (one with the plan's objection, one
 * waiting for information), accepted (case file requested or received), in
 * review (one reviewer, and a panel of three), decided (upheld, overturned
 * with compliance confirmed, overturned in part, amended), withdrawn and
 * ineligible. Their clocks show every state on the coordinators' dashboard:
 * on track, at risk, overdue (escalated by the worker at its first sweep)
 * and met.
 *
 * Each is made by the operations real use goes through (demo-requests.ts,
 * demo-case-steps.ts), each back-dated to when it happened, so its
 * documents, letters, timeline, audit rows, emails and deadlines are the
 * real thing. Idempotent: a case is recognised by its plan claim number.
 * The cases before their decision are here, the others in
 * demo-decided-cases.ts, the drafts in demo-drafts.ts.
 */
import type { Db } from "~/server/db.server";
import { assigned, DAY, HOUR, matched, ONCOLOGY_PANEL, runCaseStep, screened, type CaseStep, type DemoCase } from "./demo-case-steps";
import { DEMO_DECIDED_CASES } from "./demo-decided-cases";
import { DEMO_DRAFTS } from "./demo-drafts";
import { demoLongCaseFile } from "./demo-case-file";
import { demoPeople } from "./demo-people";
import { doctorsLetter, eleanor, fileRequest, fillDraft, maria, PACIFIC, records } from "./demo-requests";

/** Cases before their decision: waiting for eligibility, in eligibility review, accepted, in review. */
const DEMO_OPEN_CASES: readonly DemoCase[] = [
  // Waiting for the eligibility decision, on track.
  {
    request: maria({
      claim: "EHP-DEMO-1001",
      service: "Lumbar spinal fusion surgery",
      procedureCodes: "22612",
      diagnosisCodes: "M43.16",
      provider: { name: "Dr. Nathan Cole", npi: "1679576722", facility: "Providence St. Vincent Medical Center" },
      denialReason: "Not medically necessary: conservative treatment for at least six months is required first.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "I have had physical therapy and injections for over a year. The pain keeps me from working and my surgeon says fusion is the next step.",
      documents: [records("MRI of the lumbar spine", "Grade 2 spondylolisthesis at L4-L5 with foraminal narrowing.")],
    }),
    filedAgo: 1 * DAY,
    steps: [],
  },
  {
    request: eleanor(PACIFIC, {
      claim: "PCH-DEMO-2002",
      service: "Home oxygen concentrator",
      procedureCodes: "E1390",
      diagnosisCodes: "J44.9",
      provider: { name: "Dr. Lena Ortiz", npi: "1245319599" },
      denialReason: "Oxygen saturation readings do not meet the plan's criteria for home oxygen.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "My mother's oxygen drops below 88% when she walks. The plan only looked at her readings at rest.",
      documents: [records("Six-minute walk test", "Oxygen saturation fell to 86% at four minutes.")],
    }),
    filedAgo: 2 * DAY,
    steps: [],
  },

  // In eligibility review: the plan objected; and another waiting for information from the applicant.
  {
    request: maria({
      claim: "EHP-DEMO-1004",
      service: "Outpatient physical therapy, 24 sessions",
      procedureCodes: "97110",
      diagnosisCodes: "M75.121",
      provider: { name: "Dr. Rachel Kim", npi: "1396842755" },
      denialReason: "The plan approved 12 sessions; more are not medically necessary.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "After 12 sessions I still cannot lift my arm above my shoulder. My therapist says I need 12 more.",
    }),
    filedAgo: 4 * DAY,
    steps: [
      { step: "eligibility", ago: 3 * DAY },
      { step: "planObjects", ago: 2 * DAY, reason: "The internal appeal is still open: the member asked for it on the same day she filed here." },
    ],
  },
  {
    request: eleanor(PACIFIC, {
      claim: "PCH-DEMO-2003",
      service: "Hearing aids, both ears",
      procedureCodes: "V5261",
      diagnosisCodes: "H90.3",
      provider: { name: "Dr. Victor Huang", npi: "1538291466" },
      denialReason: "Not medically necessary: the hearing loss is mild.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "My mother cannot follow a conversation or hear the phone. Her audiologist measured a moderate loss.",
    }),
    filedAgo: 5 * DAY,
    steps: [
      { step: "eligibility", ago: 4 * DAY, unmet: { criterion: "COMPLETE", note: "The representative form is not signed by the patient." } },
      {
        step: "requestInformation",
        ago: 4 * DAY - HOUR,
        to: "APPLICANT",
        question: "Please upload the representative form signed by Eleanor Carter: the copy you sent has no signature.",
      },
    ],
  },

  // Accepted: the decision clock at risk (California, 30 days) and the plan's case file requested.
  {
    request: eleanor(PACIFIC, {
      claim: "PCH-DEMO-2001",
      service: "Inpatient rehabilitation after a stroke",
      procedureCodes: "",
      diagnosisCodes: "I63.9",
      provider: { name: "Dr. Aaron Blake", npi: "1821063785", facility: "Sharp Memorial Rehabilitation Center" },
      denialReason: "Skilled nursing care is enough; inpatient rehabilitation is not medically necessary.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "My mother cannot walk or swallow safely since her stroke. Her neurologist says she needs three hours of therapy a day.",
      documents: [records("Discharge summary", "Left hemiparesis and dysphagia after a right MCA stroke.")],
    }),
    filedAgo: 29 * DAY,
    steps: [...screened(29 * DAY, 26 * DAY), { step: "lookAfter", ago: 26 * DAY - HOUR }],
  },
  // Accepted as medical necessity, then corrected: the denial calls the treatment investigational.
  // A panel of three now, and NAIC's two clocks (the opinions, then the decision).
  {
    request: maria({
      claim: "EHP-DEMO-1012",
      service: "Transcranial magnetic stimulation for depression",
      procedureCodes: "90867",
      diagnosisCodes: "F33.2",
      provider: { name: "Dr. Ingrid Soto", npi: "1467592083" },
      denialReason: "Investigational for this indication: not covered.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "Four antidepressants have failed. My psychiatrist says TMS is the standard next step, not an experiment.",
    }),
    filedAgo: 6 * DAY,
    steps: [
      ...screened(6 * DAY, 4 * DAY),
      { step: "lookAfter", ago: 4 * DAY - HOUR },
      {
        step: "correctClassification",
        ago: 3 * DAY,
        disputeType: "EXPERIMENTAL_INVESTIGATIONAL",
        track: "STANDARD",
        reason: "The plan's denial letter calls the treatment investigational: this is an experimental/investigational dispute, not medical necessity.",
      },
    ],
  },
  // Accepted, expedited: 72 hours from acceptance, and 80 have gone (overdue). Its offer was
  // withdrawn when the endocrinologist recorded leave (a roster change): on the timeline and the assign page.
  {
    request: maria({
      claim: "EHP-DEMO-1002",
      service: "Continuous glucose monitor",
      procedureCodes: "E2103",
      diagnosisCodes: "E10.65",
      provider: { name: "Dr. Ingrid Soto", npi: "1467592083" },
      denialReason: "Fingerstick testing is adequate.",
      disputeType: "URGENT_CARE",
      expedited: { reason: "I had two severe low blood sugars at night this month and one sent me to the emergency room.", certificationToFollow: false },
      statement: "My endocrinologist says a monitor with alarms is the only safe way to catch night-time lows.",
    }),
    filedAgo: 90 * HOUR,
    steps: [
      { step: "eligibility", ago: 85 * HOUR },
      { step: "accept", ago: 80 * HOUR },
      matched(80 * HOUR, { specialty: "endocrinology-diabetes-and-metabolism" }),
      { step: "offer", ago: 79 * HOUR, reviewers: ["endocrinology@reviewers.example"] },
      { step: "recordLeave", ago: 78 * HOUR, reviewer: "endocrinology@reviewers.example", days: 1, note: "Family emergency" },
    ],
  },
  // Accepted, the plan's case file received complete; one reviewer held by a possible conflict.
  {
    request: maria({
      claim: "EHP-DEMO-1005",
      service: "Genetic test for hereditary breast cancer risk (BRCA1 and BRCA2)",
      procedureCodes: "81162",
      diagnosisCodes: "Z80.3",
      provider: { name: "Dr. Olivia Grant", npi: "1912345674" },
      denialReason: "Not medically necessary: the member does not meet the plan's family history criteria.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "My mother and her sister both had breast cancer before 50. My doctor and a genetic counselor recommend the test.",
      documents: [doctorsLetter("Genetic counseling note", "Two first- and second-degree relatives with breast cancer before age 50.")],
    }),
    filedAgo: 8 * DAY,
    steps: [
      ...screened(8 * DAY, 5 * DAY),
      // The test's maker is only like the name of a lab Dr. Ahmed Karimi declared: a possible conflict for the coordinator to clear.
      matched(5 * DAY, { specialty: "medical-oncology", manufacturer: "Helix Genomics Laboratories" }),
      { step: "caseFile", ago: 3 * DAY },
    ],
  },

  // In review: one reviewer, after another declined; her draft determination saved.
  {
    request: maria({
      claim: "EHP-DEMO-1006",
      service: "Implantable loop recorder for unexplained fainting",
      procedureCodes: "33285",
      diagnosisCodes: "R55",
      provider: { name: "Dr. Alan Reyes", npi: "1730298146", facility: "Portland Heart Clinic" },
      denialReason: "Not medically necessary: an external event monitor should be tried first.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "I have fainted four times in a year, once while driving. Two external monitors caught nothing.",
      documents: [records("Cardiology clinic notes", "Recurrent syncope; two 30-day external monitors without findings."), ...demoLongCaseFile()],
    }),
    filedAgo: 14 * DAY,
    steps: [
      ...screened(14 * DAY, 11 * DAY),
      matched(11 * DAY, { specialty: "cardiovascular-disease", facility: "Portland Heart Clinic" }),
      { step: "offer", ago: 11 * DAY - HOUR, reviewers: ["cardiology2@reviewers.example"] },
      { step: "declineOffer", ago: 11 * DAY - 3 * HOUR, reviewer: "cardiology2@reviewers.example", reason: "Away at a conference all week." },
      ...assigned(11 * DAY - 3 * HOUR, "cardiology@reviewers.example"),
      // New information within the window after the assignment: forwarded to Evergreen at once.
      {
        step: "newInformation",
        ago: 10 * DAY,
        document: {
          kind: "PHYSICIAN_LETTER",
          name: "letter-after-third-monitor.pdf",
          title: "Letter from Dr. Alan Reyes",
          lines: ["A third external monitor, worn for 30 days after the denial, again recorded no arrhythmia during two near-faints."],
        },
      },
      { step: "caseFile", ago: 9 * DAY },
      {
        step: "draftDetermination",
        ago: 2 * DAY,
        opinion: {
          reviewer: "cardiology@reviewers.example",
          outcome: "OVERTURNED",
          reasons: "Recurrent unexplained syncope with two negative external monitors.",
          rationale: "",
          reference: { title: "ACC/AHA/HRS guideline for the evaluation and management of syncope", source: "Circulation", year: 2017 },
        },
      },
    ],
  },
  // In review by a panel of three (experimental treatment); the maker's own consultant is left out by matching.
  {
    request: eleanor(PACIFIC, {
      claim: "PCH-DEMO-2004",
      service: "CAR-T cell therapy for relapsed large B-cell lymphoma",
      procedureCodes: "Q2041",
      diagnosisCodes: "C83.38",
      provider: { name: "Dr. Miriam Adler", npi: "1083614926", facility: "UC San Diego Moores Cancer Center" },
      denialReason: "Experimental or investigational for a patient over 75.",
      disputeType: "EXPERIMENTAL_INVESTIGATIONAL",
      statement: "My mother's lymphoma came back after two treatments. Her oncologist says CAR-T is her best chance and she is fit for it.",
      documents: [doctorsLetter("Letter from the treating oncologist", "ECOG performance status 1; relapsed after R-CHOP and salvage chemotherapy.")],
    }),
    filedAgo: 15 * DAY,
    steps: [
      ...screened(15 * DAY, 12 * DAY),
      matched(12 * DAY, { specialty: "medical-oncology", facility: "UC San Diego Moores Cancer Center", manufacturer: "Northwind Biologics, Inc." }),
      { step: "offer", ago: 12 * DAY - HOUR, reviewers: ONCOLOGY_PANEL },
      ...ONCOLOGY_PANEL.map((reviewer, index): CaseStep => ({ step: "acceptOffer", ago: 12 * DAY - (2 + index) * HOUR, reviewer })),
      {
        step: "submitDetermination",
        ago: 4 * DAY,
        opinion: {
          reviewer: "oncology@reviewers.example",
          outcome: "OVERTURNED",
          reasons: "CAR-T therapy is an accepted treatment for large B-cell lymphoma relapsed after two lines of therapy.",
          rationale: "Age alone is not a contraindication; the patient's performance status and organ function meet the trial criteria.",
          reference: {
            title: "Axicabtagene ciloleucel as second-line therapy for large B-cell lymphoma",
            source: "New England Journal of Medicine",
            year: 2022,
          },
        },
      },
    ],
  },
];

export const DEMO_CASES: readonly DemoCase[] = [...DEMO_OPEN_CASES, ...DEMO_DECIDED_CASES];

/** Creates the demo cases and drafts not there yet; answers how many it created. */
export async function seedDemoCases(db: Db, now = new Date()): Promise<number> {
  const people = demoPeople(db);
  const exists = async (claim: string) => !!(await db.case.findFirst({ where: { planDenialReference: claim }, select: { id: true } }));
  let created = 0;
  for (const demo of DEMO_CASES) {
    if (await exists(demo.request.claim)) continue;
    const caseId = await fileRequest(db, people, demo.request, new Date(now.getTime() - demo.filedAgo));
    for (const step of demo.steps) await runCaseStep(db, people, caseId, demo.request, step, now);
    created += 1;
  }
  for (const draft of DEMO_DRAFTS) {
    if (await exists(draft.request.claim)) continue;
    await fillDraft(db, people, draft.request, draft.progress, new Date(now.getTime() - draft.savedAgo));
    created += 1;
  }
  return created;
}
