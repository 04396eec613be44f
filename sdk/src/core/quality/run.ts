import { fieldOf, type BatchResult, type RejectEntry } from './batch.js';
import { ContractViolations } from './contract-violations.js';
import { createRuleAccumulator } from './create-rule.js';
import { summarize, type DataTestReport } from './report.js';
import { MAX_EXAMPLES, type RuleAccumulator } from './result.js';
import type { RefValues } from './rules/relationship.js';
import type { QualityRule } from './types.js';

export interface RunOptions {
  refValues?: RefValues;
  contractHash?: string;
  /** Build dead-letter entries (for `--reject-file`); otherwise `merge` returns none. */
  collectRejects?: boolean;
}

/**
 * The main-thread side of a data test: merges batch results strictly in line
 * order (callers guarantee it), decides `unique`/`relationship`, and builds
 * the report. Memory: counters, examples, and the keys those two rules keep.
 */
export class DataTestRun {
  private readonly rules: RuleAccumulator[];
  private readonly violations = new ContractViolations();
  private records = 0;
  private complete = 0;
  private rejected = 0;
  private readonly badInput: DataTestReport['badInput'] = { count: 0, examples: [] };

  constructor(
    rules: QualityRule[],
    private readonly options: RunOptions = {},
  ) {
    this.rules = rules.map((rule) => createRuleAccumulator(rule, options.refValues));
  }

  /** Folds one batch in; returns its dead-letter entries in line order (rules decided only now included). */
  merge(batch: BatchResult, recordAt: (line: number) => unknown): RejectEntry[] {
    this.records += batch.records;
    this.complete += batch.complete;
    this.badInput.count += batch.badInput.count;
    for (const e of batch.badInput.examples)
      if (this.badInput.examples.length < MAX_EXAMPLES) this.badInput.examples.push(e);
    this.violations.merge(batch.contract);
    const late = new Map<number, RejectEntry>();
    const early = new Map(batch.rejects.map((r) => [r.line, r]));
    this.rules.forEach((acc, i) => {
      const failures = acc.merge(batch.rules[i], recordAt);
      if (!this.options.collectRejects || (acc.rule.severity ?? 'error') !== 'error') return;
      for (const f of failures) {
        const entry = early.get(f.line) ?? late.get(f.line) ?? { line: f.line, record: recordAt(f.line), reasons: [] };
        if (!early.has(f.line)) late.set(f.line, entry);
        entry.reasons.push({ rule: acc.rule.rule, ...fieldOf(acc.rule), message: f.reason });
      }
    });
    const rejects = late.size ? [...batch.rejects, ...late.values()].sort((a, b) => a.line - b.line) : batch.rejects;
    this.rejected += rejects.length;
    return rejects;
  }

  report(now: Date): DataTestReport {
    const contract = this.violations.result();
    return summarize({
      records: this.records + this.badInput.count,
      complete: this.complete,
      rejected: this.rejected,
      badInput: this.badInput,
      contract: {
        ...(this.options.contractHash && { hash: this.options.contractHash }),
        failedRecords: contract.failedRecords,
        violations: contract.groups,
      },
      rules: this.rules.map((acc) => acc.result(now)),
    });
  }
}
