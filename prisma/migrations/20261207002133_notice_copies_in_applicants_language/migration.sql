-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "language" TEXT,
ADD COLUMN     "translationOfId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "Document_translationOfId_language_key" ON "Document"("translationOfId", "language");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_translationOfId_fkey" FOREIGN KEY ("translationOfId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

