-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "purgeConfirmedAt" TIMESTAMPTZ(3),
ADD COLUMN     "purgeConfirmedById" UUID;

-- CreateTable
CREATE TABLE "PurgedCase" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "planName" TEXT,
    "ruleProfile" TEXT NOT NULL,
    "disputeType" "DisputeType",
    "track" "Track" NOT NULL,
    "statusEnded" "CaseStatus" NOT NULL,
    "outcome" "DecisionOutcome",
    "submittedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "endedOn" DATE NOT NULL,
    "retainedUntil" DATE NOT NULL,
    "archivedAt" TIMESTAMPTZ(3) NOT NULL,
    "purgeConfirmedAt" TIMESTAMPTZ(3) NOT NULL,
    "purgeConfirmedById" UUID NOT NULL,
    "purgeConfirmedBy" TEXT NOT NULL,
    "purgedAt" TIMESTAMPTZ(3) NOT NULL,
    "letters" JSONB NOT NULL DEFAULT '[]',
    "documentsRemoved" INTEGER NOT NULL,

    CONSTRAINT "PurgedCase_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PurgedCase_reference_key" ON "PurgedCase"("reference");

-- CreateIndex
CREATE INDEX "PurgedCase_purgedAt_idx" ON "PurgedCase"("purgedAt");

