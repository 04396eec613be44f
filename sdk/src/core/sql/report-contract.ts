import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { groupPath, type ViolationGroup } from '../quality/contract-violations.js';
import { MAX_EXAMPLES } from '../quality/result.js';
import type { CompiledSqlTest } from './compile.js';
import { count, positions, type ShownRow, type SqlEvidence } from './evidence.js';
import { positionKey } from './rows.js';
import { alias } from './statements.js';

interface Example {
  ord: number;
  line: number;
  file?: string;
  path: string;
  message: string;
  record: unknown;
}

interface Group {
  path: string;
  keyword: string;
  count: number;
  examples: Example[];
}

/** Raised when SQL and the compiled validator disagree about a row: a bug to report, never a silent verdict. */
export class SqlVerdictMismatch extends Error {}

/**
 * The contract part of the report: SQL's counts and first rows per violation
 * kind, and the streaming pass's, merged. Messages and paths come from the
 * compiled validator run on each example record, so they read exactly as the
 * streaming engine's; kinds are listed in the order the streaming engine meets
 * them (first row, then ajv's order within that row).
 */
export function contractGroups(
  t: CompiledSqlTest,
  ev: SqlEvidence,
  validate: ValidateFunction,
  showFile: boolean,
): ViolationGroup[] {
  const errorsOf = memoErrors(validate);
  const groups = new Map<string, Group>();
  const add = (path: string, keyword: string, n: number, examples: Example[]) => {
    const key = `${path} ${keyword}`;
    const g = groups.get(key) ?? { path, keyword, count: 0, examples: [] };
    g.count += n;
    g.examples = [...g.examples, ...examples].sort((a, b) => a.ord - b.ord).slice(0, MAX_EXAMPLES);
    groups.set(key, g);
  };
  t.contractPlan.checks.forEach((c, i) => {
    const n = count(ev.main, alias.group(i));
    if (n === 0) return;
    const rows = positions(ev.main, alias.groupAt(i)).map((p) => shownRow(ev, p));
    add(
      c.path,
      c.keyword,
      n,
      rows.map((row) => example(row, findError(errorsOf(row.record), c.path, c.keyword, row))),
    );
  });
  for (const seen of ev.stream?.violations.values() ?? []) {
    // the pass fetched only the columns it judges: the example shows the whole record, read back
    const examples = seen.examples.map(({ row, error }) => example(shownRow(ev, row.position), error));
    add(seen.path, seen.keyword, seen.count, examples);
  }
  return ordered([...groups.values()], errorsOf, showFile);
}

/** Kinds in the order the streaming engine meets them: by first row, then ajv's order within that row. */
function ordered(groups: Group[], errorsOf: (record: unknown) => ErrorObject[], showFile: boolean): ViolationGroup[] {
  const rank = (g: Group) => {
    const first = g.examples[0];
    const index = errorsOf(first.record).findIndex(
      (e) => groupPath(e.instancePath) === g.path && e.keyword === g.keyword,
    );
    return [first.ord, index] as const;
  };
  return groups
    .sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0] - y[0] || x[1] - y[1];
    })
    .map((g) => ({
      path: g.path,
      keyword: g.keyword,
      message: g.examples[0].message,
      count: g.count,
      examples: g.examples.map((e) => ({
        line: e.line,
        ...(showFile && e.file && { file: e.file }),
        path: e.path,
        message: e.message,
        record: e.record,
      })),
    }));
}

export function shownRow(ev: SqlEvidence, position: unknown): ShownRow {
  const row = ev.shown.get(positionKey(position));
  if (!row) throw new SqlVerdictMismatch(`the row at position ${positionKey(position)} was not read back`);
  return row;
}

function example(row: ShownRow, e: ErrorObject): Example {
  return {
    ord: row.ord,
    line: row.line,
    ...(row.file && { file: row.file }),
    path: e.instancePath || '/',
    message: e.message ?? e.keyword,
    record: row.record,
  };
}

function findError(errors: ErrorObject[], path: string, keyword: string, row: ShownRow): ErrorObject {
  const e = errors.find((x) => groupPath(x.instancePath) === path && x.keyword === keyword);
  if (!e)
    throw new SqlVerdictMismatch(
      `SQL found "${path} ${keyword}" at line ${row.line}${row.file ? ` of ${row.file}` : ''}, the validator does not: ${JSON.stringify(row.record)}`,
    );
  return e;
}

function memoErrors(validate: ValidateFunction): (record: unknown) => ErrorObject[] {
  const cache = new WeakMap<object, ErrorObject[]>();
  return (record) => {
    const hit = cache.get(record as object);
    if (hit) return hit;
    const errors = validate(record) ? [] : [...(validate.errors ?? [])];
    cache.set(record as object, errors);
    return errors;
  };
}
