-- CreateEnum
CREATE TYPE "InformationRequestParty" AS ENUM ('APPLICANT', 'PLAN');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "certificationToFollow" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "denialReason" TEXT,
ADD COLUMN     "draftStep" TEXT,
ADD COLUMN     "filedLate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lateFilingReason" TEXT,
ADD COLUMN     "notifyProvider" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "providerEmail" TEXT,
ADD COLUMN     "serviceDate" DATE,
ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "informationRequestId" UUID;

-- CreateTable
CREATE TABLE "InformationRequest" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "addressedTo" "InformationRequestParty" NOT NULL,
    "question" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "requestedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answeredAt" TIMESTAMPTZ(3),
    "answeredById" UUID,

    CONSTRAINT "InformationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InformationRequest_caseId_createdAt_idx" ON "InformationRequest"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "Document_informationRequestId_idx" ON "Document"("informationRequestId");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_informationRequestId_fkey" FOREIGN KEY ("informationRequestId") REFERENCES "InformationRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationRequest" ADD CONSTRAINT "InformationRequest_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

