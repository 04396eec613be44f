import { RequestError } from './registry-error.js';

/**
 * Database failures a client can act on, as typed request errors: an outage
 * or a stopping server is 503 UNAVAILABLE (retry later; /health/ready says
 * when), a statement cut by `statement_timeout` is 503 TIMEOUT, and a value
 * PostgreSQL cannot store (a data exception, SQLSTATE class 22) is 400 — the
 * request carried it, since every checked input should have been refused
 * earlier. Anything else stays an internal error.
 */
export function fromDatabaseError(err: unknown): RequestError | undefined {
  const cause = (err as { driverError?: unknown })?.driverError ?? err;
  if (!(cause instanceof Error)) return undefined;
  const code = (cause as { code?: unknown }).code;
  const sqlState = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
  if (isUnreachable(cause, code, sqlState)) {
    return new RequestError('UNAVAILABLE', 'the database is unavailable; retry later', [
      { code: 'DATABASE_UNAVAILABLE', message: cause.message, fix: 'retry after the Retry-After header' },
    ]);
  }
  if (sqlState === '57014') {
    return new RequestError('TIMEOUT', 'the request needed more database time than the registry allows', [
      { code: 'STATEMENT_TIMEOUT', message: cause.message, fix: 'narrow the request (fewer words, a smaller depth)' },
    ]);
  }
  if (sqlState?.startsWith('22')) {
    return new RequestError('BAD_REQUEST', `a value in the request cannot be stored: ${cause.message}`, [
      { code: 'BAD_VALUE', message: cause.message, fix: 'remove control characters and malformed text' },
    ]);
  }
  return undefined;
}

/** Socket errors and the messages node-postgres gives when a connection is gone or cannot be had. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);
const UNREACHABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /Cannot use a pool after calling end/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

function isUnreachable(cause: Error, code: unknown, sqlState: string | undefined): boolean {
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  // 08: connection exception; 57P01-57P03: admin/crash shutdown, cannot connect now; 53300: too many connections.
  if (sqlState && (sqlState.startsWith('08') || /^57P0[1-3]$/.test(sqlState) || sqlState === '53300')) return true;
  return UNREACHABLE_MESSAGES.some((re) => re.test(cause.message));
}
