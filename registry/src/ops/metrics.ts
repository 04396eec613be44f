import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';

/** GraphQL operation names come from clients: past this many distinct ones, the rest count as "other". */
const MAX_OPERATIONS = 200;
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * The registry's Prometheus metrics, one registry per application (tests boot
 * several in one process). Default Node metrics include the event-loop lag
 * (`nodejs_eventloop_lag_seconds` and its percentiles).
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  readonly requests = new Counter({
    name: 'dmesh_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'dmesh_http_request_duration_seconds',
    help: 'HTTP request latency by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: SECONDS,
    registers: [this.registry],
  });
  readonly graphql = new Histogram({
    name: 'dmesh_graphql_operation_duration_seconds',
    help: 'GraphQL operations by operation name (anonymous when unnamed) and status',
    labelNames: ['operation', 'status'],
    buckets: SECONDS,
    registers: [this.registry],
  });
  readonly publishes = new Counter({
    name: 'dmesh_publish_outcomes_total',
    help: 'Publish answers: published, unchanged, dry-run, or the error code',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly policyFailures = new Counter({
    name: 'dmesh_policy_failures_total',
    help: 'Policies that failed in publish answers (dry-runs included)',
    labelNames: ['policy'],
    registers: [this.registry],
  });
  readonly authFailures = new Counter({
    name: 'dmesh_auth_failures_total',
    help: 'Presented tokens that were refused, by reason',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly rateLimited = new Counter({
    name: 'dmesh_rate_limited_total',
    help: 'Requests refused by the rate limiter, by key kind (token or address)',
    labelNames: ['kind'],
    registers: [this.registry],
  });

  constructor(dataSource?: DataSource) {
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
    const pool = () => (dataSource?.driver as { master?: PgPool } | undefined)?.master;
    const gauge = (name: string, help: string, read: (p: PgPool) => number | undefined) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const p = pool();
          const value = p && read(p);
          if (value !== undefined) this.set(value);
        },
      });
    gauge('dmesh_db_pool_connections', 'Connections open in the database pool', (p) => p.totalCount);
    gauge('dmesh_db_pool_idle', 'Idle connections in the database pool', (p) => p.idleCount);
    gauge('dmesh_db_pool_waiting', 'Queries waiting for a pool connection', (p) => p.waitingCount);
    gauge('dmesh_db_pool_max', 'Pool size limit', (p) => p.options?.max);
  }

  /** A bounded label for a client-chosen operation name. */
  operation(name: string): string {
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATIONS) return 'other';
    this.operations.add(name);
    return name;
  }
}
