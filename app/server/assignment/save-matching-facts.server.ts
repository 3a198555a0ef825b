import type { MatchingFactsInput, SpecialtyInput } from "~/schemas/assignment";
import { assertCaseAction, changeCase } from "../cases/change-case.server";
import { db } from "../db.server";
import { AppError, notFound } from "../errors.server";
import { explainingConflicts } from "../intake/intake-case.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { assignWhere } from "./assignment-case.server";

export interface SaveMatchingFacts {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  /** The facts to record; those left out keep their value (the specialty and the parties are saved by separate forms). */
  facts: Partial<Omit<MatchingFactsInput, "intent" | "version"> & Omit<SpecialtyInput, "intent" | "version">>;
  at?: Date;
}

const FACT_FIELDS = [
  "specialtyNeeded",
  "providerName",
  "providerNpi",
  "treatingGroupName",
  "treatingGroupIdentifier",
  "providerFacility",
  "facilityIdentifier",
  "manufacturerName",
  "manufacturerIdentifier",
] as const;

/**
 * Records what matching needs on the case: the specialty, the treating
 * physician and group, the facility and the maker, each with its
 * identifier. No status change; the timeline and the audit log keep which
 * facts changed, from what to what.
 */
export async function saveMatchingFacts(input: SaveMatchingFacts): Promise<void> {
  const kase = await db.case.findFirst({
    where: assignWhere(input.user, input.caseId),
    select: {
      id: true,
      status: true,
      specialtyNeeded: true,
      providerName: true,
      providerNpi: true,
      treatingGroupName: true,
      treatingGroupIdentifier: true,
      providerFacility: true,
      facilityIdentifier: true,
      manufacturerName: true,
      manufacturerIdentifier: true,
    },
  });
  if (!kase) throw notFound("This case");
  assertCaseAction("saveMatchingFacts", kase.status, input.user.roles);
  const specialty = input.facts.specialtyNeeded;
  if (specialty !== undefined && !(await db.specialty.findUnique({ where: { code: specialty }, select: { code: true } })))
    throw new AppError("BAD_REQUEST", "Choose the specialty the case needs from the list.", { field: "specialtyNeeded" });
  const changed = Object.fromEntries(
    FACT_FIELDS.filter((field) => input.facts[field] !== undefined && kase[field] !== input.facts[field]).map((field) => [
      field,
      { from: kase[field], to: input.facts[field] },
    ]),
  );
  const onlySpecialty = Object.keys(input.facts).every((field) => field === "specialtyNeeded");
  await explainingConflicts(kase.id, input.expectedVersion, () =>
    changeCase({
      caseId: kase.id,
      expectedVersion: input.expectedVersion,
      actor: { ...input.actor, roles: input.user.roles },
      action: "saveMatchingFacts",
      // The specialty saved on its own is its own entry: the parties' entry would misname it.
      event: { type: onlySpecialty ? "specialty_recorded" : "matching_facts_recorded", data: { changed } },
      update: input.facts,
      at: input.at,
    }),
  );
}
