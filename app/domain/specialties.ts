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

const s = (code: string, name: string, board: string, parentCode: string | null = null): SpecialtySeed => ({ code, name, board, parentCode });

/** Parents come before their sub-specialties. */
export const SPECIALTIES: readonly SpecialtySeed[] = [
  s("allergy-and-immunology", "Allergy and immunology", ABAI),

  s("anesthesiology", "Anesthesiology", ABA),
  s("pain-medicine", "Pain medicine", ABA, "anesthesiology"),

  s("dermatology", "Dermatology", ABD),
  s("dermatopathology", "Dermatopathology", ABD, "dermatology"),

  s("emergency-medicine", "Emergency medicine", ABEM),

  s("family-medicine", "Family medicine", ABFM),

  s("internal-medicine", "Internal medicine", ABIM),
  s("cardiovascular-disease", "Cardiovascular disease", ABIM, "internal-medicine"),
  s("interventional-cardiology", "Interventional cardiology", ABIM, "cardiovascular-disease"),
  s("clinical-cardiac-electrophysiology", "Clinical cardiac electrophysiology", ABIM, "cardiovascular-disease"),
  s("advanced-heart-failure-and-transplant-cardiology", "Advanced heart failure and transplant cardiology", ABIM, "cardiovascular-disease"),
  s("medical-oncology", "Medical oncology", ABIM, "internal-medicine"),
  s("hematology", "Hematology", ABIM, "internal-medicine"),
  s("endocrinology-diabetes-and-metabolism", "Endocrinology, diabetes and metabolism", ABIM, "internal-medicine"),
  s("gastroenterology", "Gastroenterology", ABIM, "internal-medicine"),
  s("transplant-hepatology", "Transplant hepatology", ABIM, "gastroenterology"),
  s("pulmonary-disease", "Pulmonary disease", ABIM, "internal-medicine"),
  s("critical-care-medicine", "Critical care medicine", ABIM, "internal-medicine"),
  s("nephrology", "Nephrology", ABIM, "internal-medicine"),
  s("rheumatology", "Rheumatology", ABIM, "internal-medicine"),
  s("infectious-disease", "Infectious disease", ABIM, "internal-medicine"),
  s("geriatric-medicine", "Geriatric medicine", ABIM, "internal-medicine"),

  s("clinical-genetics-and-genomics", "Clinical genetics and genomics", ABMGG),

  s("neurological-surgery", "Neurological surgery", ABNS),

  s("obstetrics-and-gynecology", "Obstetrics and gynecology", ABOG),
  s("maternal-fetal-medicine", "Maternal-fetal medicine", ABOG, "obstetrics-and-gynecology"),
  s("gynecologic-oncology", "Gynecologic oncology", ABOG, "obstetrics-and-gynecology"),
  s("reproductive-endocrinology-and-infertility", "Reproductive endocrinology and infertility", ABOG, "obstetrics-and-gynecology"),

  s("ophthalmology", "Ophthalmology", ABO),

  s("orthopaedic-surgery", "Orthopaedic surgery", ABOS),
  s("orthopaedic-sports-medicine", "Orthopaedic sports medicine", ABOS, "orthopaedic-surgery"),
  s("hand-surgery", "Surgery of the hand", ABOS, "orthopaedic-surgery"),

  s("otolaryngology", "Otolaryngology – head and neck surgery", ABOTO),
  s("neurotology", "Neurotology", ABOTO, "otolaryngology"),

  s("pediatrics", "Pediatrics", ABP),
  s("pediatric-cardiology", "Pediatric cardiology", ABP, "pediatrics"),
  s("pediatric-hematology-oncology", "Pediatric hematology-oncology", ABP, "pediatrics"),
  s("pediatric-endocrinology", "Pediatric endocrinology", ABP, "pediatrics"),
  s("neonatal-perinatal-medicine", "Neonatal-perinatal medicine", ABP, "pediatrics"),
  s("developmental-behavioral-pediatrics", "Developmental-behavioral pediatrics", ABP, "pediatrics"),

  s("physical-medicine-and-rehabilitation", "Physical medicine and rehabilitation", ABPMR),
  s("spinal-cord-injury-medicine", "Spinal cord injury medicine", ABPMR, "physical-medicine-and-rehabilitation"),
  s("brain-injury-medicine", "Brain injury medicine", ABPMR, "physical-medicine-and-rehabilitation"),

  s("plastic-surgery", "Plastic surgery", ABPS),

  // Open to diplomates of any member board, so it has no parent here.
  s("addiction-medicine", "Addiction medicine", ABPM),

  s("psychiatry", "Psychiatry", ABPN),
  s("child-and-adolescent-psychiatry", "Child and adolescent psychiatry", ABPN, "psychiatry"),
  s("addiction-psychiatry", "Addiction psychiatry", ABPN, "psychiatry"),
  s("geriatric-psychiatry", "Geriatric psychiatry", ABPN, "psychiatry"),
  s("neurology", "Neurology", ABPN),
  s("epilepsy", "Epilepsy", ABPN, "neurology"),
  s("vascular-neurology", "Vascular neurology", ABPN, "neurology"),
  s("clinical-neurophysiology", "Clinical neurophysiology", ABPN, "neurology"),
  // A primary certificate of its own, not a neurology sub-specialty.
  s("child-neurology", "Child neurology", ABPN),

  s("diagnostic-radiology", "Diagnostic radiology", ABR),
  s("neuroradiology", "Neuroradiology", ABR, "diagnostic-radiology"),
  s("interventional-radiology", "Interventional radiology and diagnostic radiology", ABR),
  s("radiation-oncology", "Radiation oncology", ABR),

  s("general-surgery", "General surgery", ABS),
  s("complex-general-surgical-oncology", "Complex general surgical oncology", ABS, "general-surgery"),
  s("pediatric-surgery", "Pediatric surgery", ABS, "general-surgery"),
  s("vascular-surgery", "Vascular surgery", ABS),

  s("thoracic-surgery", "Thoracic surgery", ABTS),

  s("urology", "Urology", ABU),
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
