import { MAX_EXAMPLES } from '../quality/result.js';
import type { UniqueRule } from '../quality/types.js';
import type { CompiledSqlTest } from './compile.js';
import { and, not, or, sql, type Cond } from './cond.js';
import type { RowIdentity } from './dialect.js';
import type { Field } from './fields.js';

/**
 * The statements a compiled data test runs, as text (`dmesh test --emit-sql`
 * prints them). One aggregate statement scans the data once; the others run
 * only when there is something to show: the records of the first failing rows,
 * the rows the streaming engine must judge, the dead letters.
 */
export const ROW = {
  position: '__dmesh_pos',
  line: '__dmesh_line',
  file: '__dmesh_file_name',
  ord: '__dmesh_ord',
} as const;

/** Column aliases of the main statement's one result row. */
export const alias = {
  group: (i: number) => `g${i}`,
  groupAt: (i: number) => `g${i}_at`,
  rule: (j: number, what: 'checked' | 'failed' | 'at' | 'distinct' | 'max' | 'max_at') => `r${j}_${what}`,
};

/**
 * Row conditions computed once per row in the inner select, named there; the
 * aggregates above test the names (a condition used by a count, its first
 * rows, `failed` and `complete` is evaluated once, not four times).
 */
class RowFlags {
  readonly columns: string[] = [];
  private readonly names = new Map<string, string>();

  flag(cond: Cond): Cond {
    if (typeof cond === 'boolean') return cond;
    let name = this.names.get(cond);
    if (!name) {
      name = `__dmesh_f${this.names.size}`;
      this.names.set(cond, name);
      this.columns.push(`${cond} AS ${name}`);
    }
    return name;
  }

  value(expr: string, name: string): string {
    this.columns.push(`${expr} AS ${name}`);
    return name;
  }
}

/**
 * The one scan: counts, first failing rows (where the dialect aggregates them),
 * distinct keys, maxima. The dialect's fence keeps a planner from folding the
 * inner select into the aggregates (PostgreSQL would then evaluate each
 * condition once per reference again).
 */
export function mainStatement(t: CompiledSqlTest): string {
  const { d } = t;
  const f = new RowFlags();
  const at: RowIdentity = { ...t.identity, position: ROW.position, order: ROW.ord };
  const first = (cond: Cond, name: string) =>
    d.firstPositions ? [`${d.firstPositions(sql(f.flag(cond)), at, MAX_EXAMPLES)} AS ${name}`] : [];
  const cols = ['count(*) AS records'];
  t.contractPlan.checks.forEach((c, i) => {
    cols.push(`${d.countIf(sql(f.flag(c.fails)))} AS ${alias.group(i)}`, ...first(c.fails, alias.groupAt(i)));
  });
  const fetch = f.flag(t.fetch);
  const contractFails = or(...t.contractPlan.checks.map((c) => f.flag(c.fails)));
  const notNullFails = f.flag(t.notNullFails);
  cols.push(`${d.countIf(sql(and(not(fetch), contractFails)))} AS failed`);
  cols.push(`${d.countIf(sql(and(not(fetch), not(contractFails), not(notNullFails))))} AS complete`);
  cols.push(`${d.countIf(sql(fetch))} AS fetched`);
  t.rulePlans.forEach((p, j) => cols.push(...ruleAggregates(t, p, j, f, first)));
  const inner = [
    `${t.identity.position} AS ${ROW.position}`,
    ...(d.firstPositions ? [`${t.identity.line ? t.identity.order : t.identity.position} AS ${ROW.ord}`] : []),
    ...f.columns,
  ];
  return `SELECT\n  ${cols.join(',\n  ')}\nFROM (SELECT ${inner.join(',\n    ')}\n  FROM ${t.relation} AS __dmesh_rows${d.subqueryFence ?? ''}) AS __dmesh_flags`;
}

function ruleAggregates(
  t: CompiledSqlTest,
  p: CompiledSqlTest['rulePlans'][number],
  j: number,
  f: RowFlags,
  first: (cond: Cond, name: string) => string[],
): string[] {
  const { d } = t;
  const count = (cond: Cond, what: 'checked' | 'failed') => `${d.countIf(sql(f.flag(cond)))} AS ${alias.rule(j, what)}`;
  if (p.kind === 'count') {
    const fails = and(p.fails, not(p.undecided));
    return [
      count(and(p.checked, not(p.undecided)), 'checked'),
      count(fails, 'failed'),
      ...first(fails, alias.rule(j, 'at')),
    ];
  }
  if (p.kind === 'unique') {
    const key = f.value(p.key, `__dmesh_k${j}`);
    return [
      count(p.checked, 'checked'),
      `${d.countDistinct(key)} FILTER (WHERE ${sql(f.flag(p.checked))}) AS ${alias.rule(j, 'distinct')}`,
    ];
  }
  if (p.kind !== 'freshness') return [];
  const ms = f.value(p.ms, `__dmesh_m${j}`);
  const valid = sql(f.flag(p.valid));
  const at: RowIdentity = { ...t.identity, position: ROW.position, order: ROW.ord };
  return [
    count(or(p.valid, p.invalid), 'checked'),
    count(p.invalid, 'failed'),
    ...first(p.invalid, alias.rule(j, 'at')),
    `max(${ms}) FILTER (WHERE ${valid}) AS ${alias.rule(j, 'max')}`,
    ...(d.positionOfMax ? [`${d.positionOfMax(ms, at, valid)} AS ${alias.rule(j, 'max_at')}`] : []),
  ];
}

/**
 * The first `limit` rows meeting `cond`, for a dialect that does not gather
 * them in the main statement (PostgreSQL: its primary-key index hands them
 * over in order, and the query stops at the limit).
 */
export function firstRowsStatement(t: CompiledSqlTest, cond: Cond, limit: number): string {
  return `SELECT ${t.identity.position} AS ${ROW.position} FROM ${t.relation} AS __dmesh_rows WHERE ${sql(cond)} ORDER BY ${t.identity.order} LIMIT ${limit}`;
}

/** The relation with each row's position, line (ranked by order when the source has none) and file. */
function positioned(t: CompiledSqlTest): string {
  const { identity: id } = t;
  const line = id.line ?? `row_number() OVER (ORDER BY ${id.order})`;
  const file = id.file ? `, ${id.file} AS ${ROW.file}` : '';
  // a sortable stand-in for the order: the order itself where it is one value, else the rank
  const ord = id.line ? id.order : line;
  return `(SELECT *, ${id.position} AS ${ROW.position}, ${line} AS ${ROW.line}, ${ord} AS ${ROW.ord}${file} FROM ${t.relation} AS __dmesh_src) AS __dmesh_rows`;
}

/** What identifies a fetched row, then the fields' values, aliased `f0`, `f1`, … in `fields` order. */
function rowColumns(t: CompiledSqlTest, fields: Field[]): string[] {
  const cols: string[] = [ROW.position, ROW.line, ...(t.identity.file ? [ROW.file] : [])];
  fields.forEach((f, i) => {
    cols.push(`${t.d.fetch(f.ref, f.column!.nativeType, { ...(f.timezone && { timezone: f.timezone }) })} AS f${i}`);
  });
  return cols;
}

/** The whole records at `positions` (the first failing rows of each check), with their lines. */
export function recordsStatement(t: CompiledSqlTest, positions: unknown[]): string {
  const cols = rowColumns(t, t.recordFields);
  return `SELECT ${cols.join(', ')}\nFROM ${positioned(t)}\nWHERE ${t.identity.positionIn(positions)}\nORDER BY ${t.identity.order}`;
}

/** Flags the streaming pass reads per fetched row, in this order after the row columns. */
export function streamFlags(t: CompiledSqlTest): { name: string; cond: Cond }[] {
  const flags = [
    { name: 'sql_fail', cond: t.contractFails },
    { name: 'sql_incomplete', cond: or(t.contractFails, t.notNullFails) },
  ];
  t.contractPlan.stream.forEach((s, i) => flags.push({ name: `p${i}_undecided`, cond: s.undecided }));
  t.rulePlans.forEach((p, j) => {
    if (p.kind === 'count' || p.kind === 'freshness') flags.push({ name: `r${j}_undecided`, cond: p.undecided });
  });
  return flags;
}

/** The rows the streaming engine judges, with the fields it needs (`fields`) and the flags, in order. */
export function streamStatement(t: CompiledSqlTest, fields: Field[]): string {
  const cols = [...rowColumns(t, fields), ...streamFlags(t).map((f) => `${sql(f.cond)} AS ${f.name}`)];
  return `SELECT ${cols.join(', ')}\nFROM ${positioned(t)}\nWHERE ${sql(t.fetch)}\nORDER BY ${t.identity.order}`;
}

/** Later rows whose `unique` key an earlier row has, with the earlier row's line. */
function duplicates(t: CompiledSqlTest, j: number): string {
  const p = t.rulePlans[j] as Extract<CompiledSqlTest['rulePlans'][number], { kind: 'unique' }>;
  const order = t.identity.order;
  return (
    `(SELECT ${ROW.position} AS dup_pos, ${ROW.ord} AS dup_ord, first_line FROM (SELECT ${ROW.position}, ${ROW.ord}, ` +
    `first_value(${ROW.line}) OVER (PARTITION BY ${p.key} ORDER BY ${order}) AS first_line, ` +
    `row_number() OVER (PARTITION BY ${p.key} ORDER BY ${order}) AS dup_rank FROM ${positioned(t)} WHERE ${sql(p.checked)}) AS __dmesh_d WHERE dup_rank > 1)`
  );
}

/** The first `limit` duplicate rows of unique rule `j`, with the line of the row they repeat. */
export function duplicatesStatement(t: CompiledSqlTest, j: number, limit: number): string {
  return `SELECT dup_pos, first_line FROM ${duplicates(t, j)} AS __dmesh_dups ORDER BY dup_ord LIMIT ${limit}`;
}

/**
 * The first `limit` rows failing an error-level check SQL decides, or at
 * `streamFailed` (rows the streaming pass rejected), with flags for the
 * reasons only SQL knows: `rel<j>` (a relationship miss), `dup<j>` (the line a
 * unique key first appeared on). The record's other reasons are given by the
 * streaming evaluator, so they read exactly as `--engine stream` writes them.
 */
export function rejectsStatement(t: CompiledSqlTest, limit: number, streamFailed: unknown[]): string {
  const ctes: string[] = [];
  const joins: string[] = [];
  const flags: string[] = [];
  const conds: Cond[] = [t.contractFails, t.identity.positionIn(streamFailed)];
  t.rulePlans.forEach((p, j) => {
    if ((p.rule.severity ?? 'error') !== 'error') return;
    if (p.kind === 'count') {
      const fails = and(p.fails, not(p.undecided));
      conds.push(fails);
      if (p.rule.rule === 'relationship') flags.push(`${sql(fails)} AS rel${j}`);
    } else if (p.kind === 'freshness') conds.push(p.invalid);
    else if (p.kind === 'unique') {
      ctes.push(`dups${j} AS ${duplicates(t, j)}`);
      joins.push(`LEFT JOIN dups${j} ON dups${j}.dup_pos = __dmesh_rows.${ROW.position}`);
      flags.push(`dups${j}.first_line AS dup${j}`);
      conds.push(`dups${j}.dup_pos IS NOT NULL`);
    }
  });
  const cols = [...rowColumns(t, t.recordFields), ...flags];
  const withClause = ctes.length ? `WITH ${ctes.join(',\n  ')}\n` : '';
  return `${withClause}SELECT ${cols.join(', ')}\nFROM ${positioned(t)}\n${joins.join('\n')}\nWHERE ${sql(or(...conds))}\nORDER BY __dmesh_rows.${ROW.ord}\nLIMIT ${limit}`;
}

export function uniqueRule(t: CompiledSqlTest, j: number): UniqueRule {
  return t.rulePlans[j].rule as UniqueRule;
}
