import type { BadInputExample } from './batch.js';
import type { ViolationGroup } from './contract-violations.js';
import type { RuleResult } from './result.js';

/** The result of testing data against a port's contract and quality rules (`dmesh test --json` prints it). */
export interface DataTestReport {
  /** True when no error-level check failed: every record readable and valid, every error rule passed. */
  passed: boolean;
  /** Records read, unreadable lines included. */
  records: number;
  /** Records that passed the contract and every error-level `not_null` rule. */
  complete: number;
  /** Records written to the dead-letter file (0 without `--reject-file`). */
  rejected: number;
  badInput: { count: number; examples: BadInputExample[] };
  contract: { hash?: string; passed: boolean; failedRecords: number; violations: ViolationGroup[] };
  rules: RuleResult[];
  summary: { errors: number; warnings: number };
}

export function summarize(
  parts: Omit<DataTestReport, 'passed' | 'summary' | 'contract'> & {
    contract: Omit<DataTestReport['contract'], 'passed'>;
  },
): DataTestReport {
  const contractPassed = parts.contract.failedRecords === 0;
  const failedRules = parts.rules.filter((r) => !r.passed);
  const errors =
    failedRules.filter((r) => r.severity === 'error').length +
    (contractPassed ? 0 : 1) +
    (parts.badInput.count > 0 ? 1 : 0);
  const warnings = failedRules.filter((r) => r.severity === 'warning').length;
  return {
    passed: errors === 0,
    records: parts.records,
    complete: parts.complete,
    rejected: parts.rejected,
    badInput: parts.badInput,
    contract: { ...parts.contract, passed: contractPassed },
    rules: parts.rules,
    summary: { errors, warnings },
  };
}
