import { parseDuration } from '../quality/duration.js';

/**
 * SLA status of an output port, as ARCHITECTURE.md "SLA status" defines it.
 * Pure: the registry computes the window summary in SQL (the same definitions
 * as `summarizeObservations`) and calls `evaluateSla`, so the CLI, the library
 * and the registry cannot disagree.
 *
 * Definitions (every comparison is made against the promise, never rounded):
 * - window: observations with `from < time <= now`, `from = now - window`
 *   (default 7 days). No observation in the window → `unknown`.
 * - freshness: `age = now - max(lastUpdate)` over the window. `breached` when
 *   `age > limit`; `at_risk` when `age > 0.8 × limit`. Observations without a
 *   lastUpdate do not measure freshness (no reason, no effect).
 * - availability: `observed = 100 × available / observations`.
 * - completeness: the row-weighted mean of the reported completeness
 *   (weight = rowCount when reported, else 1; a batch of 0 rows weighs 0).
 * - error budget (availability, completeness) = `100 - promise` percentage
 *   points; `shortfall = 100 - observed` is the budget spent. `breached` when
 *   `observed < promise` (shortfall > budget); `at_risk` when shortfall > 0 and
 *   shortfall ≥ 80 % of the budget. A promise of 100 has no budget: any
 *   shortfall is a breach.
 * - status = the worst measure (breached > at_risk > met); `met` when no
 *   promise applies.
 */

export const SLA_STATUSES = ['met', 'at_risk', 'breached', 'unknown'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];

export const DEFAULT_SLA_WINDOW_MS = 7 * 86_400_000;
/** Share of the freshness limit or error budget after which a port is `at_risk`. */
export const SLA_RISK_FRACTION = 0.8;
/** Percentage points: float noise (99.9 is not exact in binary) never flips a verdict. */
const EPSILON = 1e-9;

export interface SlaPromise {
  freshness?: string;
  availability?: number;
  completeness?: number;
}

/** One reported observation, as far as SLA status needs it. */
export interface SlaObservationPoint {
  time: string | Date;
  lastUpdate?: string | Date | null;
  rowCount?: number | null;
  completeness?: number | null;
  availability: boolean;
}

/** What the status needs from a window; SQL aggregates produce exactly this. */
export interface SlaWindowSummary {
  observations: number;
  available: number;
  /** Newest lastUpdate reported in the window (ms since epoch). */
  lastUpdate: number | null;
  completenessWeightedSum: number;
  completenessWeight: number;
  /** Time of the newest observation in the window (ms since epoch). */
  newestObservation: number | null;
}

export type SlaMeasure = 'freshness' | 'availability' | 'completeness' | 'observations';

export interface SlaReason {
  measure: SlaMeasure;
  level: 'at_risk' | 'breached' | 'unknown';
  /** Freshness: age in ms; availability/completeness: observed percentage. */
  observed?: number;
  /** Freshness: the limit in ms; availability/completeness: the promise. */
  limit?: number;
  message: string;
}

export interface SlaEvaluation {
  status: SlaStatus;
  reasons: SlaReason[];
  evaluatedAt: string;
  window: { from: string; to: string; ms: number };
  measures: { observations: number; freshnessAgeMs?: number; availability?: number; completeness?: number };
  /** When `breached`: when the breach began as far as the data tells (the same on every replica). */
  breachStart?: string;
}

const toMs = (t: string | Date) => (t instanceof Date ? t.getTime() : Date.parse(t));

/** Reduces observations to the window summary (what the registry computes in SQL). */
export function summarizeObservations(
  points: readonly SlaObservationPoint[],
  now: Date,
  windowMs = DEFAULT_SLA_WINDOW_MS,
): SlaWindowSummary {
  const to = now.getTime();
  const from = to - windowMs;
  const summary: SlaWindowSummary = {
    observations: 0,
    available: 0,
    lastUpdate: null,
    completenessWeightedSum: 0,
    completenessWeight: 0,
    newestObservation: null,
  };
  for (const p of points) {
    const time = toMs(p.time);
    if (!(time > from && time <= to)) continue;
    summary.observations++;
    if (p.availability) summary.available++;
    summary.newestObservation = Math.max(summary.newestObservation ?? time, time);
    if (p.lastUpdate != null) summary.lastUpdate = Math.max(summary.lastUpdate ?? -Infinity, toMs(p.lastUpdate));
    if (p.completeness != null) {
      const weight = p.rowCount ?? 1;
      summary.completenessWeightedSum += p.completeness * weight;
      summary.completenessWeight += weight;
    }
  }
  return summary;
}

const RANK: Record<SlaStatus, number> = { unknown: -1, met: 0, at_risk: 1, breached: 2 };
/** Orders statuses by severity: unknown < met < at_risk < breached. */
export const slaStatusRank = (s: SlaStatus) => RANK[s];

/** The status of one port from its promise and window summary at `now`. */
export function evaluateSla(
  promise: SlaPromise | null | undefined,
  summary: SlaWindowSummary,
  now: Date,
  windowMs = DEFAULT_SLA_WINDOW_MS,
): SlaEvaluation {
  const window = { from: new Date(now.getTime() - windowMs).toISOString(), to: now.toISOString(), ms: windowMs };
  const base = { evaluatedAt: now.toISOString(), window };
  if (summary.observations === 0) {
    const message = `no observations since ${window.from}; report one with dmesh test --report or POST /v1/products/{id}/ports/{port}/observations`;
    return {
      ...base,
      status: 'unknown',
      reasons: [{ measure: 'observations', level: 'unknown', message }],
      measures: { observations: 0 },
    };
  }
  const measures: SlaEvaluation['measures'] = { observations: summary.observations };
  const reasons: SlaReason[] = [];
  const starts: number[] = [];
  const freshness = freshnessReason(promise?.freshness, summary.lastUpdate, now);
  if (freshness) {
    measures.freshnessAgeMs = freshness.age;
    if (freshness.reason) reasons.push(freshness.reason);
    if (freshness.reason?.level === 'breached') starts.push(freshness.start);
  }
  measures.availability = (100 * summary.available) / summary.observations;
  const availability = budgetReason('availability', promise?.availability, measures.availability);
  if (summary.completenessWeight > 0)
    measures.completeness = summary.completenessWeightedSum / summary.completenessWeight;
  const completeness =
    measures.completeness === undefined
      ? undefined
      : budgetReason('completeness', promise?.completeness, measures.completeness);
  for (const reason of [availability, completeness]) {
    if (!reason) continue;
    reasons.push(reason);
    if (reason.level === 'breached') starts.push(summary.newestObservation!);
  }
  const status: SlaStatus = reasons.some((r) => r.level === 'breached')
    ? 'breached'
    : reasons.length
      ? 'at_risk'
      : 'met';
  return {
    ...base,
    status,
    reasons,
    measures,
    ...(status === 'breached' && { breachStart: new Date(Math.min(...starts)).toISOString() }),
  };
}

/** Observations to status in one call (the CLI and tests; the registry summarises in SQL). */
export function slaStatusOf(
  promise: SlaPromise | null | undefined,
  points: readonly SlaObservationPoint[],
  now: Date,
  windowMs = DEFAULT_SLA_WINDOW_MS,
): SlaEvaluation {
  return evaluateSla(promise, summarizeObservations(points, now, windowMs), now, windowMs);
}

function freshnessReason(
  limitText: string | undefined,
  lastUpdate: number | null,
  now: Date,
): { age: number; start: number; reason?: SlaReason } | undefined {
  const limit = limitText === undefined ? undefined : parseDuration(limitText);
  if (limit === undefined || lastUpdate === null) return undefined;
  const age = now.getTime() - lastUpdate;
  const start = lastUpdate + limit;
  const newest = new Date(lastUpdate).toISOString();
  if (age > limit) {
    return {
      age,
      start,
      reason: {
        measure: 'freshness',
        level: 'breached',
        observed: age,
        limit,
        message: `freshness ${limitText} exceeded: newest data ${newest} is ${formatAge(age)} old`,
      },
    };
  }
  if (age > SLA_RISK_FRACTION * limit) {
    return {
      age,
      start,
      reason: {
        measure: 'freshness',
        level: 'at_risk',
        observed: age,
        limit,
        message: `freshness at risk: newest data ${newest} is ${formatAge(age)} old, over 80 % of ${limitText}`,
      },
    };
  }
  return { age, start };
}

function budgetReason(
  measure: 'availability' | 'completeness',
  promise: number | undefined,
  observed: number,
): SlaReason | undefined {
  if (promise === undefined) return undefined;
  const budget = 100 - promise;
  const shortfall = 100 - observed;
  const shown = `${measure} ${round(observed)} %`;
  if (shortfall > budget + EPSILON) {
    return {
      measure,
      level: 'breached',
      observed,
      limit: promise,
      message: `${shown} is below the promised ${promise} %`,
    };
  }
  if (shortfall > EPSILON && shortfall >= SLA_RISK_FRACTION * budget - EPSILON) {
    const spent = budget > 0 ? Math.round((shortfall / budget) * 100) : 100;
    return {
      measure,
      level: 'at_risk',
      observed,
      limit: promise,
      message: `${shown} has spent ${spent} % of the error budget of the promised ${promise} %`,
    };
  }
  return undefined;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function formatAge(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 6) / 10;
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 2.4) / 10} d`;
}
