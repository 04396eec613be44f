import { LifecycleService } from '../../src/governance/lifecycle.service.js';
import { ExternalConsumersService } from '../../src/lineage/external/external-consumers.service.js';
import { LineageService } from '../../src/lineage/lineage.service.js';
import { PublishPipeline } from '../../src/publish/publish.pipeline.js';
import { ADMIN, contract, publishRequest, refusal } from '../fixtures.js';
import { startServices, type Services } from '../service-harness.js';

let s: Services;
let externals: ExternalConsumersService;
let lineage: LineageService;
const FIELDS = {
  order_id: { type: 'string', description: 'Key.' },
  amount: { type: 'number', description: 'Total.' },
  status: { type: 'string', description: 'Status.' },
};
const FINANCE = { name: 'finance-ci', role: 'publisher' as const, domains: ['finance'] };
const SALES = { name: 'sales-ci', role: 'publisher' as const, domains: ['sales'] };
const KPIS = { domain: 'finance', name: 'exec-kpis' };
const publish = (version: string, schema = contract(FIELDS)) =>
  s
    .get(PublishPipeline)
    .publish('sales.orders', publishRequest({ domain: 'sales', name: 'orders', version, schema }), ADMIN);

beforeAll(async () => {
  s = await startServices(new Date('2026-03-02T10:00:00Z'));
  externals = s.get(ExternalConsumersService);
  lineage = s.get(LineageService);
  await publish('1.0.0');
  await s
    .get(PublishPipeline)
    .publish('finance.ledger', publishRequest({ domain: 'finance', name: 'ledger', version: '1.0.0' }), ADMIN);
});
afterAll(() => s.close());

describe('consumers outside the mesh (service)', () => {
  it('registers a dashboard owned by its domain, with the fields it reads, and audits it', async () => {
    const registered = await externals.register(
      KPIS,
      'sales.orders/orders',
      { kind: 'dashboard', versionRange: '^1.0.0', fields: ['amount', 'order_id'] },
      FINANCE,
    );
    expect(registered).toMatchObject({
      id: 'finance:dashboard/exec-kpis',
      owner: { team: 'finance-team', email: 'finance@example.com' },
      reads: [
        {
          port: 'sales.orders/orders',
          versionRange: '^1.0.0',
          resolvedVersion: '1.0.0',
          fields: ['amount', 'order_id'],
          expired: false,
        },
      ],
    });
    const [event] = await s.rows<{ subject: string; outcome: string }>(
      "SELECT subject, outcome FROM events WHERE action = 'consumer.register'",
    );
    expect(event).toEqual({ subject: 'finance:dashboard/exec-kpis', outcome: 'accepted' });
  });

  it('refuses a publisher of another domain, a field the contract lacks, a range that admits nothing', async () => {
    const input = { kind: 'dashboard', versionRange: '^1.0.0', fields: ['amount'] };
    expect((await refusal(externals.register(KPIS, 'sales.orders/orders', input, SALES))).code).toBe('FORBIDDEN');
    const unknown = await refusal(
      externals.register(KPIS, 'sales.orders/orders', { ...input, fields: ['amount', 'margin'] }, FINANCE),
    );
    expect(unknown.details.map((d) => [d.code, d.message])).toEqual([
      ['UNKNOWN_FIELD', 'sales.orders/orders@1.0.0 has no field margin'],
    ]);
    const range = await refusal(
      externals.register(KPIS, 'sales.orders/orders', { ...input, versionRange: '^4.0.0' }, FINANCE),
    );
    expect(range.details[0].code).toBe('RANGE_UNRESOLVED');
    const kind = await refusal(
      externals.register(
        { domain: 'finance', name: 'new-one' },
        'sales.orders/orders',
        { versionRange: '^1' },
        FINANCE,
      ),
    );
    expect(kind.details[0].code).toBe('BAD_CONSUMER_KIND');
  });

  it('lists it among the consumers of the port, with its kind and owner', async () => {
    const consumers = await lineage.consumers('sales.orders/orders');
    expect(consumers).toEqual([
      expect.objectContaining({
        product: 'finance:dashboard/exec-kpis',
        kind: 'dashboard',
        fieldsRead: ['amount', 'order_id'],
        owner: { team: 'finance-team', email: 'finance@example.com' },
        expired: false,
      }),
    ]);
  });

  it('is affected by a change to a field it reads, and not by a change to one it does not', async () => {
    const { amount, order_id } = FIELDS;
    const dropAmount = await lineage.impact('sales.orders/orders', {
      schema: contract({ order_id, status: FIELDS.status }),
    });
    expect(dropAmount.consumers).toEqual([
      expect.objectContaining({
        product: 'finance:dashboard/exec-kpis',
        kind: 'dashboard',
        owner: { team: 'finance-team', email: 'finance@example.com' },
        reads: ['sales.orders/orders#amount'],
        depth: 1,
      }),
    ]);
    const dropStatus = await lineage.impact('sales.orders/orders', { schema: contract({ order_id, amount }) });
    expect(dropStatus.consumers).toEqual([]);
    expect(dropStatus.unaffected).toEqual([
      expect.objectContaining({ product: 'finance:dashboard/exec-kpis', reason: 'DOES_NOT_READ_FIELD' }),
    ]);
  });

  it('shows it in the downstream lineage as a CONSUMER node one hop below the port', async () => {
    const graph = await lineage.lineage({ id: 'sales.orders', direction: 'DOWNSTREAM' });
    expect(graph.nodes).toContainEqual(
      expect.objectContaining({
        id: 'finance:dashboard/exec-kpis',
        kind: 'CONSUMER',
        level: 1,
        consumerKind: 'dashboard',
      }),
    );
    expect(graph.edges).toContainEqual({
      from: 'sales.orders/orders',
      to: 'finance:dashboard/exec-kpis',
      kind: 'INPUT',
      versionRange: '^1.0.0',
    });
  });

  it('holds up the retirement of the line it reads until its registration lapses', async () => {
    await publish('2.0.0');
    const lifecycle = s.get(LifecycleService);
    const deprecated = await lifecycle.deprecate('sales.orders', 1, { sunset: '2026-03-10', reason: 'use 2.x' }, ADMIN);
    expect(deprecated.consumers.map((c) => [c.product, c.kind])).toEqual([
      ['finance:dashboard/exec-kpis', 'dashboard'],
    ]);
    s.clock.set('2026-03-11T10:00:00Z');
    const refused = await refusal(lifecycle.retire('sales.orders', 1, ADMIN));
    expect([refused.code, refused.message]).toEqual([
      'RETIRE_REFUSED',
      expect.stringContaining('finance:dashboard/exec-kpis'),
    ]);
    // The dashboard says it stops reading 1.x on 2026-03-12; after that day it no longer blocks.
    await externals.register(
      KPIS,
      'sales.orders/orders',
      { versionRange: '^1.0.0', fields: ['amount'], expires: '2026-03-12' },
      FINANCE,
    );
    s.clock.set('2026-03-13T10:00:00Z');
    const impact = await lineage.impact('sales.orders/orders', {
      schema: contract({ order_id: FIELDS.order_id }),
      version: '1.1.0',
    });
    expect(impact.unaffected).toEqual([expect.objectContaining({ reason: 'REGISTRATION_EXPIRED' })]);
    const retired = await s
      .get(LifecycleService)
      .retire('sales.orders', 1, ADMIN)
      .catch((e: Error) => e);
    expect(retired).not.toBeInstanceOf(Error);
  });

  it('is removed by its domain: one read, then the consumer with its last read', async () => {
    await externals.register(
      KPIS,
      'finance.ledger/ledger',
      { versionRange: '^1.0.0', fields: ['customer_id'] },
      FINANCE,
    );
    const left = await externals.remove(KPIS, 'sales.orders/orders', FINANCE);
    expect(left?.reads.map((r) => r.port)).toEqual(['finance.ledger/ledger']);
    expect(await externals.remove(KPIS, 'finance.ledger/ledger', FINANCE)).toBeUndefined();
    expect((await refusal(externals.get('finance', 'exec-kpis'))).code).toBe('NOT_FOUND');
  });
});
