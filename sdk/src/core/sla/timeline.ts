import { parseDuration } from '../quality/duration.js';
import {
  DEFAULT_SLA_WINDOW_MS,
  SLA_RISK_FRACTION,
  evaluateSla,
  type SlaObservationPoint,
  type SlaPromise,
  type SlaStatus,
  type SlaWindowSummary,
} from './status.js';

/** From `from` (ms since the epoch; -Infinity for the first change) until the next change, the port is in `status`. */
export interface SlaChange {
  from: number;
  status: SlaStatus;
}

/** A timeline longer than this stops at its last change (a port flapping this often is observed again long before). */
export const MAX_SLA_CHANGES = 256;

interface Point {
  time: number;
  lastUpdate: number | null;
  available: boolean;
  /** Whether it reported completeness. */
  measured: boolean;
  weight: number;
  weighted: number;
}

/**
 * The SLA status of one port at every time from `start` on, for as long as no
 * observation is added: a status computed when read changes with time alone
 * (freshness ages, observations leave the rolling window), and this lists
 * those changes ahead, so a database can answer "status now" with a lookup.
 *
 * It does not restate the rules: between two events (an observation entering
 * or leaving the window) the window summary is constant, and within that span
 * only freshness can move the status, at 80 % and 100 % of its limit. The
 * status is `evaluateSla` at the start of each span and around each freshness
 * threshold, so it agrees with `slaStatusOf` at every millisecond from `start`
 * (the first change is from -Infinity: the status at `start`).
 */
export function slaTimeline(
  promise: SlaPromise | null | undefined,
  observations: readonly SlaObservationPoint[],
  start: Date,
  windowMs = DEFAULT_SLA_WINDOW_MS,
): SlaChange[] {
  const from = start.getTime();
  const points = observations.map(toPoint).filter((p) => p.time > from - windowMs);
  points.sort((a, b) => a.time - b.time);
  const events = [...new Set([from, ...points.flatMap((p) => [p.time, p.time + windowMs])])]
    .filter((t) => t >= from)
    .sort((a, b) => a - b);
  const window = new SlidingWindow(points, windowMs);
  const freshnessLimit = promise?.freshness === undefined ? undefined : parseDuration(promise.freshness);
  const changes: SlaChange[] = [];
  for (let i = 0; i < events.length && changes.length < MAX_SLA_CHANGES; i++) {
    const summary = window.at(events[i]);
    const end = events[i + 1] ?? Infinity;
    for (const t of candidates(events[i], end, summary.lastUpdate, freshnessLimit)) {
      const status = evaluateSla(promise, summary, new Date(t), windowMs).status;
      if (changes.at(-1)?.status !== status) changes.push({ from: changes.length ? t : -Infinity, status });
    }
  }
  return changes.slice(0, MAX_SLA_CHANGES);
}

/** The span's start and the milliseconds around each freshness threshold inside it (float rounding included). */
function candidates(start: number, end: number, lastUpdate: number | null, limit: number | undefined): number[] {
  const times = [start];
  if (lastUpdate === null || limit === undefined) return times;
  for (const threshold of [lastUpdate + SLA_RISK_FRACTION * limit, lastUpdate + limit]) {
    const first = Math.floor(threshold);
    for (const t of [first, first + 1, first + 2]) if (t > start && t < end) times.push(t);
  }
  return [...new Set(times)].sort((a, b) => a - b);
}

function toPoint(p: SlaObservationPoint): Point {
  const ms = (t: string | Date) => (t instanceof Date ? t.getTime() : Date.parse(t));
  const weight = p.completeness == null ? 0 : (p.rowCount ?? 1);
  return {
    time: ms(p.time),
    lastUpdate: p.lastUpdate == null ? null : ms(p.lastUpdate),
    available: p.availability,
    measured: p.completeness != null,
    weight,
    weighted: p.completeness == null ? 0 : p.completeness * weight,
  };
}

/**
 * The window summary (`summarizeObservations`: time in (t - window, t]) as t
 * only grows: points enter and leave in time order, the newest lastUpdate is
 * kept by a deque of decreasing values.
 */
class SlidingWindow {
  private entered = 0;
  private left = 0;
  private readonly sums = { available: 0, weight: 0, weighted: 0, measured: 0 };
  private readonly newest: number[] = [];

  constructor(
    private readonly points: readonly Point[],
    private readonly windowMs: number,
  ) {}

  at(t: number): SlaWindowSummary {
    while (this.entered < this.points.length && this.points[this.entered].time <= t) this.add(this.entered++);
    while (this.left < this.entered && this.points[this.left].time <= t - this.windowMs) this.remove(this.left++);
    const count = this.entered - this.left;
    return {
      observations: count,
      available: this.sums.available,
      lastUpdate: this.newest.length ? this.points[this.newest[0]].lastUpdate : null,
      completenessWeightedSum: this.sums.weighted,
      completenessWeight: this.sums.weight,
      newestObservation: count ? this.points[this.entered - 1].time : null,
    };
  }

  private add(i: number): void {
    const p = this.points[i];
    this.sums.available += p.available ? 1 : 0;
    this.sums.weight += p.weight;
    this.sums.weighted += p.weighted;
    this.sums.measured += p.measured ? 1 : 0;
    if (p.lastUpdate === null) return;
    while (this.newest.length && this.points[this.newest.at(-1)!].lastUpdate! <= p.lastUpdate) this.newest.pop();
    this.newest.push(i);
  }

  private remove(i: number): void {
    const p = this.points[i];
    this.sums.available -= p.available ? 1 : 0;
    this.sums.weight -= p.weight;
    this.sums.weighted -= p.weighted;
    this.sums.measured -= p.measured ? 1 : 0;
    // Subtraction leaves float residue; with no completeness left in the window there is none, exactly.
    if (this.sums.measured === 0) this.sums.weight = this.sums.weighted = 0;
    if (this.newest[0] === i) this.newest.shift();
  }
}

/** The status a timeline gives at time `t` (ms since the epoch). */
export function slaStatusAt(timeline: readonly SlaChange[], t: number): SlaStatus {
  let status = timeline[0]?.status ?? 'unknown';
  for (const change of timeline) if (change.from <= t) status = change.status;
  return status;
}
