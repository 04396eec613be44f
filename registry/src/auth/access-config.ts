/**
 * The one switch for production: `NODE_ENV=production`, or any start with
 * `DATABASE_URL` (an external database). Development is the embedded start.
 * Anonymous reads default on in development and off in production;
 * `DMESH_ANONYMOUS_READ=1|0` overrides either way.
 */
export interface AccessConfig {
  production: boolean;
  anonymousRead: boolean;
}

/** `fail` makes the start-up error the caller reports (config.ts passes its ConfigError). */
export function readAccessConfig(env: NodeJS.ProcessEnv, fail: (message: string) => Error): AccessConfig {
  const production = env.NODE_ENV === 'production' || Boolean(env.DATABASE_URL);
  const flag = env.DMESH_ANONYMOUS_READ;
  if (flag !== undefined && !['0', '1', 'true', 'false'].includes(flag))
    throw fail(`DMESH_ANONYMOUS_READ must be 1 or 0 (true or false), got "${flag}"`);
  return { production, anonymousRead: flag === undefined ? !production : flag === '1' || flag === 'true' };
}
