-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('UPHELD', 'OVERTURNED', 'OVERTURNED_IN_PART');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "determinedAt" TIMESTAMPTZ(3),
ADD COLUMN     "diagnosisCategory" TEXT,
ADD COLUMN     "diagnosisSubcategory" TEXT,
ADD COLUMN     "findings" TEXT,
ADD COLUMN     "outcome" "DecisionOutcome",
ADD COLUMN     "treatmentCategory" TEXT,
ADD COLUMN     "treatmentSubcategory" TEXT;

