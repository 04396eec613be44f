import { fileURLToPath } from 'node:url';
import { PublishPipeline } from '../src/publish/publish.pipeline.js';
import { seedDomains } from '../src/seed/seed-domains.js';
import { startRegistry, type RunningRegistry } from './app-harness.js';

const DOMAINS = fileURLToPath(new URL('../../domains', import.meta.url));
let registry: RunningRegistry;

beforeAll(async () => {
  registry = await startRegistry();
  await seedDomains(registry.app.get(PublishPipeline), DOMAINS, () => undefined);
});
afterAll(() => registry.close());

const get = async (path: string) => {
  const res = await fetch(`${registry.url}${path}`);
  return { status: res.status, body: (await res.json()) as any };
};

describe('lineage of the demo catalog', () => {
  it('GraphQL: customers.profiles downstream reaches marketing.campaign-performance through sales.orders, across domains', async () => {
    const { data, errors } = await registry.graphql(`{
      lineage(id: "customers.profiles", direction: DOWNSTREAM, depth: 5) {
        root truncated nodes { id kind level version ownerTeam } edges { from to kind versionRange }
      }
    }`);
    expect(errors).toBeUndefined();
    const g = data.lineage;
    expect(g.truncated).toBe(false);
    const level = (id: string) => g.nodes.find((n: { id: string }) => n.id === id)?.level;
    expect(level('customers.profiles')).toBe(0);
    expect(level('sales.orders')).toBe(1);
    expect(level('marketing.customer-segments')).toBe(1);
    expect(level('marketing.campaign-performance')).toBe(2);
    expect(level('finance.revenue')).toBe(2);
    expect(g.nodes.find((n: { id: string }) => n.id === 'sales.orders')).toMatchObject({
      kind: 'PRODUCT',
      version: '1.1.0',
      ownerTeam: 'sales-data',
    });
    expect(g.edges).toEqual(
      expect.arrayContaining([
        { from: 'customers.profiles', to: 'customers.profiles/profiles', kind: 'OUTPUT', versionRange: null },
        { from: 'customers.profiles/profiles', to: 'sales.orders', kind: 'INPUT', versionRange: '^2.0.0' },
        { from: 'sales.orders/orders', to: 'marketing.campaign-performance', kind: 'INPUT', versionRange: '^1.1.0' },
      ]),
    );
    // finance.fx-rates is upstream of the same products, never downstream of profiles.
    expect(level('finance.fx-rates')).toBeUndefined();
  });

  it('REST: upstream of marketing.campaign-performance reaches customers.profiles at level -2 and stops at the depth', async () => {
    const deep = await get('/v1/lineage/products/marketing.campaign-performance?direction=UPSTREAM&depth=3');
    expect(deep.status).toBe(200);
    const ids = deep.body.nodes.map((n: { id: string }) => n.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'sales.orders',
        'marketing.customer-segments',
        'finance.fx-rates',
        'marketing.campaigns',
        'customers.profiles',
      ]),
    );
    expect(deep.body.nodes.find((n: { id: string }) => n.id === 'customers.profiles').level).toBe(-2);
    const shallow = await get('/v1/lineage/products/marketing.campaign-performance?direction=UPSTREAM&depth=1');
    expect(shallow.body.nodes.map((n: { id: string }) => n.id)).not.toContain('customers.profiles');
  });

  it('field level: campaign-performance fields trace back to sales.orders fields', async () => {
    const { body } = await get('/v1/lineage/products/sales.orders?direction=DOWNSTREAM&depth=2&fieldLevel=true');
    expect(body.edges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          from: 'sales.orders/orders#total_amount',
          to: 'marketing.campaign-performance/performance#attributed_revenue_eur',
          kind: 'FIELD',
        }),
      ]),
    );
    expect(body.nodes.filter((n: { kind: string }) => n.kind === 'FIELD').length).toBeGreaterThan(5);
  });

  it('paths: from customers.profiles to marketing.campaign-performance, via sales.orders and customer-segments', async () => {
    const { status, body } = await get('/v1/lineage/paths?from=customers.profiles&to=marketing.campaign-performance');
    expect(status).toBe(200);
    const paths = body.paths.map((p: { products: string[] }) => p.products.join(' > '));
    expect(paths).toEqual(
      expect.arrayContaining([
        'customers.profiles > sales.orders > marketing.campaign-performance',
        'customers.profiles > marketing.customer-segments > marketing.campaign-performance',
        'customers.profiles > sales.orders > marketing.customer-segments > marketing.campaign-performance',
      ]),
    );
    expect(body.paths[0].via).toEqual([
      'customers.profiles/profiles',
      expect.stringMatching(/^(sales.orders\/orders|marketing.customer-segments\/segments)$/),
    ]);
    const none = await get('/v1/lineage/paths?from=marketing.campaign-performance&to=customers.profiles');
    expect(none.body.paths).toEqual([]);
  });

  it('consumers of sales.orders/orders with the range each pins, its owner and the fields it reads', async () => {
    const { data, errors } = await registry.graphql(
      `{ consumers(port: "sales.orders/orders") { product versionRange owner { team } fieldsRead } }`,
    );
    expect(errors).toBeUndefined();
    const byProduct = Object.fromEntries(data.consumers.map((c: { product: string }) => [c.product, c]));
    expect(Object.keys(byProduct).sort()).toEqual([
      'finance.revenue',
      'marketing.campaign-performance',
      'marketing.customer-segments',
      'sales.order-lines',
    ]);
    expect(byProduct['marketing.campaign-performance']).toMatchObject({
      versionRange: '^1.1.0',
      owner: { team: 'marketing-analytics' },
    });
    expect(byProduct['marketing.campaign-performance'].fieldsRead).toEqual(
      expect.arrayContaining(['coupon_code', 'total_amount']),
    );
  });

  it('Product.lineage is available from discovery', async () => {
    const { data, errors } = await registry.graphql(
      `{ product(id: "finance.fx-rates") { lineage(direction: DOWNSTREAM) { nodes { id } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.product.lineage.nodes.map((n: { id: string }) => n.id)).toEqual(
      expect.arrayContaining(['finance.revenue', 'marketing.campaign-performance']),
    );
  });

  it('answers bad arguments with 400 naming the argument, and unknown products with 404', async () => {
    const bad = await get('/v1/lineage/products/sales.orders?depth=0');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('depth');
    const dir = await get('/v1/lineage/products/sales.orders?direction=SIDEWAYS');
    expect(dir.status).toBe(400);
    expect((await get('/v1/lineage/products/sales.nothing')).status).toBe(404);
    expect((await get('/v1/lineage/products/sales.orders/ports/nope/consumers')).status).toBe(404);
  });
});
