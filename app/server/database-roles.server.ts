import pg from "pg";

/**
 * Two database roles (docs/decisions/0013): the owner of the tables runs the
 * migrations and these grants; the portal connects as its own role, which may
 * read and write rows but not change the schema, and may only add to and read
 * the audit log. A role that cannot ALTER a table or set
 * session_replication_role cannot switch the audit log's triggers off.
 */

/** The user name in a postgresql:// URL: the role the app connects as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * What the portal's role is granted, as the owner runs it (`npm run db:grant`
 * prints it for a database administrator). Idempotent. The default
 * privileges give the role the same rights on the tables, sequences and queue
 * partitions the owner creates later, and the step runs after every
 * migration anyway.
 */
export function appRoleGrants(role: string): string[] {
  const r = pg.escapeIdentifier(role);
  return [
    // Nobody but the owner creates objects in the portal's schema.
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
    // The audit log is read and appended to, nothing else; its chain head is
    // moved by the insert trigger, which runs as the owner.
    `REVOKE ALL ON "AuditLog" FROM ${r}`,
    `GRANT SELECT, INSERT ON "AuditLog" TO ${r}`,
    `REVOKE ALL ON "AuditChainHead" FROM ${r}`,
    `GRANT SELECT ON "AuditChainHead" TO ${r}`,
    // A purged case's tombstone is written once and kept (docs/decisions/0015).
    `REVOKE ALL ON "PurgedCase" FROM ${r}`,
    `GRANT SELECT, INSERT ON "PurgedCase" TO ${r}`,
    // Read only: the app checks it is up to date when the owner migrates apart.
    `REVOKE ALL ON "_prisma_migrations" FROM ${r}`,
    `GRANT SELECT ON "_prisma_migrations" TO ${r}`,
    // pg-boss's schema, installed by the owner (installJobQueue): rows only.
    `REVOKE CREATE ON SCHEMA pgboss FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA pgboss TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
  ];
}

/** Applies appRoleGrants as the owner (`ownerUrl`), in one transaction. */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const statement of appRoleGrants(role)) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

export class UnconfinedRoleError extends Error {}

/**
 * Refuses a connection whose role could get past the audit log's append-only
 * rule: a superuser, the owner of the tables (or a member of it), a role that
 * may create objects in the schema, or one allowed to change audit rows.
 */
export async function assertConfinedRole(appUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string; superuser: boolean; owner: boolean; create: boolean; change: boolean }>(`
      SELECT current_user AS role,
             (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
             pg_has_role(current_user, c.relowner, 'MEMBER') AS owner,
             has_schema_privilege('public', 'CREATE') AS create,
             has_table_privilege(c.oid, 'UPDATE, DELETE, TRUNCATE, TRIGGER') AS change
        FROM pg_class c WHERE c.oid = '"AuditLog"'::regclass`);
    const found = rows[0];
    if (!found) throw new UnconfinedRoleError(`The database has no "AuditLog" table: run the migrations first.`);
    const powers = [
      found.superuser && "is a superuser",
      found.owner && "owns the tables",
      found.create && "may create objects in the schema",
      found.change && "may change or remove audit rows",
    ].filter(Boolean);
    if (powers.length) {
      throw new UnconfinedRoleError(
        `DATABASE_URL connects as "${found.role}", which ${powers.join(", ")}, so the portal could get past the audit log's append-only rule. ` +
          `Connect the portal as a role with only its grants (README, "Database roles"): DATABASE_URL for that role, MIGRATION_DATABASE_URL for the owner.`,
      );
    }
  } finally {
    await client.end();
  }
}
