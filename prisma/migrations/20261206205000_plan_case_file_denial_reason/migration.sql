-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "planCaseFileDenialReason" TEXT;

