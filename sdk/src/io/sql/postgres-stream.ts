import { compileContract } from '../../core/contract/compile.js';
import { BatchEvaluator } from '../../core/quality/batch.js';
import { DataTestRun } from '../../core/quality/run.js';
import type { QualityRule } from '../../core/quality/types.js';
import { declaredTypes, type SourceColumn } from '../../core/sql/fields.js';
import { parseTimezone } from '../../core/sql/timezone.js';
import { postgresDialect } from '../../core/sql/postgres/dialect.js';
import { RejectWriter } from '../data/reject-writer.js';
import { openPostgresEngine } from './postgres-engine.js';
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
 * primary-key order as `row_to_json(row)` (with the columnar null rule of
 * `core/sql/fields.ts`) and judged by the streaming engine's core. The
 * reference the SQL engine's verdict is proven equal to.
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
    const props = (options.contract as { properties?: Record<string, unknown> }).properties ?? {};
    const offsets = zonedColumns(engine.columns, props);
    const sql = `SELECT row_to_json(__dmesh_t) AS r FROM ${engine.relation} AS __dmesh_t ORDER BY ${pk.join(', ')}`;
    let line = 1;
    await engine.each(sql, (rows) => {
      const records = rows.map((row) => columnar(withOffsets(row.r as Record<string, unknown>, offsets), props));
      const first = line;
      for (const record of records) evaluator.observeRecord(record, line++);
      // merged whether or not there is a reject file (`writer?.write(run.merge(…))` would skip the merge)
      const rejected = run.merge(evaluator.take(), (l) => records[l - first]);
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

/** `timestamp without time zone` columns whose property has `x-timezone`, with the offset each is shown with. */
function zonedColumns(columns: SourceColumn[], props: Record<string, unknown>): Map<string, string> {
  const zoned = new Map<string, string>();
  for (const c of columns) {
    const offset = parseTimezone((props[c.name] as Record<string, unknown> | undefined)?.['x-timezone']);
    if (offset && /^timestamp(\(\d\))? without time zone$/.test(c.nativeType)) zoned.set(c.name, offset.suffix);
  }
  return zoned;
}

/** A finite wall-clock time gets its column's offset (`infinity` stays as it is), as the SQL views show it. */
function withOffsets(record: Record<string, unknown>, offsets: Map<string, string>): Record<string, unknown> {
  for (const [name, suffix] of offsets) {
    const value = record[name];
    if (typeof value === 'string' && !value.endsWith('infinity')) record[name] = value + suffix;
  }
  return record;
}

/** A NULL stays null where the property admits null, and is absent otherwise. */
function columnar(record: Record<string, unknown>, props: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(record)) {
    if (value === null && !declaredTypes(props[key])?.has('null')) delete record[key];
  }
  return record;
}
