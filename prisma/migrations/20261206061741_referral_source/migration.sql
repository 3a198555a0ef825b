-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "referralSource" TEXT;

