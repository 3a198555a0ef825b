-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "TextLayerStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "PageTextSource" AS ENUM ('EMBEDDED', 'OCR', 'DOCX', 'NONE');

-- CreateEnum
CREATE TYPE "DuplicateKind" AS ENUM ('EXACT', 'NEAR');

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "author" TEXT,
ADD COLUMN     "authoredOn" DATE,
ADD COLUMN     "pageCount" INTEGER,
ADD COLUMN     "pagesIndexed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "textLayerError" TEXT,
ADD COLUMN     "textLayerStatus" "TextLayerStatus";

-- AlterTable
ALTER TABLE "Determination" ADD COLUMN     "citations" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "DocumentPage" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "pageNumber" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "source" "PageTextSource" NOT NULL,
    "ocrConfidence" DOUBLE PRECISION,
    "textHash" TEXT,
    "textSimhash" BIGINT,
    "imageHash" TEXT,
    "imagePerceptualHash" BIGINT,
    "duplicateOfId" UUID,
    "duplicateKind" "DuplicateKind",
    -- Hand-written: PostgreSQL keeps the English and Spanish stems in step with the text.
    "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "text") || to_tsvector('spanish'::regconfig, "text")) STORED,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentPage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PageMark" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "pageNumber" INTEGER NOT NULL,
    "readAt" TIMESTAMPTZ(3),
    "bookmarkedAt" TIMESTAMPTZ(3),
    "note" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PageMark_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DocumentPage_caseId_idx" ON "DocumentPage"("caseId");

-- CreateIndex
CREATE INDEX "DocumentPage_duplicateOfId_idx" ON "DocumentPage"("duplicateOfId");

-- CreateIndex
CREATE INDEX "DocumentPage_searchVector_idx" ON "DocumentPage" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "DocumentPage_text_trgm_idx" ON "DocumentPage" USING GIN ("text" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentPage_documentId_pageNumber_key" ON "DocumentPage"("documentId", "pageNumber");

-- CreateIndex
CREATE INDEX "PageMark_userId_caseId_idx" ON "PageMark"("userId", "caseId");

-- CreateIndex
CREATE UNIQUE INDEX "PageMark_userId_documentId_pageNumber_key" ON "PageMark"("userId", "documentId", "pageNumber");

-- AddForeignKey
ALTER TABLE "DocumentPage" ADD CONSTRAINT "DocumentPage_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentPage" ADD CONSTRAINT "DocumentPage_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "DocumentPage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PageMark" ADD CONSTRAINT "PageMark_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PageMark" ADD CONSTRAINT "PageMark_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

