import { compileContract, type CompiledContract } from '../contract/compile.js';
import { BatchEvaluator } from './batch.js';
import type { DataTestReport } from './report.js';
import { relationshipKey, type RefValues } from './rules/relationship.js';
import { DataTestRun } from './run.js';
import type { QualityRule } from './types.js';

export interface ValidateRecordsOptions {
  rules?: QualityRule[];
  /** The clock `freshness` compares with; defaults to the current time. */
  now?: Date;
  /** Referenced values for `relationship` rules, by data set id `<domain>.<product>/<port>`. */
  refData?: Record<string, Iterable<unknown>>;
  /** Line number of the first record (default 1). */
  firstLine?: number;
}

/**
 * Tests in-memory records against a contract (a schema, or one compiled with
 * `compileContract`) and quality rules, with the same core as `dmesh test`.
 * Record i is reported as line `firstLine + i`.
 */
export function validateRecords(
  contract: unknown,
  records: Iterable<unknown>,
  options: ValidateRecordsOptions = {},
): DataTestReport {
  const compiled = isCompiled(contract) ? contract : compileContract(contract);
  const rules = options.rules ?? [];
  const evaluator = new BatchEvaluator(compiled.validate, rules);
  const run = new DataTestRun(rules, { contractHash: compiled.hash, refValues: refValuesFrom(options.refData) });
  const kept: unknown[] = [];
  const firstLine = options.firstLine ?? 1;
  let line = firstLine;
  for (const record of records) {
    evaluator.observeRecord(record, line++);
    kept.push(record);
    if (kept.length === 10_000) {
      const base = line - kept.length;
      run.merge(evaluator.take(), (l) => kept[l - base]);
      kept.length = 0;
    }
  }
  const base = line - kept.length;
  run.merge(evaluator.take(), (l) => kept[l - base]);
  return run.report(options.now ?? new Date());
}

function isCompiled(value: unknown): value is CompiledContract {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as CompiledContract).validate === 'function' &&
    typeof (value as CompiledContract).hash === 'string'
  );
}

/** Reference values given as plain lists, keyed the way `relationship` compares them. */
export function refValuesFrom(refData: Record<string, Iterable<unknown>> | undefined): RefValues {
  const sets = new Map<string, Set<string>>();
  return (dataset) => {
    let set = sets.get(dataset);
    if (!set && refData?.[dataset]) {
      set = new Set([...refData[dataset]].map(relationshipKey));
      sets.set(dataset, set);
    }
    return set;
  };
}
