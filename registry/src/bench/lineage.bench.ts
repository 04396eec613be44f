import pg from 'pg';
import { createApp } from '../app.factory.js';
import { BENCH_RATE_LIMIT } from '../ops/ops-config.js';
import { benchDatabase } from './bench-db.js';
import { LEVEL_SQL, parseLevel } from '../lineage/operations/level-edges.js';
import { CARDS_SQL } from '../products/operations/product-cards.js';
import { BENCH_CONTRACT, loadBenchCatalog, productId } from './lineage-catalog.js';

type Figure = { value: number; unit: string; baseline?: number; ratio?: number; scale: string };

const BUDGET = 5000;
const DEPTH = 10;
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.99) - 1)];
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const round = (x: number) => Math.round(x * 100) / 100;

async function timeAll(runs: number, roots: string[], fn: (root: string) => Promise<unknown>): Promise<number[]> {
  return (await timeInterleaved(runs, roots, [fn]))[0];
}

/**
 * Times each function on the same roots, turn about (A B, B A, …): both see the
 * same machine, so a slow spell of a noisy host does not land on one of them only.
 */
async function timeInterleaved(
  runs: number,
  roots: string[],
  fns: ((root: string) => Promise<unknown>)[],
): Promise<number[][]> {
  for (const root of roots.slice(0, 5)) for (const fn of fns) await fn(root);
  const times = fns.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    const order = r % 2 ? [...fns.keys()].reverse() : [...fns.keys()];
    for (const k of order) {
      const t = performance.now();
      await fns[k](roots[r % roots.length]);
      times[k].push(performance.now() - t);
    }
  }
  return times;
}

/**
 * The traversal GET /v1/lineage/products/:id runs (level queries over
 * lineage_current_inputs until depth or budget, then the product cards),
 * issued as the same SQL statements over one connection: the baseline without HTTP, Nest or the graph's JSON.
 */
async function rawTraversal(db: pg.Client, root: string): Promise<number> {
  const nodes = new Set([root]);
  let frontier = [root];
  let full = false;
  for (let level = 1; level <= DEPTH && frontier.length && !full; level++) {
    const {
      rows: [row],
    } = await db.query(LEVEL_SQL.downstream, [frontier]);
    const next: string[] = [];
    for (const [up, port, down] of parseLevel(row.edges)) {
      const fresh = [`${up}/${port}`, down].filter((id) => !nodes.has(id));
      if (nodes.size + fresh.length > BUDGET) {
        full = true;
        break;
      }
      for (const id of fresh) nodes.add(id);
      if (fresh.includes(down)) next.push(down);
    }
    frontier = next;
  }
  const cards = await db.query(CARDS_SQL, [[...nodes].filter((id) => !id.includes('/'))]);
  (cards.rows[0].cards as string).split('\n').map((line) => line.split('\t'));
  return nodes.size;
}

/**
 * Lineage over HTTP on a generated catalog (100,000 products, ~1,000,000
 * input edges; quick: 10,000): downstream depth 10 with the 5,000-node budget
 * against the same traversal as raw SQL, and the impact of removing a field 50 consumers read.
 */
export async function runLineageBench(scale: 'full' | 'quick'): Promise<Record<string, Figure>> {
  const n = scale === 'full' ? 100_000 : 10_000;
  const bench = await benchDatabase();
  const db = new pg.Client({ connectionString: bench.url });
  await db.connect();
  try {
    const loadStart = performance.now();
    const loaded = await loadBenchCatalog(db, n, n / 2);
    await db.query('VACUUM ANALYZE'); // what autovacuum does after a bulk load; lets the covering indexes answer alone
    await db.query('CHECKPOINT'); // the load's dirty pages written now, not by the checkpointer during the timed runs
    const load = { edges: loaded.edges, seconds: (performance.now() - loadStart) / 1000 };
    // The rate limiter runs on every request but with a limit no benchmark reaches (BENCH_RATE_LIMIT), so it cannot distort.
    const app = await createApp(bench.dataSource, { logger: false, ops: { rateLimit: BENCH_RATE_LIMIT } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    try {
      return figures(await measure(base, db, n, scale === 'full' ? 400 : 40), load, scale);
    } finally {
      await app.close();
    }
  } finally {
    await db.end();
    await bench.close();
  }
}

interface Measured {
  http: number[];
  raw: number[];
  impact: number[];
  meanNodes: number;
  affected: number;
  direct: number;
}

async function measure(base: string, db: pg.Client, n: number, runs: number): Promise<Measured> {
  // Roots spread over the first 90 % so most walks have a deep downstream cone.
  const roots = Array.from({ length: 50 }, (_, k) => productId(1 + Math.floor((((k * 7919) % 50) * (n * 0.9)) / 50)));
  const walk = (root: string) =>
    fetch(`${base}/v1/lineage/products/${root}?direction=DOWNSTREAM&depth=${DEPTH}&budget=${BUDGET}`);
  // Latency is until the last byte has arrived; parsing the graph is the client's business (done once per root below).
  const [http, raw] = await timeInterleaved(runs, roots, [
    async (root) => {
      const res = await walk(root);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`lineage ${root} answered ${res.status}`);
    },
    (root) => rawTraversal(db, root),
  ]);
  let nodes = 0;
  for (const root of roots) nodes += ((await (await walk(root)).json()) as { nodes: unknown[] }).nodes.length;
  const schema = structuredClone(BENCH_CONTRACT) as { properties: Record<string, unknown>; required: string[] };
  delete schema.properties.f0;
  schema.required = [];
  const ask = () =>
    fetch(`${base}/v1/lineage/products/${productId(n / 2)}/ports/out/impact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ schema }),
    });
  const impact = await timeAll(runs, [productId(n / 2)], async () => {
    const res = await ask();
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`impact answered ${res.status}`);
  });
  const report = (await (await ask()).json()) as { consumers: { depth: number }[] };
  const direct = report.consumers.filter((c) => c.depth === 1).length;
  return { http, raw, impact, meanNodes: Math.round(nodes / roots.length), affected: report.consumers.length, direct };
}

function figures(m: Measured, load: { edges: number; seconds: number }, scale: string): Record<string, Figure> {
  const vs = (value: number, baseline: number) => ({
    value: round(value),
    unit: 'ms',
    baseline: round(baseline),
    ratio: round(value / baseline),
    scale,
  });
  return {
    'lineage.depth10_p99_ms': vs(p99(m.http), p99(m.raw)),
    'lineage.depth10_p50_ms': vs(p50(m.http), p50(m.raw)),
    'lineage.depth10_nodes_mean': { value: m.meanNodes, unit: 'nodes', scale },
    'lineage.impact_p99_ms': { value: round(p99(m.impact)), unit: 'ms', scale },
    'lineage.impact_consumers': { value: m.affected, unit: 'consumers', scale },
    'lineage.impact_direct_consumers': { value: m.direct, unit: 'consumers', scale },
    'lineage.bench_input_edges': { value: load.edges, unit: 'edges', scale },
    'lineage.bench_load_s': { value: round(load.seconds), unit: 's', scale },
  };
}
