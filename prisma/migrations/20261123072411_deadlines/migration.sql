-- CreateEnum
CREATE TYPE "HolidaySource" AS ENUM ('FEDERAL', 'ADMIN');

-- CreateEnum
CREATE TYPE "DeadlineKind" AS ENUM ('ELIGIBILITY', 'PLAN_CASE_FILE', 'APPLICANT_INFORMATION', 'ASSIGNMENT', 'OFFER_RESPONSE', 'DECISION', 'WRITTEN_CONFIRMATION', 'COMPLIANCE');

-- CreateEnum
CREATE TYPE "DeadlineStatus" AS ENUM ('OPEN', 'MET', 'MISSED', 'STOPPED');

-- CreateEnum
CREATE TYPE "ResponsibleParty" AS ENUM ('ORGANIZATION', 'APPLICANT', 'PLAN', 'REVIEWER');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "coordinatorId" UUID,
ADD COLUMN     "flaggedAt" TIMESTAMPTZ(3),
ADD COLUMN     "nextDeadlineAtRiskAt" TIMESTAMPTZ(3),
ADD COLUMN     "nextDeadlineDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "nextDeadlineKind" "DeadlineKind";

-- CreateTable
CREATE TABLE "Holiday" (
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "source" "HolidaySource" NOT NULL DEFAULT 'ADMIN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "CaseDeadline" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "DeadlineKind" NOT NULL,
    "status" "DeadlineStatus" NOT NULL DEFAULT 'OPEN',
    "responsible" "ResponsibleParty" NOT NULL,
    "responsibleUserId" UUID,
    "subjectId" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "atRiskAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseDeadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadlineReminder" (
    "id" UUID NOT NULL,
    "deadlineId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeadlineReminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseDeadline_status_dueAt_idx" ON "CaseDeadline"("status", "dueAt");

-- CreateIndex
CREATE INDEX "CaseDeadline_caseId_status_idx" ON "CaseDeadline"("caseId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "DeadlineReminder_deadlineId_kind_key" ON "DeadlineReminder"("deadlineId", "kind");

-- CreateIndex
CREATE INDEX "Case_status_track_nextDeadlineDueAt_idx" ON "Case"("status", "track", "nextDeadlineDueAt");

-- CreateIndex
CREATE INDEX "Case_coordinatorId_idx" ON "Case"("coordinatorId");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_coordinatorId_fkey" FOREIGN KEY ("coordinatorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseDeadline" ADD CONSTRAINT "CaseDeadline_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineReminder" ADD CONSTRAINT "DeadlineReminder_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "CaseDeadline"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

