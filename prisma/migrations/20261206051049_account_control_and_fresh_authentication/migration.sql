-- AlterTable
ALTER TABLE "User" ADD COLUMN     "disabledReason" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "authenticatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
-- A session open before this column counts as authenticated when it started.
UPDATE "Session" SET "authenticatedAt" = "createdAt";

-- A key whose maker's row is gone acts for the plan alone, as before.
UPDATE "ApiKey" k SET "createdById" = NULL WHERE "createdById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = k."createdById");

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

