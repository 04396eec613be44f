import fc from 'fast-check';
import { SearchIndex } from '../../src/discovery/index/search-index.service.js';
import { encodeSearchCursor } from '../../src/discovery/search/search-cursor.js';
import { SearchService } from '../../src/discovery/search.service.js';
import { LifecycleService } from '../../src/governance/lifecycle.service.js';
import { PublishPipeline } from '../../src/publish/publish.pipeline.js';
import { SlaService } from '../../src/sla/sla.service.js';
import { ADMIN, DOMAINS, publishRequest } from '../fixtures.js';
import { startServices, type Services } from '../service-harness.js';

const T0 = new Date('2026-03-02T10:00:00.000Z');
const MINUTE = 60_000;
let s: Services;
let sla: SlaService;
let searches: SearchService;

beforeAll(async () => {
  s = await startServices(T0);
  sla = s.get(SlaService);
  searches = s.get(SearchService);
});
afterAll(() => s.close());

/** Publishes a product with two ports, each with an SLA promise. */
async function publish(name: string, extra: Parameters<typeof publishRequest>[0] = {}): Promise<void> {
  const request = publishRequest({ domain: 'sales', name, ...extra });
  const outputs = request.descriptor.spec.outputs as Record<string, unknown>[];
  outputs[0].sla = { freshness: 'PT1H', availability: 90, completeness: 95 };
  outputs.push({ ...outputs[0], name: 'second', location: `s3://lake/sales/${name}-2/`, sla: { freshness: 'PT6H' } });
  await s.get(PublishPipeline).publish(`sales.${name}`, { ...request, domain: DOMAINS.sales }, ADMIN);
}

describe('SLA status in the read model', () => {
  const observation = fc.record({
    port: fc.constantFrom('p', 'second'),
    minutesAgo: fc.integer({ min: -4, max: 3 * 24 * 60 }),
    lagMinutes: fc.integer({ min: 0, max: 8 * 60 }),
    availability: fc.boolean(),
    completeness: fc.option(fc.integer({ min: 80, max: 100 }), { nil: undefined }),
  });

  it('agrees with SlaService (the SDK rules) at any later time, as observations arrive and age', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(observation, { maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 9 * 24 * 60 }), { minLength: 1, maxLength: 6 }),
        async (observations, laterMinutes) => {
          const name = `p${run++}`;
          s.clock.set(T0);
          await publish(name, { name });
          for (const o of observations) {
            const time = new Date(T0.getTime() - o.minutesAgo * MINUTE);
            const body = {
              time: time.toISOString(),
              lastUpdate: new Date(time.getTime() - o.lagMinutes * MINUTE).toISOString(),
              availability: o.availability,
              ...(o.completeness !== undefined && { completeness: o.completeness, rowCount: 10 }),
            };
            await sla.report({ productId: `sales.${name}`, port: o.port === 'p' ? name : 'second' }, body, ADMIN);
          }
          for (const minutes of laterMinutes) {
            s.clock.set(new Date(T0.getTime() + minutes * MINUTE));
            const ports = [name, 'second'].map((port) => ({ productId: `sales.${name}`, port }));
            const statuses = [...(await sla.statuses(ports, { record: false })).values()].map(
              (p) => p.evaluation.status,
            );
            for (const status of ['met', 'at_risk', 'breached', 'unknown'] as const) {
              const page = await searches.search({ filter: { domain: ['sales'], slaStatus: [status] }, first: 100 });
              const found = page.hits.some((h) => h.product.id === `sales.${name}`);
              expect({ minutes, status, found }).toEqual({ minutes, status, found: statuses.includes(status) });
            }
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('keeping the read model in step', () => {
  const card = async (id: string) => (await searches.cards([id])).get(id);

  it('follows deprecation, consumers and new versions in the transaction that changes them', async () => {
    s.clock.set(T0);
    await publish('upstream', { name: 'upstream' });
    expect(await card('sales.upstream')).toMatchObject({ status: 'active', consumers: 0 });
    await publish('reader', {
      name: 'reader',
      inputs: [{ product: 'sales.upstream', port: 'upstream', version: '^1.0.0' }],
    });
    expect((await card('sales.upstream'))?.consumers).toBe(1);
    await publish('reader', { name: 'reader', version: '1.1.0' });
    expect((await card('sales.upstream'))?.consumers).toBe(0);
    await s.get(LifecycleService).deprecate('sales.upstream', 1, { sunset: '2026-12-31', reason: 'replaced' }, ADMIN);
    expect((await card('sales.upstream'))?.status).toBe('deprecated');
    const deprecated = await searches.search({ filter: { status: ['deprecated'] } });
    expect(deprecated.hits.map((h) => h.product.id)).toEqual(['sales.upstream']);
  });

  it('finds a product published right after the same search was counted (a cached count never hides hits)', async () => {
    s.clock.set(T0);
    const search = () => searches.search({ query: 'zephyrine', filter: { domain: ['sales'] } });
    expect((await search()).hits).toEqual([]);
    await publish('zephyrine', { name: 'zephyrine' });
    expect((await search()).hits.map((h) => h.product.id)).toEqual(['sales.zephyrine']);
  });

  it('keeps the vocabulary to the words products have now', async () => {
    const words = async () => (await s.rows<{ word: string }>('SELECT word FROM search_words')).map((r) => r.word);
    await publish('glacier', {
      name: 'glacier',
      schema: { type: 'object', properties: { zebra_code: { type: 'string' } } },
    });
    expect(await words()).toEqual(expect.arrayContaining(['glacier', 'zebra_code', 'zebra']));
    await publish('glacier', { name: 'glacier', version: '2.0.0' });
    expect(await words()).not.toContain('zebra_code');
    const typo = await searches.search({ query: 'glaceir' });
    expect([typo.corrected?.terms, typo.hits.map((h) => h.product.id)]).toEqual([['glacier'], ['sales.glacier']]);
  });

  it('indexes at start-up the products it does not have yet', async () => {
    await s.rows("DELETE FROM search_products WHERE product_id = 'sales.glacier'");
    await s.rows("UPDATE search_words SET products = products - 1 WHERE word = 'glacier'");
    expect(await card('sales.glacier')).toBeUndefined();
    await s.get(SearchIndex).onApplicationBootstrap();
    expect(await card('sales.glacier')).toMatchObject({ status: 'active' });
    expect(await s.rows("SELECT products FROM search_words WHERE word = 'glacier'")).toEqual([{ products: 1 }]);
  });
});

describe('relevance pages past the ranked window', () => {
  it('rank the window exactly, then give every other match once, by quality', async () => {
    const all = (await searches.search({ filter: { domain: ['sales'] }, first: 100 })).hits.map((h) => h.product.id);
    expect(all.length).toBeGreaterThan(8);
    const seen: string[] = [];
    const phases: (number | undefined)[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 50; pages++) {
      const page = await searches.search({ filter: { domain: ['sales'] }, first: 2, after, window: 3 });
      seen.push(...page.hits.map((h) => h.product.id));
      phases.push(...page.hits.map((h) => h.cursor.phase));
      if (!page.hasNextPage) break;
      after = encodeSearchCursor(page.hits.at(-1)!.cursor);
    }
    expect([...seen].sort()).toEqual([...all].sort());
    expect(phases.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(phases.slice(3).every((p) => p === 2)).toBe(true);
  });
});
