/**
 * Operations settings from the environment (documented in registry/README.md):
 * - `DMESH_RATE_LIMIT`: requests per minute per token, and per client address
 *   for anonymous requests and failed authentication (default 1200; 0 turns it off).
 * - `DMESH_RATE_LIMIT_FAILED_AUTH_WEIGHT`: how many requests one failed
 *   authentication counts as against its address (default 20: 60 bad tokens a minute).
 * - `DMESH_LOG_LEVEL`: pino level (default info); `DMESH_LOG_FORMAT=json|pretty`
 *   (default: pretty on a terminal, JSON otherwise).
 * - `DMESH_TRUST_PROXY`: behind a load balancer, Fastify's trustProxy (true, a hop count
 *   or addresses) so the rate limiter and the logs see the client's address.
 */
export interface RateLimitConfig {
  /** Requests per window per token or address. */
  max: number;
  windowMs: number;
  /** A failed authentication counts as this many requests. */
  failedAuthWeight: number;
}

export interface OpsConfig {
  rateLimit?: RateLimitConfig;
  logLevel: string;
  logFormat: 'json' | 'pretty';
  /** Fastify's trustProxy: true, a hop count (as a string of digits it is a number), or addresses. */
  trustProxy?: boolean | string;
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, fail: (m: string) => Error): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw fail(`${name} must be a whole number ≥ 0, got "${text}"`);
  return n;
}

function trustProxy(text: string | undefined): OpsConfig['trustProxy'] {
  if (text === undefined || text === '' || text === 'false' || text === '0') return undefined;
  if (text === 'true') return true;
  return text;
}

export function readOpsConfig(env: NodeJS.ProcessEnv, fail: (message: string) => Error, tty: boolean): OpsConfig {
  const max = positiveInt(env, 'DMESH_RATE_LIMIT', 1200, fail);
  const failedAuthWeight = Math.max(1, positiveInt(env, 'DMESH_RATE_LIMIT_FAILED_AUTH_WEIGHT', 20, fail));
  const logLevel = env.DMESH_LOG_LEVEL ?? 'info';
  if (!LEVELS.includes(logLevel)) throw fail(`DMESH_LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${logLevel}"`);
  const format = env.DMESH_LOG_FORMAT ?? (tty ? 'pretty' : 'json');
  if (format !== 'json' && format !== 'pretty') throw fail(`DMESH_LOG_FORMAT must be json or pretty, got "${format}"`);
  const proxy = trustProxy(env.DMESH_TRUST_PROXY);
  return {
    ...(max > 0 && { rateLimit: { max, windowMs: 60_000, failedAuthWeight } }),
    logLevel,
    logFormat: format,
    ...(proxy !== undefined && { trustProxy: proxy }),
  };
}

/** What the benchmarks run with: the limiter's whole path on every request, at a limit none of them reaches. */
export const BENCH_RATE_LIMIT: RateLimitConfig = { max: 1_000_000_000, windowMs: 60_000, failedAuthWeight: 20 };
