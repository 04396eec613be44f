import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAccessConfig, type AccessConfig } from './auth/access-config.js';
import { readOpsConfig, type OpsConfig } from './ops/ops-config.js';

/** The repository root (registry/dist/config.js → ../..), where `.dmesh/` and `domains/` live by default. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface RegistryConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  seed: boolean;
  domainsDir: string;
  bootstrapToken?: string;
  ide: boolean;
  /** GraphQL introspection and field suggestions: development (the embedded start), or DMESH_GRAPHQL_INTROSPECTION=1. */
  introspection: boolean;
  /** The table owner's URL for migrations, when DATABASE_URL is a runtime role (DMESH_MIGRATION_DATABASE_URL). */
  migrationDatabaseUrl?: string;
  access: AccessConfig;
  ops: OpsConfig;
  /** Database pool size and per-statement time limit (database/pool-options.ts). */
  poolSize: number;
  statementTimeoutMs: number;
  /** How long requests in flight get to finish at a stop (lifecycle/shutdown.ts). */
  drainMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A whole number from an environment variable, or its default when unset. */
function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv): RegistryConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number (0-65535), got "${env.PORT}"`);
  if (env.DATABASE_URL && !/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  if (env.DMESH_MIGRATION_DATABASE_URL && !env.DATABASE_URL)
    throw new ConfigError('DMESH_MIGRATION_DATABASE_URL (the table owner) needs DATABASE_URL (the runtime role) too');
  if (env.DMESH_BOOTSTRAP_TOKEN !== undefined && env.DMESH_BOOTSTRAP_TOKEN.length < 16) {
    throw new ConfigError('DMESH_BOOTSTRAP_TOKEN must be at least 16 characters');
  }
  // One switch for production (access-config.ts): NODE_ENV=production, or an external database.
  const access = readAccessConfig(env, (message) => new ConfigError(message));
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    ...(env.DATABASE_URL && { databaseUrl: env.DATABASE_URL }),
    dataDir: resolve(env.DMESH_DATA_DIR ?? join(REPO_ROOT, '.dmesh')),
    seed: env.DMESH_SEED === '1' || env.DMESH_SEED === 'true',
    domainsDir: resolve(env.DMESH_DOMAINS_DIR ?? join(REPO_ROOT, 'domains')),
    ...(env.DMESH_BOOTSTRAP_TOKEN && { bootstrapToken: env.DMESH_BOOTSTRAP_TOKEN }),
    ide: !access.production,
    introspection: !access.production || env.DMESH_GRAPHQL_INTROSPECTION === '1',
    ...(env.DMESH_MIGRATION_DATABASE_URL && { migrationDatabaseUrl: env.DMESH_MIGRATION_DATABASE_URL }),
    access,
    ops: readOpsConfig(env, (message) => new ConfigError(message), Boolean(process.stdout.isTTY)),
    poolSize: intFrom(env, 'DMESH_DB_POOL_SIZE', 10, 2, 200),
    statementTimeoutMs: intFrom(env, 'DMESH_STATEMENT_TIMEOUT_MS', 10_000, 100, 3_600_000),
    drainMs: intFrom(env, 'DMESH_DRAIN_TIMEOUT_MS', 10_000, 0, 600_000),
  };
}
