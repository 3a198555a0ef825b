import { expect, it } from "vitest";
import { DEFAULT_SIMILAR_SPECIALTIES, SPECIALTIES } from "~/domain/specialties";
import { db } from "~/server/db.server";
import { ensureSpecialties } from "~/server/reviewers/specialties.server";

it("seeds the specialties and the similar pairs both ways, once, and keeps the admin's changes", async () => {
  // Two processes starting together must not trip over each other.
  await Promise.all([ensureSpecialties(), ensureSpecialties()]);
  expect(await db.specialty.count()).toBe(SPECIALTIES.length);
  expect(await db.similarSpecialty.count()).toBe(DEFAULT_SIMILAR_SPECIALTIES.length * 2);
  expect(await db.specialty.findUnique({ where: { code: "interventional-cardiology" } })).toMatchObject({
    name: "Interventional cardiology",
    board: "American Board of Internal Medicine",
    parentCode: "cardiovascular-disease",
  });

  // The admin removes a pair and adds one; a later start changes neither.
  await db.similarSpecialty.deleteMany({
    where: {
      OR: [
        { specialtyCode: "medical-oncology", similarCode: "hematology" },
        { specialtyCode: "hematology", similarCode: "medical-oncology" },
      ],
    },
  });
  await db.similarSpecialty.createMany({
    data: [
      { specialtyCode: "neurology", similarCode: "physical-medicine-and-rehabilitation" },
      { specialtyCode: "physical-medicine-and-rehabilitation", similarCode: "neurology" },
    ],
  });
  await db.specialty.delete({ where: { code: "urology" } });
  await ensureSpecialties();

  expect(await db.similarSpecialty.count({ where: { specialtyCode: "medical-oncology", similarCode: "hematology" } })).toBe(0);
  expect(await db.similarSpecialty.count({ where: { specialtyCode: "neurology", similarCode: "physical-medicine-and-rehabilitation" } })).toBe(1);
  expect(await db.similarSpecialty.count()).toBe(DEFAULT_SIMILAR_SPECIALTIES.length * 2);
  // A specialty missing from the list is added back: cases and certifications refer to it.
  expect(await db.specialty.count({ where: { code: "urology" } })).toBe(1);
});
