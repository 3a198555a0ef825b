-- AlterEnum
ALTER TYPE "DeadlineKind" ADD VALUE 'INFORMATION_FORWARDING';

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "forwardedAt" TIMESTAMPTZ(3);


-- Every profile version gains the time to forward the applicant's new
-- information to the plan (issue 18, finding 9): 1 business day under all
-- three, as the rule has always been; cases filed under these versions count
-- their forwarding clock with it. A version that has the rule keeps it.
UPDATE "RuleProfile"
SET "rules" = "rules" || '{"informationForwarding": {"amount": 1, "unit": "business_days"}}'::jsonb
WHERE NOT ("rules" ? 'informationForwarding');
