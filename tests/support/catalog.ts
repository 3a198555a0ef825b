import pg from "pg";

/**
 * What PostgreSQL's catalog says about the public schema, as sorted lines:
 * enums, tables, columns, constraints and indexes. Two databases with the
 * same lines have the same structure.
 */
export async function describeCatalog(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const lines = async (sql: string) => (await client.query<{ line: string }>(sql)).rows.map((row) => row.line).sort();
    return {
      enums: await lines(`
        SELECT t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS line
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
         WHERE n.nspname = 'public' GROUP BY t.typname`),
      tables: await lines(`
        SELECT table_name AS line FROM information_schema.tables
         WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      columns: await lines(`
        SELECT table_name || '.' || column_name || ' ' || udt_name || ' ' ||
               CASE WHEN is_nullable = 'YES' THEN 'null' ELSE 'not null' END || ' default ' ||
               coalesce(column_default, '-') AS line
          FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      constraints: await lines(`
        SELECT c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
          FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
         WHERE n.nspname = 'public' AND c.conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')`),
      indexes: await lines(`
        SELECT indexdef AS line FROM pg_indexes
         WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`),
    };
  } finally {
    await client.end();
  }
}

export async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
