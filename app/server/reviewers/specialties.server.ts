import { defaultSimilarSpecialtyRows, SPECIALTIES } from "~/domain/specialties";
import { db, type Tx } from "../db.server";

const SIMILAR_SEEDED_KEY = "similarSpecialtiesSeeded";

/**
 * Adds the seeded specialties that are missing (an existing row is left as
 * it is) and, once per installation, the default similar-specialty pairs.
 * From then on the similar map is the admin's: a pair they removed is not
 * put back. Claiming the setting row first, in the same transaction, makes
 * two processes starting at once seed the pairs only once.
 */
export async function ensureSpecialties(tx?: Tx): Promise<void> {
  if (!tx) return db.$transaction((inner) => ensureSpecialties(inner));
  await tx.specialty.createMany({
    data: SPECIALTIES.map(({ code, name, board, parentCode }) => ({ code, name, board, parentCode })),
    skipDuplicates: true,
  });
  const claimed = await tx.setting.createMany({ data: [{ key: SIMILAR_SEEDED_KEY, value: true }], skipDuplicates: true });
  if (claimed.count === 1) {
    await tx.similarSpecialty.createMany({ data: defaultSimilarSpecialtyRows(), skipDuplicates: true });
  }
}
