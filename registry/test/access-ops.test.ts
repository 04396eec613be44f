import parsePrometheus from 'parse-prometheus-text-format';
import { AuditService } from '../src/audit/audit.service.js';
import { RateLimitAudit } from '../src/audit/rate-limit-audit.js';
import { call, createToken } from './access-harness.js';
import { startRegistry, type RunningRegistry } from './app-harness.js';
import { publishRequest } from './fixtures.js';

/** Rate limits, logs, metrics and GraphQL authorisation on a production-mode registry. */
let r: RunningRegistry;
const lines: string[] = [];
const LIMIT = 40;
const WEIGHT = 20;

beforeAll(async () => {
  r = await startRegistry({
    access: { production: true, anonymousRead: false },
    ops: { rateLimit: { max: LIMIT, windowMs: 60_000, failedAuthWeight: WEIGHT } },
    log: { logLevel: 'info', logFormat: 'json', destination: { write: (line) => void lines.push(line) } },
  });
});
afterAll(() => r.close());

const logOf = (requestId: string) =>
  lines.map((l) => JSON.parse(l)).filter((l) => l.reqId === requestId && l.msg === 'request');

describe('logs', () => {
  it("writes one JSON line per request with its id (the caller's x-request-id when plain) and the principal", async () => {
    const res = await fetch(`${r.url}/v1/whoami`, {
      headers: { authorization: `Bearer ${r.token}`, 'x-request-id': 'ci-run-42' },
    });
    expect(res.headers.get('x-request-id')).toBe('ci-run-42');
    await new Promise((resolve) => setImmediate(resolve));
    expect(logOf('ci-run-42')).toEqual([
      expect.objectContaining({
        level: 30,
        method: 'GET',
        route: '/v1/whoami',
        status: 200,
        principal: 'test-admin (admin)',
      }),
    ]);
    const odd = await fetch(`${r.url}/v1/whoami`, { headers: { 'x-request-id': 'no spaces <allowed>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GraphQL authorises what it returns', () => {
  const gql = (query: string, token: string | null) => call(r, 'POST', '/graphql', token, { query });

  it('refuses anonymous reads in production (and audits it), serves a reader, keeps events for admins', async () => {
    expect(
      (
        await call(
          r,
          'POST',
          '/v1/products/ops.orders/versions',
          r.token,
          publishRequest({ domain: 'ops', name: 'orders' }),
        )
      ).status,
    ).toBe(201);
    for (const query of [
      '{ domains { name } }',
      '{ product(id: "ops.orders") { id } }',
      '{ policies { id } }',
      '{ search { totalCount } }',
    ]) {
      const anonymous = await gql(query, null);
      expect(anonymous.body.data?.[Object.keys(anonymous.body.data ?? {})[0]] ?? null).toBeNull();
      expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const [event] = (await call(r, 'GET', `/v1/events?requestId=${anonymous.headers.get('x-request-id')}`, r.token))
        .body.events;
      expect(event).toMatchObject({ outcome: 'rejected', action: 'graphql anonymous', detail: { status: 401 } });
    }
    const reader = await createToken(r, 'gql-reader', 'reader');
    expect((await gql('{ product(id: "ops.orders") { id } }', reader.token)).body.data.product).toEqual({
      id: 'ops.orders',
    });
    const events =
      '{ events(first: 2, filter: { outcome: "rejected" }) { edges { node { actor action requestId } } hasNextPage endCursor } }';
    expect((await gql(events, reader.token)).body.errors[0].extensions.code).toBe('FORBIDDEN');
    const page = (await gql(events, r.token)).body.data.events;
    expect(page.edges).toHaveLength(2);
    expect(page.hasNextPage).toBe(true);
    const next = await gql(`{ events(first: 2, after: "${page.endCursor}") { edges { node { id } } } }`, r.token);
    expect(next.body.data.events.edges).toHaveLength(2);
  });
});

describe('rate limits', () => {
  it('each token has its own budget', async () => {
    const { token } = await createToken(r, 'busy-ci', 'reader');
    const statuses = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push((await call(r, 'GET', '/v1/whoami', token)).status);
    expect(statuses.slice(0, LIMIT).every((s) => s === 200)).toBe(true);
    expect(statuses[LIMIT]).toBe(429);
  });

  it('refuse a GraphQL request as a GraphQL response: errors with code, status and retryAfter', async () => {
    const { token } = await createToken(r, 'busy-graph', 'reader');
    for (let i = 0; i < LIMIT; i++) expect((await call(r, 'GET', '/v1/whoami', token)).status).toBe(200);
    const refused = await call(r, 'POST', '/graphql', token, { query: '{ domains { name } }' });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(refused.body).toEqual({
      data: null,
      errors: [
        {
          message: expect.stringContaining('too many requests from this token'),
          extensions: { code: 'RATE_LIMITED', status: 429, details: [], retryAfter },
        },
      ],
    });
    // REST keeps the common error body.
    expect((await call(r, 'GET', '/v1/whoami', token)).body).toMatchObject({ code: 'RATE_LIMITED', details: [] });
  });
});

describe('/metrics', () => {
  it('is scraped and parsed as Prometheus text: requests and latency per route and GraphQL operation, publishes, policies, pool, event loop', async () => {
    const named = await call(r, 'POST', '/graphql', r.token, { query: 'query CatalogHome { domains { name } }' });
    expect(named.status).toBe(200);
    const bad = publishRequest({ domain: 'ops', name: 'orders', version: '1.1.0' });
    bad.descriptor.metadata.classification = 'public';
    (bad.contracts[Object.keys(bad.contracts)[0]] as any).properties.email['x-classification'] = 'pii';
    expect((await call(r, 'POST', '/v1/products/ops.orders/versions?dryRun=true', r.token, bad)).status).toBe(422);
    const res = await fetch(`${r.url}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.clone().text();
    const families = new Map(
      parsePrometheus(await res.text()).map((f: { name: string; metrics: any[] }) => [f.name, f.metrics]),
    );
    const sample = (name: string, labels: Record<string, string>) =>
      (families.get(name) ?? []).find((m: any) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
    expect(sample('dmesh_http_requests_total', { method: 'GET', route: '/v1/whoami', status: '200' })).toBeDefined();
    expect(sample('dmesh_http_requests_total', { route: '/v1/whoami', status: '429' })).toBeDefined(); // the busy token
    // The parser keeps a histogram's buckets but drops its labels (other than le): labelled samples are read from the text.
    expect(families.get('dmesh_http_request_duration_seconds')![0].buckets).toBeDefined();
    expect(text).toMatch(/^dmesh_http_request_duration_seconds_count\{method="GET",route="\/v1\/whoami"\} [1-9]/m);
    expect(text).toMatch(/^dmesh_graphql_operation_duration_seconds_count\{operation="CatalogHome",status="200"\} 1$/m);
    expect(Number(sample('dmesh_publish_outcomes_total', { outcome: 'published' }).value)).toBe(1);
    expect(Number(sample('dmesh_publish_outcomes_total', { outcome: 'PUBLISH_REJECTED' }).value)).toBe(1);
    expect(Number(sample('dmesh_policy_failures_total', { policy: 'pii-classification' }).value)).toBe(1);
    expect(Number(sample('dmesh_db_pool_max', {}).value)).toBe(5);
    expect(families.has('dmesh_db_pool_connections')).toBe(true);
    expect(families.has('nodejs_eventloop_lag_seconds')).toBe(true);
  });
});

describe('failed authentication', () => {
  it('answer 429 with Retry-After per address; failed authentication counts more; refusals are audited in aggregate', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10 && !statuses.includes(429); i++)
      statuses.push((await call(r, 'GET', '/v1/whoami', `dmesh_guess_${i}`)).status);
    // Each guess costs WEIGHT of the address's failed-authentication budget (LIMIT): the third crosses it.
    expect(statuses).toEqual([401, 401, 429]);
    const limited = await call(r, 'GET', '/v1/whoami', 'dmesh_guess_next');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.code).toBe('RATE_LIMITED');
    // Anonymous requests have a budget of their own: they are refused for want of a token, not limited.
    expect((await call(r, 'GET', '/v1/products', null)).status).toBe(401);
    // Until the window ends no token from this address is even looked up, a valid one included.
    expect((await call(r, 'GET', '/v1/whoami', r.token)).status).toBe(429);
    await r.app.get(RateLimitAudit).flush();
    const audit = r.app.get(AuditService);
    const { events } = await audit.list({ action: 'rate-limited' }, 10);
    expect(events.filter((e) => e.subject.startsWith('auth-failures:'))).toEqual([
      expect.objectContaining({
        subject: 'auth-failures:127.0.0.1',
        outcome: 'rejected',
        detail: expect.objectContaining({ count: 3 }),
      }),
    ]);
    const { events: unknown } = await audit.list({ outcome: 'rejected', action: 'GET /v1/whoami' }, 10);
    const scraped = parsePrometheus(await (await fetch(`${r.url}/metrics`)).text());
    const failures = scraped.find((f) => f.name === 'dmesh_auth_failures_total')!.metrics;
    expect(failures).toEqual([expect.objectContaining({ labels: { reason: 'unknown' }, value: '3' })]);
    expect(unknown.length).toBe(3); // the two 401 guesses and the anonymous whoami of the log test
  });
});
