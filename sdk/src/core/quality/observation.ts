import type { DataTestReport } from './report.js';

/** An SLA observation as pipelines report it (`POST /v1/products/{id}/ports/{port}/observations`). */
export interface DataObservation {
  time: string;
  /** The newest value of the freshness rule's field, or null without a freshness rule. */
  lastUpdate: string | null;
  rowCount: number;
  /** Percentage of records passing the contract and every error-level `not_null` rule. */
  completeness: number;
  quality: { rule: string; field?: string; passed: boolean; failed: number }[];
  availability: true;
}

/** Turns a data-test report into the observation `dmesh test --report` sends; pure. */
export function buildObservation(report: DataTestReport, now: Date): DataObservation {
  const freshness = report.rules.find((r) => r.rule === 'freshness');
  const completeness = report.records === 0 ? 100 : Math.round((report.complete / report.records) * 100_000) / 1000;
  return {
    time: now.toISOString(),
    lastUpdate: freshness?.newest ?? null,
    rowCount: report.records,
    completeness,
    quality: report.rules.map((r) => {
      const field = r.field ?? r.fields?.join(',');
      return { rule: r.rule, ...(field !== undefined && { field }), passed: r.passed, failed: r.failed };
    }),
    availability: true,
  };
}
