/**
 * Demo cases whose review has ended: decided (upheld by a panel, overturned
 * with compliance confirmed, upheld then amended, overturned in part and
 * awaiting compliance), withdrawn and found ineligible. See demo-cases.ts.
 */
import { assigned, DAY, decided, HOUR, matched, ONCOLOGY_PANEL, screened, type CaseStep, type DemoCase } from "./demo-case-steps";
import { eleanor, EVERGREEN, lucia, maria, PACIFIC, records } from "./demo-requests";

export const DEMO_DECIDED_CASES: readonly DemoCase[] = [
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
      matched(37 * DAY, { specialty: "medical-oncology", facility: "Northwest Proton Center" }),
      { step: "offer", ago: 37 * DAY - HOUR, reviewers: ONCOLOGY_PANEL },
      ...ONCOLOGY_PANEL.map((reviewer, index): CaseStep => ({ step: "acceptOffer", ago: 37 * DAY - (2 + index) * HOUR, reviewer })),
      { step: "caseFile", ago: 35 * DAY },
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
        22 * DAY,
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
      matched(27 * DAY, { specialty: "orthopaedic-surgery", facility: "Legacy Good Samaritan Medical Center" }),
      ...assigned(27 * DAY, "orthopaedics@reviewers.example"),
      { step: "caseFile", ago: 25 * DAY },
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
        10 * DAY,
        7 * DAY,
      ),
      { step: "confirmCompliance", ago: 6 * DAY, authorization: "EHP-AUTH-55120" },
    ],
  },
  // Decided, overturned, for an applicant who reads Spanish: her letter is in Spanish, her plan's copy in English; the plan has not yet complied.
  {
    request: lucia({
      claim: "PCH-DEMO-2009",
      service: "Continuous glucose monitor (monitor continuo de glucosa)",
      procedureCodes: "A9276",
      diagnosisCodes: "E10.649",
      provider: { name: "Dra. Carmen Ruiz", npi: "1730284619", facility: "Clínica Familiar del Este" },
      denialReason: "Not medically necessary: the member checks her blood sugar with finger sticks.",
      disputeType: "MEDICAL_NECESSITY",
      statement:
        "Tengo diabetes tipo 1 desde niña. De noche el azúcar me baja sin que me dé cuenta y ya me desmayé dos veces este año. Mi doctora dice que el monitor me avisaría a tiempo.",
      documents: [
        records("Notas de la clínica", "Type 1 diabetes since age 9. Two episodes of severe nocturnal hypoglycemia in 2026, one requiring glucagon."),
      ],
    }),
    filedAgo: 20 * DAY,
    steps: [
      ...screened(20 * DAY, 18 * DAY),
      matched(18 * DAY, { specialty: "endocrinology-diabetes-and-metabolism" }),
      ...assigned(18 * DAY, "endocrinology@reviewers.example"),
      { step: "caseFile", ago: 16 * DAY },
      ...decided(
        [
          {
            reviewer: "endocrinology@reviewers.example",
            outcome: "OVERTURNED",
            reasons: "Type 1 diabetes with repeated severe hypoglycemia that the patient does not feel coming.",
            rationale:
              "A continuous glucose monitor with alarms is the standard of care for hypoglycemia unawareness; finger sticks cannot warn her during the night.",
            reference: { title: "Standards of care in diabetes: diabetes technology", source: "American Diabetes Association", year: 2024 },
          },
        ],
        5 * DAY,
        2 * DAY,
      ),
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
      matched(32 * DAY, { specialty: "endocrinology-diabetes-and-metabolism" }),
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
        15 * DAY,
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
      matched(23 * DAY, { specialty: "neurology" }),
      ...assigned(23 * DAY, "neurology@reviewers.example"),
      ...decided(
        [
          {
            reviewer: "neurology@reviewers.example",
            outcome: "OVERTURNED_IN_PART",
            partOverturned: "The injections for the arm are covered; those for the leg are not.",
            reasons: "The arm's spasticity is severe and limits daily care; the leg's is mild.",
            rationale:
              "Botulinum toxin is effective for focal upper-limb spasticity after stroke; mild ankle spasticity is better treated with stretching and a brace.",
            reference: { title: "Practice guideline update: botulinum neurotoxin for spasticity", source: "Neurology", year: 2016 },
          },
        ],
        4 * DAY,
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
      {
        step: "eligibility",
        ago: 7 * DAY,
        unmet: { criterion: "COVERED_BENEFIT", note: "Cosmetic surgery is a plain exclusion of the contract, not a medical judgement." },
      },
      {
        step: "findIneligible",
        ago: 7 * DAY - 2 * HOUR,
        reason: "The plan refused under its contract's exclusion of cosmetic surgery; an independent review covers medical judgements only.",
      },
    ],
  },
];
