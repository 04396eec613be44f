/**
 * `dmesh test` timed as whole processes, the way a pipeline runs it: `node sdk/bin/dmesh.js test`
 * against `node bench/test/raw.js` (JSON.parse + one compiled ajv over the file), both spawned from
 * here, in interleaved rounds (drift in a shared machine's speed hits every command alike), medians.
 * The machine's load average before and after is part of each figure's scale.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Figure = { value: number; unit: string; baseline?: number; ratio?: number; scale: string };

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DMESH = join(ROOT, 'sdk/bin/dmesh.js');
const PRODUCT = join(ROOT, 'bench/test/product');
const RAW = join(ROOT, 'bench/test/raw.js');
const SCHEMA = join(PRODUCT, 'contracts/orders.schema.json');

export interface BenchFiles {
  dir: string;
  large: string;
  count: number;
  small: string;
}

/** Writes the benchmark's orders with the committed generator: `count` records, and 1,000 for start-up. */
export function writeBenchOrders(dir: string, count: number): BenchFiles {
  const files = { dir, large: join(dir, 'orders.jsonl'), count, small: join(dir, 'orders-1k.jsonl') };
  run([join(ROOT, 'bench/test/make-orders.js'), files.large, String(count)]);
  run([join(ROOT, 'bench/test/make-orders.js'), files.small, '1000']);
  return files;
}

/** Runs `node <args>`; its wall-clock milliseconds. Exit 1 (a failed data test) is a result, not an error. */
function run(args: string[], expectExit = 0): number {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (child.status !== expectExit)
    throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr.toString().slice(0, 2000)}`);
  return ms;
}

const dmeshTest = (file: string, workers?: number) => [
  DMESH,
  'test',
  PRODUCT,
  '--data',
  file,
  '--json',
  ...(workers ? ['--workers', String(workers)] : []),
];

export function wholeProcessFigures(files: BenchFiles, scale: 'full' | 'quick'): Record<string, Figure> {
  const load = loadavg()[0];
  run([RAW, SCHEMA, files.large]); // warm the page cache
  const rounds = scale === 'full' ? 3 : 2;
  const ms = {
    raw: [] as number[],
    w1: [] as number[],
    w2: [] as number[],
    raw1k: [] as number[],
    cli1k: [] as number[],
  };
  for (let r = 0; r < rounds; r++) {
    ms.raw.push(run([RAW, SCHEMA, files.large]));
    ms.w1.push(run(dmeshTest(files.large, 1)));
    ms.w2.push(run(dmeshTest(files.large, 2)));
  }
  for (let r = 0; r < 5; r++) {
    ms.raw1k.push(run([RAW, SCHEMA, files.small]));
    ms.cli1k.push(run(dmeshTest(files.small)));
  }
  const rss = peakRssMb(files);
  const quiet = `load average ${load.toFixed(2)} → ${loadavg()[0].toFixed(2)}`;
  const label = `${files.count.toLocaleString('en-US')} records, whole processes, median of ${rounds} interleaved rounds, ${quiet}`;
  const perSecond = (xs: number[]) => files.count / (median(xs) / 1000);
  return {
    'test.stream_1m_ratio_w1': rate(perSecond(ms.w1), perSecond(ms.raw), `dmesh test --workers 1 vs raw.js; ${label}`),
    'test.stream_1m_ratio_w2': rate(perSecond(ms.w2), perSecond(ms.raw), `dmesh test --workers 2 vs raw.js; ${label}`),
    'test.startup_ms': {
      value: round(median(ms.cli1k)),
      unit: 'ms',
      baseline: round(median(ms.raw1k)),
      ratio: round(median(ms.cli1k) / median(ms.raw1k), 2),
      scale: `dmesh test over 1,000 records (default workers) vs raw.js over them, median of 5; ${quiet}`,
    },
    'test.peak_rss_mb': {
      value: round(rss, 1),
      unit: 'MB',
      scale: `dmesh test --workers 2, whole process (workers included), ${files.count.toLocaleString('en-US')} records`,
    },
  };
}

/** Peak RSS of a whole `dmesh test --workers 2` (threads share the process), reported by a preloaded module at exit. */
function peakRssMb(files: BenchFiles): number {
  const preload = join(files.dir, 'report-rss.mjs');
  writeFileSync(
    preload,
    `import { isMainThread } from 'node:worker_threads';
if (isMainThread) process.on('exit', () => process.stderr.write('@@maxrss ' + process.resourceUsage().maxRSS + '\\n'));\n`,
  );
  const child = spawnSync(process.execPath, ['--import', preload, ...dmeshTest(files.large, 2)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const kb = /@@maxrss (\d+)/.exec(child.stderr.toString())?.[1];
  if (child.status !== 0 || !kb) throw new Error(`peak RSS run exited ${child.status}: ${child.stderr}`);
  return Number(kb) / 1024;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const round = (n: number, d = 0) => Math.round(n * 10 ** d) / 10 ** d;
export const rate = (value: number, baseline: number, scale: string): Figure => ({
  value: round(value),
  unit: 'records/s',
  baseline: round(baseline),
  ratio: round(value / baseline, 3),
  scale,
});
