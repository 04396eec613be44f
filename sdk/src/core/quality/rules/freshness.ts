import { twoDigits as two } from '../../contract/fast-formats.js';
import { parseDuration } from '../duration.js';
import { describeValue, fieldGetter, isMissing } from '../field-path.js';
import {
  MAX_EXAMPLES,
  pushExamples,
  ruleIdentity,
  type FailureExample,
  type RuleAccumulator,
  type RuleResult,
} from '../result.js';
import type { FreshnessRule } from '../types.js';

export interface FreshnessPartial {
  checked: number;
  failed: number;
  examples: FailureExample[];
  newest?: { ms: number; line: number };
}

/**
 * A timestamp: an ISO-8601 date or date-time string, a `Date`, or epoch
 * milliseconds. A date-time without an offset (a wall-clock time, e.g. a Parquet
 * timestamp without time zone) is read as UTC, never as the machine's local
 * time, so a run's verdict does not depend on where it runs.
 */
export function timestampOf(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  // epoch milliseconds Date can hold (±8.64e15): beyond, there is no such time
  if (typeof value === 'number') return Math.abs(value) <= MAX_EPOCH_MS ? value : undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const ms = Date.parse(WALL_CLOCK.test(value) ? `${value}Z` : value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The epoch milliseconds Date can hold; a number beyond is no timestamp (the SQL dialects' `epochMs` say the same). */
export const MAX_EPOCH_MS = 8.64e15;

/** A date-time with no offset: `…THH:MM[:SS[.fff…]]` and nothing after. */
const WALL_CLOCK = /[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * A canonical UTC timestamp `YYYY-MM-DDTHH:MM:SS[.fff…]Z` naming a real time:
 * a day of its month, seconds below 60. Two of the same length sort as strings
 * exactly as they sort in time, so the newest of a batch is found by string
 * comparison and parsed once when the batch ends (the hot path of a large file:
 * one comparison per record). Anything else (`…T23:59:60Z`, which Date.parse
 * refuses; `2024-02-30`, which it rolls over into March) goes through
 * `timestampOf`, so it can never sort above a real timestamp.
 */
function isCanonicalUtc(s: string): boolean {
  const n = s.length;
  if (n < 20 || s.charCodeAt(n - 1) !== 90 /* Z */ || s.charCodeAt(10) !== 84 /* T */) return false;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58)
    return false;
  const century = two(s, 0);
  const yy = two(s, 2);
  if (century < 0 || yy < 0) return false;
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(century * 100 + yy, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  )
    return false;
  if (n > 20) {
    if (s.charCodeAt(19) !== 46 /* . */ || n === 21) return false;
    for (let i = 20; i < n - 1; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return false;
    }
  }
  return true;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The newest `field` value is at most `maxAge` older than `now` (injected, so a
 * run is reproducible). A value that is not a timestamp fails its record; a
 * stale data set counts as one failure.
 */
export function freshness(rule: FreshnessRule): RuleAccumulator<FreshnessPartial> {
  const get = fieldGetter(rule.field);
  const maxAgeMs = parseDuration(rule.maxAge);
  if (maxAgeMs === undefined)
    throw new Error(`freshness maxAge "${rule.maxAge}" is not an ISO-8601 duration; write e.g. PT2H or P1D`);
  const batch = new FreshnessBatch(rule.field);
  const total = emptyPartial();
  return {
    rule,
    observe: (record, line) => batch.observe(get(record), record, line),
    takePartial: () => batch.take(),
    merge(partial) {
      total.checked += partial.checked;
      total.failed += partial.failed;
      pushExamples(total.examples, partial.examples);
      if (partial.newest && (!total.newest || partial.newest.ms > total.newest.ms)) total.newest = partial.newest;
      return [];
    },
    result: (now) => freshnessResult(rule, total, maxAgeMs, now),
  };
}

function emptyPartial(): FreshnessPartial {
  return { checked: 0, failed: 0, examples: [] };
}

/** One batch's newest timestamp and its failures; canonical UTC strings are compared as text, parsed once in `take`. */
class FreshnessBatch {
  private partial = emptyPartial();
  private canon = '';
  private canonLine = 0;

  constructor(private readonly field: string) {}

  observe(value: unknown, record: unknown, line: number): string | undefined {
    if (isMissing(value)) return undefined;
    const batch = this.partial;
    batch.checked++;
    if (typeof value === 'string' && isCanonicalUtc(value)) {
      const canon = this.canon;
      if (canon === '' || (value.length === canon.length ? value > canon : Date.parse(value) > Date.parse(canon))) {
        this.canon = value;
        this.canonLine = line;
      }
      return undefined;
    }
    const ms = timestampOf(value);
    if (ms === undefined) {
      const reason = `${this.field} is ${describeValue(value)}, not an ISO-8601 timestamp`;
      batch.failed++;
      if (batch.examples.length < MAX_EXAMPLES) batch.examples.push({ line, message: reason, value, record });
      return reason;
    }
    if (!batch.newest || ms > batch.newest.ms) batch.newest = { ms, line };
    return undefined;
  }

  take(): FreshnessPartial {
    const batch = this.partial;
    if (this.canon !== '') {
      const ms = Date.parse(this.canon);
      if (!batch.newest || ms > batch.newest.ms || (ms === batch.newest.ms && this.canonLine < batch.newest.line))
        batch.newest = { ms, line: this.canonLine };
    }
    this.partial = emptyPartial();
    this.canon = '';
    return batch;
  }
}

function freshnessResult(rule: FreshnessRule, total: FreshnessPartial, maxAgeMs: number, now: Date): RuleResult {
  const base = { ...ruleIdentity(rule), checked: total.checked, examples: total.examples };
  if (!total.newest)
    return { ...base, passed: false, failed: total.failed + 1, message: `no ${rule.field} timestamp found` };
  const ageMs = now.getTime() - total.newest.ms;
  const stale = ageMs > maxAgeMs;
  const newest = new Date(total.newest.ms).toISOString();
  const message = `newest ${rule.field} ${newest} (line ${total.newest.line}) is ${formatAge(ageMs)} old; limit ${rule.maxAge}`;
  return { ...base, passed: !stale && total.failed === 0, failed: total.failed + (stale ? 1 : 0), message, newest };
}

function formatAge(ms: number): string {
  const abs = Math.abs(ms);
  const text =
    abs >= 86_400_000
      ? `${(abs / 86_400_000).toFixed(1)}d`
      : abs >= 3_600_000
        ? `${(abs / 3_600_000).toFixed(1)}h`
        : `${Math.round(abs / 1000)}s`;
  return ms < 0 ? `-${text}` : text;
}
