import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { compileContract } from '../../src/core/contract/compile.js';
import { SqlContractError } from '../../src/core/sql/compile.js';
import { DataFileError } from '../../src/io/data/errors.js';
import { loadDuckDb } from '../../src/io/sql/duckdb-load.js';
import { SqlEngineError } from '../../src/io/sql/engine.js';
import { runSqlTest } from '../../src/io/sql/run-sql-test.js';
import { duckdb, tempDir } from './engines.js';
import { streamVerdict } from './reference.js';

const NOW = new Date('2024-06-01T12:00:00Z');
const dir = tempDir('dmesh-duckdb-engine-');
let duck: DuckDBConnection;

const ORDERS = {
  type: 'object',
  required: ['order_id', 'amount'],
  additionalProperties: false,
  properties: {
    order_id: { type: 'string', 'x-primary-key': true },
    amount: { type: 'number', minimum: 0 },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
  },
};

beforeAll(async () => {
  duck = await duckdb();
  // two months of a hive-partitioned table; the second holds a negative amount and a bad currency
  await duck.run(`COPY (SELECT 'o' || range AS order_id, CAST(range * 1.5 AS DOUBLE) AS amount, 'EUR' AS currency, 2024 AS year,
      CASE WHEN range < 3 THEN 1 ELSE 2 END AS month FROM range(6)
    UNION ALL SELECT 'o9', -1.0, 'eur', 2024, 2)
    TO '${dir}/orders' (FORMAT parquet, PARTITION_BY (year, month))`);
});
afterAll(() => {
  duck.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

// the SQL engine on Parquet (DuckDB)
it('the SQL engine on Parquet (DuckDB): tests a hive-partitioned folder: partition columns named as such, examples with their file and row', async () => {
  const run = await runSqlTest({
    data: join(dir, 'orders'),
    cwd: dir,
    contract: ORDERS,
    rules: [{ rule: 'row_count', min: 1 }],
    now: NOW,
  });
  expect(run.report.records).toBe(7);
  // year and month come from the folder names: not extra properties of the records
  expect(run.report.contract.violations.map((v) => [v.path, v.keyword, v.count])).toEqual([
    ['/amount', 'minimum', 1],
    ['/currency', 'pattern', 1],
  ]);
  const example = run.report.contract.violations[0].examples[0] as { line: number; file?: string };
  expect(example.file).toMatch(/year=2024\/month=2\/.*\.parquet$/);
  expect(example.line).toBe(4);
  expect(run.report.placement.every((p) => p.engine === 'sql')).toBe(true);
});

it('the SQL engine on Parquet (DuckDB): reads globs the same way', async () => {
  const run = await runSqlTest({ data: join(dir, 'orders/**/*.parquet'), cwd: dir, contract: ORDERS, now: NOW });
  expect([run.report.records, run.report.contract.failedRecords]).toEqual([7, 1]);
});

it('the SQL engine on Parquet (DuckDB): judges a column of the wrong type once, from the file schema: one violation kind, no per-row type test', async () => {
  await duck.run(
    `COPY (SELECT 'o' || range AS order_id, CAST(range AS VARCHAR) AS amount FROM range(5)) TO '${dir}/text-amounts.parquet' (FORMAT parquet)`,
  );
  const run = await runSqlTest({
    data: join(dir, 'text-amounts.parquet'),
    cwd: dir,
    contract: ORDERS,
    now: NOW,
    emitOnly: false,
  });
  expect(run.report.contract.violations).toHaveLength(1);
  expect(run.report.contract.violations[0]).toMatchObject({
    path: '/amount',
    keyword: 'type',
    message: 'must be number',
    count: 5,
  });
  const main = run.statements.find((s) => s.label === 'main')!.sql;
  // the type check is the column's non-null count: no typeof-like predicate on the values
  expect(main).toMatch(/\n {4}NOT \("amount" IS NULL\) AS __dmesh_f\d+/);
  expect(main).not.toContain('minimum');
});

it('the SQL engine on Parquet (DuckDB): writes dead letters with file and row, capped by maxRejects, and says so', async () => {
  const rejectFile = join(dir, 'rejects.jsonl');
  const contract = { ...ORDERS, properties: { ...ORDERS.properties, amount: { type: 'number', minimum: 100 } } };
  const run = await runSqlTest({
    data: join(dir, 'orders'),
    cwd: dir,
    contract,
    now: NOW,
    rejectFile,
    maxRejects: 3,
  });
  const lines = readFileSync(rejectFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatchObject({
    line: 1,
    file: expect.stringMatching(/month=1/),
    reasons: [{ rule: 'contract', path: '/amount', keyword: 'minimum' }],
  });
  expect(run.note).toMatch(/first 3 rejected rows; raise --max-rejects/);
  expect(run.report.rejected).toBe(3);
});

it('the SQL engine on Parquet (DuckDB): prints its statements without running them (--emit-sql)', async () => {
  const run = await runSqlTest({
    data: join(dir, 'orders'),
    cwd: dir,
    contract: ORDERS,
    rules: [{ rule: 'unique', field: 'order_id' }],
    now: NOW,
    emitOnly: true,
  });
  expect(run.statements.map((s) => s.label)).toEqual(['main']);
  expect(run.statements[0].sql).toMatch(
    /^SELECT\n {2}count\(\*\) AS records,[\s\S]*FROM \(SELECT \*, file_index AS __dmesh_file_index/,
  );
  expect(run.report.records).toBe(0);
});

it('the SQL engine on Parquet (DuckDB): shows a timestamp without time zone without an offset, so it is no date-time unless x-timezone names its zone (an offset or a zone name)', async () => {
  await duck.run(
    `COPY (SELECT 'o1' AS order_id, TIMESTAMP '2024-06-01 10:00:00.5' AS at) TO '${dir}/naive.parquet' (FORMAT parquet)`,
  );
  const contract = (tz?: string) => ({
    type: 'object',
    properties: {
      order_id: { type: 'string' },
      at: { type: 'string', format: 'date-time', ...(tz && { 'x-timezone': tz }) },
    },
  });
  const bare = await runSqlTest({ data: join(dir, 'naive.parquet'), cwd: dir, contract: contract(), now: NOW });
  expect(bare.report.contract.violations[0].examples[0].record).toEqual({
    order_id: 'o1',
    at: '2024-06-01T10:00:00.500',
  });
  const zoned = await runSqlTest({
    data: join(dir, 'naive.parquet'),
    cwd: dir,
    contract: contract('+02:00'),
    rules: [{ rule: 'freshness', field: 'at', maxAge: 'PT4H' }],
    now: NOW,
  });
  expect(zoned.report.passed).toBe(true);
  expect(zoned.report.rules[0].newest).toBe('2024-06-01T08:00:00.500Z');
  // a zone name: each time's offset from the time-zone database, as the streaming reader gives it
  const berlin = await runSqlTest({
    data: join(dir, 'naive.parquet'),
    cwd: dir,
    contract: {
      ...contract('Europe/Berlin'),
      properties: { at: { type: 'string', maxLength: 3, 'x-timezone': 'Europe/Berlin' } },
    },
    rules: [{ rule: 'freshness', field: 'at', maxAge: 'PT4H' }],
    now: NOW,
  });
  expect(berlin.report.contract.violations[0].examples[0].record).toEqual({
    order_id: 'o1',
    at: '2024-06-01T10:00:00.500+02:00',
  });
  expect(berlin.report.rules[0].newest).toBe('2024-06-01T08:00:00.500Z');
  await expect(
    runSqlTest({ data: join(dir, 'naive.parquet'), cwd: dir, contract: contract('Mars/Olympus'), now: NOW }),
  ).rejects.toThrow(/x-timezone of at is "Mars\/Olympus"; write "UTC", an offset such as "\+02:00", or an IANA zone/);
  await expect(
    runSqlTest({ data: join(dir, 'naive.parquet'), cwd: dir, contract: contract('Mars/Olympus'), now: NOW }),
  ).rejects.toThrow(SqlContractError);
});

it('the SQL engine on Parquet (DuckDB): reads text timestamps as the streaming engine does: canonical UTC in SQL, the rest parsed by JavaScript', async () => {
  const values = [
    '2024-05-31T10:00:00Z',
    '2024-06-01T09:00:00.123456Z',
    '2024-06-01',
    '2024-02-30T10:00:00Z',
    'soon',
    '2024-06-01 11:00:00+01:00',
  ];
  await duck.run(
    `COPY (SELECT * FROM (VALUES ${values.map((v, i) => `(${i}, '${v}')`).join(', ')}) t(n, seen_at)) TO '${dir}/text-times.parquet' (FORMAT parquet)`,
  );
  const rules = [{ rule: 'freshness' as const, field: 'seen_at', maxAge: 'PT2H' }];
  const contract = { type: 'object' };
  const run = await runSqlTest({ data: join(dir, 'text-times.parquet'), cwd: dir, contract, rules, now: NOW });
  const records = values.map((seen_at, n) => ({ n, seen_at }));
  const reference = streamVerdict(compileContract(contract), records, rules, NOW);
  expect(run.report.rules).toEqual(reference.report.rules);
  expect(run.report.placement.find((p) => p.check.startsWith('rule freshness'))).toMatchObject({
    engine: 'sql+stream',
  });
  expect(run.report.streamedRows).toBe(3);
});

it('the SQL engine on Parquet (DuckDB): joins relationship rules with reference data read by the streaming reader', async () => {
  const ref = join(dir, 'profiles.jsonl');
  writeFileSync(ref, '{"customer_id":"o1"}\n{"customer_id":"o2"}\n');
  const rules = [{ rule: 'relationship' as const, field: 'order_id', ref: 'customers.profiles/profiles#customer_id' }];
  const run = await runSqlTest({
    data: join(dir, 'orders'),
    cwd: dir,
    contract: { type: 'object' },
    rules,
    refData: { 'customers.profiles/profiles': ref },
    now: NOW,
  });
  expect(run.report.rules[0]).toMatchObject({ checked: 7, failed: 5 });
  expect(run.report.rules[0].examples[0].message).toBe(
    'order_id o0 is not among the customer_id values of customers.profiles/profiles',
  );
  await expect(
    runSqlTest({ data: join(dir, 'orders'), cwd: dir, contract: { type: 'object' }, rules, now: NOW }),
  ).rejects.toThrow(/pass --ref-data customers.profiles\/profiles=<file>/);
});

it('the SQL engine on Parquet (DuckDB): refuses remote data, missing files and reserved column names with what to do', async () => {
  await expect(runSqlTest({ data: 's3://lake/orders/', cwd: dir, contract: ORDERS })).rejects.toThrow(DataFileError);
  await expect(runSqlTest({ data: 'https://example.com/o.parquet', cwd: dir, contract: ORDERS })).rejects.toThrow(
    /is remote; the SQL engine reads local files only/,
  );
  await expect(runSqlTest({ data: join(dir, 'nothing/*.parquet'), cwd: dir, contract: ORDERS })).rejects.toThrow(
    /matches no files/,
  );
  await duck.run(`COPY (SELECT 1 AS filename) TO '${dir}/clash.parquet' (FORMAT parquet)`);
  await expect(runSqlTest({ data: join(dir, 'clash.parquet'), cwd: dir, contract: ORDERS })).rejects.toThrow(
    /named "filename", which DuckDB reserves/,
  );
});

it('the SQL engine on Parquet (DuckDB): says how to install DuckDB when the optional package is missing', async () => {
  const missing = () =>
    Promise.reject(new Error("Cannot find package '@duckdb/node-api' imported from /app/node_modules/@dmesh/sdk"));
  await expect(loadDuckDb(missing)).rejects.toThrow(SqlEngineError);
  await expect(loadDuckDb(missing)).rejects.toThrow(
    /npm i @duckdb\/node-api@1\.5\.6-r\.1 .* or test with --engine stream/,
  );
  expect(existsSync(join(dir, 'orders'))).toBe(true);
  mkdirSync(join(dir, 'unused'), { recursive: true });
});
