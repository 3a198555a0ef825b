/**
 * The specialties reviewers are certified in and cases need: a subset of the
 * ABMS member boards' specialty and sub-specialty certificates, seeded into
 * the Specialty table. `parentCode` links a sub-specialty to the specialty
 * its board requires first (interventional cardiology → cardiovascular
 * disease → internal medicine); a certificate several boards share (pain
 * medicine, hand surgery) is listed once, under the board most reviewers hold
 * it from. Only certificates a board actually issues are listed, so every
 * entry is something a reviewer can be board certified in (there is, for
 * instance, no ABMS certificate in spine surgery: spine cases need orthopaedic
 * or neurological surgery).
 */

export interface SpecialtySeed {
  /** A stable slug, the key cases and certifications refer to. */
  code: string;
  name: string;
  board: string;
  /**
   * The names people use for it day to day, the everyday one first
   * ("Cardiology" for cardiovascular disease; the board's own name when
   * clinicians use it too), then plain words to search by ("Heart").
   */
  aliases: readonly string[];
  parentCode: string | null;
}

const ABAI = "American Board of Allergy and Immunology";
const ABA = "American Board of Anesthesiology";
const ABD = "American Board of Dermatology";
const ABEM = "American Board of Emergency Medicine";
const ABFM = "American Board of Family Medicine";
const ABIM = "American Board of Internal Medicine";
const ABMGG = "American Board of Medical Genetics and Genomics";
const ABNS = "American Board of Neurological Surgery";
const ABOG = "American Board of Obstetrics and Gynecology";
const ABO = "American Board of Ophthalmology";
const ABOS = "American Board of Orthopaedic Surgery";
const ABOTO = "American Board of Otolaryngology – Head and Neck Surgery";
const ABP = "American Board of Pediatrics";
const ABPMR = "American Board of Physical Medicine and Rehabilitation";
const ABPS = "American Board of Plastic Surgery";
const ABPM = "American Board of Preventive Medicine";
const ABPN = "American Board of Psychiatry and Neurology";
const ABR = "American Board of Radiology";
const ABS = "American Board of Surgery";
const ABTS = "American Board of Thoracic Surgery";
const ABU = "American Board of Urology";

const s = (code: string, name: string, board: string, aliases: readonly string[], parentCode: string | null = null): SpecialtySeed => ({
  code,
  name,
  board,
  aliases,
  parentCode,
});

/** Parents come before their sub-specialties. */
export const SPECIALTIES: readonly SpecialtySeed[] = [
  s("allergy-and-immunology", "Allergy and immunology", ABAI, ["Allergy", "Immunology"]),

  s("anesthesiology", "Anesthesiology", ABA, ["Anesthesiology", "Anesthesia"]),
  s("pain-medicine", "Pain medicine", ABA, ["Pain management"], "anesthesiology"),

  s("dermatology", "Dermatology", ABD, ["Dermatology", "Skin"]),
  s("dermatopathology", "Dermatopathology", ABD, ["Dermatopathology", "Skin pathology"], "dermatology"),

  s("emergency-medicine", "Emergency medicine", ABEM, ["Emergency medicine", "Emergency care", "ER"]),

  s("family-medicine", "Family medicine", ABFM, ["Family medicine", "Family practice", "Primary care"]),

  s("internal-medicine", "Internal medicine", ABIM, ["Internal medicine", "General internal medicine", "Primary care"]),
  s("cardiovascular-disease", "Cardiovascular disease", ABIM, ["Cardiology", "Heart"], "internal-medicine"),
  s(
    "interventional-cardiology",
    "Interventional cardiology",
    ABIM,
    ["Interventional cardiology", "Cardiac catheterization", "Cardiology"],
    "cardiovascular-disease",
  ),
  s(
    "clinical-cardiac-electrophysiology",
    "Clinical cardiac electrophysiology",
    ABIM,
    ["Electrophysiology", "Heart rhythm", "Cardiology"],
    "cardiovascular-disease",
  ),
  s(
    "advanced-heart-failure-and-transplant-cardiology",
    "Advanced heart failure and transplant cardiology",
    ABIM,
    ["Heart failure cardiology", "Heart failure", "Heart transplant", "Cardiology"],
    "cardiovascular-disease",
  ),
  s("medical-oncology", "Medical oncology", ABIM, ["Oncology", "Cancer"], "internal-medicine"),
  s("hematology", "Hematology", ABIM, ["Hematology", "Blood disorders"], "internal-medicine"),
  s("endocrinology-diabetes-and-metabolism", "Endocrinology, diabetes and metabolism", ABIM, ["Endocrinology", "Diabetes"], "internal-medicine"),
  s("gastroenterology", "Gastroenterology", ABIM, ["Gastroenterology", "GI", "Digestive diseases"], "internal-medicine"),
  s("transplant-hepatology", "Transplant hepatology", ABIM, ["Hepatology", "Liver transplant"], "gastroenterology"),
  s("pulmonary-disease", "Pulmonary disease", ABIM, ["Pulmonology", "Lung"], "internal-medicine"),
  s("critical-care-medicine", "Critical care medicine", ABIM, ["Critical care", "Intensive care", "ICU"], "internal-medicine"),
  s("nephrology", "Nephrology", ABIM, ["Nephrology", "Kidney"], "internal-medicine"),
  s("rheumatology", "Rheumatology", ABIM, ["Rheumatology", "Arthritis", "Autoimmune disease"], "internal-medicine"),
  s("infectious-disease", "Infectious disease", ABIM, ["Infectious disease", "Infections", "HIV"], "internal-medicine"),
  s("geriatric-medicine", "Geriatric medicine", ABIM, ["Geriatrics", "Older adults"], "internal-medicine"),

  s("clinical-genetics-and-genomics", "Clinical genetics and genomics", ABMGG, ["Medical genetics", "Genetics"]),

  s("neurological-surgery", "Neurological surgery", ABNS, ["Neurosurgery", "Spine surgery", "Brain surgery"]),

  s("obstetrics-and-gynecology", "Obstetrics and gynecology", ABOG, ["OB-GYN", "Women's health"]),
  s(
    "maternal-fetal-medicine",
    "Maternal-fetal medicine",
    ABOG,
    ["Maternal-fetal medicine", "High-risk pregnancy", "Perinatology"],
    "obstetrics-and-gynecology",
  ),
  s("gynecologic-oncology", "Gynecologic oncology", ABOG, ["Gynecologic oncology", "Gynecologic cancer"], "obstetrics-and-gynecology"),
  s(
    "reproductive-endocrinology-and-infertility",
    "Reproductive endocrinology and infertility",
    ABOG,
    ["Reproductive endocrinology", "Fertility", "Infertility", "IVF"],
    "obstetrics-and-gynecology",
  ),

  s("ophthalmology", "Ophthalmology", ABO, ["Ophthalmology", "Eye", "Vision"]),

  s("orthopaedic-surgery", "Orthopaedic surgery", ABOS, ["Orthopedics", "Bone and joint", "Spine surgery"]),
  s("orthopaedic-sports-medicine", "Orthopaedic sports medicine", ABOS, ["Sports medicine"], "orthopaedic-surgery"),
  s("hand-surgery", "Surgery of the hand", ABOS, ["Hand surgery", "Hand"], "orthopaedic-surgery"),

  s("otolaryngology", "Otolaryngology – head and neck surgery", ABOTO, ["ENT", "Ear, nose and throat"]),
  s("neurotology", "Neurotology", ABOTO, ["Neurotology", "Ear", "Hearing", "Balance"], "otolaryngology"),

  s("pediatrics", "Pediatrics", ABP, ["Pediatrics", "Children", "Pediatric primary care"]),
  s("pediatric-cardiology", "Pediatric cardiology", ABP, ["Pediatric cardiology", "Children's heart"], "pediatrics"),
  s("pediatric-hematology-oncology", "Pediatric hematology-oncology", ABP, ["Pediatric oncology", "Children's cancer"], "pediatrics"),
  s("pediatric-endocrinology", "Pediatric endocrinology", ABP, ["Pediatric endocrinology", "Children's diabetes", "Children's growth"], "pediatrics"),
  s("neonatal-perinatal-medicine", "Neonatal-perinatal medicine", ABP, ["Neonatology", "NICU", "Newborns"], "pediatrics"),
  s("developmental-behavioral-pediatrics", "Developmental-behavioral pediatrics", ABP, ["Developmental pediatrics", "Autism"], "pediatrics"),

  s("physical-medicine-and-rehabilitation", "Physical medicine and rehabilitation", ABPMR, ["Physiatry", "Rehabilitation", "PM&R"]),
  s("spinal-cord-injury-medicine", "Spinal cord injury medicine", ABPMR, ["Spinal cord injury"], "physical-medicine-and-rehabilitation"),
  s("brain-injury-medicine", "Brain injury medicine", ABPMR, ["Brain injury", "Concussion"], "physical-medicine-and-rehabilitation"),

  s("plastic-surgery", "Plastic surgery", ABPS, ["Plastic surgery", "Reconstructive surgery", "Cosmetic surgery"]),

  // Open to diplomates of any member board, so it has no parent here.
  s("addiction-medicine", "Addiction medicine", ABPM, ["Addiction medicine", "Substance use", "Addiction"]),

  s("psychiatry", "Psychiatry", ABPN, ["Psychiatry", "Mental health"]),
  s("child-and-adolescent-psychiatry", "Child and adolescent psychiatry", ABPN, ["Child psychiatry", "Children's mental health"], "psychiatry"),
  s("addiction-psychiatry", "Addiction psychiatry", ABPN, ["Addiction psychiatry", "Substance use", "Addiction"], "psychiatry"),
  s("geriatric-psychiatry", "Geriatric psychiatry", ABPN, ["Geriatric psychiatry", "Older adults' mental health"], "psychiatry"),
  s("neurology", "Neurology", ABPN, ["Neurology", "Nerves", "Brain"]),
  s("epilepsy", "Epilepsy", ABPN, ["Epilepsy", "Seizures"], "neurology"),
  s("vascular-neurology", "Vascular neurology", ABPN, ["Stroke neurology", "Stroke"], "neurology"),
  s("clinical-neurophysiology", "Clinical neurophysiology", ABPN, ["Clinical neurophysiology", "EEG", "EMG", "Nerve testing"], "neurology"),
  // A primary certificate of its own, not a neurology sub-specialty.
  s("child-neurology", "Child neurology", ABPN, ["Pediatric neurology"]),

  s("diagnostic-radiology", "Diagnostic radiology", ABR, ["Radiology", "Imaging"]),
  s("neuroradiology", "Neuroradiology", ABR, ["Neuroradiology", "Brain and spine imaging"], "diagnostic-radiology"),
  s("interventional-radiology", "Interventional radiology and diagnostic radiology", ABR, ["Interventional radiology", "IR", "Image-guided procedures"]),
  s("radiation-oncology", "Radiation oncology", ABR, ["Radiation oncology", "Radiation therapy", "Radiotherapy", "Proton therapy"]),

  s("general-surgery", "General surgery", ABS, ["General surgery", "Surgery", "Bariatric surgery"]),
  s("complex-general-surgical-oncology", "Complex general surgical oncology", ABS, ["Surgical oncology", "Cancer surgery"], "general-surgery"),
  s("pediatric-surgery", "Pediatric surgery", ABS, ["Pediatric surgery", "Children's surgery"], "general-surgery"),
  s("vascular-surgery", "Vascular surgery", ABS, ["Vascular surgery", "Blood vessels", "Veins"]),

  s("thoracic-surgery", "Thoracic surgery", ABTS, ["Cardiothoracic surgery", "Heart and lung surgery"]),

  s("urology", "Urology", ABU, ["Urology", "Urinary tract", "Prostate"]),
];

/**
 * The "similar specialty" pairs seeded once; the admin keeps the map from
 * then on. A case needing a specialty is also served by its sub-specialties
 * (see matching), so these pairs only add reach the other way or sideways,
 * and only where physicians of both commonly manage the same conditions:
 * a sub-specialty with the specialty it grew from (but not the first-level
 * internal medicine sub-specialties with general internal medicine, which
 * are distinct practices), and neighbours such as medical oncology and
 * hematology. Medical and surgical counterparts (neurology and neurological
 * surgery) are deliberately not paired, nor pediatric and adult ones.
 */
export const DEFAULT_SIMILAR_SPECIALTIES: readonly (readonly [string, string])[] = [
  ["medical-oncology", "hematology"],
  ["medical-oncology", "gynecologic-oncology"],
  ["interventional-cardiology", "cardiovascular-disease"],
  ["clinical-cardiac-electrophysiology", "cardiovascular-disease"],
  ["advanced-heart-failure-and-transplant-cardiology", "cardiovascular-disease"],
  ["transplant-hepatology", "gastroenterology"],
  ["pulmonary-disease", "critical-care-medicine"],
  ["internal-medicine", "family-medicine"],
  ["orthopaedic-sports-medicine", "orthopaedic-surgery"],
  ["hand-surgery", "orthopaedic-surgery"],
  ["hand-surgery", "plastic-surgery"],
  ["child-and-adolescent-psychiatry", "psychiatry"],
  ["child-and-adolescent-psychiatry", "developmental-behavioral-pediatrics"],
  ["addiction-psychiatry", "psychiatry"],
  ["addiction-psychiatry", "addiction-medicine"],
  ["geriatric-psychiatry", "psychiatry"],
  ["epilepsy", "neurology"],
  ["vascular-neurology", "neurology"],
  ["clinical-neurophysiology", "neurology"],
  ["child-neurology", "neurology"],
  ["pain-medicine", "anesthesiology"],
  ["pain-medicine", "physical-medicine-and-rehabilitation"],
  ["spinal-cord-injury-medicine", "physical-medicine-and-rehabilitation"],
  ["brain-injury-medicine", "physical-medicine-and-rehabilitation"],
  ["neuroradiology", "diagnostic-radiology"],
  ["interventional-radiology", "diagnostic-radiology"],
  ["maternal-fetal-medicine", "obstetrics-and-gynecology"],
  ["gynecologic-oncology", "obstetrics-and-gynecology"],
  ["reproductive-endocrinology-and-infertility", "obstetrics-and-gynecology"],
  ["neurotology", "otolaryngology"],
  ["dermatopathology", "dermatology"],
  ["complex-general-surgical-oncology", "general-surgery"],
];

export interface SimilarSpecialtyRow {
  specialtyCode: string;
  similarCode: string;
}

/** The default pairs as SimilarSpecialty rows, each stored both ways. */
export function defaultSimilarSpecialtyRows(): SimilarSpecialtyRow[] {
  return DEFAULT_SIMILAR_SPECIALTIES.flatMap(([a, b]) => [
    { specialtyCode: a, similarCode: b },
    { specialtyCode: b, similarCode: a },
  ]);
}

const SEEDED = new Map(SPECIALTIES.map((specialty) => [specialty.code, specialty]));

/** The names a specialty answers to besides its board's name; none for a code not seeded. */
export function specialtyAliases(code: string): readonly string[] {
  return SEEDED.get(code)?.aliases ?? [];
}

/**
 * A specialty as lists show it: the everyday name first, so a coordinator
 * finds cardiovascular disease under "Cardiology", and the board's name
 * after it when the two differ.
 */
export function specialtyLabel(specialty: { code: string; name: string }): string {
  const everyday = specialtyAliases(specialty.code)[0];
  return everyday && everyday.toLowerCase() !== specialty.name.toLowerCase() ? `${everyday} (${specialty.name})` : specialty.name;
}

/** Whether the specialty's board name or one of its common names contains `query`, ignoring case: what the specialty search matches. */
export function specialtyMatches(specialty: { code: string; name: string }, query: string): boolean {
  const wanted = query.trim().toLowerCase();
  return [specialty.name, ...specialtyAliases(specialty.code)].some((name) => name.toLowerCase().includes(wanted));
}
