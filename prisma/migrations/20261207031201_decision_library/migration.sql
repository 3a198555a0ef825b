-- CreateEnum
CREATE TYPE "PublicationStatus" AS ENUM ('DRAFT', 'WAITING', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "DiagnosisDetail" AS ENUM ('SUBCATEGORY', 'CATEGORY');

-- AlterEnum
ALTER TYPE "DeadlineKind" ADD VALUE 'PUBLICATION';

-- CreateTable
CREATE TABLE "Publication" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "caseId" UUID,
    "status" "PublicationStatus" NOT NULL DEFAULT 'DRAFT',
    "draftFindings" TEXT NOT NULL,
    "redactions" JSONB NOT NULL DEFAULT '[]',
    "findings" TEXT NOT NULL,
    "relativeNames" TEXT[],
    "year" INTEGER NOT NULL,
    "ageRange" TEXT,
    "gender" TEXT,
    "diagnosisCategory" TEXT NOT NULL,
    "diagnosisSubcategory" TEXT NOT NULL,
    "diagnosisDetail" "DiagnosisDetail",
    "shownDiagnosisSubcategory" TEXT,
    "treatmentCategory" TEXT NOT NULL,
    "treatmentSubcategory" TEXT NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "disputeType" "DisputeType" NOT NULL,
    "track" "Track" NOT NULL,
    "planId" UUID,
    "daysToDecision" INTEGER NOT NULL,
    "decidedOnTime" BOOLEAN NOT NULL,
    "literature" JSONB NOT NULL DEFAULT '[]',
    "approvedAt" TIMESTAMPTZ(3),
    "approvedById" UUID,
    "publishedAt" TIMESTAMPTZ(3),
    "searchVector" tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english'::regconfig, "diagnosisCategory" || ' ' || coalesce("shownDiagnosisSubcategory", '') || ' ' || "treatmentCategory" || ' ' || "treatmentSubcategory"), 'A')
      || setweight(to_tsvector('spanish'::regconfig, "diagnosisCategory" || ' ' || coalesce("shownDiagnosisSubcategory", '') || ' ' || "treatmentCategory" || ' ' || "treatmentSubcategory"), 'A')
      || to_tsvector('english'::regconfig, "findings")
      || to_tsvector('spanish'::regconfig, "findings")
    ) STORED,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Publication_number_key" ON "Publication"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_caseId_key" ON "Publication"("caseId");

-- CreateIndex
CREATE INDEX "Publication_status_year_idx" ON "Publication"("status", "year");

-- CreateIndex
CREATE INDEX "Publication_status_publishedAt_idx" ON "Publication"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "Publication_searchVector_idx" ON "Publication" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_planId_fkey" FOREIGN KEY ("planId") REFERENCES "HealthPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

