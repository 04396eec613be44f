import type { CompiledSqlTest } from '../../core/sql/compile.js';
import type { Field } from '../../core/sql/fields.js';
import { recordOf, type FetchedRow } from '../../core/sql/rows.js';
import type { ShownRow } from '../../core/sql/evidence.js';
import { ROW, streamFlags } from '../../core/sql/statements.js';
import type { SqlEngine } from './engine.js';

/** A result row of a row-returning statement (`statements.ts`) as the core reads it. */
export function fetchedRow(
  t: CompiledSqlTest,
  engine: SqlEngine,
  row: Record<string, unknown>,
  fields: Field[],
): FetchedRow {
  const position = row[ROW.position];
  const line = Number(row[ROW.line]);
  const flags: Record<string, boolean> = {};
  for (const f of streamFlags(t)) if (f.name in row) flags[f.name] = row[f.name] === true;
  return {
    position,
    // DuckDB's position is its order (file index, row); PostgreSQL's rows are ordered by line (rank by key)
    ord: t.identity.line ? Number(position) : line,
    line,
    ...(typeof row[ROW.file] === 'string' && { file: row[ROW.file] as string }),
    values: fields.map((f, i) => engine.toJson(row[`f${i}`], f, t.fieldContext)),
    flags,
  };
}

export function shownRowOf(t: CompiledSqlTest, engine: SqlEngine, row: Record<string, unknown>): ShownRow {
  const r = fetchedRow(t, engine, row, t.recordFields);
  return {
    position: r.position,
    ord: r.ord,
    line: r.line,
    ...(r.file && { file: r.file }),
    record: recordOf(t.recordFields, r.values),
  };
}
