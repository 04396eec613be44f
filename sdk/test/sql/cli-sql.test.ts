import { rmSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import pc from 'picocolors';
import type pg from 'pg';
import { registerTestCommand, type LoadedPort, type TestCommandDeps } from '../../src/cli/commands/test.js';
import type { CliIO } from '../../src/cli/io.js';
import { chooseEngine } from '../../src/cli/commands/test-sql.js';
import { duckdb, postgresDatabase, tempDir } from './engines.js';

const NOW = new Date('2024-06-01T12:00:00Z');
const dir = tempDir('dmesh-cli-sql-');
let db: { client: pg.Client; url: string; location: (t: string) => string };

const contract = {
  type: 'object',
  required: ['order_id', 'amount'],
  properties: { order_id: { type: 'string', 'x-primary-key': true }, amount: { type: 'number', minimum: 0 } },
};
const port = (location?: string): LoadedPort => ({
  productId: 'sales.orders',
  port: 'orders',
  contract,
  contractPath: 'contracts/orders.schema.json',
  quality: [{ rule: 'unique', field: 'order_id' }],
  ...(location && { location }),
});

beforeAll(async () => {
  const duck = await duckdb();
  await duck.run(`COPY (SELECT 'o' || range AS order_id, CAST(range - 1 AS DOUBLE) AS amount, range % 2 AS part FROM range(4))
    TO '${dir}/orders' (FORMAT parquet, PARTITION_BY (part))`);
  await duck.run(`COPY (SELECT 'o1' AS order_id, 2.0 AS amount) TO '${dir}/one.parquet' (FORMAT parquet)`);
  writeFileSync(`${dir}/orders.jsonl`, '{"order_id":"a","amount":"4"}\n{"order_id":"a","amount":1}\nnot json\n');
  writeFileSync(`${dir}/orders.csv`, 'order_id,amount\na,4\n"a",-1\n');
  writeFileSync(`${dir}/gap.csv`, 'order_id,amount\na,4\n\nb,1\n');
  writeFileSync(`${dir}/short.csv`, 'order_id,amount\na,4,5\n');
  duck.closeSync();
  db = await postgresDatabase('cli');
  await db.client.query(
    `CREATE TABLE orders (order_id text PRIMARY KEY, amount numeric); INSERT INTO orders VALUES ('a', 1), ('b', -2)`,
  );
});
afterAll(async () => {
  await db.client.end();
  rmSync(dir, { recursive: true, force: true });
});

async function dmeshTest(args: string[], location?: string, env: Record<string, string> = {}) {
  const captured = { code: -1, out: '', err: '' };
  const io: CliIO = {
    out: (t) => (captured.out += t + '\n'),
    err: (t) => (captured.err += t + '\n'),
    color: pc.createColors(false),
    isTTY: false,
    env,
    cwd: dir,
  };
  const deps: TestCommandDeps = {
    loadPort: async () => port(location),
    now: () => NOW,
    workerUrl: new URL('file:///nonexistent/worker.js'),
  };
  const program = new Command()
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: (t) => (captured.err += t) });
  registerTestCommand(program, io, (code) => (captured.code = code), deps);
  try {
    await program.parseAsync(['node', 'dmesh', 'test', ...args]);
  } catch {
    captured.code = 2;
  }
  return captured;
}

// dmesh test with the SQL engine
it('dmesh test with the SQL engine: takes a Parquet folder to the SQL engine by default, and says where each check ran', async () => {
  const r = await dmeshTest(['--data', 'orders']);
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/sales\.orders\/orders {2}orders \(parquet, 4 records/);
  expect(r.out).toMatch(/\/amount minimum: must be >= 0 — 1 record\(s\) \(lines 1\)/);
  expect(r.out).toMatch(/SQL engine \(duckdb\): 5 check\(s\) in SQL, 0 in the streaming engine/);
});

it('dmesh test with the SQL engine: prints the streaming engine’s JSON report, plus the engine and the placement of each check', async () => {
  const r = await dmeshTest(['--data', 'orders', '--json']);
  const doc = JSON.parse(r.out);
  expect(Object.keys(doc)).toEqual([
    'product',
    'port',
    'contractPath',
    'data',
    'format',
    'threads',
    'elapsedMs',
    'passed',
    'records',
    'complete',
    'rejected',
    'badInput',
    'contract',
    'rules',
    'summary',
    'engine',
    'dialect',
    'placement',
    'streamedRows',
  ]);
  expect(doc).toMatchObject({
    engine: 'sql',
    dialect: 'duckdb',
    contract: { failedRecords: 1 },
    rules: [{ rule: 'unique', failed: 0 }],
  });
  expect(doc.placement).toContainEqual({ check: 'contract /amount minimum', engine: 'sql' });
});

it('dmesh test with the SQL engine: keeps a single file with the streaming engine unless told otherwise', async () => {
  const auto = await dmeshTest(['--data', 'one.parquet', '--json']);
  expect(JSON.parse(auto.out).engine).toBeUndefined();
  const sql = await dmeshTest(['--data', 'one.parquet', '--engine', 'sql', '--json']);
  expect(JSON.parse(sql.out)).toMatchObject({ engine: 'sql', passed: true });
});

it('dmesh test with the SQL engine: prints the statements with --emit-sql and runs nothing', async () => {
  const r = await dmeshTest(['--data', 'orders', '--emit-sql']);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^-- duckdb: main\nSELECT\n {2}count\(\*\) AS records/);
});

it('dmesh test with the SQL engine: tests a postgres:// port in place, credentials from --connection or DMESH_CONNECTION', async () => {
  const withFlag = await dmeshTest(['--json', '--connection', db.url], db.location('orders'));
  if (!withFlag.out) throw new Error(withFlag.err);
  expect(JSON.parse(withFlag.out)).toMatchObject({
    engine: 'sql',
    dialect: 'postgres',
    format: 'postgres',
    records: 2,
    passed: false,
  });
  const withEnv = await dmeshTest(['--json', '--engine', 'stream'], db.location('orders'), {
    DMESH_CONNECTION: db.url,
  });
  expect(JSON.parse(withEnv.out)).toMatchObject({ engine: 'stream', records: 2, contract: { failedRecords: 1 } });
  expect((await dmeshTest(['--emit-sql', '--connection', db.url], db.location('orders'))).out).toMatch(
    /^-- postgres: main/,
  );
});

it('dmesh test --engine sql on JSONL and CSV: DuckDB reads the text, the streaming engine judges it (auto keeps streaming)', async () => {
  const jsonl = JSON.parse((await dmeshTest(['--json', '--data', 'orders.jsonl', '--engine', 'sql'])).out);
  expect(jsonl).toMatchObject({
    engine: 'stream',
    dialect: 'duckdb',
    format: 'jsonl',
    records: 3,
    badInput: { count: 1, examples: [{ line: 3 }] },
    contract: { failedRecords: 1, violations: [{ path: '/amount', keyword: 'type', examples: [{ line: 1 }] }] },
    rules: [{ rule: 'unique', failed: 1 }],
    placement: [{ check: 'contract and rules', engine: 'stream' }],
  });
  expect(['orders.jsonl', 'orders.csv', '*.jsonl'].map((data) => chooseEngine('auto', data, dir))).toEqual([
    'stream',
    'stream',
    'stream',
  ]);
  const csv = JSON.parse((await dmeshTest(['--json', '--data', 'orders.csv', '--engine', 'sql'])).out);
  expect(csv).toMatchObject({ engine: 'stream', format: 'csv', records: 2, contract: { failedRecords: 1 } });
  expect(csv.contract.violations).toEqual([expect.objectContaining({ path: '/amount', keyword: 'minimum' })]);
  expect((await dmeshTest(['--emit-sql', '--data', 'orders.csv', '--engine', 'sql'])).out).toMatch(
    /read_csv\(.*all_varchar = true/,
  );
});

it('dmesh test with the SQL engine: answers bad usage with exit 2 and the fix', async () => {
  const cases: [string[], RegExp][] = [
    [['--data', 'orders', '--engine', 'fast'], /--engine fast: choose auto, stream or sql/],
    [['--data', 'gap.csv', '--engine', 'sql'], /gap.csv: has a blank line; DuckDB's CSV reader skips it/],
    [['--data', 'short.csv', '--engine', 'sql'], /short.csv: DuckDB cannot read the file as text: .*--engine stream/],
    [['--data', '*.jsonl', '--engine', 'sql'], /reads one local JSONL or CSV file/],
    [['--data', 'one.parquet', '--emit-sql', '--engine', 'stream'], /--emit-sql needs the SQL engine/],
    [['--data', 'orders', '--max-rejects', '-1'], /--max-rejects -1: give a whole number/],
    [['--data', 's3://lake/orders/'], /is remote; the SQL engine reads local files only/],
    [['--engine', 'sql'], /--data is required unless the port's location is postgres:/],
  ];
  for (const [args, message] of cases) {
    const r = await dmeshTest(args);
    expect([args, r.code, r.err]).toEqual([args, 2, expect.stringMatching(message)]);
  }
});
