-- CreateIndex
CREATE INDEX "Document_sha256_idx" ON "Document"("sha256");

