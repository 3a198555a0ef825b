import { describe, expect, it } from "vitest";
import { DEFAULT_SIMILAR_SPECIALTIES, defaultSimilarSpecialtyRows, SPECIALTIES, specialtyLabel, specialtyMatches } from "~/domain/specialties";

const codes = SPECIALTIES.map((specialty) => specialty.code);
const byCode = new Map(SPECIALTIES.map((specialty) => [specialty.code, specialty]));

it("lists every specialty the intake needs, each code once", () => {
  expect(new Set(codes).size).toBe(codes.length);
  for (const code of codes) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  expect(codes).toEqual(
    expect.arrayContaining([
      "cardiovascular-disease",
      "interventional-cardiology",
      "medical-oncology",
      "hematology",
      "radiation-oncology",
      "orthopaedic-surgery",
      "orthopaedic-sports-medicine",
      "hand-surgery",
      "psychiatry",
      "child-and-adolescent-psychiatry",
      "addiction-psychiatry",
      "neurology",
      "epilepsy",
      "vascular-neurology",
      "endocrinology-diabetes-and-metabolism",
      "internal-medicine",
      "family-medicine",
      "pediatrics",
      "obstetrics-and-gynecology",
      "general-surgery",
      "neurological-surgery",
      "diagnostic-radiology",
      "physical-medicine-and-rehabilitation",
      "gastroenterology",
      "pulmonary-disease",
      "nephrology",
      "rheumatology",
      "dermatology",
      "ophthalmology",
      "otolaryngology",
      "urology",
      "anesthesiology",
      "pain-medicine",
      "allergy-and-immunology",
      "infectious-disease",
      "emergency-medicine",
    ]),
  );
});

it("names a sub-specialty's parent before it, from the same board", () => {
  const seen = new Set<string>();
  for (const specialty of SPECIALTIES) {
    if (specialty.parentCode !== null) {
      expect(seen, `${specialty.code}'s parent ${specialty.parentCode}`).toContain(specialty.parentCode);
      expect(byCode.get(specialty.parentCode)?.board).toBe(specialty.board);
    }
    seen.add(specialty.code);
  }
  expect(byCode.get("interventional-cardiology")?.parentCode).toBe("cardiovascular-disease");
  expect(byCode.get("cardiovascular-disease")?.parentCode).toBe("internal-medicine");
});

it("pairs only known, distinct specialties, each pair once", () => {
  const keys = DEFAULT_SIMILAR_SPECIALTIES.map(([a, b]) => [a, b].sort().join("~"));
  expect(new Set(keys).size).toBe(keys.length);
  for (const [a, b] of DEFAULT_SIMILAR_SPECIALTIES) {
    expect(codes).toContain(a);
    expect(codes).toContain(b);
    expect(a).not.toBe(b);
  }
  expect(keys).toContain("hematology~medical-oncology");
  // A medical and a surgical specialty of the same organ are not interchangeable reviewers.
  expect(keys).not.toContain("neurological-surgery~neurology");
});

it("stores each default pair both ways", () => {
  const rows = defaultSimilarSpecialtyRows();
  expect(rows).toHaveLength(DEFAULT_SIMILAR_SPECIALTIES.length * 2);
  expect(rows).toContainEqual({ specialtyCode: "medical-oncology", similarCode: "hematology" });
  expect(rows).toContainEqual({ specialtyCode: "hematology", similarCode: "medical-oncology" });
});

describe("common names", () => {
  it("gives every specialty an everyday name, and no name twice for one specialty", () => {
    for (const specialty of SPECIALTIES) {
      expect(specialty.aliases.length, specialty.code).toBeGreaterThan(0);
      const names = specialty.aliases.map((name) => name.toLowerCase());
      expect(new Set(names).size, specialty.code).toBe(names.length);
    }
  });

  it("shows the everyday name first and the board's after it, or the board's alone when they are the same", () => {
    expect(specialtyLabel({ code: "cardiovascular-disease", name: "Cardiovascular disease" })).toBe("Cardiology (Cardiovascular disease)");
    expect(specialtyLabel({ code: "otolaryngology", name: "Otolaryngology – head and neck surgery" })).toBe("ENT (Otolaryngology – head and neck surgery)");
    expect(specialtyLabel({ code: "dermatology", name: "Dermatology" })).toBe("Dermatology");
    expect(specialtyLabel({ code: "not-seeded", name: "Something new" })).toBe("Something new");
  });

  it("finds a specialty by its board's name or any common name, whatever the case", () => {
    const cardiology = { code: "cardiovascular-disease", name: "Cardiovascular disease" };
    expect(specialtyMatches(cardiology, "cardio")).toBe(true);
    expect(specialtyMatches(cardiology, " HEART ")).toBe(true);
    expect(specialtyMatches(cardiology, "vascular dis")).toBe(true);
    expect(specialtyMatches(cardiology, "skin")).toBe(false);
    expect(specialtyMatches({ code: "otolaryngology", name: "Otolaryngology – head and neck surgery" }, "ent")).toBe(true);
  });
});
