-- AlterTable
ALTER TABLE "Holiday" ADD COLUMN     "removedAt" TIMESTAMPTZ(3);

