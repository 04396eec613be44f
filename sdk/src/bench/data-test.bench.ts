/**
 * Benchmark for `dmesh test` (ARCHITECTURE.md "Benchmarks"), measured as users run it: whole
 * processes (`whole-process.ts`) over the orders of `bench/test/make-orders.js`, with the rules of
 * `bench/test/product` (unique, not_null on two fields, accepted_values, range). Figures:
 * - `test.stream_1m_ratio_w1` / `_w2`: `dmesh test --workers 1|2` records/s against the raw process
 *   `node bench/test/raw.js` (JSON.parse + one compiled ajv), interleaved rounds, medians (targets ≥ 0.8, ≥ 1.3);
 * - `test.startup_ms`: a whole `dmesh test` over 1,000 records (target ≤ 300), raw.js over them as baseline;
 * - `test.peak_rss_mb`: peak RSS of the whole `dmesh test --workers 2` process, workers included (< 300).
 * Breakdown, in one process (no start-up): `test.records_per_s_1worker` / `_2workers` (the pipeline vs
 * JSON.parse + ajv over the same chunks), and the regex engine's cost (`test.regex_*`).
 * Run alone: `node dist/bench/data-test.bench.js [--quick]` (after building).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { QualityRule } from '../core/quality/types.js';
import { createSafeRegExp } from '../core/regex/safe-regexp.js';
import { runDataTest } from '../io/data/run-data-test.js';
import { readTextChunks } from '../io/data/text-batches.js';
import { median, rate, round, wholeProcessFigures, writeBenchOrders, type Figure } from './whole-process.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2020,
) => Ajv2020;

export const BENCH_CONTRACT = {
  type: 'object',
  required: ['order_id', 'customer_id', 'amount', 'currency', 'status', 'created_at'],
  properties: {
    order_id: { type: 'string', format: 'uuid' },
    customer_id: { type: 'string', pattern: '^cus-[0-9]+$' },
    amount: { type: 'number', minimum: 0 },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    status: { type: 'string', enum: ['placed', 'shipped', 'delivered', 'cancelled'] },
    created_at: { type: 'string', format: 'date-time' },
    sku: { type: 'string' },
    quantity: { type: 'integer', minimum: 1 },
  },
};

const BENCH_RULES: QualityRule[] = [
  { rule: 'not_null', fields: ['order_id', 'customer_id', 'amount'] },
  { rule: 'accepted_values', field: 'status', values: ['placed', 'shipped', 'delivered', 'cancelled'] },
  { rule: 'range', field: 'amount', min: 0 },
  { rule: 'regex', field: 'sku', pattern: '^SKU-[0-9]{6}$' },
  { rule: 'row_count', min: 1 },
  { rule: 'freshness', field: 'created_at', maxAge: 'P3650D' },
];

/** The raw reference: the same chunked reading, then JSON.parse + ajv with native RegExp per line. */
async function rawBaseline(file: string): Promise<number> {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(BENCH_CONTRACT);
  const started = performance.now();
  let n = 0;
  for await (const chunk of readTextChunks(file, false)) {
    const text = chunk.bytes.toString('utf8');
    for (const line of text.split('\n')) {
      if (!line) continue;
      validate(JSON.parse(line));
      n++;
    }
  }
  return n / ((performance.now() - started) / 1000);
}

async function pipelineRate(file: string, workers: number): Promise<number> {
  const run = await runDataTest({ file, contract: BENCH_CONTRACT, rules: BENCH_RULES, workers });
  if (run.threads !== workers) throw new Error(`expected ${workers} threads, ran ${run.threads}: ${run.note ?? ''}`);
  return run.report.records / (run.elapsedMs / 1000);
}

function regexRates(count: number): { safe: number; native: number } {
  const pattern = '^[A-Z]+-[0-9]+$';
  const safe = createSafeRegExp(pattern);
  if (safe.engine !== 're2js') throw new Error(`expected ${pattern} to run on re2js`);
  const native = new RegExp(pattern, 'u');
  const inputs = Array.from({ length: 1000 }, (_, i) => (i % 10 ? `SKU-${100_000 + i}` : `sku-${i}`));
  const time = (test: (s: string) => boolean) => {
    const started = performance.now();
    let hits = 0;
    for (let i = 0; i < count; i++) if (test(inputs[i % 1000])) hits++;
    if (hits < 0) throw new Error('unreachable');
    return count / ((performance.now() - started) / 1000);
  };
  time((s) => safe.test(s)); // warm up
  return { safe: time((s) => safe.test(s)), native: time((s) => native.test(s)) };
}

export async function runDataTestBench(scale: 'full' | 'quick'): Promise<Record<string, Figure>> {
  const count = scale === 'full' ? 1_000_000 : 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'dmesh-bench-test-'));
  try {
    const files = writeBenchOrders(dir, count);
    const whole = wholeProcessFigures(files, scale);
    return { ...whole, ...(await inProcessFigures(files.large, count, scale)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The breakdown: the pipeline inside one process (no start-up), and the regex engine's cost. */
async function inProcessFigures(file: string, count: number, scale: 'full' | 'quick'): Promise<Record<string, Figure>> {
  const label = `${count.toLocaleString('en-US')} records, in one process (breakdown)`;
  await rawBaseline(file); // warm the page cache and the JIT
  // Interleaved rounds, medians of each: drift in a shared machine's speed hits all three alike.
  const rounds = scale === 'full' ? 3 : 2;
  const samples = { base: [] as number[], one: [] as number[], two: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    samples.base.push(await rawBaseline(file));
    samples.one.push(await pipelineRate(file, 1));
    samples.two.push(await pipelineRate(file, 2));
  }
  const [baseline, one, two] = [median(samples.base), median(samples.one), median(samples.two)];
  const regex = regexRates(scale === 'full' ? 2_000_000 : 300_000);
  const scaleText = `${label}, median of ${rounds} interleaved rounds`;
  return {
    'test.records_per_s_1worker': rate(one, baseline, scaleText),
    'test.records_per_s_2workers': rate(two, baseline, scaleText),
    'test.regex_re2js_matches_per_s': {
      value: round(regex.safe),
      unit: 'matches/s',
      baseline: round(regex.native),
      ratio: round(regex.safe / regex.native, 3),
      scale: 'pattern ^[A-Z]+-[0-9]+$',
    },
    'test.regex_native_vs_safe_ratio': {
      value: round(regex.native / regex.safe, 2),
      unit: 'x slower than native',
      scale: 'pattern ^[A-Z]+-[0-9]+$',
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await runDataTestBench(process.argv.includes('--quick') ? 'quick' : 'full');
  console.table(figures);
}
