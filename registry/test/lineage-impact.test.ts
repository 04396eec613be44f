import { PublishPipeline } from '../src/publish/publish.pipeline.js';
import { RegistryError } from '../src/common/registry-error.js';
import { ADMIN, contract, publishRequest } from './fixtures.js';
import { startRegistry, type RunningRegistry } from './app-harness.js';

let registry: RunningRegistry;
let pipeline: PublishPipeline;

const str = (description: string) => ({ type: 'string', description });
const CUSTOMERS = { customer_id: str('Key.'), email: str('Email.'), country: str('ISO country.') };
const publish = (id: string, o: Parameters<typeof publishRequest>[0]) => {
  const [domain, name] = id.split('.');
  return pipeline.publish(id, publishRequest({ domain, name, ...o }), ADMIN);
};
const reads = (product: string, port: string, range = '^1.0.0') => ({ product, port, version: range });

/**
 * crm.customers/customers ← shop.orders (reads customer_id as buyer_id), mail.newsletter (reads email only),
 * risk.scores (no field lineage), legacy.export (pins ~1.0.0); shop.orders/orders ← bi.orders-report
 * (reads buyer_id), bi.revenue (reads total only), bi.dashboard (no field lineage); risk.scores ← ml.features.
 */
beforeAll(async () => {
  registry = await startRegistry();
  pipeline = registry.app.get(PublishPipeline);
  await publish('crm.customers', { schema: contract(CUSTOMERS) });
  await publish('shop.orders', {
    schema: contract({ buyer_id: str('Buyer.'), total: { type: 'number', description: 'Total.' } }),
    inputs: [reads('crm.customers', 'customers')],
    lineage: { buyer_id: ['crm.customers/customers#customer_id'] },
  });
  await publish('mail.newsletter', {
    schema: contract({ address: str('To.') }),
    inputs: [reads('crm.customers', 'customers')],
    lineage: { address: ['crm.customers/customers#email'] },
  });
  await publish('risk.scores', {
    schema: contract({ score: { type: 'number', description: 'Score.' } }),
    inputs: [reads('crm.customers', 'customers')],
  });
  await publish('legacy.export', {
    schema: contract({ line: str('Line.') }),
    inputs: [reads('crm.customers', 'customers', '~1.0.0')],
  });
  await publish('bi.orders-report', {
    schema: contract({ buyer: str('Buyer.') }),
    inputs: [reads('shop.orders', 'orders')],
    lineage: { buyer: ['shop.orders/orders#buyer_id'] },
  });
  await publish('bi.revenue', {
    schema: contract({ revenue: { type: 'number', description: 'Revenue.' } }),
    inputs: [reads('shop.orders', 'orders')],
    lineage: { revenue: ['shop.orders/orders#total'] },
  });
  await publish('bi.dashboard', { schema: contract({ tile: str('Tile.') }), inputs: [reads('shop.orders', 'orders')] });
  await publish('ml.features', {
    schema: contract({ f: { type: 'number', description: 'Feature.' } }),
    inputs: [reads('risk.scores', 'scores')],
  });
});
afterAll(() => registry.close());

const withoutCustomerId = () => {
  const { customer_id: _removed, ...rest } = CUSTOMERS;
  return contract(rest);
};

describe('impact analysis', () => {
  it('names only the consumers that read the removed field, then whoever reads what they derive from it', async () => {
    const { data, errors } = await registry.graphql(
      `query($schema: JSON!) {
      impact(port: "crm.customers/customers", schema: $schema) {
        proposedVersion versionRule compatible requiredBump
        changes { code field affected }
        consumers {
          product depth certain fieldLineage versionRange owner { team email } reads fields
          breaks { field code exact counterexample }
        }
        unaffected { product reason }
      }
    }`,
      { schema: withoutCustomerId() },
    );
    expect(errors).toBeUndefined();
    const r = data.impact;
    expect(r).toMatchObject({
      proposedVersion: '1.1.0',
      versionRule: 'next-minor-of-latest',
      compatible: false,
      requiredBump: 'major',
    });
    const byCode = Object.fromEntries(r.changes.map((c: { code: string }) => [c.code, c]));
    // The field vanishes for its readers; the record as a whole changes for a consumer without field lineage.
    expect(byCode.PROPERTY_REMOVED).toEqual({
      code: 'PROPERTY_REMOVED',
      field: 'customer_id',
      affected: ['bi.dashboard', 'bi.orders-report', 'shop.orders'],
    });
    expect(byCode.REQUIRED_REMOVED).toEqual({
      code: 'REQUIRED_REMOVED',
      field: null,
      affected: ['bi.dashboard', 'bi.orders-report', 'risk.scores', 'shop.orders'],
    });
    const byProduct = Object.fromEntries(r.consumers.map((c: { product: string }) => [c.product, c]));
    expect(byProduct['shop.orders']).toMatchObject({
      depth: 1,
      certain: true,
      fieldLineage: true,
      versionRange: '^1.0.0',
      owner: { team: 'shop-team', email: 'shop@example.com' },
      reads: ['crm.customers/customers#customer_id'],
      fields: ['orders#buyer_id'],
      breaks: [{ field: 'customer_id', code: 'PROPERTY_REMOVED', exact: true, counterexample: expect.any(Object) }],
    });
    expect(byProduct['shop.orders'].breaks[0].counterexample).not.toHaveProperty('customer_id');
    // No field lineage: affected as a whole (it may read anything), and the walk stops there.
    expect(byProduct['risk.scores']).toMatchObject({
      depth: 1,
      certain: true,
      fieldLineage: false,
      reads: ['crm.customers/customers'],
      fields: [],
    });
    expect(byProduct['ml.features']).toBeUndefined();
    expect(byProduct['bi.orders-report']).toMatchObject({
      depth: 2,
      certain: true,
      reads: ['shop.orders/orders#buyer_id'],
      fields: ['orders-report#buyer'],
    });
    expect(byProduct['bi.dashboard']).toMatchObject({
      depth: 2,
      certain: false,
      fieldLineage: false,
      reads: ['shop.orders/orders'],
    });
    expect(byProduct['mail.newsletter']).toBeUndefined();
    expect(byProduct['bi.revenue']).toBeUndefined();
    expect(r.unaffected).toEqual(
      expect.arrayContaining([
        { product: 'mail.newsletter', reason: 'DOES_NOT_READ_FIELD' },
        { product: 'legacy.export', reason: 'RANGE_EXCLUDES_VERSION' },
      ]),
    );
  });

  it('a proposed new major affects no consumer pinned to the current major (REST)', async () => {
    const res = await fetch(`${registry.url}/v1/lineage/products/crm.customers/ports/customers/impact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ schema: withoutCustomerId(), version: '2.0.0' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      versionRule: string;
      consumers: unknown[];
      unaffected: { product: string; reason: string }[];
    };
    expect(body.versionRule).toBe('given');
    expect(body.consumers).toEqual([]);
    expect(body.unaffected.every((u) => u.reason === 'RANGE_EXCLUDES_VERSION')).toBe(true);
    expect(body.unaffected.map((u) => u.product).sort()).toEqual([
      'legacy.export',
      'mail.newsletter',
      'risk.scores',
      'shop.orders',
    ]);
  });

  it('an added property of a closed object breaks only the consumer without field lineage', async () => {
    const res = await fetch(`${registry.url}/v1/lineage/products/crm.customers/ports/customers/impact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        schema: contract({ ...CUSTOMERS, vip: { type: 'boolean', description: 'VIP.' } }, Object.keys(CUSTOMERS)),
      }),
    });
    const body = (await res.json()) as {
      compatible: boolean;
      consumers: { product: string; breaks: { field: string; code: string }[] }[];
      unaffected: { product: string; reason: string }[];
    };
    // BACKWARD (the gate) holds; but the current contract, closed, rejects a record carrying vip.
    expect(body.compatible).toBe(true);
    expect(body.consumers).toEqual([
      expect.objectContaining({
        product: 'risk.scores',
        breaks: [expect.objectContaining({ code: 'PROPERTY_ADDED' })],
      }),
    ]);
    expect(body.unaffected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ product: 'shop.orders', reason: 'DOES_NOT_READ_FIELD' }),
        expect.objectContaining({ product: 'mail.newsletter', reason: 'DOES_NOT_READ_FIELD' }),
      ]),
    );
  });

  it('a change no reader can see affects nobody', async () => {
    const tighter = { ...CUSTOMERS, country: { ...CUSTOMERS.country, maxLength: 2 } };
    const { data } = await registry.graphql(
      `query($schema: JSON!) {
        impact(port: "crm.customers/customers", schema: $schema) { consumers { product } unaffected { product reason } }
      }`,
      { schema: contract(tighter) },
    );
    expect(data.impact.consumers).toEqual([]);
    expect(data.impact.unaffected).toEqual(
      expect.arrayContaining([{ product: 'risk.scores', reason: 'FORWARD_COMPATIBLE' }]),
    );
  });

  it('the publish dry-run carries the impact, also when the version is rejected', async () => {
    const dry = publishRequest({ domain: 'crm', name: 'customers', version: '1.1.0', schema: withoutCustomerId() });
    let err: RegistryError | undefined;
    try {
      await pipeline.publish('crm.customers', dry, ADMIN, true);
    } catch (e) {
      err = e as RegistryError;
    }
    expect(err?.code).toBe('PUBLISH_REJECTED');
    const impact = (err?.extra.impact as Record<string, { consumers: { product: string }[] }>).customers;
    expect(impact.consumers.map((c) => c.product).sort()).toEqual([
      'bi.dashboard',
      'bi.orders-report',
      'risk.scores',
      'shop.orders',
    ]);
  });

  it('answers a bad port id or schema with 400 and an unknown port with 404', async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${registry.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('/v1/lineage/products/crm.customers/ports/customers/impact', { schema: 'nope' })).status).toBe(
      400,
    );
    expect((await post('/v1/lineage/products/crm.customers/ports/nope/impact', { schema: {} })).status).toBe(404);
    const gql = await registry.graphql(`{ impact(port: "crm.customers", schema: {}) { port } }`);
    expect(gql.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
  });
});
