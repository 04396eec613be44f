import type { ValidateFunction } from 'ajv/dist/2020.js';
import { summarize, type DataTestReport } from '../quality/report.js';
import type { CompiledSqlTest } from './compile.js';
import { count, type SqlEvidence } from './evidence.js';
import type { PlacedCheck } from './placement.js';
import { contractGroups } from './report-contract.js';
import { ruleResults } from './report-rules.js';

/** The SQL engine's report: the streaming engine's shape, plus the engine and where each check ran. */
export interface SqlDataTestReport extends DataTestReport {
  /** `stream` when the streaming engine read the rows out of a PostgreSQL table. */
  engine: 'sql' | 'stream';
  dialect: string;
  placement: PlacedCheck[];
  /** Rows the streaming engine judged (undecided rows, untranslated checks; every row with `engine: stream`). */
  streamedRows: number;
}

export function buildSqlReport(
  t: CompiledSqlTest,
  ev: SqlEvidence,
  validate: ValidateFunction,
  options: { now: Date; contractHash: string; rejected: number; showFile: boolean },
): SqlDataTestReport {
  const violations = contractGroups(t, ev, validate, options.showFile);
  const report = summarize({
    records: count(ev.main, 'records'),
    complete: count(ev.main, 'complete') + (ev.stream?.complete ?? 0),
    rejected: options.rejected,
    badInput: { count: 0, examples: [] },
    contract: {
      hash: options.contractHash,
      failedRecords: count(ev.main, 'failed') + (ev.stream?.failed ?? 0),
      violations,
    },
    rules: ruleResults(t, ev, options.now),
  });
  return { ...report, engine: 'sql', dialect: t.d.name, placement: t.placement, streamedRows: ev.stream?.rows ?? 0 };
}
