import type { ValidateFunction } from 'ajv/dist/2020.js';
import { ContractViolations, type ViolationsPartial } from './contract-violations.js';
import { createRuleAccumulator } from './create-rule.js';
import { MAX_EXAMPLES, type RuleAccumulator } from './result.js';
import type { QualityRule } from './types.js';

/** Why a record was rejected: the contract (path + keyword), a rule, or unreadable input. */
export interface RejectReason {
  rule: string;
  path?: string;
  keyword?: string;
  field?: string;
  message: string;
}

/** One dead-letter entry: the record (or its raw text when it could not be parsed) and every reason. */
export interface RejectEntry {
  line: number;
  record?: unknown;
  raw?: string;
  reasons: RejectReason[];
}

export interface BadInputExample {
  line: number;
  message: string;
  raw: string;
}

/** What one batch of records produced; structured-clone data, so it can cross a worker boundary. */
export interface BatchResult {
  records: number;
  complete: number;
  badInput: { count: number; examples: BadInputExample[] };
  contract: ViolationsPartial;
  rules: unknown[];
  rejects: RejectEntry[];
}

export interface BatchOptions {
  /** Keep rejected records and their reasons (for `--reject-file`). */
  collectRejects?: boolean;
}

/**
 * Validates records against the contract and observes every rule, for one
 * batch at a time. Runs in a worker or in the main thread; `DataTestRun`
 * merges its results in line order.
 */
export class BatchEvaluator {
  private readonly rules: RuleAccumulator[];
  private readonly violations = new ContractViolations();
  private records = 0;
  private complete = 0;
  private badInput: BatchResult['badInput'] = { count: 0, examples: [] };
  private rejects: RejectEntry[] = [];

  constructor(
    private readonly validate: ValidateFunction,
    rules: QualityRule[],
    private readonly options: BatchOptions = {},
  ) {
    this.rules = rules.map((rule) => createRuleAccumulator(rule));
  }

  observeRecord(record: unknown, line: number): void {
    this.records++;
    const valid = this.validate(record) as boolean;
    // Allocated only for a record that fails something: the common record allocates nothing here.
    let reasons: RejectReason[] | undefined;
    if (!valid) {
      const errors = this.validate.errors ?? [];
      this.violations.observe(errors, record, line);
      reasons = errors.map((e) => ({
        rule: 'contract',
        path: e.instancePath || '/',
        keyword: e.keyword,
        message: e.message ?? e.keyword,
      }));
    }
    let complete = valid;
    for (const acc of this.rules) {
      const failure = acc.observe(record, line);
      if (failure === undefined) continue;
      const severity = acc.rule.severity ?? 'error';
      if (acc.rule.rule === 'not_null' && severity === 'error') complete = false;
      if (severity === 'error') (reasons ??= []).push({ rule: acc.rule.rule, ...fieldOf(acc.rule), message: failure });
    }
    if (complete) this.complete++;
    if (reasons?.length && this.options.collectRejects) this.rejects.push({ line, record, reasons });
  }

  /** A line that is not a record (not JSON, wrong cell count): reported with its line, never a crash. */
  observeBadInput(line: number, message: string, raw: string): void {
    this.badInput.count++;
    const shortRaw = raw.length > 200 ? raw.slice(0, 197) + '...' : raw;
    if (this.badInput.examples.length < MAX_EXAMPLES) this.badInput.examples.push({ line, message, raw: shortRaw });
    if (this.options.collectRejects) this.rejects.push({ line, raw, reasons: [{ rule: 'input', message }] });
  }

  take(): BatchResult {
    const result: BatchResult = {
      records: this.records,
      complete: this.complete,
      badInput: this.badInput,
      contract: this.violations.take(),
      rules: this.rules.map((acc) => acc.takePartial()),
      rejects: this.rejects,
    };
    this.records = 0;
    this.complete = 0;
    this.badInput = { count: 0, examples: [] };
    this.rejects = [];
    return result;
  }
}

export function fieldOf(rule: QualityRule): { field?: string } {
  const r = rule as { field?: string; fields?: string[] };
  const field = r.field ?? r.fields?.join(',');
  return field === undefined ? {} : { field };
}
