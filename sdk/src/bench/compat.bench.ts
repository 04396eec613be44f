import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

function loadCorpus(): { mode?: CompatibilityMode; previous: unknown; next: unknown }[] {
  const dir = fileURLToPath(new URL('../../test/compat/fixtures', import.meta.url));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
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
  for (let r = 0; r < rounds; r++) for (const c of corpus) checkCompatibility(c.previous, c.next, c.mode ?? 'BACKWARD');
  const perSecond = (corpus.length * rounds) / ((performance.now() - t) / 1000);
  return {
    'compat.diff_typical_ms': { value: typical, unit: 'ms', scale },
    'compat.diff_1000_props_ms': { value: big, unit: 'ms', scale },
    'compat.corpus_cases_per_s': { value: perSecond, unit: 'cases/s', scale },
  };
}
