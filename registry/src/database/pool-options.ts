/**
 * Bounds on the database work of one request, as node-postgres pool options.
 *
 * - `statement_timeout`: PostgreSQL cancels a statement running longer (the
 *   registry answers 503 TIMEOUT); no query of a request may hold a
 *   connection indefinitely. Lock waits count too (a hot product's publishes
 *   queue on its advisory lock well within it).
 * - `idle_in_transaction_session_timeout`: a transaction left open by a
 *   stalled request is ended by the server and its locks freed.
 * - `connectionTimeoutMillis`: waiting for a pooled connection (or a new one)
 *   longer fails the request with 503 UNAVAILABLE instead of waiting forever.
 * - TCP keep-alive: a PostgreSQL that vanished is noticed on idle connections.
 */
export interface PoolLimits {
  poolSize: number;
  statementTimeoutMs: number;
  connectionTimeoutMs: number;
}

export const DEFAULT_POOL_LIMITS: PoolLimits = {
  poolSize: 10,
  statementTimeoutMs: 10_000,
  connectionTimeoutMs: 10_000,
};

export function poolOptions(limits: PoolLimits) {
  return {
    poolSize: limits.poolSize,
    extra: {
      statement_timeout: limits.statementTimeoutMs,
      idle_in_transaction_session_timeout: Math.max(limits.statementTimeoutMs * 3, 60_000),
      connectionTimeoutMillis: limits.connectionTimeoutMs,
      keepAlive: true,
    },
  };
}
