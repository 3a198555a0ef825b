-- AlterTable
ALTER TABLE "IdempotencyRecord" ADD COLUMN     "contentSha256" TEXT,
ADD COLUMN     "leaseExpiresAt" TIMESTAMPTZ(3);


-- Claims made before leases existed belong to no running request now (the
-- processes restarted to run this version): a repeat may take them over.
UPDATE "IdempotencyRecord" SET "leaseExpiresAt" = "createdAt" WHERE "statusCode" = 0;
