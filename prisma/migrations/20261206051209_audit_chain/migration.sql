-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "prevHash" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "lastId" BIGINT NOT NULL DEFAULT 0,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("id")
);


-- The audit log is a hash chain (docs/decisions/0013): each row carries the
-- hash of the row before it, and its own hash over that and its fields, so a
-- row changed or removed by someone who can get past the append-only trigger
-- (the tables' owner) shows as a broken link to `npm run audit:verify`.
-- app/domain/audit-chain.ts computes the same hash to verify it.
CREATE FUNCTION "audit_log_row_hash"(
  "previous" TEXT, "id" BIGINT, "at" TIMESTAMPTZ, "actorId" UUID, "actorEmail" TEXT, "action" TEXT,
  "objectType" TEXT, "objectId" TEXT, "ip" TEXT, "userAgent" TEXT, "detail" JSONB
) RETURNS TEXT LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
  SELECT encode(sha256(convert_to('imr-audit-v1;' || string_agg(
           CASE WHEN field IS NULL THEN '-;' ELSE octet_length(field)::text || ':' || field || ';' END, '' ORDER BY position), 'UTF8')), 'hex')
    FROM unnest(ARRAY[
           "previous", "id"::text, to_char("at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), "actorId"::text,
           "actorEmail", "action", "objectType", "objectId", "ip", "userAgent", "detail"::text
         ]) WITH ORDINALITY AS fields(field, position)
$$;

-- Back-fill the rows written before the chain, in the order they were appended.
ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only";
DO $$
DECLARE
  entry RECORD;
  previous TEXT := repeat('0', 64);
BEGIN
  FOR entry IN SELECT * FROM "AuditLog" ORDER BY "id" LOOP
    UPDATE "AuditLog"
       SET "prevHash" = previous,
           "hash" = "audit_log_row_hash"(previous, entry."id", entry."at", entry."actorId", entry."actorEmail", entry."action",
                                         entry."objectType", entry."objectId", entry."ip", entry."userAgent", entry."detail")
     WHERE "id" = entry."id"
     RETURNING "hash" INTO previous;
  END LOOP;
  INSERT INTO "AuditChainHead" ("id", "lastId", "hash")
  VALUES (1, coalesce((SELECT max("id") FROM "AuditLog"), 0), previous);
END
$$;
ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only";

-- Each insert, whoever sends it and whatever it says, is chained here. The
-- function runs as the tables' owner (SECURITY DEFINER), so the application's
-- role needs no right to the chain head and cannot move it.
CREATE FUNCTION "audit_log_chain"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  previous TEXT;
BEGIN
  -- The head's row lock serializes appends until the inserting transaction
  -- ends; under READ COMMITTED the locked read sees the last committed link.
  SELECT "hash" INTO STRICT previous FROM "AuditChainHead" WHERE "id" = 1 FOR UPDATE;
  -- The id is drawn only now, with the head locked, so ids follow the chain.
  NEW."id" := nextval(pg_get_serial_sequence('"AuditLog"', 'id'));
  NEW."prevHash" := previous;
  NEW."hash" := "audit_log_row_hash"(previous, NEW."id", NEW."at", NEW."actorId", NEW."actorEmail", NEW."action",
                                     NEW."objectType", NEW."objectId", NEW."ip", NEW."userAgent", NEW."detail");
  UPDATE "AuditChainHead" SET "hash" = NEW."hash", "lastId" = NEW."id" WHERE "id" = 1;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "AuditLog_chain"
  BEFORE INSERT ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_chain"();
