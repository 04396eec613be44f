#!/usr/bin/env node
// npm run bench [-- --quick] [-- --only <prefix>]: every benchmark, each in its own
// process (a benchmark's memory and event loop never disturb the next), then a table
// and bench/results.json: { "<figure>": { value, unit, baseline?, ratio?, scale } }.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REGISTRY_NODE_FLAGS } from '../registry/node-flags.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

/** module (built), export, the Node flags of its process. Benchmarks that host the registry run with its flags. */
const BENCHMARKS = [
  { name: 'compat', module: 'sdk/dist/bench/compat.bench.js', fn: 'runCompatBench', flags: [] },
  { name: 'test', module: 'sdk/dist/bench/data-test.bench.js', fn: 'runDataTestBench', flags: [] },
  { name: 'sql', module: 'sdk/dist/bench/sql-engine.bench.js', fn: 'runSqlEngineBench', flags: [] },
  {
    name: 'graphql',
    module: 'registry/dist/bench/graphql-driver.bench.js',
    fn: 'runGraphqlDriverBench',
    flags: REGISTRY_NODE_FLAGS,
  },
  {
    name: 'abuse',
    module: 'registry/dist/bench/abuse.bench.js',
    fn: 'runAbuseBench',
    flags: REGISTRY_NODE_FLAGS,
  },
  {
    name: 'publish',
    module: 'registry/dist/bench/publish.bench.js',
    fn: 'runPublishBench',
    flags: REGISTRY_NODE_FLAGS,
  },
  {
    name: 'lineage',
    module: 'registry/dist/bench/lineage.bench.js',
    fn: 'runLineageBench',
    flags: REGISTRY_NODE_FLAGS,
  },
  // The client process: it starts the registry as its own process (with REGISTRY_NODE_FLAGS) and sends it requests.
  { name: 'search', module: 'registry/dist/bench/search.bench.js', fn: 'runSearchBench', flags: [] },
];

/** Targets the issues set, shown beside the figures (a figure is judged by people, not by this script). */
const TARGETS = {
  'compat.diff_typical_ms': '≤ 20 ms',
  'compat.diff_1000_props_ms': '≤ 50 ms',
  'compat.check_ms_p50': '≤ 0.5 ms',
  'test.stream_1m_ratio_w1': 'ratio ≥ 0.8',
  'test.stream_1m_ratio_w2': 'ratio ≥ 1.3',
  'test.startup_ms': '≤ 300 ms',
  'test.peak_rss_mb': '< 300 MB',
  'test.records_per_s_1worker': 'breakdown (in one process)',
  'test.records_per_s_2workers': 'breakdown (in one process)',
  'test.sql_parquet_10m_s': 'ratio ≤ 2',
  'test.sql_parquet_raw_ratio': '≤ 2',
  'test.sql_parquet_peak_rss_mb': '≤ 1,536 MB',
  'test.sql_parquet_vs_stream': 'reported',
  'test.pg_1m_raw_ratio': '≤ 1.5',
  'lineage.depth10_p99_ms': '≤ 100 ms, ratio ≤ 2',
  'lineage.impact_p99_ms': '≤ 200 ms',
  'search.p95_ms': '≤ 50 ms',
  'search.p99_ms': '≤ 150 ms',
  'search.p999_ms': '≤ 250 ms',
  'search.graphql_overhead_ratio': '≤ 1.5',
  'fieldsearch.p99_ms': '≤ 100 ms',
  'search.abuse_p99_ms': '≤ 150 ms',
  'health.live_p99_ms_under_abuse': '≤ 50 ms',
  'products.get_p99_ms_under_abuse': '≤ 100 ms',
  'publish.per_s_20_writers': '≥ 150/s',
  'publish.p99_ms': '≤ 200 ms',
  'publish.hot_product_per_s': '≥ 10/s',
  'publish.hot_product_5xx': '0',
};

function runOne(b) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [...b.flags, join(root, 'bench/run-one.js'), join(root, b.module), b.fn, quick ? 'quick' : 'full'],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('close', (status) => {
      const line = out.split('\n').find((l) => l.startsWith('@@RESULT@@'));
      resolve(status === 0 && line ? JSON.parse(line.slice('@@RESULT@@'.length)) : { error: `exited ${status}` });
    });
  });
}

const results = {};
const failures = [];
for (const b of BENCHMARKS.filter((x) => !only || x.name.startsWith(only))) {
  const started = Date.now();
  process.stderr.write(`bench ${b.name} (${quick ? 'quick' : 'full'}) …\n`);
  const figures = await runOne(b);
  if (figures.error) failures.push(`${b.name}: ${figures.error}`);
  else Object.assign(results, figures);
  process.stderr.write(`bench ${b.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** Three significant digits, no exponent. */
const fmt = (x) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : Number(x.toPrecision(3)).toString());
const rows = Object.entries(results).map(([name, f]) => [
  name,
  `${fmt(f.value)} ${f.unit}`,
  f.baseline === undefined ? '' : fmt(f.baseline),
  f.ratio === undefined ? '' : fmt(f.ratio),
  TARGETS[name] ?? '',
  f.scale,
]);
const header = ['figure', 'value', 'baseline', 'ratio', 'target', 'scale'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
// --only refreshes its own figures and keeps the others from the last run.
const resultsFile = join(root, 'bench/results.json');
const kept = only && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
writeFileSync(resultsFile, JSON.stringify({ ...kept, ...results }, null, 2) + '\n');
console.log(`\nwrote bench/results.json (${Object.keys(results).length} figures)`);
if (failures.length) {
  console.error(`failed: ${failures.join('; ')}`);
  process.exit(1);
}
