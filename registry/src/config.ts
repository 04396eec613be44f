import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  /** GraphQL introspection and field suggestions: development, or DMESH_GRAPHQL_INTROSPECTION=1. */
  introspection: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: NodeJS.ProcessEnv): RegistryConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number (0-65535), got "${env.PORT}"`);
  if (env.DATABASE_URL && !/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  if (env.DMESH_BOOTSTRAP_TOKEN !== undefined && env.DMESH_BOOTSTRAP_TOKEN.length < 16) {
    throw new ConfigError('DMESH_BOOTSTRAP_TOKEN must be at least 16 characters');
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    ...(env.DATABASE_URL && { databaseUrl: env.DATABASE_URL }),
    dataDir: resolve(env.DMESH_DATA_DIR ?? join(REPO_ROOT, '.dmesh')),
    seed: env.DMESH_SEED === '1' || env.DMESH_SEED === 'true',
    domainsDir: resolve(env.DMESH_DOMAINS_DIR ?? join(REPO_ROOT, 'domains')),
    ...(env.DMESH_BOOTSTRAP_TOKEN && { bootstrapToken: env.DMESH_BOOTSTRAP_TOKEN }),
    ide: env.NODE_ENV !== 'production',
    introspection: env.NODE_ENV !== 'production' || env.DMESH_GRAPHQL_INTROSPECTION === '1',
  };
}
