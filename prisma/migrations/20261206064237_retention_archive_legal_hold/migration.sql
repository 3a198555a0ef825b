-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "archivedAt" TIMESTAMPTZ(3),
ADD COLUMN     "legalHoldAt" TIMESTAMPTZ(3),
ADD COLUMN     "legalHoldReason" TEXT;

