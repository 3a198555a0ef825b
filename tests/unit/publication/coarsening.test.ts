import { describe, expect, it } from "vitest";
import { diagnosisDetails, K, shownCombination, type Decision, type QuasiIdentifiers } from "~/domain/publication/coarsening";

const knee: QuasiIdentifiers = { year: 2026, ageRange: "51-64", gender: "Female", diagnosisCategory: "Orthopedic", diagnosisSubcategory: "Knee" };
const hip: QuasiIdentifiers = { ...knee, diagnosisSubcategory: "Hip" };
const decisions = (count: number, q: QuasiIdentifiers, prefix: string, published?: Decision["published"]): Decision[] =>
  Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index}`, quasiIdentifiers: q, published }));

describe("how much of the diagnosis a decision is published with", () => {
  it("is the subcategory once five decisions share the whole combination", () => {
    const details = diagnosisDetails(decisions(5, knee, "k"));
    expect([...details.values()]).toEqual(Array(5).fill("subcategory"));
  });

  it("is the category alone when the subcategories are too few but the category has five", () => {
    const details = diagnosisDetails([...decisions(3, knee, "k"), ...decisions(2, hip, "h")]);
    expect([...details.values()]).toEqual(Array(5).fill("category"));
  });

  it("waits while fewer than five are alike, and publishes once enough are decided", () => {
    expect([...diagnosisDetails(decisions(4, knee, "k")).values()]).toEqual(Array(4).fill("waiting"));
    expect(diagnosisDetails(decisions(5, knee, "k")).get("k0")).toBe("subcategory");
  });

  it("keeps what was published as it was, and counts it", () => {
    const details = diagnosisDetails([...decisions(5, knee, "old", "subcategory"), ...decisions(1, knee, "new")]);
    expect(details.get("new0")).toBe("subcategory");
    const byCategory = diagnosisDetails([...decisions(5, hip, "old", "category"), ...decisions(1, knee, "new")]);
    expect(byCategory.get("old0")).toBe("category");
    expect(byCategory.get("new0")).toBe("category");
  });

  it("never shows a combination fewer than five published decisions share, over 20,000 generated decisions published in batches", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const skewed = <T>(items: readonly T[]) => items[Math.floor(next() ** 2.5 * items.length)]!;
    const all: Decision[] = [];
    for (let batch = 0; batch < 20; batch++) {
      for (let index = 0; index < 1000; index++) {
        all.push({
          id: `${batch}-${index}`,
          quasiIdentifiers: {
            year: 2020 + Math.floor(next() * 6),
            ageRange: skewed(["51-64", "65+", "41-50", "31-40", "21-30", "11-20", "0-10"]),
            gender: skewed(["Female", "Male", "Other"]),
            diagnosisCategory: skewed(["Orthopedic", "Cancer", "Cardiac", "Mental health", "Endocrine", "Rare disease"]),
            diagnosisSubcategory: skewed(["A", "B", "C", "D", "E", "F", "G", "H"]),
          },
        });
      }
      const details = diagnosisDetails(all);
      for (const decision of all) {
        const detail = details.get(decision.id)!;
        if (detail !== "waiting") decision.published = detail;
      }
      const shown = new Map<string, number>();
      for (const decision of all)
        if (decision.published)
          shown.set(
            shownCombination(decision.quasiIdentifiers, decision.published),
            (shown.get(shownCombination(decision.quasiIdentifiers, decision.published)) ?? 0) + 1,
          );
      expect([...shown.values()].filter((count) => count < K)).toEqual([]);
    }
    const published = all.filter((decision) => decision.published).length;
    expect(published / all.length).toBeGreaterThan(0.9);
  });
});
