-- CreateEnum
CREATE TYPE "AffiliationRemovalStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "ReviewerAssignment" ADD COLUMN     "replacementNeededAt" TIMESTAMPTZ(3),
ADD COLUMN     "replacementReason" TEXT;

-- CreateTable
CREATE TABLE "AffiliationRemovalRequest" (
    "id" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "affiliationId" UUID,
    "kind" "AffiliationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "identifier" TEXT,
    "status" "AffiliationRemovalStatus" NOT NULL DEFAULT 'PENDING',
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "requestedById" UUID NOT NULL,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,

    CONSTRAINT "AffiliationRemovalRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AffiliationRemovalRequest_reviewerId_status_idx" ON "AffiliationRemovalRequest"("reviewerId", "status");

-- CreateIndex
CREATE INDEX "AffiliationRemovalRequest_status_requestedAt_idx" ON "AffiliationRemovalRequest"("status", "requestedAt");

-- AddForeignKey
ALTER TABLE "AffiliationRemovalRequest" ADD CONSTRAINT "AffiliationRemovalRequest_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "ReviewerProfile"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AffiliationRemovalRequest" ADD CONSTRAINT "AffiliationRemovalRequest_affiliationId_fkey" FOREIGN KEY ("affiliationId") REFERENCES "ReviewerAffiliation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

