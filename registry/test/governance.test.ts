import { contract, publishRequest } from './fixtures.js';
import { startSlaRegistry, type SlaRegistry } from './sla-harness.js';

const DAY = 86_400_000;
let r: SlaRegistry;

async function put(path: string, body: unknown, token?: string | null): Promise<{ status: number; body: any }> {
  const res = await fetch(r.url + path, {
    method: 'PUT',
    body: JSON.stringify(body),
    headers: {
      'content-type': 'application/json',
      ...(token !== null && { authorization: `Bearer ${token ?? r.token}` }),
    },
  });
  return { status: res.status, body: await res.json() };
}

const publish = (request: unknown, id: string, dryRun = false) =>
  r.post(`/v1/products/${id}/versions${dryRun ? '?dryRun=true' : ''}`, request);
const count = async (sql: string, params: unknown[] = []) => Number((await r.db.dataSource.query(sql, params))[0].n);

beforeAll(async () => {
  r = await startSlaRegistry(new Date('2026-11-22T09:00:00Z'));
});
afterAll(() => r.close());

describe('default global policies, installed by the migration', () => {
  it('lists the eight defaults over REST and GraphQL', async () => {
    const rest = await r.get('/v1/policies?scope=global');
    expect(rest.body.map((p: { id: string }) => p.id).sort()).toEqual([
      'compatibility',
      'deprecation-window',
      'documentation',
      'lineage-integrity',
      'naming',
      'pii-classification',
      'sla-feasibility',
      'sla-minimums',
    ]);
    const gql = await r.graphql(`{ policies(scope: "global") { id severity rule } }`);
    expect(gql.data.policies.find((p: { id: string }) => p.id === 'compatibility')).toEqual({
      id: 'compatibility',
      severity: 'error',
      rule: { type: 'compatibility', params: { mode: 'BACKWARD', breakingNeedsMajor: true } },
    });
  });

  it.each([
    [
      'compatibility',
      (q: ReturnType<typeof publishRequest>) => {
        (q.descriptor.spec.outputs[0] as Record<string, unknown>).compatibility = 'NONE';
      },
      'MODE_BELOW_FLOOR',
    ],
    [
      'pii-classification',
      (q: ReturnType<typeof publishRequest>) => {
        q.contracts['contracts/crafted.schema.json'] = contract({
          email: { type: 'string', description: 'Contact.', 'x-classification': 'pii' },
        });
      },
      'POLICY_PII_CLASSIFICATION',
    ],
    [
      'sla-minimums',
      (q: ReturnType<typeof publishRequest>) => {
        q.descriptor.metadata.tier = 'gold';
        (q.descriptor.spec.outputs[0] as Record<string, unknown>).sla = { availability: 99, freshness: 'P2D' };
      },
      'POLICY_SLA_MINIMUMS',
    ],
    [
      'lineage-integrity',
      (q: ReturnType<typeof publishRequest>) => {
        q.descriptor.spec.inputs = [{ product: 'nowhere.nothing', port: 'x', version: '^1.0.0' }];
      },
      'UPSTREAM_NOT_FOUND',
    ],
  ])('%s rejects a crafted product, storing nothing but the audit event', async (policy, craft, code) => {
    const request = publishRequest({
      domain: 'crafted',
      name: 'crafted',
      description: 'A product crafted to break one policy at a time.',
    });
    craft(request);
    const before = await count('SELECT count(*) AS n FROM events');
    const res = await publish(request, 'crafted.crafted');
    expect(res.status).toBe(422);
    expect(res.body.details.map((d: { code: string }) => d.code)).toContain(code);
    expect(res.body.governance.results.find((x: { policy: string }) => x.policy === policy).status).toBe('failed');
    expect(await count(`SELECT count(*) AS n FROM product_versions WHERE product_id = 'crafted.crafted'`)).toBe(0);
    expect(await count('SELECT count(*) AS n FROM events')).toBe(before + 1);
  });

  it('reports documentation and naming as warnings that do not block', async () => {
    const request = publishRequest({
      domain: 'crafted',
      name: 'warned',
      description: 'Short.',
      schema: contract({ orderId: { type: 'string' } }),
    });
    const res = await publish(request, 'crafted.warned');
    expect(res.status).toBe(201);
    const status = Object.fromEntries(
      res.body.governance.results.map((x: { policy: string; status: string }) => [x.policy, x.status]),
    );
    expect(status).toMatchObject({ documentation: 'warning', naming: 'warning', compatibility: 'passed' });
    const gql = await r.graphql(
      `{ product(id: "crafted.warned") { version { governance { passed results { policy status findings { message path } } } } } }`,
    );
    expect(gql.data.product.version.governance.passed).toBe(true);
    expect(
      gql.data.product.version.governance.results.find((x: { policy: string }) => x.policy === 'naming').findings[0]
        .message,
    ).toContain('orderId');
  });
});

describe('policy management', () => {
  const bucketPolicy = {
    title: 'Logistics data lives in the logistics bucket',
    scope: 'domain:logistics',
    severity: 'error',
    rule: {
      type: 'json-schema',
      schema: {
        properties: {
          spec: {
            properties: { outputs: { items: { properties: { location: { pattern: '^s3://lake/logistics/' } } } } },
          },
        },
      },
    },
  };

  it('creates a domain JSON-Schema policy (audited) that blocks a publish of that domain only', async () => {
    expect((await put('/v1/policies/logistics-bucket', bucketPolicy)).body.outcome).toBe('created');
    expect(
      await count(
        `SELECT count(*) AS n FROM events WHERE action = 'policy.created' AND subject = 'policy:logistics-bucket'`,
      ),
    ).toBe(1);
    const request = publishRequest({
      domain: 'logistics',
      name: 'shipments',
      description: 'Every shipment, one row per parcel.',
    });
    (request.descriptor.spec.outputs[0] as Record<string, unknown>).location = 's3://lake/elsewhere/shipments/';
    const res = await publish(request, 'logistics.shipments');
    expect(res.status).toBe(422);
    expect(res.body.details[0].message).toContain(
      '[logistics-bucket] /spec/outputs/0/location must match pattern "^s3://lake/logistics/"',
    );
  });

  it('refuses a domain policy that loosens a global error policy, naming the global one', async () => {
    const res = await put('/v1/policies/logistics-compat', {
      title: 'Loose',
      scope: 'domain:logistics',
      severity: 'error',
      rule: { type: 'compatibility', params: { mode: 'NONE' } },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('POLICY_REFUSED');
    expect(res.body.message).toContain('loosens the global error policy "compatibility"');
    expect(
      (
        await put('/v1/policies/logistics-compat', {
          title: 'Strict',
          scope: 'domain:logistics',
          severity: 'error',
          rule: { type: 'compatibility', params: { mode: 'FULL' } },
        })
      ).status,
    ).toBe(200);
  });

  it('refuses an invalid policy with the path, and a publisher token with 403', async () => {
    const bad = await put('/v1/policies/bad', { ...bucketPolicy, scope: 'team:logistics' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('/scope');
    const publisher = 'dmesh_publisher_token_for_tests';
    await r.app
      .get((await import('../src/auth/auth.service.js')).AuthService)
      .ensureToken(publisher, 'a-publisher', 'publisher');
    expect((await put('/v1/policies/x', bucketPolicy, publisher)).status).toBe(403);
  });
});

describe('waivers', () => {
  it('waives one policy for one product until a date; expired waivers stop applying', async () => {
    const request = publishRequest({
      domain: 'waived',
      name: 'legacy',
      description: 'A legacy feed we cannot fix this quarter.',
    });
    (request.descriptor.spec.outputs[0] as Record<string, unknown>).compatibility = 'NONE';
    expect((await publish(request, 'waived.legacy', true)).status).toBe(422);
    const waiver = await r.post('/v1/waivers', {
      policy: 'compatibility',
      product: 'waived.legacy',
      until: '2026-11-30',
      reason: 'legacy feed, replaced in Q1',
    });
    expect(waiver.status).toBe(201);
    const dry = await publish(request, 'waived.legacy', true);
    expect(dry.status).toBe(200);
    expect(dry.body.governance.results.find((x: { policy: string }) => x.policy === 'compatibility')).toMatchObject({
      status: 'waived',
      waiver: { until: '2026-11-30' },
    });
    r.clock.advance(10 * DAY);
    expect((await publish(request, 'waived.legacy', true)).status).toBe(422);
    expect((await r.get('/v1/waivers?product=waived.legacy')).body[0].active).toBe(false);
    r.clock.advance(-10 * DAY);
  });
});

describe('major-line lifecycle', () => {
  beforeAll(async () => {
    const upstreamReq = publishRequest({
      domain: 'core',
      name: 'accounts',
      description: 'Customer accounts, one row per account.',
    });
    expect((await publish(upstreamReq, 'core.accounts')).status).toBe(201);
    const consumer = publishRequest({
      domain: 'billing',
      name: 'invoices',
      description: 'Invoices, one row per invoice line.',
      inputs: [{ product: 'core.accounts', port: 'accounts', version: '^1.0.0' }],
    });
    expect((await publish(consumer, 'billing.invoices')).status).toBe(201);
  });

  it('deprecation lists and notifies every consumer still on the major', async () => {
    expect(
      await r.db.dataSource.query(`SELECT major FROM lineage_port_locations WHERE product_id = 'core.accounts'`),
    ).toEqual([{ major: 1 }]);
    const res = await r.post('/v1/products/core.accounts/majors/1/deprecate', {
      sunset: '2026-12-01',
      reason: 'accounts 2.x splits names',
    });
    expect(res.status).toBe(200);
    expect(res.body.consumers).toEqual([
      expect.objectContaining({
        product: 'billing.invoices',
        range: '^1.0.0',
        owner: { team: 'billing-team', email: 'billing@example.com' },
      }),
    ]);
    expect(await r.events('deprecation.notice', 'billing.invoices')).toHaveLength(1);
    const gql = await r.graphql(
      `{ product(id: "core.accounts") { majorLines { major state sunset consumers { product ownerTeam } } } }`,
    );
    expect(gql.data.product.majorLines).toEqual([
      {
        major: 1,
        state: 'DEPRECATED',
        sunset: '2026-12-01',
        consumers: [{ product: 'billing.invoices', ownerTeam: 'billing-team' }],
      },
    ]);
  });

  it('refuses retirement before the sunset, naming the consumers', async () => {
    const res = await r.post('/v1/products/core.accounts/majors/1/retire', {});
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('RETIRE_REFUSED');
    expect(res.body.message).toContain(
      'cannot be retired before its sunset 2026-12-01; consumers: billing.invoices (billing-team)',
    );
  });

  it('refuses retirement after the sunset while the deprecation window (30 days) is not over, then a consumer input is a warning', async () => {
    r.clock.set('2026-12-02T09:00:00Z');
    const res = await r.post('/v1/products/core.accounts/majors/1/retire', {});
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('RETIRE_REFUSED');
    expect(res.body.message).toContain(
      '[deprecation-window] the sunset 2026-12-01 is 9 day(s) after the deprecation; consumers (billing.invoices) are owed at least 30',
    );
    const deprecatedInput = publishRequest({
      domain: 'billing',
      name: 'invoices',
      version: '1.0.1',
      description: 'Invoices, one row per invoice line (patch).',
      inputs: [{ product: 'core.accounts', port: 'accounts', version: '^1.0.0' }],
    });
    const dry = await publish(deprecatedInput, 'billing.invoices', true);
    expect(dry.body.issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'UPSTREAM_DEPRECATED' }),
    );
  });

  it('retires once the window allows it; inputs can no longer resolve to the retired line', async () => {
    await r.post('/v1/products/core.accounts/majors/1/deprecate', {
      sunset: '2027-01-15',
      reason: 'accounts 2.x splits names',
    });
    r.clock.set('2027-01-16T09:00:00Z');
    const res = await r.post('/v1/products/core.accounts/majors/1/retire', {});
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('retired');
    const again = publishRequest({
      domain: 'billing',
      name: 'invoices',
      version: '1.0.2',
      description: 'Invoices, one row per invoice line (again).',
      inputs: [{ product: 'core.accounts', port: 'accounts', version: '^1.0.0' }],
    });
    const dry = await publish(again, 'billing.invoices', true);
    expect(dry.body.details.map((d: { code: string }) => d.code)).toContain('UPSTREAM_RANGE_UNSATISFIED');
    // The retired line left the current lineage graph with it (its port no longer maps to a location).
    const ports = await r.db.dataSource.query(
      `SELECT major FROM lineage_port_locations WHERE product_id = 'core.accounts'`,
    );
    expect(ports).toEqual([]);
  });

  it('refuses any further change to a retired line with MAJOR_LINE_RETIRED, and audits the refusal', async () => {
    const retire = await r.post('/v1/products/core.accounts/majors/1/retire', {});
    expect(retire.status).toBe(409);
    expect(retire.body.code).toBe('MAJOR_LINE_RETIRED');
    const deprecate = await r.post('/v1/products/core.accounts/majors/1/deprecate', {
      sunset: '2027-06-01',
      reason: 'too late',
    });
    expect(deprecate.status).toBe(409);
    expect(deprecate.body.code).toBe('MAJOR_LINE_RETIRED');
    const refusals = await r.events('major.deprecate', 'core.accounts@1');
    expect(refusals.at(-1)?.detail.code).toBe('MAJOR_LINE_RETIRED');
  });
});

describe('one evaluator', () => {
  it('dry-run and the real publish give the same governance report', async () => {
    r.clock.set('2026-11-22T09:00:00Z');
    const request = publishRequest({
      domain: 'same',
      name: 'report',
      description: 'Short.',
      schema: contract({ orderId: { type: 'string' } }),
    });
    const dry = await publish(request, 'same.report', true);
    const real = await publish(request, 'same.report');
    expect(real.status).toBe(201);
    expect(real.body.governance).toEqual(dry.body.governance);
    const [stored] = await r.db.dataSource.query(
      `SELECT governance_report FROM product_versions WHERE product_id = 'same.report'`,
    );
    expect(stored.governance_report).toEqual(dry.body.governance);
  });
});
