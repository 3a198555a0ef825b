import { groupDuplicates } from "~/domain/casefile/duplicates";
import { normalizeText } from "~/domain/casefile/fingerprints";
import { db } from "../db.server";

/**
 * Groups a case's duplicate pages again, over every page read so far, in
 * case file order (documents by upload, then page). Only flags change:
 * nothing is deleted, and the first page of a group stays the original.
 */
export async function groupCaseDuplicates(caseId: string): Promise<{ duplicates: number }> {
  const pages = await db.documentPage.findMany({
    where: { caseId },
    orderBy: [{ document: { createdAt: "asc" } }, { documentId: "asc" }, { pageNumber: "asc" }],
    select: {
      id: true,
      text: true,
      textHash: true,
      textSimhash: true,
      imageHash: true,
      imagePerceptualHash: true,
      duplicateOfId: true,
      duplicateKind: true,
    },
  });
  const found = groupDuplicates(pages.map((page) => ({ ...page, normalized: normalizeText(page.text) })));
  const changed = pages.filter((page) => {
    const now = found.get(page.id);
    return page.duplicateOfId !== (now?.duplicateOfId ?? null) || page.duplicateKind !== (now?.kind ?? null);
  });
  await db.$transaction(
    changed.map((page) => {
      const now = found.get(page.id);
      return db.documentPage.update({ where: { id: page.id }, data: { duplicateOfId: now?.duplicateOfId ?? null, duplicateKind: now?.kind ?? null } });
    }),
  );
  return { duplicates: found.size };
}
