import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source.js';
import { DEFAULT_POOL_LIMITS, type PoolLimits } from './pool-options.js';

/**
 * Two database roles: the owner runs migrations and owns every table; the
 * runtime role serves requests and owns nothing. It may read and write the
 * catalog, but the audit (`events`) only allows INSERT and SELECT, and a role
 * that owns no table cannot TRUNCATE, ALTER or DROP it: the append-only trigger
 * cannot be switched off from the registry's connection.
 */
export const RUNTIME_ROLE = 'dmesh_runtime';

/** The runtime role's grants, re-applied after every migration run so new tables are covered. */
export function runtimeGrants(role: string): string[] {
  const r = pg.escapeIdentifier(role);
  return [
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON events FROM ${r}`,
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON migrations FROM ${r}`,
  ];
}

/** Creates (or re-passwords) the embedded runtime role; its password lives next to the owner's, mode 0600. */
export async function ensureRuntimeRole(ownerUrl: string, dataDir: string): Promise<string> {
  const file = join(dataDir, 'postgres-runtime-credentials.json');
  const credentials: { user: string; password: string } = existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8'))
    : { user: RUNTIME_ROLE, password: randomBytes(18).toString('base64url') };
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const user = pg.escapeIdentifier(credentials.user);
    const password = pg.escapeLiteral(credentials.password);
    const [exists] = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [credentials.user])).rows;
    await client.query(
      `${exists ? 'ALTER' : 'CREATE'} ROLE ${user} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${password}`,
    );
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = credentials.user;
  url.password = credentials.password;
  return url.toString();
}

/** The role name a connection URL logs in as (its user part). */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** Runs the migrations as the owner, then grants the runtime role what it needs (nothing when both are one role). */
export async function migrateAsOwner(ownerUrl: string, runtimeUrl: string): Promise<void> {
  // No statement timeout for migrations: they may run long on a big catalog.
  const owner = createDataSource(ownerUrl, { poolSize: 1, limits: false });
  await owner.initialize();
  try {
    await owner.runMigrations();
    const runtime = roleOf(runtimeUrl);
    if (runtime !== roleOf(ownerUrl)) for (const sql of runtimeGrants(runtime)) await owner.query(sql);
  } finally {
    await owner.destroy();
  }
}

export interface RuntimeRoleCheck {
  role: string;
  /** Empty when the role cannot change the audit; otherwise what it can do that it should not. */
  problems: string[];
}

/** What the registry's own connection could do to the audit: the start-up log warns about each. */
export async function checkRuntimeRole(dataSource: DataSource): Promise<RuntimeRoleCheck> {
  const [row] = await dataSource.query(
    `SELECT current_user AS role, r.rolsuper AS superuser, pg_has_role(current_user, c.relowner, 'USAGE') AS owner,
            has_table_privilege('events', 'UPDATE') AS "update", has_table_privilege('events', 'DELETE') AS "delete",
            has_table_privilege('events', 'TRUNCATE') AS "truncate"
       FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'events'::regclass`,
  );
  const problems = [
    row.superuser && 'is a superuser',
    row.owner && 'owns the events table',
    ...['update', 'delete', 'truncate'].filter((p) => row[p]).map((p) => `may ${p.toUpperCase()} events`),
  ].filter(Boolean) as string[];
  return { role: row.role, problems };
}

/**
 * Migrates as the owner, then opens the pool the registry serves requests
 * with, as the runtime role; warns (stderr) when that role could rewrite the audit.
 */
export async function openRegistryDatabase(
  ownerUrl: string,
  runtimeUrl: string,
  limits: Partial<PoolLimits> = {},
  warn: (line: string) => void = (line) => process.stderr.write(`warning: ${line}\n`),
): Promise<DataSource> {
  await migrateAsOwner(ownerUrl, runtimeUrl);
  const dataSource = createDataSource(runtimeUrl, { limits: { ...DEFAULT_POOL_LIMITS, ...limits } });
  await dataSource.initialize();
  const warning = await runtimeRoleWarning(dataSource);
  if (warning) warn(warning);
  return dataSource;
}

/** The start-up warning when the registry's own connection could rewrite the audit (one URL for both roles). */
export async function runtimeRoleWarning(dataSource: DataSource): Promise<string | undefined> {
  const { role, problems } = await checkRuntimeRole(dataSource);
  if (!problems.length) return undefined;
  return (
    `the registry's database role ${role} ${problems.join(', ')}: the audit is not tamper-proof. ` +
    'Set DMESH_MIGRATION_DATABASE_URL to the table owner and DATABASE_URL to a role that owns no table (registry/README.md).'
  );
}

/**
 * [owner, runtime]: DMESH_MIGRATION_DATABASE_URL and DATABASE_URL; DATABASE_URL alone serves as both (the
 * start-up warns); the embedded start has both roles.
 */
export function databaseUrls(
  config: { migrationDatabaseUrl?: string; databaseUrl?: string },
  embedded?: { url: string; runtimeUrl: string },
): [string, string] {
  return [
    config.migrationDatabaseUrl ?? config.databaseUrl ?? embedded!.url,
    config.databaseUrl ?? embedded!.runtimeUrl,
  ];
}
