import { z } from "zod";
import { OPEN_STATUSES } from "~/domain/case-status";

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

/** The SLA dashboard's filters, from the query string; a value that makes no sense is ignored. */
export const dashboardFilterSchema = z.object({
  track: z.preprocess(blankToUndefined, z.enum(["STANDARD", "EXPEDITED"]).optional()).catch(undefined),
  status: z.preprocess(blankToUndefined, z.enum(OPEN_STATUSES as unknown as [string, ...string[]]).optional()).catch(undefined),
  plan: z.preprocess(blankToUndefined, z.uuid().optional()).catch(undefined),
  assignee: z.preprocess(blankToUndefined, z.union([z.uuid(), z.literal("unassigned")]).optional()).catch(undefined),
  risk: z.preprocess(blankToUndefined, z.enum(["at_risk", "overdue", "flagged"]).optional()).catch(undefined),
  /** A reference, patient name, member ID or the plan's claim number, or part of one. */
  q: z.preprocess(blankToUndefined, z.string().trim().min(1).max(100).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type DashboardFilter = z.infer<typeof dashboardFilterSchema>;
