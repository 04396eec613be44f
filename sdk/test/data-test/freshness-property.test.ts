import fc from 'fast-check';
import { freshness } from '../../src/core/quality/rules/freshness.js';

/** The same instant written the ways real files write it. */
const formats = [
  (d: Date) => d.toISOString(), // 2026-11-22T09:30:00.123Z
  (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z'), // no milliseconds
  (d: Date) => new Date(d.getTime() + 2 * 3_600_000).toISOString().replace('Z', '+02:00'), // an offset
  (d: Date) => d.getTime(), // epoch milliseconds
];

describe('freshness finds the newest timestamp whatever the formats and batches', () => {
  it('newest equals the Date.parse maximum, for any split into batches', () => {
    fc.assert(
      fc.property(
        // whole seconds, so every format writes exactly the same instant
        fc.array(
          fc.record({
            ms: fc.integer({ min: Date.UTC(2020, 0, 1) / 1000, max: Date.UTC(2030, 0, 1) / 1000 }).map((s) => s * 1000),
            format: fc.nat(formats.length - 1),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        fc.array(fc.nat(60), { maxLength: 4 }),
        (values, cuts) => {
          const acc = freshness({ rule: 'freshness', field: 't', maxAge: 'P36500D' });
          const cutAt = new Set(cuts);
          values.forEach((v, i) => {
            if (cutAt.has(i)) acc.merge(acc.takePartial(), () => undefined);
            expect(acc.observe({ t: formats[v.format](new Date(v.ms)) }, i + 1)).toBeUndefined();
          });
          acc.merge(acc.takePartial(), () => undefined);
          const result = acc.result(new Date(Date.UTC(2031, 0, 1))) as { newest?: string; passed: boolean };
          const max = Math.max(...values.map((v) => v.ms));
          expect(result.newest).toBe(new Date(max).toISOString());
          expect(result.passed).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('still fails a value that only looks like a timestamp', () => {
    const acc = freshness({ rule: 'freshness', field: 't', maxAge: 'P1D' });
    expect(acc.observe({ t: '2026-11-22T09:30:00Z' }, 1)).toBeUndefined();
    expect(acc.observe({ t: '2026-13-22T09:30:00Z' }, 2)).toContain('not an ISO-8601 timestamp');
    expect(acc.observe({ t: 'yesterday' }, 3)).toContain('not an ISO-8601 timestamp');
  });

  it('a canonical-looking time that is no time (second 60) fails its record and never hides the newest one', () => {
    const acc = freshness({ rule: 'freshness', field: 't', maxAge: 'P1D' });
    expect(acc.observe({ t: '2024-06-01T10:00:00Z' }, 1)).toBeUndefined();
    // same length, sorts above the real one as text
    expect(acc.observe({ t: '2024-06-01T23:59:60Z' }, 2)).toContain('not an ISO-8601 timestamp');
    acc.merge(acc.takePartial(), () => undefined);
    const result = acc.result(new Date('2024-06-01T12:00:00Z'));
    expect(result).toMatchObject({ newest: '2024-06-01T10:00:00.000Z', checked: 2, failed: 1 });
  });

  it('a day past the end of its month is read as Date.parse reads it (rolled over), not compared as text', () => {
    const acc = freshness({ rule: 'freshness', field: 't', maxAge: 'P1D' });
    // 2024-02-31 is March 2nd for Date.parse: newer than March 1st, though it sorts below it as text
    expect(acc.observe({ t: '2024-03-01T12:00:00Z' }, 1)).toBeUndefined();
    expect(acc.observe({ t: '2024-02-31T10:00:00Z' }, 2)).toBeUndefined();
    acc.merge(acc.takePartial(), () => undefined);
    expect(acc.result(new Date('2024-03-02T12:00:00Z'))).toMatchObject({ newest: '2024-03-02T10:00:00.000Z' });
  });

  it('epoch numbers Date cannot hold (beyond ±8.64e15 ms) fail their record instead of throwing', () => {
    const acc = freshness({ rule: 'freshness', field: 't', maxAge: 'P1D' });
    expect(acc.observe({ t: 8.64e15 }, 1)).toBeUndefined();
    expect(acc.observe({ t: 8.64e15 + 1 }, 2)).toContain('not an ISO-8601 timestamp');
    expect(acc.observe({ t: -1e300 }, 3)).toContain('not an ISO-8601 timestamp');
    acc.merge(acc.takePartial(), () => undefined);
    expect(acc.result(new Date(0))).toMatchObject({ newest: '+275760-09-13T00:00:00.000Z', failed: 2 });
  });
});
