import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkCompatibility, type CompatibilityMode } from '../core/compat/index.js';

type Figure = { value: number; unit: string; baseline?: number; ratio?: number; scale: string };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeMedian(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** A 30-field order contract with nested objects, and a next version with 5 changes. */
function typicalPair(): [unknown, unknown] {
  const address = {
    type: 'object',
    properties: {
      street: { type: 'string', maxLength: 100 },
      zip: { type: 'string', maxLength: 10 },
      city: { type: 'string' },
      country: { type: 'string', enum: ['DE', 'FR', 'NL', 'US'] },
    },
    required: ['zip'],
  };
  const props: Record<string, unknown> = {
    id: { type: 'string', format: 'uuid' },
    amount: { type: ['number', 'null'], minimum: 0 },
    status: { enum: ['new', 'paid', 'shipped'] },
    billing: address,
    shipping: address,
    lines: {
      type: 'array',
      items: {
        type: 'object',
        properties: { sku: { type: 'string' }, qty: { type: 'integer', minimum: 1 } },
        required: ['sku', 'qty'],
      },
    },
  };
  for (let i = 0; i < 24; i++)
    props[`f${i}`] = { type: i % 3 === 0 ? 'string' : i % 3 === 1 ? 'integer' : 'boolean', description: `field ${i}` };
  const prev = { type: 'object', properties: props, required: ['id', 'amount'] };
  const next = structuredClone(prev) as { properties: Record<string, Record<string, unknown>>; required: string[] };
  next.properties.amount.type = 'number';
  next.properties.status = { enum: ['new', 'paid'] };
  (next.properties.billing.properties as Record<string, Record<string, unknown>>).zip.maxLength = 5;
  next.properties.f3.description = 'changed';
  next.required.push('f1');
  return [prev, next];
}

function bigPair(): [unknown, unknown] {
  const props: Record<string, unknown> = {};
  for (let i = 0; i < 1000; i++)
    props[`p${i}`] = { type: i % 2 ? 'string' : 'integer', ...(i % 2 ? { maxLength: 50 } : { minimum: 0 }) };
  const prev = { type: 'object', properties: props };
  const next = structuredClone(prev) as { properties: Record<string, Record<string, unknown>> };
  for (let i = 0; i < 50; i++) {
    const p = next.properties[`p${i * 20 + 1}`];
    if (i % 2) p.maxLength = 20;
    else p.type = ['string', 'null'];
  }
  return [prev, next];
}

interface CorpusCase {
  name: string;
  mode?: CompatibilityMode;
  previous: unknown;
  next: unknown;
}

/**
 * The fixed corpus (test/compat/bench-corpus.json): every fixture pair as of
 * the start of the multi-draft work plus the per-draft and cross-draft
 * pairs, across the five drafts. Frozen, so the figures move only when the
 * checker does, never when fixtures are added.
 */
function loadCorpus(): CorpusCase[] {
  const file = fileURLToPath(new URL('../../test/compat/bench-corpus.json', import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as CorpusCase[];
}

const check = (c: CorpusCase) => checkCompatibility(c.previous, c.next, c.mode ?? 'BACKWARD');

/** Every case timed on its own, warm (after one untimed round), `rounds` times: the median of all those times. */
function checkMedianMs(corpus: CorpusCase[], rounds: number): number {
  corpus.forEach(check);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const c of corpus) {
      const t = performance.now();
      check(c);
      times.push(performance.now() - t);
    }
  }
  return median(times);
}

/** A copy no cache has seen: the same meaning, with a fresh `x-bench` annotation at the root. */
function fresh(schema: unknown, nonce: number): unknown {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  return { ...structuredClone(schema), 'x-bench': nonce };
}

/**
 * As checkMedianMs, but every check meets versions no cache has seen (as a
 * registry meets a new version): compiling, normalising and comparing.
 */
function coldCheckMedianMs(corpus: CorpusCase[], rounds: number): number {
  let nonce = 0;
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const c of corpus) {
      const n = ++nonce;
      const previous = Array.isArray(c.previous) ? c.previous.map((p) => fresh(p, n)) : fresh(c.previous, n);
      const copy = { ...c, previous, next: fresh(c.next, n) };
      const t = performance.now();
      check(copy);
      times.push(performance.now() - t);
    }
  }
  return median(times);
}

export async function runCompatBench(scale: 'full' | 'quick'): Promise<Record<string, Figure>> {
  const runs = scale === 'full' ? 200 : 30;
  const [prev, next] = typicalPair();
  const typical = timeMedian(runs, () => checkCompatibility(prev, next, 'BACKWARD'));
  const [bigPrev, bigNext] = bigPair();
  const big = timeMedian(Math.ceil(runs / 4), () =>
    checkCompatibility(bigPrev, bigNext, 'BACKWARD', { verify: false }),
  );
  const corpus = loadCorpus();
  const rounds = scale === 'full' ? 10 : 2;
  const t = performance.now();
  for (let r = 0; r < rounds; r++) corpus.forEach(check);
  const perSecond = (corpus.length * rounds) / ((performance.now() - t) / 1000);
  const p50 = checkMedianMs(corpus, rounds);
  const coldP50 = coldCheckMedianMs(corpus, Math.max(1, rounds / 2));
  return {
    'compat.diff_typical_ms': { value: typical, unit: 'ms', scale },
    'compat.diff_1000_props_ms': { value: big, unit: 'ms', scale },
    'compat.corpus_cases_per_s': { value: perSecond, unit: 'cases/s', scale: `${scale}, ${corpus.length} cases` },
    'compat.check_ms_p50': { value: p50, unit: 'ms', scale: `${scale}, ${corpus.length} cases × ${rounds}` },
    'compat.check_cold_ms_p50': {
      value: coldP50,
      unit: 'ms',
      scale: `${scale}, ${corpus.length} unseen pairs × ${Math.max(1, rounds / 2)}`,
    },
  };
}
