import { createRuleAccumulator } from '../quality/create-rule.js';
import { MAX_EXAMPLES, ruleIdentity, type FailureExample, type RuleResult } from '../quality/result.js';
import type { FreshnessPartial } from '../quality/rules/freshness.js';
import type { CompiledSqlTest } from './compile.js';
import { count, positions, type ShownRow, type SqlEvidence } from './evidence.js';
import { shownRow } from './report-contract.js';
import type { RulePlan } from './rules/index.js';
import { isKeyed } from './stream-pass.js';
import { alias } from './statements.js';

type Ordered = FailureExample & { ord: number };

/**
 * Each rule's result as the streaming engine's evaluator reports it: SQL's
 * counts, and messages written by that evaluator over the example records;
 * rows judged in streaming are folded in, examples kept in row order.
 */
export function ruleResults(t: CompiledSqlTest, ev: SqlEvidence, now: Date): RuleResult[] {
  return t.rulePlans.map((p, j) => {
    switch (p.kind) {
      case 'rows': {
        const acc = createRuleAccumulator(p.rule);
        acc.merge(count(ev.main, 'records'), () => undefined);
        return acc.result(now);
      }
      case 'unique':
        return uniqueResult(p, j, ev, now);
      case 'freshness':
        return freshnessResult(p, j, ev, now);
      case 'count':
        return combine(
          p,
          judged(
            p,
            shown(ev, positions(ev.main, alias.rule(j, 'at'))),
            now,
            count(ev.main, alias.rule(j, 'checked')),
            count(ev.main, alias.rule(j, 'failed')),
          ),
          streamResult(p, j, ev, now),
        );
      case 'stream':
        return strip(streamResult(p, j, ev, now) ?? judged(p, [], now, 0, 0));
    }
  });
}

function shown(ev: SqlEvidence, at: unknown[]): ShownRow[] {
  return at.map((p) => shownRow(ev, p));
}

/** The rule's evaluator over `rows` (for messages), with SQL's counts. */
function judged(
  p: RulePlan,
  rows: ShownRow[],
  now: Date,
  checked: number,
  failed: number,
): RuleResult & { ordered: Ordered[] } {
  const acc = createRuleAccumulator(p.rule, () => new Set<string>());
  const byLine = new Map(rows.map((r) => [r.line, r]));
  rows.forEach((r) => acc.observe(r.record, r.line));
  acc.merge(acc.takePartial(), (line) => byLine.get(line)?.record);
  const result = acc.result(now);
  const ordered = result.examples.map((e) => ({ ...e, ord: rows.find((r) => r.record === e.record)?.ord ?? e.line }));
  return { ...result, checked, failed, passed: failed === 0, ordered };
}

function streamResult(
  p: RulePlan,
  j: number,
  ev: SqlEvidence,
  now: Date,
): (RuleResult & { ordered: Ordered[] }) | undefined {
  const acc = ev.stream?.rules.get(j);
  if (!acc || !ev.stream) return undefined;
  if (!isKeyed(p.rule.rule)) acc.merge(acc.takePartial(), () => undefined);
  const result = acc.result(now);
  return { ...wholeRecords(result, ev), ordered: ordered(result.examples, ev) };
}

/**
 * Examples from the streaming pass, with the whole record read back (the pass
 * fetched only the columns it judges) and their order across the data.
 */
function ordered(examples: FailureExample[], ev: SqlEvidence): Ordered[] {
  return examples.map((e) => {
    const row = ev.stream?.rowOf.get(e.record as object);
    if (!row) return { ...e, ord: e.line };
    return { ...e, record: shownRow(ev, row.position).record, ord: row.ord };
  });
}

function wholeRecords(result: RuleResult, ev: SqlEvidence): RuleResult {
  return { ...result, examples: ordered(result.examples, ev).map(unordered) };
}

function combine(
  p: RulePlan,
  a: RuleResult & { ordered: Ordered[] },
  b?: RuleResult & { ordered: Ordered[] },
): RuleResult {
  if (!b) return strip(a);
  const failed = a.failed + b.failed;
  const examples = [...a.ordered, ...b.ordered].sort((x, y) => x.ord - y.ord).slice(0, MAX_EXAMPLES);
  return {
    ...ruleIdentity(p.rule),
    passed: failed === 0,
    checked: a.checked + b.checked,
    failed,
    examples: examples.map(unordered),
  };
}

function strip(r: RuleResult & { ordered?: Ordered[] }): RuleResult {
  const { ordered: _ordered, ...rest } = r;
  return rest;
}

function unordered(e: Ordered): FailureExample {
  const { ord: _ord, ...rest } = e;
  return rest;
}

/** `unique`: duplicates = checked − distinct; each example is the evaluator's verdict on a repeat of its first line. */
function uniqueResult(p: RulePlan, j: number, ev: SqlEvidence, now: Date): RuleResult {
  const checked = count(ev.main, alias.rule(j, 'checked'));
  const failed = checked - count(ev.main, alias.rule(j, 'distinct'));
  const examples = (ev.duplicates.get(j) ?? []).map(({ position, firstLine }) => {
    const row = shownRow(ev, position);
    const acc = createRuleAccumulator(p.rule);
    acc.observe(row.record, firstLine);
    acc.observe(row.record, row.line);
    acc.merge(acc.takePartial(), () => row.record);
    return acc.result(now).examples[0];
  });
  return { ...ruleIdentity(p.rule), passed: failed === 0, checked, failed, examples };
}

/** `freshness`: SQL's newest valid timestamp and the streaming pass's, the earlier row winning a tie. */
function freshnessResult(
  p: Extract<RulePlan, { kind: 'freshness' }>,
  j: number,
  ev: SqlEvidence,
  now: Date,
): RuleResult {
  const sql = judged(
    p,
    shown(ev, positions(ev.main, alias.rule(j, 'at'))),
    now,
    count(ev.main, alias.rule(j, 'checked')),
    count(ev.main, alias.rule(j, 'failed')),
  );
  const max = ev.main[alias.rule(j, 'max')];
  const maxAt = ev.main[alias.rule(j, 'max_at')];
  let newest =
    max === null || max === undefined
      ? undefined
      : { ms: Number(max), line: shownRow(ev, maxAt).line, ord: shownRow(ev, maxAt).ord };
  const acc = ev.stream?.rules.get(j);
  const streamed = acc?.takePartial() as FreshnessPartial | undefined;
  if (streamed?.newest) {
    const ord = streamed.newest.line;
    if (!newest || streamed.newest.ms > newest.ms || (streamed.newest.ms === newest.ms && ord < newest.ord))
      newest = { ...streamed.newest, ord };
  }
  const streamedOrdered = ordered(streamed?.examples ?? [], ev);
  const examples = [...sql.ordered, ...streamedOrdered]
    .sort((x, y) => x.ord - y.ord)
    .slice(0, MAX_EXAMPLES)
    .map(unordered);
  const partial: FreshnessPartial = {
    checked: sql.checked + (streamed?.checked ?? 0),
    failed: sql.failed + (streamed?.failed ?? 0),
    examples,
    ...(newest && { newest: { ms: newest.ms, line: newest.line } }),
  };
  const final = createRuleAccumulator(p.rule);
  final.merge(partial, () => undefined);
  return final.result(now);
}
