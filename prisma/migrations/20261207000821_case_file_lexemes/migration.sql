-- DropIndex
DROP INDEX "DocumentPage_text_trgm_idx";

-- CreateTable
CREATE TABLE "DocumentLexeme" (
    "documentId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "lexeme" TEXT NOT NULL,

    CONSTRAINT "DocumentLexeme_pkey" PRIMARY KEY ("documentId","lexeme")
);

-- CreateIndex
CREATE INDEX "DocumentLexeme_caseId_lexeme_trgm_idx" ON "DocumentLexeme" USING GIN ("caseId" uuid_ops, "lexeme" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "DocumentLexeme" ADD CONSTRAINT "DocumentLexeme_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: PostgreSQL keeps each document's words in step with its pages.
-- A statement of many pages (a bulk insert) adds its words in one pass.
CREATE FUNCTION "documentLexemesAdded"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DocumentLexeme" ("documentId", "caseId", "lexeme")
  SELECT DISTINCT page."documentId", page."caseId", word
    FROM added page, unnest(tsvector_to_array(page."searchVector")) AS word
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE FUNCTION "documentLexemesChanged"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DocumentLexeme" ("documentId", "caseId", "lexeme")
  SELECT NEW."documentId", NEW."caseId", word FROM unnest(tsvector_to_array(NEW."searchVector")) AS word
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER "DocumentPage_lexemes_added" AFTER INSERT ON "DocumentPage"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "documentLexemesAdded"();

-- A page read again (its text changed); marking duplicates changes no text and adds nothing.
CREATE TRIGGER "DocumentPage_lexemes_changed" AFTER UPDATE OF "text" ON "DocumentPage"
  FOR EACH ROW WHEN (OLD."text" IS DISTINCT FROM NEW."text") EXECUTE FUNCTION "documentLexemesChanged"();

-- The words of the pages already read.
INSERT INTO "DocumentLexeme" ("documentId", "caseId", "lexeme")
SELECT DISTINCT "documentId", "caseId", unnest(tsvector_to_array("searchVector")) FROM "DocumentPage";
