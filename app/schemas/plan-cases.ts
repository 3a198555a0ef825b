import { z } from "zod";
import { CASE_STATUSES, type CaseStatus } from "~/domain/case-status";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** Statuses a plan's case can have: drafts are the applicant's alone. */
export const PLAN_CASE_STATUSES = CASE_STATUSES.filter((status) => status !== "DRAFT") as Exclude<CaseStatus, "DRAFT">[];

export const PLAN_CASES_PAGE_SIZE = 25;

/** The plan home's filters, from the query string; a value that makes no sense is ignored. */
export const planCasesFilterSchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(PLAN_CASE_STATUSES).optional()).catch(undefined),
  /** Only the cases where the plan has something to do now. */
  action: z.preprocess(blankToUndefined, z.literal("needed").optional()).catch(undefined),
  /** Part of the reference, the plan's own reference (claim) or the member ID. */
  q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type PlanCasesFilter = z.infer<typeof planCasesFilterSchema>;
