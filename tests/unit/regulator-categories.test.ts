import { describe, expect, it } from "vitest";
import {
  categoryProblem,
  DIAGNOSIS_CATEGORIES,
  icd10Category,
  OTHER,
  procedureCode,
  suggestCategories,
  TREATMENT_CATEGORIES,
} from "~/domain/reports/regulator-categories";

const suggest = (diagnosisCodes: string[], procedureCodes: string[] = []) => suggestCategories({ diagnosisCodes, procedureCodes });

describe("the regulator's categories", () => {
  it("end every category with Other, and name each category once", () => {
    for (const lists of [DIAGNOSIS_CATEGORIES, TREATMENT_CATEGORIES]) {
      expect(new Set(lists.map((entry) => entry.category)).size).toBe(lists.length);
      for (const entry of lists) expect(entry.subcategories.at(-1)).toBe(OTHER);
    }
  });

  it("refuse a category off the list, and a subcategory of another category", () => {
    expect(categoryProblem("diagnosis", "Cancer", "Brain")).toBeNull();
    expect(categoryProblem("diagnosis", "Cancer", OTHER)).toBeNull();
    expect(categoryProblem("diagnosis", "Cancer", "Knee")).toEqual({ field: "subcategory", message: "Choose a subcategory of Cancer, or Other." });
    expect(categoryProblem("treatment", "Cancer", "Brain")).toEqual({ field: "category", message: "Choose the treatment category from the list." });
  });
});

describe("suggestions from the codes", () => {
  it("read ICD-10 codes as typed, with or without the dot, in any case", () => {
    expect(icd10Category("m43.16")).toBe("M43");
    expect(icd10Category(" C719 ")).toBe("C71");
    expect(icd10Category("O9A.1")).toBe("O9A");
    expect(icd10Category("43.16")).toBeNull();
    expect(procedureCode("e1390")).toBe("E1390");
    expect(procedureCode("2261")).toBeNull();
  });

  it("take the most specific range, then the chapter", () => {
    expect(suggest(["C71.9"]).diagnosis).toEqual({ category: "Cancer", subcategory: "Brain" });
    expect(suggest(["C25.0"]).diagnosis).toEqual({ category: "Cancer", subcategory: OTHER });
    expect(suggest(["D50.9"]).diagnosis).toEqual({ category: "Blood related disorder", subcategory: "Anemia" });
    expect(suggest(["F84.0"]).diagnosis).toEqual({ category: "Mental", subcategory: "Autism spectrum disorder" });
    expect(suggest(["M43.16"]).diagnosis).toEqual({ category: "Orthopedic/Musculoskeletal", subcategory: "Back and spine" });
    expect(suggest(["O9A.11"]).diagnosis).toEqual({ category: "OB-GYN/Pregnancy", subcategory: "Pregnancy" });
    expect(suggest([], ["77522"]).treatment).toEqual({ category: "Cancer care", subcategory: "Proton beam therapy" });
    expect(suggest([], ["77300"]).treatment).toEqual({ category: "Cancer care", subcategory: "Radiation therapy" });
    expect(suggest([], ["70551"]).treatment).toEqual({ category: "Diagnostic imaging, screening and testing", subcategory: "MRI" });
    expect(suggest([], ["E1390"]).treatment).toEqual({ category: "Durable medical equipment", subcategory: "Home oxygen" });
    expect(suggest([], ["V5261"]).treatment).toEqual({ category: "Hearing services", subcategory: "Hearing aids" });
  });

  it("use the first code that matches, and suggest nothing when none does", () => {
    expect(suggest(["R69", "XYZ", "J45.40"]).diagnosis).toEqual({ category: "Respiratory system", subcategory: "Asthma" });
    expect(suggest(["R69"], ["0001U"])).toEqual({ diagnosis: null, treatment: null });
  });

  it("only suggest categories and subcategories that are on the lists", () => {
    const codes = ["A01", "B20", "C50", "D66", "E11", "F32", "G89", "H40", "H91", "I48", "J44", "K51", "L40", "M17", "N18", "N97", "Q21", "R55", "S72", "Z00"];
    for (const code of codes) {
      const { diagnosis } = suggest([code]);
      expect(diagnosis, code).not.toBeNull();
      expect(categoryProblem("diagnosis", diagnosis!.category, diagnosis!.subcategory), code).toBeNull();
    }
    const procedures = [
      "15830",
      "22612",
      "27447",
      "33249",
      "43644",
      "63650",
      "61510",
      "70450",
      "78815",
      "81211",
      "80053",
      "90837",
      "92507",
      "92557",
      "93228",
      "96413",
      "97153",
      "97166",
      "97110",
      "98941",
      "99223",
      "99283",
      "99213",
      "A4253",
      "D2740",
      "E0431",
      "K0823",
      "E0250",
      "G0151",
      "H0018",
      "J9035",
      "J1745",
      "L3000",
      "S9123",
    ];
    for (const code of procedures) {
      const { treatment } = suggest([], [code]);
      expect(treatment, code).not.toBeNull();
      expect(categoryProblem("treatment", treatment!.category, treatment!.subcategory), code).toBeNull();
    }
  });
});
