import { PublishPipeline } from '../src/publish/publish.pipeline.js';
import { findLineageCycle } from '../src/lineage/cycle.js';
import { LineageService } from '../src/lineage/lineage.service.js';
import { downstreamEdges, levelEdges, upstreamEdges } from '../src/lineage/operations/level-edges.js';
import { ADMIN, contract, publishRequest, refusal } from './fixtures.js';
import { startRegistry, type RunningRegistry } from './app-harness.js';

let registry: RunningRegistry;
let pipeline: PublishPipeline;

const ID = { type: 'string', description: 'Key.' };
const product = (domain: string, name: string, o: Parameters<typeof publishRequest>[0] = {}) =>
  pipeline.publish(`${domain}.${name}`, publishRequest({ domain, name, schema: contract({ id: ID }), ...o }), ADMIN);
const input = (p: string, port: string, version = '^1.0.0') => ({ product: p, port, version });

beforeAll(async () => {
  registry = await startRegistry();
  pipeline = registry.app.get(PublishPipeline);
  // a.one → b.two → c.three
  await product('a', 'one');
  await product('b', 'two', { inputs: [input('a.one', 'one')] });
  await product('c', 'three', { inputs: [input('b.two', 'two')] });
});
afterAll(() => registry.close());

describe('declared lineage in the publish pipeline', () => {
  it('rejects a version that would close a cycle, naming it', async () => {
    const err = await refusal(product('a', 'one', { version: '1.1.0', inputs: [input('c.three', 'three')] }));
    expect(err.code).toBe('PUBLISH_REJECTED');
    const cycle = err.details.find((d) => d.code === 'LINEAGE_CYCLE');
    expect(cycle?.message).toContain('a.one -> b.two -> c.three -> a.one');
    expect(cycle?.path).toBe('/spec/inputs/0/product');
    expect(
      await registry.db.dataSource.query(`SELECT version FROM product_versions WHERE product_id = 'a.one'`),
    ).toEqual([{ version: '1.0.0' }]);
  });

  it('exports the cycle check for other stages', async () => {
    expect(await findLineageCycle(registry.db.dataSource.manager, 'a.one', ['c.three'])).toEqual([
      'a.one',
      'b.two',
      'c.three',
      'a.one',
    ]);
    expect(await findLineageCycle(registry.db.dataSource.manager, 'c.three', ['a.one'])).toBeUndefined();
    expect(await findLineageCycle(registry.db.dataSource.manager, 'a.one', ['a.one'])).toEqual(['a.one', 'a.one']);
  });

  it('warns about input ranges without an upper major bound, and accepts bounded ones silently', async () => {
    const result = await product('d', 'four', {
      inputs: [input('a.one', 'one', '>=1'), input('b.two', 'two', '*'), input('c.three', 'three', '^1.0.0')],
    });
    expect(result.outcome).toBe('published');
    const warnings = result.issues.filter((i) => i.code === 'UNBOUNDED_INPUT_RANGE');
    expect(warnings.map((w) => w.path)).toEqual(['/spec/inputs/0/version', '/spec/inputs/1/version']);
    expect(warnings[0].severity).toBe('warning');
    expect(warnings[0].fix).toContain('^1.0.0');
  });

  it('counts the edges of the latest version of each live major line only', async () => {
    // e.five 1.0.0 reads a.one; 1.1.0 reads b.two instead; 2.0.0 (a new line) reads c.three.
    await product('e', 'five', { inputs: [input('a.one', 'one')] });
    await product('e', 'five', { version: '1.1.0', inputs: [input('b.two', 'two')] });
    await product('e', 'five', { version: '2.0.0', inputs: [input('c.three', 'three')] });
    const rows = await registry.db.dataSource.query(
      `SELECT major, upstream_product_id FROM lineage_current_inputs WHERE product_id = 'e.five' ORDER BY major`,
    );
    expect(rows).toEqual([
      { major: 1, upstream_product_id: 'b.two' },
      { major: 2, upstream_product_id: 'c.three' },
    ]);
    // The full history stays in input_dependencies.
    const history = await registry.db.dataSource.query(
      `SELECT count(*)::int AS n FROM input_dependencies WHERE product_id = 'e.five'`,
    );
    expect(history[0].n).toBe(3);
    // Retiring a line drops its edges once the lineage is refreshed.
    await registry.db.dataSource.query(
      `UPDATE major_lines SET state = 'retired' WHERE product_id = 'e.five' AND major = 1`,
    );
    await registry.app.get(LineageService).refreshCurrent(registry.db.dataSource.manager, 'e.five');
    const live = await registry.db.dataSource.query(
      `SELECT major FROM lineage_current_inputs WHERE product_id = 'e.five'`,
    );
    expect(live).toEqual([{ major: 2 }]);
  });

  it('stops at the node budget and says so', async () => {
    const res = await fetch(`${registry.url}/v1/lineage/products/a.one?direction=DOWNSTREAM&depth=10&budget=4`);
    const body = (await res.json()) as { truncated: boolean; nodes: { id: string }[] };
    expect(body.truncated).toBe(true);
    expect(body.nodes.length).toBeLessThanOrEqual(4);
    const full = (await (
      await fetch(`${registry.url}/v1/lineage/products/a.one?direction=DOWNSTREAM&depth=10`)
    ).json()) as typeof body;
    expect(full.truncated).toBe(false);
    expect(full.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['b.two', 'c.three', 'd.four', 'e.five']));
  });

  it('reads a wide level as two statements with exactly the order of one', async () => {
    const wide = Array.from({ length: 70 }, (_, i) => `w${String(i).padStart(2, '0')}`);
    for (const name of wide) await product('wide', name, { inputs: [input('a.one', 'one'), input('b.two', 'two')] });
    const frontier = [...wide.map((n) => `wide.${n}`), 'a.one', 'b.two'].reverse();
    const manager = registry.db.dataSource.manager;
    const up = await levelEdges(manager, frontier, 'upstream');
    expect(up).toHaveLength(140 + 1); // the wide products read a.one and b.two; b.two reads a.one
    expect(up).toEqual(await upstreamEdges(manager, frontier));
    const down = await levelEdges(manager, frontier, 'downstream');
    expect(down.filter(([from]) => from === 'a.one').length).toBeGreaterThan(70);
    expect(down).toEqual(await downstreamEdges(manager, frontier));
  });
});
