/**
 * Benchmark for `dmesh test` (ARCHITECTURE.md "Benchmarks"). Figures:
 * - `test.records_per_s_1worker`: the full pipeline in the main thread, vs the raw
 *   baseline `JSON.parse` + ajv (native RegExp) over the same lines (target ratio ≥ 0.8);
 * - `test.records_per_s_2workers`: two workers vs the same raw single-thread baseline (target ≥ 1.5);
 * - `test.peak_rss_mb`: peak RSS of a child process running the 2-worker test, workers
 *   included (threads share the process), no `unique` rule (target < 300);
 * - `test.regex_re2js_matches_per_s` / `test.regex_native_vs_safe_ratio`: cost of the
 *   linear-time engine against native RegExp for a pattern that is routed to re2js.
 * Run alone: `node dist/bench/data-test.bench.js [--quick]` (after building).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { QualityRule } from '../core/quality/types.js';
import { createSafeRegExp } from '../core/regex/safe-regexp.js';
import { runDataTest } from '../io/data/run-data-test.js';
import { readTextChunks } from '../io/data/text-batches.js';

type Figure = { value: number; unit: string; baseline?: number; ratio?: number; scale: string };

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

const STATUSES = ['placed', 'shipped', 'delivered', 'cancelled'];

async function writeOrders(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  const base = Date.UTC(2024, 0, 1);
  for (let i = 0; i < count; i += 1000) {
    const lines: string[] = [];
    for (let j = i; j < Math.min(count, i + 1000); j++) {
      lines.push(
        JSON.stringify({
          order_id: randomUUID(),
          customer_id: `cus-${j % 50_000}`,
          amount: Math.round((j % 10_000) * 1.37) / 100,
          currency: 'EUR',
          status: STATUSES[j % 4],
          created_at: new Date(base + j * 1000).toISOString(),
          sku: `SKU-${100_000 + (j % 900_000)}`,
          quantity: 1 + (j % 9),
        }),
      );
    }
    if (!out.write(lines.join('\n') + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

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

/** Peak RSS of a child process that runs the 2-worker test (worker threads share its RSS). */
function peakRssMb(file: string): number {
  const runner = pathToFileURL(fileURLToPath(new URL('../io/data/run-data-test.js', import.meta.url))).href;
  const script = `const { runDataTest } = await import(${JSON.stringify(runner)});
await runDataTest({ file: ${JSON.stringify(file)}, contract: ${JSON.stringify(BENCH_CONTRACT)}, rules: ${JSON.stringify(BENCH_RULES)}, workers: 2 });
process.stdout.write(String(process.resourceUsage().maxRSS));`;
  // a script file, not `-e`: worker threads inherit execArgv, and `--input-type` is refused there
  const scriptFile = join(tmpdir(), `dmesh-bench-rss-${process.pid}.mjs`);
  writeFileSync(scriptFile, script);
  try {
    return Number(execFileSync(process.execPath, [scriptFile], { encoding: 'utf8' })) / 1024;
  } finally {
    rmSync(scriptFile, { force: true });
  }
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
  const label = `${count.toLocaleString('en-US')} records`;
  const file = join(tmpdir(), `dmesh-bench-orders-${process.pid}.jsonl`);
  await writeOrders(file, count);
  try {
    await rawBaseline(file); // warm the page cache and the JIT
    // Interleaved rounds, medians of each: drift in a shared machine's speed hits all three alike.
    const rounds = scale === 'full' ? 5 : 2;
    const samples = { base: [] as number[], one: [] as number[], two: [] as number[] };
    for (let r = 0; r < rounds; r++) {
      samples.base.push(await rawBaseline(file));
      samples.one.push(await pipelineRate(file, 1));
      samples.two.push(await pipelineRate(file, 2));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const [baseline, one, two] = [median(samples.base), median(samples.one), median(samples.two)];
    const rss = peakRssMb(file);
    const regex = regexRates(scale === 'full' ? 2_000_000 : 300_000);
    const round = (n: number, d = 0) => Math.round(n * 10 ** d) / 10 ** d;
    return {
      'test.records_per_s_1worker': {
        value: round(one),
        unit: 'records/s',
        baseline: round(baseline),
        ratio: round(one / baseline, 3),
        scale: `${label}, median of ${rounds} interleaved rounds`,
      },
      'test.records_per_s_2workers': {
        value: round(two),
        unit: 'records/s',
        baseline: round(baseline),
        ratio: round(two / baseline, 3),
        scale: `${label}, median of ${rounds} interleaved rounds`,
      },
      'test.peak_rss_mb': { value: round(rss, 1), unit: 'MB', scale: `${label}, 2 workers, no unique rule` },
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
  } finally {
    rmSync(file, { force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await runDataTestBench(process.argv.includes('--quick') ? 'quick' : 'full');
  console.table(figures);
}
