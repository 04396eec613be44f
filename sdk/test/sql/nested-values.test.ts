import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type pg from 'pg';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { compileContract } from '../../src/core/contract/compile.js';
import type { QualityRule } from '../../src/core/quality/types.js';
import { openPostgresEngine } from '../../src/io/sql/postgres-engine.js';
import { postgresRecords, runPostgresStream } from '../../src/io/sql/postgres-stream.js';
import { runSqlTest } from '../../src/io/sql/run-sql-test.js';
import { duckdb, postgresDatabase, tempDir } from './engines.js';
import { parquetRecords, streamVerdict } from './reference.js';

const NOW = new Date('2024-06-01T12:00:00Z');
const dir = tempDir('dmesh-nested-values-');
let duck: DuckDBConnection;
let pgdb: { client: pg.Client; url: string; location: (t: string) => string };
beforeAll(async () => {
  duck = await duckdb();
  pgdb = await postgresDatabase('nested');
});
afterAll(async () => {
  duck.closeSync();
  await pgdb.client.end();
  rmSync(dir, { recursive: true, force: true });
});

/** Every field fails a check, so each record is shown in the report's examples. */
const CONTRACT = {
  type: 'object',
  properties: {
    id: { type: 'integer', 'x-primary-key': true },
    doc: { type: 'string' },
    seen: { type: 'array', items: { type: 'string', 'x-timezone': 'Europe/Oslo', maxLength: 3 } },
    line: {
      type: 'object',
      properties: {
        at: { type: 'string', 'x-timezone': '+02:00', pattern: '^x' },
        price: { type: 'number', multipleOf: 1 },
        qty: { type: 'integer' },
        note: { type: ['string', 'null'] },
      },
      required: ['qty'],
    },
    due: { type: 'object', additionalProperties: { type: 'string', pattern: '^x' } },
    opens: { type: 'string', pattern: '^x' },
    closes: { type: 'string', pattern: '^x', 'x-timezone': '+02:00' },
  },
};

/**
 * Values inside lists, structs, maps and JSON are shown by the SQL engine as
 * the Parquet reader shows them: core/columnar's dates, times and decimals,
 * x-timezone by field path (a zone name too), the null rule inside structs.
 */
it('nested values: the SQL engine shows lists, structs, maps and JSON as the Parquet reader does', async () => {
  const file = join(dir, 'nested.parquet');
  await duck.run(`COPY (
    SELECT 1 AS id, '{"a": 1.50}'::JSON AS doc,
      [TIMESTAMP '2024-01-15 10:00:00.5', TIMESTAMP '2024-07-15 10:00:00.000001', NULL] AS seen,
      {'at': TIMESTAMP '2024-06-01 09:00:00.25', 'price': 12.50::DECIMAL(10,2), 'qty': NULL::INTEGER, 'note': NULL::VARCHAR} AS line,
      MAP {'first': DATE '2024-02-29', 'none': NULL::DATE} AS due, TIMETZ '10:00:00.5+02' AS opens,
      CAST('18:00:00.123456789' AS TIME_NS) AS closes
    UNION ALL SELECT 2, '[1, "b"]'::JSON, [], {'at': NULL, 'price': 0.07::DECIMAL(10,2), 'qty': 3, 'note': 'n'},
      MAP {}::MAP(VARCHAR, DATE), NULL, NULL
  ) TO '${file}' (FORMAT parquet)`);
  const rules: QualityRule[] = [{ rule: 'regex', field: 'line.at', pattern: '^x' }];
  const sql = await runSqlTest({ data: file, cwd: dir, contract: CONTRACT, rules, now: NOW });
  const records = await parquetRecords(file, CONTRACT);
  const stream = streamVerdict(compileContract(CONTRACT), records, rules, NOW);
  expect(records[0]).toMatchObject({
    seen: ['2024-01-15T10:00:00.500+01:00', '2024-07-15T10:00:00.000001+02:00', null],
    line: { at: '2024-06-01T09:00:00.250+02:00', price: 12.5, note: null },
    due: { first: '2024-02-29', none: null },
    opens: '08:00:00.500Z',
    closes: '18:00:00.123456789+02:00',
  });
  expect(sql.report.contract).toEqual(stream.report.contract);
  expect(sql.report.rules).toEqual(stream.report.rules);
});

it('byte arrays: a BYTE_ARRAY decimal is exact, plain byte arrays and map keys are text, in both engines', async () => {
  const file = join(dir, 'bytes.parquet');
  const schema = [
    { name: 'root', num_children: 2 },
    { name: 'id', type: 'INT32', repetition_type: 'REQUIRED' },
    {
      name: 'amount',
      type: 'BYTE_ARRAY',
      repetition_type: 'OPTIONAL',
      converted_type: 'DECIMAL',
      precision: 20,
      scale: 3,
      logical_type: { type: 'DECIMAL', precision: 20, scale: 3 },
    },
  ];
  const columnData = [
    { name: 'id', data: [1, 2] },
    { name: 'amount', data: [-123456789012345678n, 57n] },
  ];
  writeFileSync(file, Buffer.from(parquetWriteBuffer({ schema, columnData } as never)));
  const blobs = join(dir, 'blobs.parquet');
  await duck.run(
    `COPY (SELECT 1 AS id, '\\xC3\\xA9'::BLOB AS raw, MAP {'k'::BLOB: 1} AS counts) TO '${blobs}' (FORMAT parquet)`,
  );
  const contract = { type: 'object', properties: { amount: { const: 0 }, raw: { const: 0 }, counts: { const: 0 } } };
  expect(await parquetRecords(file, contract)).toEqual([
    { id: 1, amount: Number('-123456789012345.678') },
    { id: 2, amount: 0.057 },
  ]);
  expect(await parquetRecords(blobs, contract)).toEqual([{ id: 1, raw: 'é', counts: { k: 1 } }]);
  for (const data of [file, blobs]) {
    const sql = await runSqlTest({ data, cwd: dir, contract, now: NOW });
    const stream = streamVerdict(compileContract(contract), await parquetRecords(data, contract), [], NOW);
    expect(sql.report.contract).toEqual(stream.report.contract);
  }
});

it('arrays of dates, times and timestamps in PostgreSQL: shown as Parquet lists of the same values, in both engines', async () => {
  const contract = {
    type: 'object',
    properties: {
      id: { type: 'integer', 'x-primary-key': true },
      seen: { type: 'array', items: { type: 'string', 'x-timezone': 'Europe/Oslo' }, maxItems: 1 },
      days: { type: 'array', items: { type: 'string', format: 'date-time' } },
      opens: { type: 'array', items: { type: 'string', 'x-timezone': '-05:30', maxLength: 3 } },
    },
  };
  const rows = `SELECT 1 AS id, [TIMESTAMP '2024-01-15 10:00:00.5', NULL, TIMESTAMP '2024-07-15 10:00:00.000001'] AS seen,
    [DATE '2024-02-29', DATE '0044-03-15'] AS days, [TIME '10:00:00', TIME '23:59:59.9995'] AS opens`;
  const file = join(dir, 'lists.parquet');
  await duck.run(`COPY (${rows}) TO '${file}' (FORMAT parquet)`);
  await pgdb.client.query(`CREATE TABLE lists AS SELECT 1 AS id,
    ARRAY['2024-01-15 10:00:00.5', NULL, '2024-07-15 10:00:00.000001']::timestamp[] AS seen,
    ARRAY['2024-02-29', '0044-03-15']::date[] AS days, ARRAY['10:00:00', '23:59:59.9995']::time[] AS opens`);
  const engine = await openPostgresEngine(pgdb.location('lists'), pgdb.url);
  const { sql, records } = postgresRecords(engine, contract, ['"id"']);
  const fromTable = records(await engine.all(sql));
  await engine.close();
  expect(fromTable).toEqual(await parquetRecords(file, contract));
  expect(fromTable[0]).toMatchObject({
    seen: ['2024-01-15T10:00:00.500+01:00', null, '2024-07-15T10:00:00.000001+02:00'],
  });
  const options = { data: pgdb.location('lists'), cwd: dir, contract, now: NOW, connection: pgdb.url };
  const [inSql, inStream] = [await runSqlTest(options), await runPostgresStream(options)];
  expect(inSql.report.contract).toEqual(inStream.report.contract);
  expect(inSql.report.contract.failedRecords).toBe(1);
});
