import type { DuckDBConnection } from '@duckdb/node-api';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duckdbDialect, parquetRelation } from '../../core/sql/duckdb/dialect.js';
import type { SourceColumn } from '../../core/sql/fields.js';
import { DataFileError } from '../data/errors.js';
import { loadDuckDb } from './duckdb-load.js';
import { duckdbToJson, plain } from './duckdb-values.js';
import { SqlEngineError, type SqlEngine } from './engine.js';
import { checkParquetFidelity } from './parquet-fidelity.js';
import { hiveKeys, resolveParquetSource } from './parquet-source.js';

type Connection = DuckDBConnection;

/**
 * DuckDB, embedded, for local Parquet files, globs and hive-partitioned
 * folders. Extensions are never installed or loaded on demand (the Parquet and
 * JSON readers are built in), so DuckDB reaches no network.
 */
export async function openParquetEngine(data: string, cwd: string): Promise<SqlEngine> {
  const { DuckDBInstance } = await loadDuckDb();
  const source = resolveParquetSource(data, cwd);
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
    temp_directory: join(tmpdir(), `dmesh-duckdb-${process.pid}`),
  });
  const conn = await instance.connect();
  try {
    const files = (await conn.runAndReadAll(`SELECT file FROM glob(${duckdbDialect.string(source.pattern)})`))
      .getRows()
      .map((r) => String(r[0]));
    if (files.length === 0)
      throw new DataFileError(source.label, 'matches no files', 'check the path or glob given to --data');
    const partitions = hiveKeys(source.pattern, files);
    const relation = parquetRelation([source.pattern], partitions.length > 0);
    const columns = await describe(conn, relation, partitions, source.label);
    await checkParquetFidelity(conn, files, source.label);
    const threads = Number((await conn.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0]);
    return engine(conn, () => instance.closeSync(), {
      threads,
      relation,
      columns,
      label: source.label,
      multiFile: files.length > 1,
    });
  } catch (err) {
    conn.closeSync();
    instance.closeSync();
    throw err;
  }
}

const VIRTUAL = ['filename', 'file_row_number', 'file_index'];

async function describe(
  conn: Connection,
  relation: string,
  partitions: string[],
  label: string,
): Promise<SourceColumn[]> {
  let rows: unknown[][];
  try {
    rows = (
      await conn.runAndReadAll(
        `DESCRIBE SELECT * EXCLUDE (__dmesh_file_index, __dmesh_row, __dmesh_file) FROM ${relation}`,
      )
    ).getRows();
  } catch (err) {
    throw new DataFileError(
      label,
      `is not readable Parquet: ${(err as Error).message.split('\n')[0]}`,
      'check the files given to --data',
    );
  }
  const columns = rows.map(([name, type]) => ({
    name: String(name),
    nativeType: String(type),
    ...(partitions.includes(String(name)) && { partition: true }),
  }));
  const clash = columns.find((c) => VIRTUAL.includes(c.name));
  if (clash)
    throw new SqlEngineError(
      `${label}: a column is named "${clash.name}", which DuckDB reserves for row positions; rename it, or test with --engine stream`,
    );
  return columns;
}

function engine(
  conn: Connection,
  closeInstance: () => void,
  source: { relation: string; columns: SourceColumn[]; label: string; multiFile: boolean; threads: number },
): SqlEngine {
  let refs = 0;
  return {
    dialect: duckdbDialect,
    format: 'parquet',
    ...source,
    identity: (pk) => duckdbDialect.identity(pk),
    async all(sql) {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjects().map((row) => plain({ entries: row }) as Record<string, unknown>);
    },
    async each(sql, onRows) {
      const result = await conn.stream(sql);
      const names = result.columnNames();
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk())
        onRows(chunk.getRowObjects(names).map((row) => plain({ entries: row }) as Record<string, unknown>));
    },
    toJson: duckdbToJson,
    async registerKeys(keys) {
      const table = `__dmesh_ref_${refs++}`;
      await conn.run(`CREATE TEMP TABLE ${table} (k VARCHAR)`);
      const appender = await conn.createAppender(table);
      for (const k of keys) {
        appender.appendVarchar(k);
        appender.endRow();
      }
      appender.closeSync();
      return table;
    },
    async close() {
      conn.closeSync();
      closeInstance();
    },
  };
}
