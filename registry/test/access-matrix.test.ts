import { randomUUID } from 'node:crypto';
import { call, createToken, eventsOf, type Answer } from './access-harness.js';
import { startRegistry, type RunningRegistry } from './app-harness.js';
import { publishRequest } from './fixtures.js';

/**
 * Each role against each write (and the admin-only audit read), through real
 * HTTP, on a registry in production mode (anonymous reads off). Every refusal
 * must appear in the audit under the request's id.
 */
let r: RunningRegistry;
const tokens: Record<string, string | null> = {};

const ROLES = ['admin', 'governance', 'publisher:sales', 'publisher:lab', 'reader', 'lineage-writer', 'anonymous'];
const ALLOWED: Record<string, string[]> = {
  publish: ['admin', 'publisher:sales'],
  observation: ['admin', 'publisher:sales'],
  deprecate: ['admin', 'publisher:sales'],
  'register consumer': ['admin', 'publisher:sales'],
  'put policy': ['admin', 'governance'],
  'delete policy': ['admin', 'governance'],
  waiver: ['admin', 'governance'],
  openlineage: ['admin', 'publisher:sales', 'lineage-writer'],
  'create token': ['admin', 'publisher:sales'],
  'read events': ['admin'],
  'read catalog': ['admin', 'governance', 'publisher:sales', 'publisher:lab', 'reader', 'lineage-writer'],
};

const slug = (role: string) => role.replace(':', '-');
const lineageEvent = () => ({
  eventType: 'COMPLETE',
  eventTime: '2026-03-01T06:00:00Z',
  producer: 'https://example.com/scheduler',
  schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId: randomUUID() },
  job: { namespace: 'scheduler', name: 'orders_load' },
  inputs: [],
  outputs: [{ namespace: 's3://lake', name: 'sales/orders' }],
});

const ACTIONS: Record<string, (role: string, token: string | null) => Promise<Answer>> = {
  publish: (_, t) =>
    call(
      r,
      'POST',
      '/v1/products/sales.orders/versions?dryRun=true',
      t,
      publishRequest({ domain: 'sales', name: 'orders' }),
    ),
  observation: (_, t) =>
    call(r, 'POST', '/v1/products/sales.orders/ports/orders/observations', t, {
      time: new Date().toISOString(),
      availability: true,
    }),
  deprecate: (_, t) =>
    call(r, 'POST', '/v1/products/sales.orders/majors/1/deprecate', t, { sunset: '2027-01-01', reason: 'v2 is out' }),
  'register consumer': (role, t) =>
    call(r, 'PUT', `/v1/lineage/consumers/sales/board-${slug(role)}/reads/sales.orders/orders`, t, {
      versionRange: '^1.0.0',
      kind: 'dashboard',
    }),
  'put policy': (role, t) =>
    call(r, 'PUT', `/v1/policies/sales-docs-${slug(role)}`, t, {
      title: 'Documented',
      scope: 'domain:sales',
      severity: 'warning',
      rule: { type: 'documentation', params: {} },
    }),
  'delete policy': (role, t) => call(r, 'DELETE', `/v1/policies/doomed-${slug(role)}`, t),
  waiver: (_, t) =>
    call(r, 'POST', '/v1/waivers', t, {
      policy: 'documentation',
      product: 'sales.orders',
      until: '2099-01-01',
      reason: 'matrix',
    }),
  openlineage: (_, t) => call(r, 'POST', '/v1/lineage/openlineage', t, lineageEvent()),
  'create token': (role, t) =>
    call(r, 'POST', '/v1/tokens', t, {
      name: `ci-${slug(role)}`,
      role: 'publisher',
      domains: ['sales'],
      expires: '1d',
    }),
  'read events': (_, t) => call(r, 'GET', '/v1/events?first=1', t),
  'read catalog': (_, t) => call(r, 'GET', '/v1/products', t),
};

beforeAll(async () => {
  r = await startRegistry({ access: { production: true, anonymousRead: false } });
  expect(
    (
      await call(
        r,
        'POST',
        '/v1/products/sales.orders/versions',
        r.token,
        publishRequest({ domain: 'sales', name: 'orders' }),
      )
    ).status,
  ).toBe(201);
  tokens.admin = r.token;
  tokens.anonymous = null;
  for (const role of ROLES.filter((x) => x !== 'admin' && x !== 'anonymous')) {
    const [name, domain] = role.split(':');
    tokens[role] = (await createToken(r, `matrix-${slug(role)}`, name, domain ? [domain] : [])).token;
    const doomed = { title: 'Doomed', scope: 'domain:sales', severity: 'warning', rule: { type: 'documentation' } };
    expect((await call(r, 'PUT', `/v1/policies/doomed-${slug(role)}`, r.token, doomed)).status).toBe(200);
  }
  const doomed = { title: 'Doomed', scope: 'domain:sales', severity: 'warning', rule: { type: 'documentation' } };
  await call(r, 'PUT', '/v1/policies/doomed-admin', r.token, doomed);
});
afterAll(() => r.close());

describe('role × action', () => {
  const refusals: { role: string; action: string; requestId: string; status: number }[] = [];

  it.each(Object.keys(ACTIONS))(
    '%s: allowed exactly for its roles, 401 without a token, 403 otherwise',
    async (action) => {
      const seen: Record<string, number> = {};
      for (const role of ROLES) {
        const answer = await ACTIONS[action](role, tokens[role]);
        seen[role] = answer.status;
        if (answer.status === 401 || answer.status === 403)
          refusals.push({ role, action, requestId: answer.headers.get('x-request-id')!, status: answer.status });
      }
      const expected = Object.fromEntries(
        ROLES.map((role) => [role, role === 'anonymous' ? 401 : ALLOWED[action].includes(role) ? 'allowed' : 403]),
      );
      const judged = Object.fromEntries(
        Object.entries(seen).map(([role, status]) => [role, status < 300 ? 'allowed' : status]),
      );
      expect(judged).toEqual(expected);
    },
  );

  it('records every refused attempt in the audit, under its request id, with actor, action, target and outcome', async () => {
    expect(refusals.length).toBeGreaterThan(40);
    for (const refusal of refusals) {
      const events = await eventsOf(r, refusal.requestId);
      expect({ ...refusal, events: events.length }).toEqual({ ...refusal, events: 1 });
      expect(events[0].outcome).toBe('rejected');
      expect(events[0].actor).toMatch(refusal.role === 'anonymous' ? /^anonymous / : new RegExp(`^matrix-`));
      expect(events[0].detail.status ?? events[0].detail.code).toBeTruthy();
    }
  });
});
