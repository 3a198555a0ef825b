-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "btree_gin";

-- DropIndex
DROP INDEX "DocumentPage_searchVector_idx";

-- CreateIndex
CREATE INDEX "DocumentPage_caseId_searchVector_idx" ON "DocumentPage" USING GIN ("caseId" uuid_ops, "searchVector");

