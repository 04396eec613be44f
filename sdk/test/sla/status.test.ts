import fc from 'fast-check';
import {
  DEFAULT_SLA_WINDOW_MS,
  evaluateSla,
  slaStatusOf,
  slaStatusRank,
  summarizeObservations,
  type SlaObservationPoint,
  type SlaPromise,
} from '../../src/core/sla/status.js';

const HOUR = 3_600_000;
const T0 = new Date('2026-03-01T12:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const obs = (o: Partial<SlaObservationPoint> & { offset?: number } = {}): SlaObservationPoint => ({
  time: at(o.offset ?? 0).toISOString(),
  lastUpdate: at(o.offset ?? 0).toISOString(),
  rowCount: 100,
  completeness: 100,
  availability: true,
  ...o,
});

describe('SLA status: freshness', () => {
  const promise: SlaPromise = { freshness: 'PT1H' };
  const points = [obs()];

  it('is met within 80 % of the limit, at_risk past it, breached past the limit', () => {
    expect(slaStatusOf(promise, points, at(30 * 60_000)).status).toBe('met');
    expect(slaStatusOf(promise, points, at(48 * 60_000)).status).toBe('met'); // exactly 80 %: not past it
    expect(slaStatusOf(promise, points, at(48 * 60_000 + 1)).status).toBe('at_risk');
    expect(slaStatusOf(promise, points, at(HOUR)).status).toBe('at_risk'); // exactly the limit: not past it
    const breached = slaStatusOf(promise, points, at(HOUR + 1));
    expect(breached.status).toBe('breached');
    expect(breached.reasons).toEqual([
      expect.objectContaining({ measure: 'freshness', level: 'breached', observed: HOUR + 1, limit: HOUR }),
    ]);
    expect(breached.breachStart).toBe(at(HOUR).toISOString());
  });

  it('uses the newest lastUpdate in the window, whatever the order of observations', () => {
    const mixed = [
      obs({ offset: -3 * HOUR, lastUpdate: at(-3 * HOUR).toISOString() }),
      obs({ offset: -2 * HOUR, lastUpdate: at(-10 * 60_000).toISOString() }),
    ];
    expect(slaStatusOf(promise, mixed, T0).measures.freshnessAgeMs).toBe(10 * 60_000);
    expect(slaStatusOf(promise, [...mixed].reverse(), T0).status).toBe('met');
  });

  it('does not judge freshness without a lastUpdate', () => {
    const result = slaStatusOf(promise, [obs({ lastUpdate: null })], at(5 * HOUR));
    expect(result.status).toBe('met');
    expect(result.measures.freshnessAgeMs).toBeUndefined();
  });

  it('is monotone in elapsed time while the observations stay in the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 48 * 60 }), // limit in minutes
        fc.integer({ min: 0, max: 6 * 86_400_000 }),
        fc.integer({ min: 0, max: 6 * 86_400_000 }),
        (limitMin, a, b) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          const p = { freshness: `PT${limitMin}M` };
          const s1 = slaStatusOf(p, points, at(early)).status;
          const s2 = slaStatusOf(p, points, at(late)).status;
          expect(slaStatusRank(s1)).toBeLessThanOrEqual(slaStatusRank(s2));
        },
      ),
    );
  });
});

describe('SLA status: availability and completeness budgets', () => {
  const runs = (n: number, failed: number) =>
    Array.from({ length: n }, (_, i) => obs({ offset: -i * 60_000, availability: i >= failed }));

  it('availability 99 % promised (budget 1 point): 0.7 spent is met, 0.8 at_risk, exactly 1 still at_risk, 1.1 breached', () => {
    const promise = { availability: 99 };
    expect(slaStatusOf(promise, runs(1000, 5), T0).status).toBe('met');
    expect(slaStatusOf(promise, runs(1000, 7), T0).status).toBe('met');
    expect(slaStatusOf(promise, runs(1000, 8), T0).status).toBe('at_risk');
    expect(slaStatusOf(promise, runs(1000, 10), T0).status).toBe('at_risk'); // 99.0 observed = the promise: kept, budget fully spent
    const breached = slaStatusOf(promise, runs(1000, 11), T0);
    expect(breached.status).toBe('breached');
    expect(breached.measures.availability).toBeCloseTo(98.9, 9);
    expect(breached.breachStart).toBe(T0.toISOString());
  });

  it('99.9 % kept exactly is not a breach despite floating point', () => {
    expect(slaStatusOf({ availability: 99.9 }, runs(1000, 1), T0).status).toBe('at_risk');
    expect(slaStatusOf({ availability: 99.9 }, runs(1000, 2), T0).status).toBe('breached');
  });

  it('a promise of 100 % has no budget: any shortfall breaches', () => {
    expect(slaStatusOf({ availability: 100 }, runs(10, 0), T0).status).toBe('met');
    expect(slaStatusOf({ availability: 100 }, runs(10, 1), T0).status).toBe('breached');
  });

  it('completeness is the row-weighted mean', () => {
    const points = [obs({ rowCount: 9900, completeness: 100 }), obs({ offset: -1, rowCount: 100, completeness: 0 })];
    const result = slaStatusOf({ completeness: 99.5 }, points, T0);
    expect(result.measures.completeness).toBeCloseTo(99, 9);
    expect(result.status).toBe('breached');
    expect(result.reasons[0]).toMatchObject({ measure: 'completeness', level: 'breached', limit: 99.5 });
    expect(slaStatusOf({ completeness: 98.5 }, points, T0).status).toBe('met'); // 1 of 1.5 budget points spent: 67 %
    expect(slaStatusOf({ completeness: 98.8 }, points, T0).status).toBe('at_risk'); // 1 of 1.2: 83 %
  });

  it('breached exactly when the observed availability is below the promise', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.nat(400),
        fc.integer({ min: 0, max: 1000 }),
        (n, f, promiseTenths) => {
          const failed = Math.min(f, n);
          const promise = promiseTenths / 10;
          const result = slaStatusOf({ availability: promise }, runs(n, failed), T0);
          const observed = (100 * (n - failed)) / n;
          expect(result.status === 'breached').toBe(observed < promise - 1e-9);
        },
      ),
    );
  });

  it('more failures never improve the status', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.nat(300),
        fc.nat(300),
        fc.integer({ min: 900, max: 1000 }),
        (n, a, b, tenths) => {
          const [few, many] = [Math.min(a, b, n), Math.min(Math.max(a, b), n)];
          const p = { availability: tenths / 10 };
          expect(slaStatusRank(slaStatusOf(p, runs(n, few), T0).status)).toBeLessThanOrEqual(
            slaStatusRank(slaStatusOf(p, runs(n, many), T0).status),
          );
        },
      ),
    );
  });
});

describe('SLA status: window and summary', () => {
  it('is unknown without observations in the window', () => {
    const result = slaStatusOf({ freshness: 'PT1H' }, [obs({ offset: -DEFAULT_SLA_WINDOW_MS })], T0);
    expect(result.status).toBe('unknown');
    expect(result.reasons[0]).toMatchObject({ measure: 'observations', level: 'unknown' });
    expect(result.window).toEqual({
      from: at(-DEFAULT_SLA_WINDOW_MS).toISOString(),
      to: T0.toISOString(),
      ms: DEFAULT_SLA_WINDOW_MS,
    });
  });

  it('ignores observations after now (reported ahead of a clock)', () => {
    expect(summarizeObservations([obs({ offset: 1 })], T0).observations).toBe(0);
  });

  it('is met with observations and no promise', () => {
    expect(slaStatusOf(null, [obs({ availability: false, completeness: 0 })], T0)).toMatchObject({
      status: 'met',
      reasons: [],
    });
  });

  it('the worst measure wins and every failing measure is a reason', () => {
    const result = slaStatusOf(
      { freshness: 'PT1H', availability: 99, completeness: 99 },
      [
        obs({
          availability: false,
          completeness: 99.5,
          offset: -50 * 60_000,
          lastUpdate: at(-50 * 60_000).toISOString(),
        }),
      ],
      T0,
    );
    expect(result.status).toBe('breached');
    expect(result.reasons.map((r) => `${r.measure}:${r.level}`)).toEqual([
      'freshness:at_risk',
      'availability:breached',
    ]);
  });

  it('summary then evaluation does not depend on the order of observations', () => {
    const point = fc
      .record({
        offset: fc.integer({ min: -8 * 86_400_000, max: 0 }),
        lag: fc.option(fc.integer({ min: 0, max: 5 * HOUR }), { nil: null }),
        rowCount: fc.option(fc.nat(1000), { nil: null }),
        completeness: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        availability: fc.boolean(),
      })
      .map((r) =>
        obs({
          offset: r.offset,
          lastUpdate: r.lag === null ? null : at(r.offset - r.lag).toISOString(),
          rowCount: r.rowCount,
          completeness: r.completeness,
          availability: r.availability,
        }),
      );
    fc.assert(
      fc.property(fc.array(point, { maxLength: 20 }), (points) => {
        const promise = { freshness: 'PT2H', availability: 95, completeness: 90 };
        const forward = evaluateSla(promise, summarizeObservations(points, T0), T0);
        const backward = evaluateSla(promise, summarizeObservations([...points].reverse(), T0), T0);
        expect(backward.status).toBe(forward.status);
        expect(backward.breachStart).toBe(forward.breachStart);
      }),
    );
  });
});
