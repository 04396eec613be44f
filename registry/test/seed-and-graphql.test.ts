import { fileURLToPath } from 'node:url';
import { PolicyService } from '../src/governance/policy.service.js';
import { PublishPipeline } from '../src/publish/publish.pipeline.js';
import { seedDomains } from '../src/seed/seed-domains.js';
import { startRegistry, type RunningRegistry } from './app-harness.js';

const DOMAINS = fileURLToPath(new URL('../../domains', import.meta.url));
let registry: RunningRegistry;
let firstSeed: { published: number; unchanged: number };

beforeAll(async () => {
  registry = await startRegistry();
  firstSeed = await seedDomains(
    registry.app.get(PublishPipeline),
    DOMAINS,
    () => undefined,
    registry.app.get(PolicyService),
  );
});
afterAll(() => registry.close());

describe('demo catalog seeding', () => {
  it('publishes every domain and product version, releases first', async () => {
    expect(firstSeed.published).toBeGreaterThanOrEqual(8);
    expect(firstSeed.unchanged).toBe(0);
    const rows = await registry.db.dataSource.query(
      `SELECT count(DISTINCT domain)::int AS domains, count(*)::int AS products FROM products`,
    );
    expect(rows[0].domains).toBeGreaterThanOrEqual(3);
    expect(rows[0].products).toBeGreaterThanOrEqual(6);
  });

  it('changes nothing and fails nothing on a second run', async () => {
    const again = await seedDomains(
      registry.app.get(PublishPipeline),
      DOMAINS,
      () => undefined,
      registry.app.get(PolicyService),
    );
    expect(again).toEqual({ published: 0, unchanged: firstSeed.published });
  });
});

describe('GraphQL discovery', () => {
  it('returns a product with versions, ports, contracts, inputs and consumers', async () => {
    const { data, errors } = await registry.graphql(`{
      product(id: "sales.orders") {
        id owner { team } latestVersion
        versions { version }
        version { ports { name location contract { hash schema } } inputs { product port versionRange resolvedVersion } }
        consumers { product }
      }
    }`);
    expect(errors).toBeUndefined();
    const p = data.product;
    expect(p.id).toBe('sales.orders');
    expect(p.versions.map((v: { version: string }) => v.version)).toContain(p.latestVersion);
    expect(p.version.ports[0].contract.hash).toMatch(/^sha256:/);
    expect(p.version.ports[0].contract.schema.type).toBe('object');
    expect(p.version.inputs).toContainEqual(
      expect.objectContaining({ product: 'customers.profiles', resolvedVersion: expect.stringMatching(/^2\./) }),
    );
    expect(p.consumers.length).toBeGreaterThan(0);
  });

  it('pages through search results with Relay cursors, without repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const { data, errors }: any = await registry.graphql(
        `query($after: String) { search(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`,
        { after },
      );
      expect(errors).toBeUndefined();
      total = data.search.totalCount;
      seen.push(...data.search.edges.map((e: { node: { id: string } }) => e.node.id));
      after = data.search.pageInfo.hasNextPage ? data.search.pageInfo.endCursor : null;
    } while (after);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('filters search by text, domain, tag and field', async () => {
    const ids = async (args: string) =>
      (
        (await registry.graphql(`{ search(${args}) { edges { node { id domain tags } } } }`)).data.search.edges as {
          node: { id: string; domain: string; tags: string[] };
        }[]
      ).map((e) => e.node);
    expect((await ids('filter: { domain: "marketing" }')).every((n) => n.domain === 'marketing')).toBe(true);
    expect((await ids('filter: { field: "customer_id" }')).map((n) => n.id)).toContain('sales.orders');
    expect((await ids('query: "revenue"')).map((n) => n.id)).toContain('finance.revenue');
    const tagged = await ids('filter: { tag: "orders" }');
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged.every((n) => n.tags.includes('orders'))).toBe(true);
  });

  it('answers an unknown product with null and bad paging with a coded error', async () => {
    expect((await registry.graphql(`{ product(id: "sales.nope") { id } }`)).data).toEqual({ product: null });
    const bad = await registry.graphql(`{ search(first: 500) { totalCount } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
  });

  it('lists the domains', async () => {
    const { data } = await registry.graphql(`{ domains { name owner { team } } }`);
    expect(data.domains.map((d: { name: string }) => d.name)).toEqual(
      expect.arrayContaining(['customers', 'sales', 'marketing']),
    );
  });
});
