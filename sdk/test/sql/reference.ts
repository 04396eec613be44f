import { compileContract, type CompiledContract } from '../../src/core/contract/compile.js';
import { BatchEvaluator, type RejectEntry } from '../../src/core/quality/batch.js';
import type { DataTestReport } from '../../src/core/quality/report.js';
import { DataTestRun } from '../../src/core/quality/run.js';
import type { QualityRule } from '../../src/core/quality/types.js';
import { readRecords } from '../../src/io/data/records.js';

/**
 * True when the shared compiled validator already has dmesh's decimal
 * `multipleOf` (the compat engineer is plugging `isDecimalMultiple` into it).
 * The SQL engine decides a translated `multipleOf` with the decimal meaning;
 * until the shared validator does too, the property keeps `multipleOf` to
 * columns whose values ajv's floating-point division judges the same way.
 * The reference is the shared validator either way, so it follows once merged.
 */
export const SHARED_VALIDATOR_IS_DECIMAL = (() => {
  const { validate } = compileContract({ type: 'number', multipleOf: 0.1 });
  return validate(0.3) === true;
})();

/** The streaming engine's validator for `contract`: the shared one `dmesh test` compiles. */
export function referenceContract(contract: unknown): CompiledContract {
  return compileContract(contract);
}

/** The records of a Parquet file as the streaming engine reads them for `contract` (hyparquet, `rowPresenter`). */
export async function parquetRecords(file: string, contract: unknown): Promise<Record<string, unknown>[]> {
  const records: Record<string, unknown>[] = [];
  for await (const item of readRecords(file, { schema: contract })) {
    if ('record' in item) records.push(item.record as Record<string, unknown>);
  }
  return records;
}

/** The streaming engine's core over in-memory records: its report and its dead letters. */
export function streamVerdict(
  contract: CompiledContract,
  records: unknown[],
  rules: QualityRule[],
  now: Date,
  refValues?: (dataset: string, field: string) => ReadonlySet<string> | undefined,
): { report: DataTestReport; rejects: RejectEntry[] } {
  const evaluator = new BatchEvaluator(contract.validate, rules, { collectRejects: true });
  const run = new DataTestRun(rules, {
    contractHash: contract.hash,
    collectRejects: true,
    ...(refValues && { refValues }),
  });
  records.forEach((r, i) => evaluator.observeRecord(r, i + 1));
  const rejects = run.merge(evaluator.take(), (line) => records[line - 1]);
  return { report: run.report(now), rejects };
}
