/**
 * Publishing no decision whose patient could be singled out
 * (docs/rules/publication.md, "At least five alike"): each published
 * combination of year, age range, gender and diagnosis must be shared by at
 * least K published decisions. A decision is published with its diagnosis
 * subcategory when K decisions share all of it, else with the category
 * alone when K decisions published that way share it, else it waits until
 * enough alike are decided. What was published stays as it was published.
 */

/** The fewest published decisions any shown combination may describe. */
export const K = 5;

/** What a published decision shows that, together, could point at one patient. */
export interface QuasiIdentifiers {
  year: number;
  ageRange: string;
  gender: string;
  diagnosisCategory: string;
  diagnosisSubcategory: string;
}

/** How much of the diagnosis a decision is published with; "waiting" is not published yet. */
export type DiagnosisDetail = "subcategory" | "category" | "waiting";

export interface Decision {
  id: string;
  quasiIdentifiers: QuasiIdentifiers;
  /** Set once it is published: it keeps this detail. */
  published?: Exclude<DiagnosisDetail, "waiting">;
}

const categoryKey = (q: QuasiIdentifiers) => JSON.stringify([q.year, q.ageRange, q.gender, q.diagnosisCategory]);
const subcategoryKey = (q: QuasiIdentifiers) => JSON.stringify([q.year, q.ageRange, q.gender, q.diagnosisCategory, q.diagnosisSubcategory]);

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/**
 * The detail each decision is (or stays) published with. Among the decisions
 * not yet published, those whose full combination K decisions share (published
 * with their subcategory, or about to be) get the subcategory; the rest are
 * published with the category when, with those already published that way,
 * K share it; the others wait.
 */
export function diagnosisDetails(decisions: readonly Decision[], k = K): Map<string, DiagnosisDetail> {
  const details = new Map<string, DiagnosisDetail>();
  const candidates = decisions.filter((decision) => !decision.published);
  for (const decision of decisions) if (decision.published) details.set(decision.id, decision.published);

  // Published decisions that show their subcategory can never again show less, so they count towards the subcategory's K.
  const bySubcategory = countBy(
    decisions.filter((decision) => decision.published !== "category"),
    (decision) => subcategoryKey(decision.quasiIdentifiers),
  );
  const rest: Decision[] = [];
  for (const decision of candidates) {
    if ((bySubcategory.get(subcategoryKey(decision.quasiIdentifiers)) ?? 0) >= k) details.set(decision.id, "subcategory");
    else rest.push(decision);
  }

  const byCategory = countBy([...decisions.filter((decision) => decision.published === "category"), ...rest], (decision) =>
    categoryKey(decision.quasiIdentifiers),
  );
  for (const decision of rest) details.set(decision.id, (byCategory.get(categoryKey(decision.quasiIdentifiers)) ?? 0) >= k ? "category" : "waiting");
  return details;
}

/** A published decision's shown combination: its subcategory, or "all" of its category's. */
export function shownCombination(q: QuasiIdentifiers, detail: Exclude<DiagnosisDetail, "waiting">): string {
  return detail === "subcategory" ? subcategoryKey(q) : JSON.stringify([q.year, q.ageRange, q.gender, q.diagnosisCategory, "*"]);
}
