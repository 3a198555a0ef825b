-- AlterTable
ALTER TABLE "User" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';

