import { HOUR, T0, observation, publishWithSla, startSlaRegistry, type SlaRegistry } from './sla-harness.js';

let r: SlaRegistry;
const SLA = { freshness: 'PT1H', availability: 90 };

/** Ids of the products `search` returns for an SLA status (optionally with more filter fields), sorted. */
async function search(status: string, more = ''): Promise<{ ids: string[]; totalCount: number }> {
  const res = await r.graphql(
    `{ search(filter: { slaStatus: ${status} ${more} }, sort: NAME) { totalCount edges { node { id } } } }`,
  );
  expect(res.errors).toBeUndefined();
  return {
    ids: res.data.search.edges.map((e: { node: { id: string } }) => e.node.id).sort(),
    totalCount: res.data.search.totalCount,
  };
}
const report = (productPort: string, body: unknown) => {
  const [product, port] = productPort.split('/');
  return r.post(`/v1/products/${product}/ports/${port}/observations`, body);
};

beforeAll(async () => {
  r = await startSlaRegistry();
  await publishWithSla(r, 'sales', 'fresh', SLA);
  await publishWithSla(r, 'sales', 'stale', SLA);
  await publishWithSla(r, 'sales', 'silent', SLA);
  await publishWithSla(r, 'billing', 'mixed', SLA, ['second']);
  r.clock.set(T0);
  await report('sales.fresh/fresh', observation(r, { lagMinutes: 10 }));
  await report('sales.stale/stale', observation(r, { lagMinutes: 90 }));
  await report('billing.mixed/mixed', observation(r, { lagMinutes: 50 }));
});
afterAll(() => r.close());

describe('search filtered by SLA status', () => {
  it('matches a product when any port of its latest version has the status', async () => {
    expect(await search('MET')).toEqual({ ids: ['sales.fresh'], totalCount: 1 });
    expect(await search('AT_RISK')).toEqual({ ids: ['billing.mixed'], totalCount: 1 });
    expect(await search('BREACHED')).toEqual({ ids: ['sales.stale'], totalCount: 1 });
    // billing.mixed/second and sales.silent have no observations.
    expect(await search('UNKNOWN')).toEqual({ ids: ['billing.mixed', 'sales.silent'], totalCount: 2 });
  });

  it('combines with the other filters and pages', async () => {
    expect(await search('UNKNOWN', 'domain: "sales"')).toEqual({ ids: ['sales.silent'], totalCount: 1 });
    const page = await r.graphql(
      `{ search(filter: { slaStatus: UNKNOWN }, sort: NAME, first: 1) { totalCount pageInfo { hasNextPage } edges { node { id } } } }`,
    );
    expect(page.data.search).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: true },
      edges: [{ node: { id: 'billing.mixed' } }],
    });
  });

  it('follows the test clock: as freshness lapses, products move to breached', async () => {
    r.clock.set(new Date(T0.getTime() + HOUR));
    expect((await search('BREACHED')).ids).toEqual(['billing.mixed', 'sales.fresh', 'sales.stale']);
    expect((await search('MET')).ids).toEqual([]);
  });

  it('refuses a status that does not exist', async () => {
    const res = await r.graphql(`{ search(filter: { slaStatus: late }) { totalCount } }`);
    expect(res.errors?.[0].message).toContain('SlaStatus');
  });
});
