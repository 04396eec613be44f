import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { systemClock } from '../common/clock.js';
import type { ProductsService } from '../products/products.service.js';
import { SearchService } from '../discovery/search.service.js';
import { benchDatabase, percentile } from './bench-db.js';
import { graphql, openLoop } from './bench-load.js';
import { startRegistryProcess, type RegistryProcess } from './registry-process.js';
import { BENCH_DOMAINS, generateCatalog, type BenchProduct } from './search-catalog.js';
import { loadSearchCatalog } from './search-catalog-load.js';
import {
  FIELDS_QUERY,
  SEARCH_QUERY,
  fieldRequests,
  searchRequests,
  type SearchVariables,
  type TimedRequest,
} from './search-mix.js';

type Figure = { value: number; unit: string; baseline?: number; ratio?: number; scale: string };

/** Requests per second of the timed mix, from this process to the registry's. */
const RATE = 50;
const round = (x: number) => Math.round(x * 100) / 100;
const ms = (value: number, scale: string, extra: Partial<Figure> = {}): Figure => ({
  value: round(value),
  unit: 'ms',
  scale,
  ...extra,
});

/** Generates and bulk-loads the catalog; keeps every 97th product as the sample the mix searches for. */
async function load(db: pg.Client, n: number): Promise<{ sample: BenchProduct[]; fields: number; seconds: number }> {
  const started = performance.now();
  const sample: BenchProduct[] = [];
  function* products() {
    for (const p of generateCatalog(n)) {
      if (p.index % 97 === 0) sample.push(p);
      yield p;
    }
  }
  const loaded = await loadSearchCatalog(db, BENCH_DOMAINS, products(), new Date());
  return { sample, fields: loaded.fields, seconds: (performance.now() - started) / 1000 };
}

/**
 * The same search the registry runs for a request, with the same SQL
 * (discovery's operations) straight on the database: no HTTP, Nest or GraphQL.
 */
function rawSearch(dataSource: DataSource) {
  const searches = new SearchService(dataSource, {} as ProductsService, systemClock);
  return async (v: SearchVariables) => {
    const answer = await searches.search({ ...v, sort: SORTS[v.sort ?? 'RELEVANCE'], filter: lower(v.filter) });
    await (v.facets ? searches.facets(answer.request) : searches.count(answer.request));
    await searches.matchedFields(
      answer.request,
      answer.hits.map((h) => h.product.id),
    );
  };
}

const SORTS = {
  RELEVANCE: 'relevance',
  NAME: 'name',
  RECENTLY_PUBLISHED: 'recent',
  MOST_CONSUMED: 'consumed',
} as const;

/** The GraphQL filter as the service takes it (enum names → lowercase values). */
function lower(filter: Record<string, unknown> | undefined) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filter ?? {}))
    out[k] = k === 'field' ? v : [v].flat().map((x) => (k === 'domain' || k === 'tag' ? x : String(x).toLowerCase()));
  return out;
}

/** GraphQL and the raw SQL on the same searches, turn about, one at a time: the cost of the API layer. */
async function overhead(url: string, dataSource: DataSource, requests: TimedRequest<SearchVariables>[]) {
  const raw = rawSearch(dataSource);
  const [api, sql]: number[][] = [[], []];
  for (const [k, r] of requests.entries()) {
    const order = k % 2 ? [0, 1] : [1, 0];
    const pair: number[] = [];
    for (const which of order) {
      const t = performance.now();
      const ok = await (which === 0 ? graphql(url, SEARCH_QUERY, r.variables) : raw(r.variables)).then(
        () => true,
        () => false,
      );
      if (ok) pair[which] = performance.now() - t;
    }
    if (pair[0] !== undefined && pair[1] !== undefined) [api, sql].forEach((xs, k) => xs.push(pair[k]));
  }
  return { api: percentile(api, 50), sql: percentile(sql, 50) };
}

/** The abusive client, in its own process, for `ms`; resolves with how its requests were answered. */
function abuse(url: string, ms: number): Promise<Record<string, Record<string, number>>> {
  const script = fileURLToPath(new URL('./search-abuser.js', import.meta.url));
  const child = spawn(process.execPath, [script, url, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`abuser exited ${code}`)))),
  );
}

interface Measured {
  mix: number[];
  byKind: Record<string, number[]>;
  fields: number[];
  abused: number[];
  abuseAnswers: Record<string, Record<string, number>>;
  overhead: { api: number; sql: number };
}

/** Requests answered with an error (a refusal or a timeout): counted, and their latency kept. */
const failures: Record<string, number> = {};
function sender<V>(url: string, query: string, phase: string) {
  return (r: TimedRequest<V>) =>
    graphql(url, query, r.variables).then(
      () => undefined,
      (err: Error) => {
        failures[phase] = (failures[phase] ?? 0) + 1;
        if (failures[phase] <= 3) process.stderr.write(`${phase}: ${err.message}\n`);
      },
    );
}

async function measure(registry: RegistryProcess, dataSource: DataSource, sample: BenchProduct[], count: number) {
  const requests = searchRequests(sample, count);
  const send = sender<SearchVariables>(registry.url, SEARCH_QUERY, 'search');
  for (const r of requests.slice(0, 200)) await send(r); // warm-up: JIT, plans, caches
  delete failures.search;
  const mix = await openLoop(requests, RATE, send);
  const byKind: Record<string, number[]> = {};
  requests.forEach((r, k) => (byKind[r.kind] ??= []).push(mix[k]));
  const over = await overhead(registry.url, dataSource, searchRequests(sample, 400, 17));
  const fieldMix = fieldRequests(sample, Math.max(1000, count / 5));
  const fields = await openLoop(fieldMix, RATE, sender(registry.url, FIELDS_QUERY, 'fields'));
  const ordinary = searchRequests(sample, Math.max(1000, count / 3), 19);
  const answers = abuse(registry.url, (ordinary.length / RATE) * 1000 + 2000);
  const abused = await openLoop(ordinary, RATE, sender<SearchVariables>(registry.url, SEARCH_QUERY, 'abuse'));
  return { mix, byKind, fields, abused, abuseAnswers: await answers, overhead: over } satisfies Measured;
}

/**
 * Search on a generated catalog of 100,000 products over 200 domains (about
 * 1,000,000 contract fields; quick: 10,000), bulk-loaded, indexed by the
 * registry's own start-up indexing, served by `node registry/dist/main.js`:
 * the committed query mix at 50 requests/s (≥ 10,000 requests), GraphQL vs
 * the same SQL run directly, field search, and ordinary searches while an
 * abusive client loops.
 */
export async function runSearchBench(scale: 'full' | 'quick'): Promise<Record<string, Figure>> {
  const [n, count] = scale === 'full' ? [100_000, 10_000] : [10_000, 1_000];
  const bench = await benchDatabase();
  const db = new pg.Client({ connectionString: bench.url });
  await db.connect();
  try {
    await db.query('SET synchronous_commit = off');
    const loaded = await load(db, n);
    const starting = performance.now();
    // Production defaults but two: anonymous reads on (a public catalog, as the clients send no token) and no rate
    // limit (every client here is one address; the figures are the registry's own limits, GraphQL's and the bulkhead).
    const registry = await startRegistryProcess(
      { DATABASE_URL: bench.url, DMESH_ANONYMOUS_READ: '1', DMESH_RATE_LIMIT: '0' },
      30 * 60_000,
    );
    const indexS = (performance.now() - starting) / 1000;
    try {
      await db.query('VACUUM ANALYZE'); // what autovacuum does after a bulk load
      await db.query('CHECKPOINT');
      const m = await measure(registry, bench.dataSource, loaded.sample, count);
      return figures(m, { ...loaded, products: n, indexS }, scale);
    } finally {
      await registry.stop();
    }
  } finally {
    await db.end();
    await bench.close();
  }
}

function figures(
  m: Measured,
  load: { products: number; fields: number; seconds: number; indexS: number },
  scale: string,
) {
  const kinds = Object.fromEntries(
    Object.entries(m.byKind).map(([kind, xs]) => [`search.p99_ms.${kind}`, ms(percentile(xs, 99), scale)]),
  );
  const refused = Object.values(m.abuseAnswers).reduce((n, a) => n + Object.values(a).reduce((x, y) => x + y, 0), 0);
  return {
    'search.p50_ms': ms(percentile(m.mix, 50), scale),
    'search.p95_ms': ms(percentile(m.mix, 95), scale),
    'search.p99_ms': ms(percentile(m.mix, 99), scale),
    'search.p999_ms': ms(percentile(m.mix, 99.9), scale),
    'search.requests': { value: m.mix.length, unit: 'requests', scale },
    'search.errors': { value: failures.search ?? 0, unit: 'requests', scale },
    'fieldsearch.errors': { value: failures.fields ?? 0, unit: 'requests', scale },
    'search.abuse_errors': { value: failures.abuse ?? 0, unit: 'requests', scale },
    ...kinds,
    'search.graphql_overhead_ms': ms(m.overhead.api - m.overhead.sql, scale, { baseline: round(m.overhead.sql) }),
    'search.graphql_overhead_ratio': {
      value: round(m.overhead.api / m.overhead.sql),
      unit: 'x',
      baseline: round(m.overhead.sql),
      ratio: round(m.overhead.api / m.overhead.sql),
      scale,
    },
    'fieldsearch.p99_ms': ms(percentile(m.fields, 99), scale),
    'search.abuse_p99_ms': ms(percentile(m.abused, 99), scale, {
      baseline: round(percentile(m.mix, 99)),
      ratio: round(percentile(m.abused, 99) / percentile(m.mix, 99)),
    }),
    'search.abuse_requests': { value: refused, unit: 'requests', scale },
    'search.bench_products': { value: load.products, unit: 'products', scale },
    'search.bench_fields': { value: load.fields, unit: 'fields', scale },
    'search.bench_load_s': { value: round(load.seconds), unit: 's', scale },
    'search.index_build_s': { value: round(load.indexS), unit: 's', scale },
  };
}
