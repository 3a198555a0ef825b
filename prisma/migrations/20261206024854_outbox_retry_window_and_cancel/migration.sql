-- AlterEnum
ALTER TYPE "OutboxStatus" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "queuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;


-- Messages already queued retry for 72 hours from when they were queued.
UPDATE "OutboxMessage" SET "queuedAt" = "createdAt";
