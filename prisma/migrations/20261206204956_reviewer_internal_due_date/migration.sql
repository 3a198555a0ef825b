-- AlterTable
ALTER TABLE "ReviewerAssignment" ADD COLUMN     "internalDueAt" TIMESTAMPTZ(3);

