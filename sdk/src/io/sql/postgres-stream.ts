import { compileContract } from '../../core/contract/compile.js';
import { BatchEvaluator } from '../../core/quality/batch.js';
import { DataTestRun } from '../../core/quality/run.js';
import type { QualityRule } from '../../core/quality/types.js';
import { readingContract } from '../../core/sql/compile.js';
import { buildField, fieldContext } from '../../core/sql/fields.js';
import { postgresDialect } from '../../core/sql/postgres/dialect.js';
import { recordOf } from '../../core/sql/rows.js';
import { RejectWriter } from '../data/reject-writer.js';
import type { SqlEngine } from './engine.js';
import { openPostgresEngine } from './postgres-engine.js';
import { postgresToJson } from './postgres-values.js';
import { primaryKeyOf } from './primary-key.js';
import { loadRelationshipKeys } from './refs.js';
import type { SqlTestRunResult } from './run-sql-test.js';

export interface PostgresStreamOptions {
  data: string;
  contract: unknown;
  rules?: QualityRule[];
  refData?: Record<string, string>;
  connection?: string;
  rejectFile?: string;
  now?: Date;
}

/**
 * `dmesh test --engine stream` on a PostgreSQL port: every row is read out in
 * primary-key order, each column presented as the same Parquet logical type
 * (`postgresFetch`, `postgres-values.ts`: `core/columnar`) with the columnar
 * null rule (`core/quality/null-fields.ts`), and judged by the streaming
 * engine's core. The reference the SQL engine's verdict is proven equal to.
 */
export async function runPostgresStream(options: PostgresStreamOptions): Promise<SqlTestRunResult> {
  const started = Date.now();
  const compiled = compileContract(options.contract);
  const rules = options.rules ?? [];
  const refValues = await loadRelationshipKeys(rules, options.refData ?? {});
  const engine = await openPostgresEngine(options.data, options.connection);
  const writer = options.rejectFile ? new RejectWriter(options.rejectFile) : undefined;
  try {
    const pk = primaryKeyOf(options.contract, true, engine.label).map(postgresDialect.ident);
    const evaluator = new BatchEvaluator(compiled.validate, rules, { collectRejects: Boolean(writer) });
    const run = new DataTestRun(rules, {
      contractHash: compiled.hash,
      refValues: (d, f) => refValues.get(`${d}#${f}`),
      collectRejects: Boolean(writer),
    });
    const { sql, records } = postgresRecords(engine, options.contract, pk);
    let line = 1;
    await engine.each(sql, (rows) => {
      const batch = records(rows);
      const first = line;
      for (const record of batch) evaluator.observeRecord(record, line++);
      // merged whether or not there is a reject file (`writer?.write(run.merge(…))` would skip the merge)
      const rejected = run.merge(evaluator.take(), (l) => batch[l - first]);
      writer?.write(rejected);
    });
    writer?.commit();
    const report = run.report(options.now ?? new Date());
    return {
      report: {
        ...report,
        engine: 'stream',
        dialect: 'postgres',
        placement: [{ check: 'contract and rules', engine: 'stream' }],
        streamedRows: report.records,
      },
      data: engine.label,
      format: 'postgres',
      threads: 1,
      elapsedMs: Date.now() - started,
      statements: [{ label: 'rows', sql }],
    };
  } catch (err) {
    writer?.abort();
    throw err;
  } finally {
    await engine.close();
  }
}

/**
 * The statement reading every row of the table in key order (each column as
 * `postgresFetch` reads it), and how its rows become the records the streaming
 * engine judges; an unknown `x-timezone` is the contract's (`SqlContractError`, exit 2).
 */
export function postgresRecords(engine: SqlEngine, contract: unknown, orderBy: string[]) {
  const d = postgresDialect;
  const ctx = fieldContext(contract);
  const fields = readingContract(() => engine.columns.map((c) => buildField(c.name, c, d, ctx)));
  const cols = fields.map((f, i) => `${d.fetch(f.ref, f.column!.nativeType, {})} AS f${i}`);
  const sql = `SELECT ${cols.join(', ')} FROM ${engine.relation} AS __dmesh_t ORDER BY ${orderBy.join(', ')}`;
  const values = (row: Record<string, unknown>) => fields.map((f, i) => postgresToJson(row[`f${i}`], f, ctx));
  return { sql, records: (rows: Record<string, unknown>[]) => rows.map((row) => recordOf(fields, values(row))) };
}
