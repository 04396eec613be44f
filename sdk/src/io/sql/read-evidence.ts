import { MAX_EXAMPLES } from '../../core/quality/result.js';
import type { CompiledSqlTest } from '../../core/sql/compile.js';
import { and, not, type Cond } from '../../core/sql/cond.js';
import { count, positions, type ShownRow } from '../../core/sql/evidence.js';
import { positionKey } from '../../core/sql/rows.js';
import { alias, duplicatesStatement, firstRowsStatement, recordsStatement, ROW } from '../../core/sql/statements.js';
import type { StreamPass } from '../../core/sql/stream-pass.js';
import type { SqlEngine } from './engine.js';
import { shownRowOf } from './fetched.js';

/** Runs a labelled statement (the runner records every statement it runs). */
export type Run = (label: string, sql: string) => Promise<Record<string, unknown>[]>;

/**
 * The first failing rows of each failing check, where the dialect does not
 * gather them in the main statement: one query per failing check, in order.
 */
export async function findFirstRows(t: CompiledSqlTest, main: Record<string, unknown>, run: Run): Promise<void> {
  if (t.d.firstPositions) return;
  const fill = async (name: string, n: number, cond: Cond, limit = MAX_EXAMPLES) => {
    if (n === 0 || main[name] !== undefined) return;
    main[name] = (await run(`first rows ${name}`, firstRowsStatement(t, cond, limit))).map((r) => r[ROW.position]);
  };
  for (const [i, c] of t.contractPlan.checks.entries())
    await fill(alias.groupAt(i), count(main, alias.group(i)), c.fails);
  for (const [j, p] of t.rulePlans.entries()) {
    if (p.kind === 'count')
      await fill(alias.rule(j, 'at'), count(main, alias.rule(j, 'failed')), and(p.fails, not(p.undecided)));
    if (p.kind !== 'freshness') continue;
    await fill(alias.rule(j, 'at'), count(main, alias.rule(j, 'failed')), p.invalid);
    const max = main[alias.rule(j, 'max')];
    if (max !== null && max !== undefined && main[alias.rule(j, 'max_at')] === undefined) {
      const at = await run(
        'newest row',
        firstRowsStatement(t, and(p.valid, `${p.ms} = ${t.d.number(Number(max))}`), 1),
      );
      main[alias.rule(j, 'max_at')] = at[0]?.[ROW.position];
    }
  }
}

export async function findDuplicates(t: CompiledSqlTest, main: Record<string, unknown>, run: Run) {
  const found = new Map<number, { position: unknown; firstLine: number }[]>();
  for (const [j, p] of t.rulePlans.entries()) {
    if (p.kind !== 'unique' || count(main, alias.rule(j, 'checked')) === count(main, alias.rule(j, 'distinct')))
      continue;
    const rows = await run(`duplicates ${j}`, duplicatesStatement(t, j, 5));
    found.set(
      j,
      rows.map((r) => ({ position: r.dup_pos, firstLine: Number(r.first_line) })),
    );
  }
  return found;
}

/** Reads back the whole records of every row the report shows. */
export async function showRows(
  t: CompiledSqlTest,
  engine: SqlEngine,
  main: Record<string, unknown>,
  duplicates: Map<number, { position: unknown }[]>,
  stream: StreamPass | undefined,
  run: Run,
) {
  const wanted = new Map<string, unknown>();
  const want = (list: unknown[]) => list.forEach((p) => wanted.set(positionKey(p), p));
  t.contractPlan.checks.forEach((_, i) => want(positions(main, alias.groupAt(i))));
  t.rulePlans.forEach((p, j) => {
    want(positions(main, alias.rule(j, 'at')));
    const maxAt = main[alias.rule(j, 'max_at')];
    if (maxAt !== null && maxAt !== undefined) want([maxAt]);
  });
  for (const list of duplicates.values()) want(list.map((d) => d.position));
  want(stream?.shownPositions ?? []);
  const shown = new Map<string, ShownRow>();
  const all = [...wanted.values()];
  for (let i = 0; i < all.length; i += 500) {
    for (const row of await run('examples', recordsStatement(t, all.slice(i, i + 500)))) {
      const r = shownRowOf(t, engine, row);
      shown.set(positionKey(r.position), r);
    }
  }
  return shown;
}
