import type { ValidateFunction } from 'ajv/dist/2020.js';
import { fieldOf, type RejectEntry, type RejectReason } from '../../core/quality/batch.js';
import { createRuleAccumulator } from '../../core/quality/create-rule.js';
import type { RefValues } from '../../core/quality/rules/relationship.js';
import type { CompiledSqlTest } from '../../core/sql/compile.js';
import type { ShownRow } from '../../core/sql/evidence.js';
import { positionKey } from '../../core/sql/rows.js';
import { isKeyed } from '../../core/sql/stream-pass.js';

/**
 * The reasons of a dead-letter entry, as `--engine stream` writes them: the
 * contract's errors, then rules that fail the record on their own, then
 * `unique` and `relationship` (decided across rows; SQL says which rows).
 */
export function rejectEntry(
  t: CompiledSqlTest,
  row: ShownRow,
  flags: Record<string, unknown>,
  validate: ValidateFunction,
  refValues: RefValues,
  showFile: boolean,
  keyedReasons?: ReadonlyMap<string, { rule: number; message: string }[]>,
): RejectEntry & { file?: string } {
  const reasons: RejectReason[] = [];
  if (!validate(row.record))
    for (const e of validate.errors ?? [])
      reasons.push({
        rule: 'contract',
        path: e.instancePath || '/',
        keyword: e.keyword,
        message: e.message ?? e.keyword,
      });
  const errorRules = t.rulePlans.map((p, j) => ({ p, j })).filter(({ p }) => (p.rule.severity ?? 'error') === 'error');
  for (const { p } of errorRules) {
    if (isKeyed(p.rule.rule)) continue;
    const reason = createRuleAccumulator(p.rule, refValues).observe(row.record, row.line);
    if (reason !== undefined) reasons.push({ rule: p.rule.rule, ...fieldOf(p.rule), message: reason });
  }
  for (const { p, j } of errorRules) {
    if (!isKeyed(p.rule.rule)) continue;
    if (p.kind === 'stream') {
      for (const r of keyedReasons?.get(positionKey(row.position)) ?? [])
        if (r.rule === j) reasons.push({ rule: p.rule.rule, ...fieldOf(p.rule), message: r.message });
      continue;
    }
    const firstLine = flags[`dup${j}`];
    const missing = flags[`rel${j}`] === true;
    if (p.rule.rule === 'unique' && (firstLine === null || firstLine === undefined)) continue;
    if (p.rule.rule === 'relationship' && !missing) continue;
    const acc = createRuleAccumulator(p.rule, () => new Set<string>());
    if (p.rule.rule === 'unique') acc.observe(row.record, Number(firstLine));
    acc.observe(row.record, row.line);
    for (const f of acc.merge(acc.takePartial(), () => row.record))
      reasons.push({ rule: p.rule.rule, ...fieldOf(p.rule), message: f.reason });
  }
  return { line: row.line, ...(showFile && row.file && { file: row.file }), record: row.record, reasons };
}
