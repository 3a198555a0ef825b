import type { SimilarPairForm } from "~/schemas/roster";
import { audit } from "../audit.server";
import { db } from "../db.server";
import { AppError } from "../errors.server";
import type { Actor } from "../request-context.server";

/**
 * The admin's map of similar specialties, which matching reads: a reviewer
 * certified in a specialty similar to the one a case needs may review it.
 * A pair is stored both ways and shown once.
 */
export async function similarSpecialtiesPage() {
  const [specialties, rows] = await Promise.all([
    db.specialty.findMany({ select: { code: true, name: true, board: true, parentCode: true }, orderBy: { name: "asc" } }),
    db.similarSpecialty.findMany({ select: { specialtyCode: true, similarCode: true } }),
  ]);
  const names = new Map(specialties.map((specialty) => [specialty.code, specialty.name]));
  const pairs = new Map<string, { first: { code: string; name: string }; second: { code: string; name: string } }>();
  for (const row of rows) {
    const [first, second] = [row.specialtyCode, row.similarCode]
      .map((code) => ({ code, name: names.get(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name)) as [{ code: string; name: string }, { code: string; name: string }];
    pairs.set(`${first.code}|${second.code}`, { first, second });
  }
  return {
    specialties: specialties.map((specialty) => ({
      code: specialty.code,
      label: specialty.parentCode
        ? `${specialty.name} (sub-specialty of ${(names.get(specialty.parentCode) ?? specialty.parentCode).toLowerCase()})`
        : specialty.name,
    })),
    pairs: [...pairs.values()].sort((a, b) => a.first.name.localeCompare(b.first.name) || a.second.name.localeCompare(b.second.name)),
  };
}

/** Makes two specialties similar (both ways); a pair already there is refused next to the field. */
export async function addSimilarPair(input: SimilarPairForm, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const found = await tx.specialty.findMany({ where: { code: { in: [input.specialtyCode, input.similarCode] } }, select: { code: true, name: true } });
    const name = (code: string) => found.find((specialty) => specialty.code === code)?.name;
    const first = name(input.specialtyCode);
    const second = name(input.similarCode);
    if (!first) throw new AppError("BAD_REQUEST", "Choose a specialty from the list.", { field: "specialtyCode" });
    if (!second) throw new AppError("BAD_REQUEST", "Choose a specialty from the list.", { field: "similarCode" });
    const { count } = await tx.similarSpecialty.createMany({
      data: [
        { specialtyCode: input.specialtyCode, similarCode: input.similarCode },
        { specialtyCode: input.similarCode, similarCode: input.specialtyCode },
      ],
      skipDuplicates: true,
    });
    if (count === 0) throw new AppError("CONFLICT", `${first} and ${second} are already similar.`, { field: "similarCode" });
    await audit(
      actor,
      {
        action: "roster.similar_specialties_added",
        objectType: "SimilarSpecialty",
        objectId: `${input.specialtyCode}|${input.similarCode}`,
        detail: { before: null, after: { specialtyCode: input.specialtyCode, similarCode: input.similarCode, bothWays: true } },
      },
      tx,
    );
  });
}

/** Makes two specialties no longer similar, both ways; false when they were not. */
export async function removeSimilarPair(input: SimilarPairForm, actor: Actor): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.similarSpecialty.deleteMany({
      where: {
        OR: [
          { specialtyCode: input.specialtyCode, similarCode: input.similarCode },
          { specialtyCode: input.similarCode, similarCode: input.specialtyCode },
        ],
      },
    });
    if (count === 0) return false;
    await audit(
      actor,
      {
        action: "roster.similar_specialties_removed",
        objectType: "SimilarSpecialty",
        objectId: `${input.specialtyCode}|${input.similarCode}`,
        detail: { before: { specialtyCode: input.specialtyCode, similarCode: input.similarCode, rowsRemoved: count }, after: null },
      },
      tx,
    );
    return true;
  });
}
