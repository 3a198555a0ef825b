/**
 * The diagnosis and treatment categories regulators publish with each
 * decision (docs/rules/records-audit-reports.md, "Categories"). The lists
 * follow the California DMHC's IMR data, whose categories most states'
 * reports reuse; each category ends with "Other" so every case fits one.
 * The coordinator chooses them at acceptance; `suggestCategories` proposes
 * them from the case's ICD-10 and CPT/HCPCS codes.
 */

export interface CategoryList {
  category: string;
  subcategories: readonly string[];
}

export const OTHER = "Other";

const list = (category: string, ...subcategories: string[]): CategoryList => ({ category, subcategories: [...subcategories, OTHER] });

export const DIAGNOSIS_CATEGORIES: readonly CategoryList[] = [
  list("Blood related disorder", "Anemia", "Clotting disorder"),
  list("Cancer", "Brain", "Breast", "Colorectal", "Leukemia and lymphoma", "Lung", "Prostate", "Skin"),
  list("Cardiac/Circulatory", "Atrial fibrillation", "Coronary artery disease", "Heart failure", "Stroke", "Syncope"),
  list("Chronic pain"),
  list("Dental"),
  list("Digestive system/Gastrointestinal", "Inflammatory bowel disease", "Liver disease"),
  list("Ears, nose, throat", "Hearing loss", "Sinusitis"),
  list("Endocrine/Metabolic", "Diabetes", "Obesity", "Thyroid disorder"),
  list("Genetic disease"),
  list("Genitourinary/Kidney", "Kidney disease", "Urinary disorder"),
  list("Infectious", "HIV", "Hepatitis"),
  list("Mental", "Autism spectrum disorder", "Depression", "Eating disorder", "Substance use disorder"),
  list("Neurological", "Epilepsy", "Migraine", "Multiple sclerosis"),
  list("OB-GYN/Pregnancy", "Infertility", "Pregnancy"),
  list("Orthopedic/Musculoskeletal", "Back and spine", "Knee", "Hip", "Shoulder"),
  list("Prevention/Good health"),
  list("Respiratory system", "Asthma", "COPD", "Sleep apnea"),
  list("Skin disorder", "Psoriasis"),
  list("Trauma/Injury"),
  list("Vision", "Glaucoma", "Macular degeneration"),
];

export const TREATMENT_CATEGORIES: readonly CategoryList[] = [
  list("Acute medical services, inpatient", "Hospital admission", "Length of stay"),
  list("Acute medical services, outpatient"),
  list("Autism related treatment", "Applied behavior analysis"),
  list("Cancer care", "Chemotherapy", "Proton beam therapy", "Radiation therapy"),
  list("Cardiovascular procedure", "Ablation", "Pacemaker or defibrillator"),
  list("Chiropractic"),
  list("Dental"),
  list("Diagnostic imaging, screening and testing", "CT scan", "Cardiac monitoring", "Genetic testing", "Laboratory tests", "MRI", "PET scan"),
  list("Durable medical equipment", "Home oxygen", "Orthotics and prosthetics", "Wheelchair and mobility"),
  list("Electrical/thermal/radiofrequency interventions", "Neurostimulator"),
  list("Emergency/urgent care"),
  list("General surgery", "Bariatric surgery", "Neurosurgery"),
  list("Hearing services", "Hearing aids"),
  list("Home health care"),
  list("Mental health treatment", "Psychotherapy", "Residential treatment"),
  list("Orthopedic procedure", "Joint replacement", "Spine surgery"),
  list("Pharmacy/prescription drugs", "Specialty drug"),
  list("Reconstructive/plastic surgery"),
  list("Rehabilitation/therapy", "Occupational therapy", "Physical therapy", "Speech therapy"),
];

export type CategoryKind = "diagnosis" | "treatment";

const LISTS: Record<CategoryKind, readonly CategoryList[]> = { diagnosis: DIAGNOSIS_CATEGORIES, treatment: TREATMENT_CATEGORIES };

export function categoryList(kind: CategoryKind, category: string): CategoryList | undefined {
  return LISTS[kind].find((entry) => entry.category === category);
}

/** Why a chosen category and subcategory are not on the list, or null when they are. */
export function categoryProblem(kind: CategoryKind, category: string, subcategory: string): { field: "category" | "subcategory"; message: string } | null {
  const entry = categoryList(kind, category);
  if (!entry) return { field: "category", message: `Choose the ${kind} category from the list.` };
  if (!entry.subcategories.includes(subcategory)) return { field: "subcategory", message: `Choose a subcategory of ${category}, or ${OTHER}.` };
  return null;
}

/** A category and subcategory, as stored on the case. */
export interface Categorized {
  category: string;
  subcategory: string;
}

export interface SuggestedCategories {
  diagnosis: Categorized | null;
  treatment: Categorized | null;
}

/** A rule: codes from `from` to `to` (compared as text, same length) map to a category. */
interface CodeRange {
  from: string;
  to: string;
  category: string;
  subcategory?: string;
}

const range = (from: string, to: string, category: string, subcategory?: string): CodeRange => ({ from, to, category, subcategory });

/**
 * ICD-10-CM: the three-character category of the code (A00 to Z99). The more
 * specific ranges come first: the first range that holds the code wins.
 */
const ICD10_RANGES: readonly CodeRange[] = [
  range("B20", "B20", "Infectious", "HIV"),
  range("B15", "B19", "Infectious", "Hepatitis"),
  range("A00", "B99", "Infectious"),
  range("C18", "C20", "Cancer", "Colorectal"),
  range("C34", "C34", "Cancer", "Lung"),
  range("C43", "C44", "Cancer", "Skin"),
  range("C50", "C50", "Cancer", "Breast"),
  range("C61", "C61", "Cancer", "Prostate"),
  range("C71", "C71", "Cancer", "Brain"),
  range("C81", "C96", "Cancer", "Leukemia and lymphoma"),
  range("C00", "D49", "Cancer"),
  range("D50", "D64", "Blood related disorder", "Anemia"),
  range("D65", "D69", "Blood related disorder", "Clotting disorder"),
  range("D50", "D89", "Blood related disorder"),
  range("E00", "E07", "Endocrine/Metabolic", "Thyroid disorder"),
  range("E08", "E13", "Endocrine/Metabolic", "Diabetes"),
  range("E66", "E66", "Endocrine/Metabolic", "Obesity"),
  range("E00", "E89", "Endocrine/Metabolic"),
  range("F10", "F19", "Mental", "Substance use disorder"),
  range("F32", "F33", "Mental", "Depression"),
  range("F50", "F50", "Mental", "Eating disorder"),
  range("F84", "F84", "Mental", "Autism spectrum disorder"),
  range("F01", "F99", "Mental"),
  range("G35", "G35", "Neurological", "Multiple sclerosis"),
  range("G40", "G40", "Neurological", "Epilepsy"),
  range("G43", "G43", "Neurological", "Migraine"),
  range("G47", "G47", "Respiratory system", "Sleep apnea"),
  range("G89", "G89", "Chronic pain"),
  range("G00", "G99", "Neurological"),
  range("H40", "H40", "Vision", "Glaucoma"),
  range("H35", "H35", "Vision", "Macular degeneration"),
  range("H00", "H59", "Vision"),
  range("H90", "H91", "Ears, nose, throat", "Hearing loss"),
  range("H60", "H95", "Ears, nose, throat"),
  range("I48", "I48", "Cardiac/Circulatory", "Atrial fibrillation"),
  range("I20", "I25", "Cardiac/Circulatory", "Coronary artery disease"),
  range("I50", "I50", "Cardiac/Circulatory", "Heart failure"),
  range("I60", "I69", "Cardiac/Circulatory", "Stroke"),
  range("I00", "I99", "Cardiac/Circulatory"),
  range("J32", "J32", "Ears, nose, throat", "Sinusitis"),
  range("J44", "J44", "Respiratory system", "COPD"),
  range("J45", "J45", "Respiratory system", "Asthma"),
  range("J00", "J99", "Respiratory system"),
  range("K00", "K14", "Dental"),
  range("K50", "K51", "Digestive system/Gastrointestinal", "Inflammatory bowel disease"),
  range("K70", "K77", "Digestive system/Gastrointestinal", "Liver disease"),
  range("K00", "K95", "Digestive system/Gastrointestinal"),
  range("L40", "L40", "Skin disorder", "Psoriasis"),
  range("L00", "L99", "Skin disorder"),
  range("M40", "M54", "Orthopedic/Musculoskeletal", "Back and spine"),
  range("M16", "M16", "Orthopedic/Musculoskeletal", "Hip"),
  range("M17", "M17", "Orthopedic/Musculoskeletal", "Knee"),
  range("M75", "M75", "Orthopedic/Musculoskeletal", "Shoulder"),
  range("M00", "M99", "Orthopedic/Musculoskeletal"),
  range("N17", "N19", "Genitourinary/Kidney", "Kidney disease"),
  range("N30", "N39", "Genitourinary/Kidney", "Urinary disorder"),
  range("N97", "N97", "OB-GYN/Pregnancy", "Infertility"),
  range("N80", "N98", "OB-GYN/Pregnancy"),
  range("N00", "N99", "Genitourinary/Kidney"),
  range("O00", "O9A", "OB-GYN/Pregnancy", "Pregnancy"),
  range("Q00", "Q99", "Genetic disease"),
  range("R55", "R55", "Cardiac/Circulatory", "Syncope"),
  range("S00", "T88", "Trauma/Injury"),
  range("Z00", "Z13", "Prevention/Good health"),
];

/** CPT (five digits) and HCPCS Level II (a letter and four digits). */
const PROCEDURE_RANGES: readonly CodeRange[] = [
  range("10004", "19499", "Reconstructive/plastic surgery"),
  range("22010", "22899", "Orthopedic procedure", "Spine surgery"),
  range("27130", "27130", "Orthopedic procedure", "Joint replacement"),
  range("27447", "27447", "Orthopedic procedure", "Joint replacement"),
  range("20005", "29999", "Orthopedic procedure"),
  range("33202", "33275", "Cardiovascular procedure", "Pacemaker or defibrillator"),
  range("93650", "93657", "Cardiovascular procedure", "Ablation"),
  range("33010", "37799", "Cardiovascular procedure"),
  range("43644", "43775", "General surgery", "Bariatric surgery"),
  range("63650", "63688", "Electrical/thermal/radiofrequency interventions", "Neurostimulator"),
  range("61000", "64999", "General surgery", "Neurosurgery"),
  range("30000", "69990", "General surgery"),
  range("70450", "70498", "Diagnostic imaging, screening and testing", "CT scan"),
  range("70540", "70559", "Diagnostic imaging, screening and testing", "MRI"),
  range("72141", "72158", "Diagnostic imaging, screening and testing", "MRI"),
  range("78811", "78816", "Diagnostic imaging, screening and testing", "PET scan"),
  range("77520", "77525", "Cancer care", "Proton beam therapy"),
  range("77261", "77799", "Cancer care", "Radiation therapy"),
  range("70010", "79999", "Diagnostic imaging, screening and testing"),
  range("81105", "81479", "Diagnostic imaging, screening and testing", "Genetic testing"),
  range("80047", "89398", "Diagnostic imaging, screening and testing", "Laboratory tests"),
  range("90785", "90899", "Mental health treatment", "Psychotherapy"),
  range("92507", "92508", "Rehabilitation/therapy", "Speech therapy"),
  range("92550", "92700", "Hearing services"),
  range("93224", "93272", "Diagnostic imaging, screening and testing", "Cardiac monitoring"),
  range("93000", "93799", "Diagnostic imaging, screening and testing"),
  range("96401", "96549", "Cancer care", "Chemotherapy"),
  range("97151", "97158", "Autism related treatment", "Applied behavior analysis"),
  range("97165", "97168", "Rehabilitation/therapy", "Occupational therapy"),
  range("97010", "97799", "Rehabilitation/therapy", "Physical therapy"),
  range("98940", "98943", "Chiropractic"),
  range("99221", "99239", "Acute medical services, inpatient", "Hospital admission"),
  range("99281", "99285", "Emergency/urgent care"),
  range("99202", "99215", "Acute medical services, outpatient"),
  range("A4000", "A9999", "Durable medical equipment"),
  range("D0100", "D9999", "Dental"),
  range("E1390", "E1392", "Durable medical equipment", "Home oxygen"),
  range("E0424", "E0487", "Durable medical equipment", "Home oxygen"),
  range("E0950", "E1298", "Durable medical equipment", "Wheelchair and mobility"),
  range("E0100", "E8002", "Durable medical equipment"),
  range("G0151", "G0162", "Home health care"),
  range("H0015", "H0019", "Mental health treatment", "Residential treatment"),
  range("J9000", "J9999", "Cancer care", "Chemotherapy"),
  range("J0120", "J8999", "Pharmacy/prescription drugs", "Specialty drug"),
  range("K0001", "K0899", "Durable medical equipment", "Wheelchair and mobility"),
  range("L0112", "L9900", "Durable medical equipment", "Orthotics and prosthetics"),
  range("S9123", "S9124", "Home health care"),
  range("V5000", "V5299", "Hearing services", "Hearing aids"),
];

function matchRange(ranges: readonly CodeRange[], key: string): Categorized | null {
  const hit = ranges.find((entry) => entry.from.length === key.length && key >= entry.from && key <= entry.to);
  return hit ? { category: hit.category, subcategory: hit.subcategory ?? OTHER } : null;
}

/** The ICD-10 category of a code as typed ("m43.16" gives "M43"), or null when it is not one. */
export function icd10Category(code: string): string | null {
  const compact = code.trim().toUpperCase();
  return /^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{0,4})?$/.test(compact) ? compact.slice(0, 3) : null;
}

/** A CPT or HCPCS code as typed, or null when it is neither. */
export function procedureCode(code: string): string | null {
  const compact = code.trim().toUpperCase();
  return /^([0-9]{5}|[A-Z][0-9]{4})$/.test(compact) ? compact : null;
}

/** The first of the codes that a list holds gives the suggestion; none when no code does. */
export function suggestCategories(codes: { diagnosisCodes: readonly string[]; procedureCodes: readonly string[] }): SuggestedCategories {
  const first = (values: readonly string[], key: (code: string) => string | null, ranges: readonly CodeRange[]) => {
    for (const value of values) {
      const normal = key(value);
      const match = normal ? matchRange(ranges, normal) : null;
      if (match) return match;
    }
    return null;
  };
  return {
    diagnosis: first(codes.diagnosisCodes, icd10Category, ICD10_RANGES),
    treatment: first(codes.procedureCodes, procedureCode, PROCEDURE_RANGES),
  };
}
