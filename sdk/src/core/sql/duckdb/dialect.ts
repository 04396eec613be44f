import type { SqlDialect } from '../dialect.js';
import { isPlainAscii, type RegexSyntax } from '../regex/emit.js';
import type { RegexNode } from '../regex/parse.js';
import { duckdbView } from './views.js';

/** Columns the DuckDB relation adds to every row (see `parquetRelation`). */
export const DUCKDB_ROW = { fileIndex: '__dmesh_file_index', row: '__dmesh_row', file: '__dmesh_file' } as const;

/** RE2, as DuckDB's regexp_matches runs it (no multi-line, `.` without newlines, which we never emit). */
const RE2: RegexSyntax = {
  maxRepeat: 1000,
  char: (cp) => (isPlainAscii(cp) ? String.fromCodePoint(cp) : `\\x{${cp.toString(16)}}`),
  // \B is declined: RE2 also tests it between the bytes of a UTF-8 character, JavaScript between
  // the halves of a surrogate pair; the three disagree on non-ASCII text
  wordBoundary: (negated) => (negated ? undefined : '\\b'),
  nothing: '[^\\x{0}-\\x{10ffff}]',
  whole: (node, pattern) => (misreadByLikeRewrite(node) ? `(${pattern})` : pattern),
};

/**
 * DuckDB rewrites a regexp_matches pattern that is a concatenation of literals
 * and anchors into LIKE, ignoring where the anchors stand (`$a` becomes
 * `a%`, `^^` becomes `''`). Such a pattern is wrapped in a group, which the
 * rewrite leaves alone and RE2 matches the same way.
 */
function misreadByLikeRewrite(node: RegexNode): boolean {
  // translated groups do not capture, so RE2 sees one concatenation through them
  const flat = (n: RegexNode): RegexNode[] =>
    n.t === 'seq' ? n.items.flatMap(flat) : n.t === 'capture' && n.body.t !== 'alt' ? flat(n.body) : [n];
  const items = flat(node);
  return items.some(
    (item, i) =>
      item.t === 'assert' && !((item.kind === 'start' && i === 0) || (item.kind === 'end' && i === items.length - 1)),
  );
}

/** A row's position: its file's index (in DuckDB's sorted file list) and its row number there. */
const ORDER = `(${DUCKDB_ROW.fileIndex} * 1099511627776 + ${DUCKDB_ROW.row})`;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const string = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * What the engine reads back for a column: the column itself (DuckDB's client
 * hands over typed values — days, microseconds, unscaled decimals, lists and
 * structs — which `io/sql/duckdb-values.ts` presents with `core/columnar`),
 * UUID and JSON as text.
 */
function duckdbFetch(column: string, nativeType: string): string {
  const type = nativeType.toUpperCase();
  if (type === 'UUID' || type === 'JSON') return `CAST(${column} AS VARCHAR)`;
  return column;
}

export const duckdbDialect: SqlDialect = {
  name: 'duckdb',
  ident,
  string,
  // from text: a numeric literal would be read as DECIMAL or HUGEINT first, and rounded twice on its way to DOUBLE
  number: (value) => `CAST('${String(value)}' AS DOUBLE)`,
  wallClock: (nativeType) => /^(TIMESTAMP(_S|_MS|_NS)?|TIME(_NS)?)$/i.test(nativeType),
  view: duckdbView,
  fetch: duckdbFetch,
  regex: RE2,
  regexMatch: (text, pattern) => `regexp_matches(${text}, ${string(pattern)})`,
  charLength: (text) => `length(${text})`,
  regexGroup: (text, pattern, group) => `regexp_extract(${text}, ${string(pattern)}, ${group})`,
  substring: (text, from, length) => `substr(${text}, ${from}, ${length})`,
  toInteger: (text) => `TRY_CAST(${text} AS BIGINT)`,
  toDouble: (text) => `TRY_CAST(${text} AS DOUBLE)`,
  // integer floor division: a double would round microseconds past 2^53 (years beyond 2255)
  isoUtcMs: (text) =>
    `list_transform([epoch_us(CAST(rtrim(${text}, 'Z') AS TIMESTAMP))], us -> (us - ((us % 1000) + 1000) % 1000) // 1000)[1]`,
  countIf: (cond) => `count(*) FILTER (WHERE ${cond})`,
  firstPositions: (cond, id, n) => `min_by(${id.position}, ${id.order}, ${n}) FILTER (WHERE ${cond})`,
  countDistinct: (key) => `count(DISTINCT ${key})`,
  positionOfMax: (value, id, cond) => `arg_min(${id.position}, (-(${value}), ${id.order})) FILTER (WHERE ${cond})`,
  identity: () => ({
    order: ORDER,
    position: ORDER,
    positionIn: (positions) => (positions.length ? `${ORDER} IN (${positions.map(String).join(', ')})` : 'FALSE'),
    line: `(${DUCKDB_ROW.row} + 1)`,
    file: DUCKDB_ROW.file,
  }),
};

/** Local Parquet files (paths already checked by the engine) as one relation with each row's file and position. */
export function parquetRelation(paths: string[], hivePartitioning: boolean): string {
  const list = `[${paths.map(string).join(', ')}]`;
  return (
    `(SELECT *, file_index AS ${DUCKDB_ROW.fileIndex}, file_row_number AS ${DUCKDB_ROW.row}, filename AS ${DUCKDB_ROW.file} ` +
    `FROM read_parquet(${list}, union_by_name = true, hive_partitioning = ${hivePartitioning}))`
  );
}
