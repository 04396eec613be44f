/**
 * Benchmark for `dmesh test --engine sql` (issue 16; ARCHITECTURE.md "Benchmarks"). Whole
 * processes, as users run them, against hand-written statements run the same way:
 * - `test.sql_parquet_10m_s` / `test.sql_parquet_raw_ratio`: 10,000,000 rows of zstd Parquet in
 *   4 files, an orders contract and unique/not_null/accepted_values/range/regex rules, vs
 *   RAW_DUCKDB (target ratio ≤ 2); `test.sql_parquet_peak_rss_mb` (target ≤ 1,536 MB);
 * - `test.sql_parquet_vs_stream`: 1,000,000 rows (one snappy file the streaming engine reads)
 *   against `--engine stream` — the ratio is reported;
 * - `test.pg_1m_raw_ratio`: a 1,000,000-row PostgreSQL table tested in place vs RAW_POSTGRES
 *   (target ≤ 1.5), on an embedded PostgreSQL the bench starts.
 * Generated Parquet is cached in bench/.cache/ (git-ignored): 10M rows take a while to write.
 * `quick` runs 1,000,000 and 200,000 rows.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  BENCH_CONTRACT_SQL,
  BENCH_DESCRIPTOR,
  RAW_DUCKDB,
  RAW_POSTGRES,
  writeOrdersParquet,
} from './sql-engine.fixtures.js';
import { startBenchPostgres } from './sql-engine.postgres.js';

type Figure = { value: number; unit: string; baseline?: number; ratio?: number; scale: string };

const SDK = fileURLToPath(new URL('../..', import.meta.url));
const CACHE = join(SDK, '..', 'bench', '.cache', 'sql');

/** A whole process: wall time and peak RSS (read by the process itself as it exits). */
async function timed(script: string, args: string[]): Promise<{ seconds: number; rssMb: number; out: string }> {
  const rssFile = join(tmpdir(), `dmesh-sql-bench-rss-${process.pid}-${Math.random()}`);
  const started = performance.now();
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, DMESH_BENCH_RSS: rssFile },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.on('close', (code) =>
      code === 0 || code === 1 ? resolve(text) : reject(new Error(`${script} exited ${code}`)),
    );
  });
  const seconds = (performance.now() - started) / 1000;
  const rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  rmSync(rssFile, { force: true });
  return { seconds, rssMb, out };
}

/** Scripts the timed processes run: the dmesh CLI, and the raw statements. */
function writeScripts(dir: string): { cli: string; rawDuckdb: string; rawPostgres: string } {
  const cli = join(dir, 'dmesh-cli.mjs');
  const main = pathToFileURL(join(SDK, 'dist/cli/main.js')).href;
  writeFileSync(
    cli,
    `const fs = await import('node:fs');\nprocess.on('exit', () => fs.writeFileSync(process.env.DMESH_BENCH_RSS, String(process.resourceUsage().maxRSS)));\nconst { main } = await import(${JSON.stringify(main)});\nprocess.exitCode = await main(process.argv.slice(2));\n`,
  );
  const rawDuckdb = join(dir, 'raw-duckdb.mjs');
  const duckdbApi = pathToFileURL(join(SDK, '..', 'node_modules/@duckdb/node-api/lib/index.js')).href;
  writeFileSync(
    rawDuckdb,
    `const fs = await import('node:fs');\nprocess.on('exit', () => fs.writeFileSync(process.env.DMESH_BENCH_RSS, String(process.resourceUsage().maxRSS)));\nconst { DuckDBInstance } = await import(${JSON.stringify(duckdbApi)});\nconst db = await DuckDBInstance.create(':memory:');\nconst c = await db.connect();\nconst r = await c.runAndReadAll(process.argv[2]);\nconsole.log(JSON.stringify(r.getRowObjectsJson()));\n`,
  );
  const rawPostgres = join(dir, 'raw-postgres.mjs');
  const pgModule = pathToFileURL(join(SDK, '..', 'node_modules/pg/lib/index.js')).href;
  writeFileSync(
    rawPostgres,
    `const fs = await import('node:fs');\nprocess.on('exit', () => fs.writeFileSync(process.env.DMESH_BENCH_RSS, String(process.resourceUsage().maxRSS)));\nconst pg = (await import(${JSON.stringify(pgModule)})).default;\nconst c = new pg.Client(process.argv[2]);\nawait c.connect();\nconst r = await c.query(process.argv[3]);\nconsole.log(JSON.stringify(r.rows));\nawait c.end();\n`,
  );
  return { cli, rawDuckdb, rawPostgres };
}

/** The bench product: the orders contract and rules, in a folder of its own. */
function writeProduct(dir: string): string {
  mkdirSync(join(dir, 'contracts'), { recursive: true });
  writeFileSync(join(dir, 'dataproduct.yaml'), BENCH_DESCRIPTOR);
  writeFileSync(join(dir, 'contracts/orders.schema.json'), JSON.stringify(BENCH_CONTRACT_SQL, null, 2));
  return dir;
}

async function cachedParquet(rows: number, files: number, codec: 'zstd' | 'snappy'): Promise<string> {
  const dir = join(CACHE, `orders-${rows}-${files}-${codec}`);
  if (!existsSync(join(dir, 'done'))) {
    mkdirSync(dir, { recursive: true });
    await writeOrdersParquet(dir, rows, files, codec);
    writeFileSync(join(dir, 'done'), '');
  }
  return dir;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

async function parquetFigures(
  scale: 'full' | 'quick',
  work: string,
  scripts: ReturnType<typeof writeScripts>,
  product: string,
): Promise<Record<string, Figure>> {
  const rows = scale === 'full' ? 10_000_000 : 1_000_000;
  const dir = await cachedParquet(rows, 4, 'zstd');
  const raw = RAW_DUCKDB(join(dir, '*.parquet'));
  const rounds = scale === 'full' ? 3 : 2;
  const ours: { seconds: number; rssMb: number }[] = [];
  const base: { seconds: number; rssMb: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    base.push(await timed(scripts.rawDuckdb, [raw]));
    const run = await timed(scripts.cli, ['test', product, '--engine', 'sql', '--data', dir, '--json']);
    if (!JSON.parse(run.out).passed) throw new Error('the bench data should pass every check');
    ours.push(run);
  }
  const [value, baseline] = [median(ours.map((o) => o.seconds)), median(base.map((b) => b.seconds))];
  const label = `${rows.toLocaleString('en-US')} rows, 4 zstd Parquet files, median of ${rounds}`;
  return {
    'test.sql_parquet_10m_s': {
      value: round(value, 2),
      unit: 's',
      baseline: round(baseline, 2),
      ratio: round(value / baseline),
      scale: label,
    },
    'test.sql_parquet_raw_ratio': {
      value: round(value / baseline),
      unit: 'x the hand-written statement',
      scale: label,
    },
    'test.sql_parquet_peak_rss_mb': {
      value: round(Math.max(...ours.map((o) => o.rssMb)), 0),
      unit: 'MB',
      baseline: round(Math.max(...base.map((b) => b.rssMb)), 0),
      scale: label,
    },
  };
}

async function streamFigure(
  scale: 'full' | 'quick',
  scripts: ReturnType<typeof writeScripts>,
  product: string,
): Promise<Record<string, Figure>> {
  const rows = scale === 'full' ? 1_000_000 : 200_000;
  const file = join(await cachedParquet(rows, 1, 'snappy'), 'part-0.parquet');
  const sql = await timed(scripts.cli, ['test', product, '--engine', 'sql', '--data', file, '--json']);
  const stream = await timed(scripts.cli, ['test', product, '--engine', 'stream', '--data', file, '--json']);
  return {
    'test.sql_parquet_vs_stream': {
      value: round(sql.seconds, 2),
      unit: 's',
      baseline: round(stream.seconds, 2),
      ratio: round(sql.seconds / stream.seconds),
      scale: `${rows.toLocaleString('en-US')} rows, one snappy Parquet file; baseline --engine stream (2 workers)`,
    },
  };
}

async function postgresFigure(
  scale: 'full' | 'quick',
  work: string,
  scripts: ReturnType<typeof writeScripts>,
  product: string,
): Promise<Record<string, Figure>> {
  const rows = scale === 'full' ? 1_000_000 : 200_000;
  const pg = await startBenchPostgres(join(work, 'pg'), rows);
  try {
    const rounds = scale === 'full' ? 3 : 2;
    const ours: number[] = [];
    const base: number[] = [];
    for (let r = 0; r < rounds; r++) {
      base.push((await timed(scripts.rawPostgres, [pg.url, RAW_POSTGRES])).seconds);
      const run = await timed(scripts.cli, [
        'test',
        product,
        '--engine',
        'sql',
        '--data',
        pg.location,
        '--connection',
        pg.url,
        '--json',
      ]);
      if (!JSON.parse(run.out).passed) throw new Error('the bench table should pass every check');
      ours.push(run.seconds);
    }
    const [value, baseline] = [median(ours), median(base)];
    return {
      'test.pg_1m_raw_ratio': {
        value: round(value / baseline),
        unit: 'x the hand-written statement',
        baseline: round(baseline, 2),
        scale: `${rows.toLocaleString('en-US')} rows in place (dmesh ${round(value, 2)} s), median of ${rounds}`,
      },
    };
  } finally {
    await pg.stop();
  }
}

export async function runSqlEngineBench(scale: 'full' | 'quick'): Promise<Record<string, Figure>> {
  const work = join(tmpdir(), `dmesh-sql-bench-${process.pid}`);
  mkdirSync(work, { recursive: true });
  try {
    const scripts = writeScripts(work);
    const product = writeProduct(join(work, 'product'));
    return {
      ...(await parquetFigures(scale, work, scripts, product)),
      ...(await streamFigure(scale, scripts, product)),
      ...(await postgresFigure(scale, work, scripts, product)),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await runSqlEngineBench(process.argv.includes('--quick') ? 'quick' : 'full'));
}
