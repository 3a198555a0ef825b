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
 * demo-case-steps.ts), back-dated where an operation takes a time, so its
 * documents, letters, timeline, audit rows, emails and deadlines are the
 * real thing. Idempotent: a case is recognised by its plan claim number.
 */
import type { Db } from "~/server/db.server";
import { runCaseStep, type CaseStep, type Opinion } from "./demo-case-steps";
import { demoPeople } from "./demo-people";
import { ELEANOR, fileRequest, fillDraft, MARIA, type DemoRequest, type DraftProgress } from "./demo-requests";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const MARIA_EMAIL = "maria.lopez@example.com";
const JAMES_EMAIL = "james.carter@example.com";
const EVERGREEN = "Evergreen Health Plan";
const PACIFIC = "Pacific Coast Health";

/** Maria Lopez files for herself with Evergreen. */
const maria = (request: Omit<DemoRequest, "applicant" | "plan" | "patient">): DemoRequest => ({ applicant: MARIA_EMAIL, plan: EVERGREEN, patient: MARIA, ...request });
/** James Carter files for his mother Eleanor, who named him her representative. */
const eleanor = (plan: string, request: Omit<DemoRequest, "applicant" | "plan" | "patient" | "representative">): DemoRequest => ({
  applicant: JAMES_EMAIL,
  plan,
  patient: ELEANOR,
  representative: "DESIGNATED_PERSON",
  ...request,
});

const records = (title: string, ...lines: string[]) => ({ kind: "MEDICAL_RECORDS" as const, name: "medical-records.pdf", title, lines });
const doctorsLetter = (title: string, ...lines: string[]) => ({ kind: "PHYSICIAN_LETTER" as const, name: "letter-from-my-doctor.pdf", title, lines });

/** The first steps of most cases: checked eligible, then accepted. */
const screened = (filedAgo: number, acceptedAgo: number): CaseStep[] => [
  { step: "eligibility", ago: (filedAgo + acceptedAgo) / 2 },
  { step: "accept", ago: acceptedAgo },
];

/** One reviewer offered the case an hour after acceptance, who accepts with the attestation an hour later. */
const assigned = (acceptedAgo: number, reviewer: string): CaseStep[] => [
  { step: "offer", ago: acceptedAgo - HOUR, reviewers: [reviewer] },
  { step: "acceptOffer", ago: acceptedAgo - 2 * HOUR, reviewer },
];

/** Reviewer's determination, the coordinator's quality approval, then the letter. */
const decided = (opinions: Opinion[], issuedAgo: number): CaseStep[] => [
  ...opinions.map((opinion): CaseStep => ({ step: "submitDetermination", opinion })),
  { step: "approve" },
  { step: "issueDecision", ago: issuedAgo },
];

const ONCOLOGY_PANEL = ["oncology@reviewers.example", "oncology2@reviewers.example", "hematology@reviewers.example"];

interface DemoCase {
  request: DemoRequest;
  filedAgo: number;
  steps: CaseStep[];
}

interface DemoDraft {
  request: DemoRequest;
  progress: DraftProgress;
}

export const DEMO_CASES: readonly DemoCase[] = [
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
      { step: "planObjects", reason: "The internal appeal is still open: the member asked for it on the same day she filed here." },
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
        ago: 4 * DAY,
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
    steps: [...screened(29 * DAY, 26 * DAY), { step: "lookAfter" }],
  },
  // Accepted, expedited: 72 hours from acceptance, and 80 have gone (overdue).
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
    ],
  },
  // Accepted, the plan's case file received complete.
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
    steps: [...screened(8 * DAY, 5 * DAY), { step: "caseFile", ago: 3 * DAY }],
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
      documents: [records("Cardiology clinic notes", "Recurrent syncope; two 30-day external monitors without findings.")],
    }),
    filedAgo: 14 * DAY,
    steps: [
      ...screened(14 * DAY, 11 * DAY),
      { step: "caseFile", ago: 9 * DAY },
      { step: "matchingFacts", facts: { specialty: "cardiovascular-disease", facility: "Portland Heart Clinic" } },
      { step: "offer", ago: 11 * DAY - HOUR, reviewers: ["cardiology2@reviewers.example"] },
      { step: "declineOffer", ago: 11 * DAY - 3 * HOUR, reviewer: "cardiology2@reviewers.example", reason: "Away at a conference all week." },
      ...assigned(11 * DAY - 3 * HOUR, "cardiology@reviewers.example"),
      {
        step: "draftDetermination",
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
      { step: "matchingFacts", facts: { specialty: "medical-oncology", facility: "UC San Diego Moores Cancer Center", manufacturer: "Northwind Biologics, Inc." } },
      { step: "offer", ago: 12 * DAY - HOUR, reviewers: ONCOLOGY_PANEL },
      ...ONCOLOGY_PANEL.map((reviewer, index): CaseStep => ({ step: "acceptOffer", ago: 12 * DAY - (2 + index) * HOUR, reviewer })),
      {
        step: "submitDetermination",
        opinion: {
          reviewer: "oncology@reviewers.example",
          outcome: "OVERTURNED",
          reasons: "CAR-T therapy is an accepted treatment for large B-cell lymphoma relapsed after two lines of therapy.",
          rationale: "Age alone is not a contraindication; the patient's performance status and organ function meet the trial criteria.",
          reference: { title: "Axicabtagene ciloleucel as second-line therapy for large B-cell lymphoma", source: "New England Journal of Medicine", year: 2022 },
        },
      },
    ],
  },

  // Decided, upheld by a panel (two to one), 18 days ago within its 40-day clock: closed at once.
  {
    request: eleanor(EVERGREEN, {
      claim: "EHP-DEMO-1003",
      service: "Proton beam therapy for a brain tumour",
      procedureCodes: "77525",
      diagnosisCodes: "D32.0",
      provider: { name: "Dr. Peter Novak", npi: "1558367124", facility: "Northwest Proton Center" },
      denialReason: "Experimental or investigational for this diagnosis.",
      disputeType: "EXPERIMENTAL_INVESTIGATIONAL",
      statement: "Proton therapy spares the healthy brain around the tumour. My mother's radiation oncologist recommends it.",
      documents: [records("MRI of the brain", "Meningioma of the left convexity, 3.1 cm.")],
    }),
    filedAgo: 40 * DAY,
    steps: [
      ...screened(40 * DAY, 37 * DAY),
      { step: "caseFile", ago: 35 * DAY },
      { step: "matchingFacts", facts: { specialty: "medical-oncology", facility: "Northwest Proton Center" } },
      { step: "offer", ago: 37 * DAY - HOUR, reviewers: ONCOLOGY_PANEL },
      ...ONCOLOGY_PANEL.map((reviewer, index): CaseStep => ({ step: "acceptOffer", ago: 37 * DAY - (2 + index) * HOUR, reviewer })),
      ...decided(
        [
          {
            reviewer: "oncology@reviewers.example",
            outcome: "UPHELD",
            reasons: "Photon radiotherapy with modern techniques gives the same control of a benign meningioma.",
            rationale: "No trial shows better outcomes with protons for an adult convexity meningioma; the dose to healthy brain is already low.",
            reference: { title: "Proton therapy: ASTRO model policy", source: "American Society for Radiation Oncology", year: 2022 },
          },
          {
            reviewer: "oncology2@reviewers.example",
            outcome: "UPHELD",
            reasons: "The evidence for protons in this setting is limited to case series.",
            rationale: "Standard fractionated or stereotactic photon treatment is effective and available.",
            reference: { title: "Meningioma: EANO guidelines", source: "Lancet Oncology", year: 2016 },
          },
          {
            reviewer: "hematology@reviewers.example",
            outcome: "OVERTURNED",
            reasons: "Protons lower the dose to the hippocampus, which matters for memory at the patient's age.",
            rationale: "The dosimetry comparison in the plan's own file shows a meaningful sparing of healthy tissue.",
            reference: { title: "Proton versus photon radiotherapy for meningioma: a dosimetric review", source: "Radiotherapy and Oncology", year: 2019 },
          },
        ],
        18 * DAY,
      ),
    ],
  },
  // Decided, overturned, and the plan confirmed it complied the next day: closed.
  {
    request: maria({
      claim: "EHP-DEMO-1007",
      service: "Total knee replacement, right knee",
      procedureCodes: "27447",
      diagnosisCodes: "M17.11",
      provider: { name: "Dr. Samuel Wright", npi: "1356478902", facility: "Legacy Good Samaritan Medical Center" },
      denialReason: "Not medically necessary: the member's body mass index is above the plan's limit.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "The arthritis is bone on bone and I can barely walk a block. I have lost 30 pounds as my surgeon asked.",
      documents: [records("Knee X-rays", "Severe tricompartmental osteoarthritis with complete loss of the medial joint space.")],
    }),
    filedAgo: 30 * DAY,
    steps: [
      ...screened(30 * DAY, 27 * DAY),
      { step: "caseFile", ago: 25 * DAY },
      { step: "matchingFacts", facts: { specialty: "orthopaedic-surgery", facility: "Legacy Good Samaritan Medical Center" } },
      ...assigned(27 * DAY, "orthopaedics@reviewers.example"),
      ...decided(
        [
          {
            reviewer: "orthopaedics@reviewers.example",
            outcome: "OVERTURNED",
            reasons: "End-stage osteoarthritis that failed a year of conservative care.",
            rationale: "A body mass index of 38 raises the risk of complications but is not a reason to deny a replacement that is otherwise indicated.",
            reference: { title: "Management of osteoarthritis of the knee (non-arthroplasty)", source: "American Academy of Orthopaedic Surgeons", year: 2021 },
          },
        ],
        7 * DAY,
      ),
      { step: "confirmCompliance", ago: 6 * DAY, authorization: "EHP-AUTH-55120" },
    ],
  },
  // Decided, upheld, then amended to correct the letter: both versions on file.
  {
    request: maria({
      claim: "EHP-DEMO-1008",
      service: "Insulin pump replacement before the warranty ends",
      procedureCodes: "E0784",
      diagnosisCodes: "E10.9",
      provider: { name: "Dr. Ingrid Soto", npi: "1467592083" },
      denialReason: "The current pump works; a replacement is covered when it fails or the warranty ends.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "My pump is four years old and I worry it will stop working.",
    }),
    filedAgo: 35 * DAY,
    steps: [
      ...screened(35 * DAY, 32 * DAY),
      { step: "matchingFacts", facts: { specialty: "endocrinology-diabetes-and-metabolism" } },
      ...assigned(32 * DAY, "endocrinology@reviewers.example"),
      ...decided(
        [
          {
            reviewer: "endocrinology@reviewers.example",
            outcome: "UPHELD",
            reasons: "The pump works as it should and its warranty runs for another five months.",
            rationale: "Replacing a working pump early brings no clinical benefit; the plan covers a replacement when it fails.",
            reference: { title: "Standards of care in diabetes: diabetes technology", source: "American Diabetes Association", year: 2024 },
          },
        ],
        12 * DAY,
      ),
      { step: "amendDecision", ago: 11 * DAY, reason: "The first letter gave the wrong date for the end of the pump's warranty." },
    ],
  },
  // Decided, overturned in part: the plan must comply (California, 5 business days) and has not yet.
  {
    request: eleanor(PACIFIC, {
      claim: "PCH-DEMO-2005",
      service: "Botulinum toxin injections for post-stroke spasticity, arm and leg",
      procedureCodes: "64642",
      diagnosisCodes: "I69.351",
      provider: { name: "Dr. Aaron Blake", npi: "1821063785" },
      denialReason: "Not medically necessary.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "The stiffness in my mother's arm and leg makes dressing and walking painful.",
      documents: [records("Rehabilitation assessment", "Modified Ashworth score 3 in the elbow flexors, 1+ in the ankle plantar flexors.")],
    }),
    filedAgo: 25 * DAY,
    steps: [
      ...screened(25 * DAY, 23 * DAY),
      { step: "matchingFacts", facts: { specialty: "neurology" } },
      ...assigned(23 * DAY, "neurology@reviewers.example"),
      ...decided(
        [
          {
            reviewer: "neurology@reviewers.example",
            outcome: "OVERTURNED_IN_PART",
            partOverturned: "The injections for the arm are covered; those for the leg are not.",
            reasons: "The arm's spasticity is severe and limits daily care; the leg's is mild.",
            rationale: "Botulinum toxin is effective for focal upper-limb spasticity after stroke; mild ankle spasticity is better treated with stretching and a brace.",
            reference: { title: "Practice guideline update: botulinum neurotoxin for spasticity", source: "Neurology", year: 2016 },
          },
        ],
        1 * DAY,
      ),
    ],
  },

  // Withdrawn by the applicant, and found ineligible with its notice.
  {
    request: eleanor(PACIFIC, {
      claim: "PCH-DEMO-2006",
      service: "Cataract surgery, left eye",
      procedureCodes: "66984",
      diagnosisCodes: "H25.12",
      provider: { name: "Dr. Hannah Lee", npi: "1629071844" },
      denialReason: "Visual acuity does not meet the plan's criteria.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "My mother can no longer read or drive at dusk.",
    }),
    filedAgo: 12 * DAY,
    steps: [{ step: "withdraw", ago: 9 * DAY, reason: "Her eye surgeon found another way to get the surgery covered." }],
  },
  {
    request: maria({
      claim: "EHP-DEMO-1009",
      service: "Rhinoplasty",
      procedureCodes: "30400",
      diagnosisCodes: "M95.0",
      provider: { name: "Dr. Julia Marsh", npi: "1194762380" },
      denialReason: "Cosmetic surgery is excluded by the member's contract.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "I have never liked the shape of my nose since an injury as a child.",
    }),
    filedAgo: 9 * DAY,
    steps: [
      { step: "eligibility", ago: 7 * DAY, unmet: { criterion: "COVERED_BENEFIT", note: "Cosmetic surgery is a plain exclusion of the contract, not a medical judgement." } },
      { step: "findIneligible", ago: 7 * DAY, reason: "The plan refused under its contract's exclusion of cosmetic surgery; an independent review covers medical judgements only." },
    ],
  },
];

/** Drafts the applicants are still writing, each left at a different step. */
export const DEMO_DRAFTS: readonly DemoDraft[] = [
  {
    request: maria({
      claim: "EHP-DEMO-1010",
      service: "Sleep study in a hospital laboratory",
      procedureCodes: "95810",
      diagnosisCodes: "G47.33",
      provider: { name: "Dr. Paul Chen" },
      denialReason: "A home sleep test must be tried first.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "",
    }),
    progress: { resumeAt: "denial", typedSoFar: ["denialDate", "planDenialReference", "serviceDescription"] },
  },
  {
    request: maria({
      claim: "EHP-DEMO-1011",
      service: "Physical therapy for a frozen shoulder, left",
      procedureCodes: "97140",
      diagnosisCodes: "M75.02",
      provider: { name: "Dr. Rachel Kim", npi: "1396842755" },
      denialReason: "Not medically necessary.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "My shoulder has been frozen for five months and is not getting better on its own.",
    }),
    progress: { resumeAt: "review" },
  },
  {
    request: eleanor(PACIFIC, {
      claim: "PCH-DEMO-2007",
      service: "Power wheelchair",
      procedureCodes: "K0823",
      diagnosisCodes: "I69.351",
      provider: { name: "Dr. Aaron Blake", npi: "1821063785" },
      denialReason: "A manual wheelchair meets the member's needs.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "",
    }),
    progress: { resumeAt: "urgency" },
  },
  {
    request: eleanor(PACIFIC, {
      claim: "PCH-DEMO-2008",
      service: "Dental implants after jaw surgery",
      procedureCodes: "D6010",
      diagnosisCodes: "K08.109",
      provider: { name: "Dr. Nora Patel" },
      denialReason: "Dental implants are not a covered medical benefit.",
      disputeType: "MEDICAL_NECESSITY",
      statement: "The teeth were lost to the jaw surgery for her cancer, not to dental disease.",
    }),
    progress: { resumeAt: "documents", uploadedSoFar: 1 },
  },
];

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
    await fillDraft(db, people, draft.request, draft.progress, now);
    created += 1;
  }
  return created;
}
