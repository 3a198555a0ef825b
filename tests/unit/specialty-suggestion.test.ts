import { describe, expect, it } from "vitest";
import { SPECIALTIES } from "~/domain/specialties";
import { suggestSpecialty, SUGGESTED_SPECIALTY_CODES } from "~/domain/specialty-suggestion";

const suggested = (diagnosisCodes: string[], procedureCodes: string[] = []) => suggestSpecialty({ diagnosisCodes, procedureCodes })?.code ?? null;

describe("the specialty a case's codes suggest", () => {
  it("reads the diagnosis when the treatment says nothing of who gives it", () => {
    expect(suggested(["I25.10"])).toBe("cardiovascular-disease");
    expect(suggested(["i48.91"])).toBe("clinical-cardiac-electrophysiology");
    expect(suggested(["C50.911"])).toBe("medical-oncology");
    expect(suggested(["M17.11"])).toBe("orthopaedic-surgery");
    expect(suggested(["F84.0"])).toBe("developmental-behavioral-pediatrics");
    expect(suggested(["G40.909"], ["J1234"])).toBe("epilepsy");
  });

  it("lets the treatment in dispute decide before the diagnosis", () => {
    expect(suggested(["I48.91"], ["33208"])).toBe("clinical-cardiac-electrophysiology");
    expect(suggested(["C61"], ["77520"])).toBe("radiation-oncology");
    expect(suggested(["M54.5"], ["22612"])).toBe("orthopaedic-surgery");
    expect(suggested(["E66.01"], ["43775"])).toBe("general-surgery");
  });

  it("says which code it read and its category, for the coordinator to check", () => {
    expect(suggestSpecialty({ diagnosisCodes: ["not a code", "I50.9"], procedureCodes: ["70450"] })).toEqual({
      code: "advanced-heart-failure-and-transplant-cardiology",
      fromCode: "I50.9",
      kind: "diagnosis",
      category: { category: "Cardiac/Circulatory", subcategory: "Heart failure" },
    });
  });

  it("suggests nothing when no code points to a specialty", () => {
    expect(suggestSpecialty({ diagnosisCodes: [], procedureCodes: [] })).toBeNull();
    expect(suggestSpecialty({ diagnosisCodes: ["Z00.00"], procedureCodes: ["E0601"] })).toBeNull();
  });

  it("suggests only specialties of the seeded list", () => {
    const seeded = new Set(SPECIALTIES.map((specialty) => specialty.code));
    for (const code of SUGGESTED_SPECIALTY_CODES) expect(seeded, code).toContain(code);
  });
});
