/**
 * The demo's public library of decisions (/decisions): decisions from the
 * organization's earlier years, already de-identified and published (their
 * cases purged long ago, so they point at none), and, for each demo case
 * decided now, five earlier decisions alike, so that approving its draft
 * publishes it at once (five alike, docs/rules/publication.md). Lucía
 * Hernández's overturned case is approved here through the portal's own
 * operation; the others wait as drafts for a coordinator.
 */
import type { Db, Prisma } from "~/server/db.server";
import { reviewPublication } from "~/server/publication/review-publication.server";
import type { People } from "./demo-people";

const COORDINATOR = "coordinator@imr.example";
const PUBLISHED_NOW = "PCH-DEMO-2009";

export interface LibraryTopic {
  diagnosisCategory: string;
  diagnosisSubcategory: string;
  treatmentCategory: string;
  treatmentSubcategory: string;
  overturned: string;
  upheld: string;
  literature: { title: string; source: string; year: number; url: string };
}

/** Findings as reviewers write them, already free of identifiers: the library's and the bench's vocabulary. */
export const LIBRARY_TOPICS: readonly LibraryTopic[] = [
  {
    diagnosisCategory: "Orthopedic/Musculoskeletal",
    diagnosisSubcategory: "Knee",
    treatmentCategory: "Orthopedic procedure",
    treatmentSubcategory: "Joint replacement",
    overturned:
      "The patient has end-stage osteoarthritis of the knee with bone-on-bone narrowing on weight-bearing films and failed six months of physical therapy, injections and anti-inflammatory drugs. Total knee arthroplasty is medically necessary.",
    upheld:
      "Imaging shows moderate osteoarthritis of the knee without collapse. Conservative treatment was tried for six weeks only; guidelines ask for a longer trial of physical therapy and weight loss before arthroplasty.",
    literature: { title: "Management of osteoarthritis of the knee", source: "American Academy of Orthopaedic Surgeons", year: 2021, url: "" },
  },
  {
    diagnosisCategory: "Orthopedic/Musculoskeletal",
    diagnosisSubcategory: "Back and spine",
    treatmentCategory: "Orthopedic procedure",
    treatmentSubcategory: "Spine surgery",
    overturned:
      "Progressive weakness of the foot with a large disc herniation compressing the nerve root. Decompression is medically necessary to prevent permanent deficit; waiting for further conservative care risks harm.",
    upheld:
      "Chronic low back pain without radiculopathy or instability. Lumbar fusion is not shown to be better than an intensive rehabilitation program for this presentation.",
    literature: { title: "Diagnosis and treatment of lumbar disc herniation with radiculopathy", source: "North American Spine Society", year: 2020, url: "" },
  },
  {
    diagnosisCategory: "Cancer",
    diagnosisSubcategory: "Brain",
    treatmentCategory: "Cancer care",
    treatmentSubcategory: "Proton beam therapy",
    overturned:
      "Proton beam therapy lowers the dose to the hippocampus and the optic pathway for this skull-base tumor; the dosimetric comparison shows meaningful sparing. Proton therapy is medically necessary.",
    upheld: "For an adult convexity meningioma, photon radiotherapy with modern techniques gives the same control; protons are not shown to improve outcomes.",
    literature: { title: "Proton beam therapy model policy", source: "American Society for Radiation Oncology", year: 2022, url: "" },
  },
  {
    diagnosisCategory: "Cancer",
    diagnosisSubcategory: "Breast",
    treatmentCategory: "Diagnostic imaging, screening and testing",
    treatmentSubcategory: "Genetic testing",
    overturned:
      "A strong family history of breast and ovarian cancer meets the criteria for germline BRCA testing; the result changes surgical and screening decisions. Genetic testing is medically necessary.",
    upheld:
      "The family history does not meet the testing criteria and no result would change management; genetic testing is not medically necessary at this time.",
    literature: { title: "Genetic/familial high-risk assessment: breast, ovarian and pancreatic", source: "NCCN Guidelines", year: 2023, url: "" },
  },
  {
    diagnosisCategory: "Mental",
    diagnosisSubcategory: "Eating disorder",
    treatmentCategory: "Mental health treatment",
    treatmentSubcategory: "Residential treatment",
    overturned:
      "Anorexia nervosa with continued weight loss despite intensive outpatient care and medical instability on admission. Residential treatment is the appropriate level of care.",
    upheld: "Weight and vital signs are stable and the patient is engaged in intensive outpatient therapy; the residential level of care is not needed now.",
    literature: {
      title: "Practice guideline for the treatment of patients with eating disorders",
      source: "American Psychiatric Association",
      year: 2023,
      url: "",
    },
  },
  {
    diagnosisCategory: "Mental",
    diagnosisSubcategory: "Autism spectrum disorder",
    treatmentCategory: "Autism related treatment",
    treatmentSubcategory: "Applied behavior analysis",
    overturned:
      "The child's assessment shows measurable gains with applied behavior analysis and clear goals for the next period. Continued ABA at the requested hours is medically necessary.",
    upheld: "Progress notes show the goals were met and the family training is complete; the requested increase in hours is not supported.",
    literature: {
      title: "Applied behavior analysis treatment of autism spectrum disorder",
      source: "Council of Autism Service Providers",
      year: 2024,
      url: "",
    },
  },
  {
    diagnosisCategory: "Endocrine/Metabolic",
    diagnosisSubcategory: "Diabetes",
    treatmentCategory: "Durable medical equipment",
    treatmentSubcategory: "Other",
    overturned: "Type 1 diabetes with recurrent severe hypoglycemia and hypoglycemia unawareness. A continuous glucose monitor is medically necessary.",
    upheld: "Type 2 diabetes controlled on oral agents without hypoglycemia; continuous glucose monitoring is not shown to change outcomes here.",
    literature: { title: "Standards of care in diabetes: diabetes technology", source: "American Diabetes Association", year: 2024, url: "" },
  },
  {
    diagnosisCategory: "Cardiac/Circulatory",
    diagnosisSubcategory: "Atrial fibrillation",
    treatmentCategory: "Cardiovascular procedure",
    treatmentSubcategory: "Ablation",
    overturned:
      "Symptomatic paroxysmal atrial fibrillation despite two antiarrhythmic drugs. Catheter ablation is medically necessary and consistent with the guideline.",
    upheld: "Atrial fibrillation is controlled with rate control and anticoagulation and the symptoms are minimal; ablation is not necessary now.",
    literature: { title: "Guideline for the diagnosis and management of atrial fibrillation", source: "ACC/AHA/ACCP/HRS", year: 2023, url: "" },
  },
  {
    diagnosisCategory: "Neurological",
    diagnosisSubcategory: "Migraine",
    treatmentCategory: "Pharmacy/prescription drugs",
    treatmentSubcategory: "Specialty drug",
    overturned:
      "Chronic migraine with more than fifteen headache days a month after three preventive drugs failed. A CGRP monoclonal antibody is medically necessary.",
    upheld: "Episodic migraine with fewer than four days a month; first-line preventive drugs have not been tried.",
    literature: { title: "The American Headache Society consensus statement on preventive treatment", source: "Headache", year: 2021, url: "" },
  },
  {
    diagnosisCategory: "Respiratory system",
    diagnosisSubcategory: "Sleep apnea",
    treatmentCategory: "Durable medical equipment",
    treatmentSubcategory: "Other",
    overturned: "Severe obstructive sleep apnea on polysomnography with daytime sleepiness. Positive airway pressure therapy is medically necessary.",
    upheld: "The sleep study shows mild sleep apnea without symptoms; positive airway pressure is not necessary.",
    literature: {
      title: "Clinical practice guideline for the treatment of obstructive sleep apnea with PAP",
      source: "American Academy of Sleep Medicine",
      year: 2019,
      url: "",
    },
  },
];

const AGE_RANGES = ["21-30", "31-40", "41-50", "51-64", "65+"] as const;
const GENDERS = ["FEMALE", "MALE"] as const;

/** What five published decisions alike share (docs/rules/publication.md, "At least five alike"). */
interface Alike {
  year: number;
  ageRange: string | null;
  gender: string | null;
  diagnosisCategory: string;
  diagnosisSubcategory: string;
}

/** One earlier decision, already de-identified and published: the n-th of the demo library, so the same each time. */
export function libraryDecision(
  topic: LibraryTopic,
  alike: Alike,
  n: number,
  planIds: readonly string[],
  publishedAt: Date,
): Prisma.PublicationCreateManyInput {
  const overturned = n % 5 < 3;
  const expedited = n % 7 === 0;
  const findings = overturned ? topic.overturned : topic.upheld;
  return {
    ...alike,
    status: "PUBLISHED",
    diagnosisDetail: "SUBCATEGORY",
    shownDiagnosisSubcategory: alike.diagnosisSubcategory,
    draftFindings: findings,
    findings,
    treatmentCategory: topic.treatmentCategory,
    treatmentSubcategory: topic.treatmentSubcategory,
    outcome: overturned ? (n % 10 === 1 ? "OVERTURNED_IN_PART" : "OVERTURNED") : "UPHELD",
    disputeType: topic.treatmentSubcategory === "Proton beam therapy" ? "EXPERIMENTAL_INVESTIGATIONAL" : "MEDICAL_NECESSITY",
    track: expedited ? "EXPEDITED" : "STANDARD",
    planId: planIds[n % planIds.length] ?? null,
    daysToDecision: expedited ? 1 + (n % 3) : 18 + (n % 27),
    decidedOnTime: n % 11 !== 5,
    literature: [topic.literature],
    approvedAt: publishedAt,
    publishedAt,
  };
}

/** A topic for a demo case's diagnosis: its own category's if the library has one. */
function topicFor(diagnosisCategory: string): LibraryTopic {
  return LIBRARY_TOPICS.find((topic) => topic.diagnosisCategory === diagnosisCategory) ?? LIBRARY_TOPICS[0]!;
}

export async function seedDemoLibrary(db: Db, people: People, now: Date): Promise<void> {
  if (await db.publication.findFirst({ where: { caseId: null }, select: { id: true } })) return;
  const drafts = await db.publication.findMany({
    where: { status: "DRAFT" },
    orderBy: { number: "asc" },
    select: { year: true, ageRange: true, gender: true, diagnosisCategory: true, diagnosisSubcategory: true, case: { select: { planDenialReference: true } } },
  });
  if (drafts.length === 0) return;
  const planIds = (await db.healthPlan.findMany({ orderBy: { name: "asc" }, select: { id: true } })).map((plan) => plan.id);
  const thisYear = Math.max(...drafts.map((draft) => draft.year));
  const rows: Prisma.PublicationCreateManyInput[] = [];
  let n = 0;
  for (const year of [thisYear - 2, thisYear - 1]) {
    const publishedAt = new Date(Date.UTC(year, 11, 15));
    for (const [index, topic] of LIBRARY_TOPICS.entries()) {
      const alike = {
        year,
        ageRange: AGE_RANGES[(index + year) % AGE_RANGES.length]!,
        gender: GENDERS[index % GENDERS.length]!,
        diagnosisCategory: topic.diagnosisCategory,
        diagnosisSubcategory: topic.diagnosisSubcategory,
      };
      for (let copy = 0; copy < 5; copy += 1) rows.push(libraryDecision(topic, alike, n++, planIds, publishedAt));
    }
  }
  // Five alike for each case decided now (five, so they stand on their own): approving any of their drafts publishes it.
  const earlier = new Date(now.getTime() - 60 * 86_400_000);
  for (const draft of drafts) {
    const alike = {
      year: draft.year,
      ageRange: draft.ageRange,
      gender: draft.gender,
      diagnosisCategory: draft.diagnosisCategory,
      diagnosisSubcategory: draft.diagnosisSubcategory,
    };
    for (let copy = 0; copy < 5; copy += 1) rows.push(libraryDecision(topicFor(draft.diagnosisCategory), alike, n++, planIds, earlier));
  }
  await db.publication.createMany({ data: rows });

  const lucia = await db.case.findFirst({
    where: { planDenialReference: PUBLISHED_NOW },
    select: { id: true, version: true, decidedAt: true, publication: true },
  });
  if (lucia?.publication?.status === "DRAFT") {
    const coordinator = await people(COORDINATOR);
    await reviewPublication({
      ...coordinator,
      caseId: lucia.id,
      expectedVersion: lucia.version,
      input: { intent: "approve", version: lucia.version, findings: lucia.publication.draftFindings, relativeNames: [] },
      // Approved the hour after the decision.
      at: new Date(lucia.decidedAt!.getTime() + 3_600_000),
    });
  }
}
