import { beforeAll, describe, expect, it } from "vitest";
import { nextReference } from "~/server/cases/reference-number.server";
import { db } from "~/server/db.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { createCase, createUser } from "#tests/support/factories";

// domain.md: "a reference number IMR-YYYY-NNNNNN is given (sequence per year, never reused)".
// Years of their own (this file's database is its own too), in the organization's zone, New York.

const take = (at: string) => db.$transaction((tx) => nextReference(tx, new Date(at)));

beforeAll(async () => {
  await ensureReferenceData();
});

describe("reference numbers", () => {
  it("count up within a year, and start again at 1 when the organization's year turns, not UTC's", async () => {
    expect(await take("2041-03-02T12:00:00-05:00")).toBe("IMR-2041-000001");
    expect(await take("2041-07-04T12:00:00-04:00")).toBe("IMR-2041-000002");
    // 23:30 on New Year's Eve in New York is already 2042 in UTC: still a 2041 number.
    expect(await take("2041-12-31T23:30:00-05:00")).toBe("IMR-2041-000003");
    expect(await take("2042-01-01T00:30:00-05:00")).toBe("IMR-2042-000001");
    // A case filed late in the old year keeps counting that year's sequence.
    expect(await take("2041-12-31T09:00:00-05:00")).toBe("IMR-2041-000004");
  });

  it("are given once each, however many filings arrive at the same moment", async () => {
    const taken = await Promise.all(Array.from({ length: 12 }, () => take("2043-05-05T10:00:00-04:00")));
    expect(new Set(taken).size).toBe(12);
    expect([...taken].sort()).toEqual(Array.from({ length: 12 }, (_, index) => `IMR-2043-${String(index + 1).padStart(6, "0")}`));
  });

  it("are never given again, even after the case that had one is gone", async () => {
    const applicant = await createUser({ roles: ["APPLICANT"] });
    const kase = await createCase({ applicantId: applicant.id });
    const first = await take("2044-02-02T10:00:00-05:00");
    await db.case.update({ where: { id: kase.id }, data: { reference: first } });
    await db.case.delete({ where: { id: kase.id } });
    expect(await take("2044-02-03T10:00:00-05:00")).toBe("IMR-2044-000002");
  });
});
