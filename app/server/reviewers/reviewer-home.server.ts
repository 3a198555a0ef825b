import { db } from "../db.server";

/**
 * What a reviewer's home shows: their profile, offers waiting for an answer
 * and cases they are working on. Offers show only the reference and track;
 * records open after the reviewer accepts and attests.
 */
export async function reviewerHome(reviewerId: string) {
  const [profile, assignments] = await Promise.all([
    db.reviewerProfile.findUnique({ where: { userId: reviewerId }, select: { primarySpecialty: true, credentials: true } }),
    db.reviewerAssignment.findMany({
      where: { reviewerId, status: { in: ["OFFERED", "ACCEPTED"] } },
      select: {
        id: true,
        status: true,
        offeredAt: true,
        case: { select: { reference: true, track: true, disputeType: true } },
      },
      orderBy: { offeredAt: "asc" },
    }),
  ]);
  return {
    profile,
    offers: assignments.filter((assignment) => assignment.status === "OFFERED"),
    active: assignments.filter((assignment) => assignment.status === "ACCEPTED"),
  };
}
