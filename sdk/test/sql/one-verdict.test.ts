import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import type pg from 'pg';
import type { RejectEntry } from '../../src/core/quality/batch.js';
import type { QualityRule } from '../../src/core/quality/types.js';
import { openPostgresEngine } from '../../src/io/sql/postgres-engine.js';
import { postgresRecords, runPostgresStream } from '../../src/io/sql/postgres-stream.js';
import { runSqlTest } from '../../src/io/sql/run-sql-test.js';
import { duckdb, postgresDatabase, tempDir } from './engines.js';
import { parquetRecords, referenceContract, SHARED_VALIDATOR_IS_DECIMAL, streamVerdict } from './reference.js';
import { dataSet, type DataSet } from './one-verdict-arbitraries.js';

/**
 * One verdict, proven: for generated contracts (the keywords the compiler
 * translates, and some it hands to streaming), quality rules and data with
 * planted violations, the SQL engine over a Parquet file (DuckDB) and over a
 * PostgreSQL table gives exactly the streaming engine's report — counts,
 * violation kinds, examples, rule results — and the same dead letters.
 * DMESH_SQL_PROPERTY_RUNS raises the number of cases (default 40).
 */
const RUNS = Number(process.env.DMESH_SQL_PROPERTY_RUNS ?? 40);
/** DMESH_SQL_PROPERTY_SEED replays a run (fast-check prints the seed of a failing one). */
const SEED = process.env.DMESH_SQL_PROPERTY_SEED ? Number(process.env.DMESH_SQL_PROPERTY_SEED) : undefined;
const NOW = new Date('2024-06-01T12:00:00Z');

let duck: DuckDBConnection;
let pgdb: { client: pg.Client; url: string; location: (t: string) => string };
const dir = tempDir('dmesh-one-verdict-');
beforeAll(async () => {
  duck = await duckdb();
  pgdb = await postgresDatabase('verdict');
});
afterAll(async () => {
  duck.closeSync();
  await pgdb.client.end();
  rmSync(dir, { recursive: true, force: true });
});

/** The report without what only the SQL engine adds (and the dead-letter count, compared entry by entry). */
function comparable(report: object): object {
  const {
    engine: _e,
    dialect: _d,
    placement: _p,
    streamedRows: _s,
    rejected: _r,
    ...rest
  } = report as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest)) as object;
}

/** Dead letters as the reject file holds them (JSON lines: -0 is written 0). */
function asWritten(entries: RejectEntry[]): RejectEntry[] {
  return JSON.parse(JSON.stringify(entries)) as RejectEntry[];
}

function readRejects(file: string): RejectEntry[] {
  const text = readFileSync(file, 'utf8').trim();
  return text ? text.split('\n').map((l) => JSON.parse(l) as RejectEntry) : [];
}

async function writeParquet(data: DataSet, file: string): Promise<void> {
  await duck.run(`COPY (${data.select('duckdb')}) TO '${file}' (FORMAT parquet)`);
}

async function writeTable(data: DataSet, table: string): Promise<void> {
  await pgdb.client.query(`DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} AS ${data.select('postgres')}`);
}

let caseNo = 0;

/** Both verdicts, or the same error from both (the streaming engine's freshness throws on epoch numbers beyond Date's range). */
async function same<T>(reference: () => Promise<T> | T, sqlRun: () => Promise<unknown>): Promise<T | undefined> {
  let expected: T;
  try {
    expected = await reference();
  } catch (err) {
    await expect(sqlRun()).rejects.toThrow((err as Error).message);
    return undefined;
  }
  return expected;
}

async function check(data: DataSet): Promise<void> {
  const n = caseNo++;
  const contract = referenceContract(data.contract);
  const rules = data.rules as QualityRule[];
  // Parquet: DuckDB against the streaming engine's Parquet reader
  const file = join(dir, `case-${n}.parquet`);
  await writeParquet(data, file);
  const records = await parquetRecords(file, data.contract);
  const duckRun = () =>
    runSqlTest({ data: file, cwd: dir, contract: data.contract, rules, now: NOW, rejectFile: `${file}.rejects` });
  const fromParquet = await same(() => streamVerdict(contract, records, rules, NOW), duckRun);
  if (fromParquet) {
    expect(comparable((await duckRun()).report)).toEqual(comparable(fromParquet.report));
    expect(readRejects(`${file}.rejects`)).toEqual(asWritten(fromParquet.rejects));
  }
  // PostgreSQL: the table in place against the streaming engine reading the same table
  const table = `case_${n}`;
  await writeTable(data, table);
  const location = { data: pgdb.location(table), cwd: dir, contract: data.contract, rules, now: NOW };
  const pgRun = () => runSqlTest({ ...location, connection: pgdb.url, rejectFile: join(dir, `${table}.rejects`) });
  const streamRun = () =>
    runPostgresStream({ ...location, connection: pgdb.url, rejectFile: join(dir, `${table}.stream.rejects`) });
  const fromTable = await same(streamRun, pgRun);
  if (fromTable) {
    expect(comparable((await pgRun()).report)).toEqual(comparable(fromTable.report));
    expect(readRejects(join(dir, `${table}.rejects`))).toEqual(readRejects(join(dir, `${table}.stream.rejects`)));
    // one rendering: PostgreSQL's records are the Parquet reader's, value for value
    expect(sameColumns(await tableRecords(location.data, data.contract), data)).toEqual(sameColumns(records, data));
  }
}

/** The records the streaming engine reads from a PostgreSQL table. */
async function tableRecords(location: string, contract: unknown): Promise<Record<string, unknown>[]> {
  const engine = await openPostgresEngine(location, pgdb.url);
  try {
    const { sql, records } = postgresRecords(engine, contract, ['"id"']);
    return records(await engine.all(sql));
  } finally {
    await engine.close();
  }
}

/**
 * Records as both engines must show them: columns PostgreSQL holds rounded
 * left out; doubles as JSON holds them (PostgreSQL's jsonb writes NaN and
 * ±Infinity as strings and -0 as 0, a Parquet reader keeps the JavaScript numbers).
 */
function sameColumns(records: unknown[], data: DataSet): unknown[] {
  return (records as Record<string, unknown>[]).map((record) => {
    const out = { ...record };
    for (const { name, type } of data.columns) {
      if (type.pgRounds) delete out[name];
      else if (typeof out[name] === 'number' && !Number.isFinite(out[name])) out[name] = String(out[name]);
      else if (Object.is(out[name], -0)) out[name] = 0;
    }
    return out;
  });
}

describe('one verdict: SQL engines and the streaming engine', () => {
  it('give the same report and dead letters for generated contracts, rules and data', async () => {
    await fc.assert(fc.asyncProperty(dataSet({ decimalDivisors: SHARED_VALIDATOR_IS_DECIMAL }), check), {
      numRuns: RUNS,
      endOnFailure: true,
      ...(SEED !== undefined && { seed: SEED }),
    });
  }, 900_000);
});
