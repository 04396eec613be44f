import fc from 'fast-check';
import { slaStatusOf, type SlaObservationPoint, type SlaPromise } from '../../src/core/sla/status.js';
import { MAX_SLA_CHANGES, slaStatusAt, slaTimeline } from '../../src/core/sla/timeline.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-03-01T12:00:00.000Z');

const promiseArb: fc.Arbitrary<SlaPromise> = fc.record(
  {
    freshness: fc.constantFrom('PT15M', 'PT1H', 'PT2H30M', 'P1D'),
    availability: fc.constantFrom(90, 99, 99.9, 100),
    completeness: fc.constantFrom(95, 99.5, 100),
  },
  { requiredKeys: [] },
);

/** Observations around T0 (some ahead of it, as reporters with a skewed clock send). */
const pointArb: fc.Arbitrary<SlaObservationPoint> = fc
  .record({
    offset: fc.integer({ min: -8 * DAY, max: 10 * 60_000 }),
    lag: fc.option(fc.integer({ min: 0, max: 3 * HOUR }), { nil: undefined }),
    rowCount: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
    completeness: fc.option(fc.double({ min: 90, max: 100, noNaN: true }), { nil: null }),
    availability: fc.boolean(),
  })
  .map((o) => ({
    time: new Date(T0 + o.offset).toISOString(),
    lastUpdate: o.lag === undefined ? null : new Date(T0 + o.offset - o.lag),
    rowCount: o.rowCount,
    completeness: o.completeness,
    availability: o.availability,
  }));

describe('SLA timeline', () => {
  it('gives the status slaStatusOf computes, at any time from its start', () => {
    fc.assert(
      fc.property(
        promiseArb,
        fc.array(pointArb, { maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 9 * DAY }), { minLength: 1, maxLength: 20 }),
        (promise, points, probes) => {
          const timeline = slaTimeline(promise, points, new Date(T0));
          fc.pre(timeline.length < MAX_SLA_CHANGES);
          for (const probe of probes) {
            const t = T0 + probe;
            expect(slaStatusAt(timeline, t)).toBe(slaStatusOf(promise, points, new Date(t)).status);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees exactly at the milliseconds around each change it lists', () => {
    fc.assert(
      fc.property(promiseArb, fc.array(pointArb, { minLength: 1, maxLength: 8 }), (promise, points) => {
        const timeline = slaTimeline(promise, points, new Date(T0));
        for (const { from } of timeline.slice(1))
          for (const t of [from - 1, from, from + 1])
            expect(slaStatusAt(timeline, t)).toBe(slaStatusOf(promise, points, new Date(t)).status);
      }),
      { numRuns: 300 },
    );
  });

  it('lists freshness ageing and the window emptying as changes ahead of time', () => {
    const points = [{ time: new Date(T0).toISOString(), lastUpdate: new Date(T0), availability: true }];
    const timeline = slaTimeline({ freshness: 'PT1H' }, points, new Date(T0));
    expect(timeline).toEqual([
      { from: -Infinity, status: 'met' },
      { from: T0 + 0.8 * HOUR + 1, status: 'at_risk' },
      { from: T0 + HOUR + 1, status: 'breached' },
      { from: T0 + 7 * DAY, status: 'unknown' },
    ]);
  });

  it('is unknown from the start without observations', () => {
    expect(slaTimeline({ availability: 99 }, [], new Date(T0))).toEqual([{ from: -Infinity, status: 'unknown' }]);
  });
});
