/**
 * The specialty a case most likely needs, read from the codes the applicant
 * gave: the coordinator starts from it on the reviewers page and changes it
 * when the records say otherwise. The codes go through the regulator's
 * categories (reports/regulator-categories.ts), which already sort every
 * ICD-10 and CPT/HCPCS range; each category is then served by the specialty
 * that usually treats it. The treatment decides first, since the reviewer
 * must practise what is in dispute (a spine fusion needs a spine surgeon
 * whatever the diagnosis); a treatment any specialty may order (a drug,
 * imaging, equipment) leaves it to the diagnosis.
 */
import { icd10Category, procedureCode, suggestCategories, type Categorized } from "./reports/regulator-categories";

/** "Category" or "Category|Subcategory" → specialty code; the subcategory's entry wins. */
type CategorySpecialties = Readonly<Record<string, string>>;

const BY_TREATMENT: CategorySpecialties = {
  "Autism related treatment": "developmental-behavioral-pediatrics",
  "Cancer care": "medical-oncology",
  "Cancer care|Proton beam therapy": "radiation-oncology",
  "Cancer care|Radiation therapy": "radiation-oncology",
  "Cardiovascular procedure": "cardiovascular-disease",
  "Cardiovascular procedure|Ablation": "clinical-cardiac-electrophysiology",
  "Cardiovascular procedure|Pacemaker or defibrillator": "clinical-cardiac-electrophysiology",
  "Electrical/thermal/radiofrequency interventions|Neurostimulator": "pain-medicine",
  "Emergency/urgent care": "emergency-medicine",
  "General surgery": "general-surgery",
  "General surgery|Neurosurgery": "neurological-surgery",
  "Hearing services": "otolaryngology",
  "Mental health treatment": "psychiatry",
  "Orthopedic procedure": "orthopaedic-surgery",
  "Reconstructive/plastic surgery": "plastic-surgery",
  "Rehabilitation/therapy": "physical-medicine-and-rehabilitation",
};

const BY_DIAGNOSIS: CategorySpecialties = {
  "Blood related disorder": "hematology",
  Cancer: "medical-oncology",
  "Cardiac/Circulatory": "cardiovascular-disease",
  "Cardiac/Circulatory|Atrial fibrillation": "clinical-cardiac-electrophysiology",
  "Cardiac/Circulatory|Heart failure": "advanced-heart-failure-and-transplant-cardiology",
  "Cardiac/Circulatory|Stroke": "vascular-neurology",
  "Chronic pain": "pain-medicine",
  "Digestive system/Gastrointestinal": "gastroenterology",
  "Ears, nose, throat": "otolaryngology",
  "Endocrine/Metabolic": "endocrinology-diabetes-and-metabolism",
  "Genetic disease": "clinical-genetics-and-genomics",
  "Genitourinary/Kidney": "urology",
  "Genitourinary/Kidney|Kidney disease": "nephrology",
  Infectious: "infectious-disease",
  Mental: "psychiatry",
  "Mental|Autism spectrum disorder": "developmental-behavioral-pediatrics",
  "Mental|Substance use disorder": "addiction-medicine",
  Neurological: "neurology",
  "Neurological|Epilepsy": "epilepsy",
  "OB-GYN/Pregnancy": "obstetrics-and-gynecology",
  "OB-GYN/Pregnancy|Infertility": "reproductive-endocrinology-and-infertility",
  "OB-GYN/Pregnancy|Pregnancy": "maternal-fetal-medicine",
  "Orthopedic/Musculoskeletal": "orthopaedic-surgery",
  "Respiratory system": "pulmonary-disease",
  "Skin disorder": "dermatology",
  "Trauma/Injury": "orthopaedic-surgery",
  Vision: "ophthalmology",
};

export interface SpecialtySuggestion {
  /** The specialty's code (app/domain/specialties.ts). */
  code: string;
  /** The code it was read from, as given ("I48.91"). */
  fromCode: string;
  kind: "diagnosis" | "treatment";
  /** The regulator's category the code falls in. */
  category: Categorized;
}

function specialtyOf(table: CategorySpecialties, category: Categorized): string | null {
  return table[`${category.category}|${category.subcategory}`] ?? table[category.category] ?? null;
}

/**
 * The specialty the first treatment code points to, else the first
 * diagnosis code's; null when no code points to one (no codes, or only
 * codes for drugs, imaging or equipment with no diagnosis to go on).
 */
export function suggestSpecialty(codes: { diagnosisCodes: readonly string[]; procedureCodes: readonly string[] }): SpecialtySuggestion | null {
  for (const fromCode of codes.procedureCodes) {
    if (procedureCode(fromCode) === null) continue;
    const category = suggestCategories({ diagnosisCodes: [], procedureCodes: [fromCode] }).treatment;
    const code = category ? specialtyOf(BY_TREATMENT, category) : null;
    if (category && code) return { code, fromCode, kind: "treatment", category };
  }
  for (const fromCode of codes.diagnosisCodes) {
    if (icd10Category(fromCode) === null) continue;
    const category = suggestCategories({ diagnosisCodes: [fromCode], procedureCodes: [] }).diagnosis;
    const code = category ? specialtyOf(BY_DIAGNOSIS, category) : null;
    if (category && code) return { code, fromCode, kind: "diagnosis", category };
  }
  return null;
}

/** Every specialty code the tables name, for checking they all exist. */
export const SUGGESTED_SPECIALTY_CODES: readonly string[] = [...new Set([...Object.values(BY_TREATMENT), ...Object.values(BY_DIAGNOSIS)])];
