import fc from 'fast-check';
import { decimalNumber, decimalText, int64Value } from '../../src/core/columnar/numbers.js';
import { presentTime, presentTimestamp } from '../../src/core/columnar/present.js';
import { civilDate, isoDate, isoInstant, isoLocal, timeOfDay } from '../../src/core/columnar/time.js';
import { parseZone, zoneAt } from '../../src/core/columnar/zone.js';

/** The one rendering of columnar dates, times and numbers (core/columnar), which every reader calls. */
describe('columnar values', () => {
  it('dates: YYYY-MM-DD, years outside 0–9999 as Date writes them, and beyond its range by the same calendar', () => {
    expect(isoDate(0)).toBe('1970-01-01');
    expect(isoDate(19_723)).toBe('2024-01-01');
    expect(isoDate(-719_528)).toBe('0000-01-01');
    expect(isoDate(-719_529)).toBe('-000001-12-31');
    expect(isoDate(2_932_897)).toBe('+010000-01-01');
    expect(isoDate(100_000_001)).toBe('+275760-09-14');
    expect(isoDate(-100_000_001n)).toBe('-271821-04-19');
  });

  it('dates beyond Date’s range follow the calendar Date uses inside it', () => {
    // the two ways agree on the whole Date range; the civil one takes over past it
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (days) => {
        const viaDate = new Date(days * 86_400_000).toISOString();
        expect(civilDate(BigInt(days))).toBe(viaDate.slice(0, viaDate.indexOf('T')));
      }),
    );
    expect(isoLocal(86_400n * 100_000_001n, 1n)).toBe('+275760-09-14T00:00:00.000');
  });

  it('timestamps: milliseconds always, finer digits only when they are not zero, whatever the unit', () => {
    expect(isoInstant(1_717_243_199_999_500n, 1_000_000n)).toBe('2024-06-01T11:59:59.9995Z');
    expect(isoInstant(1_717_243_199_000_000_000n, 1_000_000_000n)).toBe('2024-06-01T11:59:59.000Z');
    expect(isoInstant(1_717_243_199_123_456_789n, 1_000_000_000n)).toBe('2024-06-01T11:59:59.123456789Z');
    expect(isoInstant(-500n, 1_000_000n)).toBe('1969-12-31T23:59:59.9995Z');
    expect(isoInstant(1_717_243_199n, 1n)).toBe('2024-06-01T11:59:59.000Z');
    expect(isoLocal(-1n, 1000n)).toBe('1969-12-31T23:59:59.999');
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (micros) => {
        const text = isoInstant(micros, 1_000_000n);
        // the same instant at a finer unit renders the same
        expect(isoInstant(micros * 1000n, 1_000_000_000n)).toBe(text);
        if (micros % 1000n === 0n) expect(isoInstant(micros / 1000n, 1000n)).toBe(text);
      }),
    );
  });

  it('times of day: HH:MM:SS.sss…, 24:00:00 as it is', () => {
    expect(timeOfDay(86_399_999_500n, 1_000_000n)).toBe('23:59:59.9995');
    expect(timeOfDay(86_400_000_000n, 1_000_000n)).toBe('24:00:00.000');
    expect(timeOfDay(0, 1000n)).toBe('00:00:00.000');
  });

  it('x-timezone: UTC, fixed offsets and IANA zones; anything else names the field', () => {
    expect(parseZone('utc')).toEqual({ kind: 'fixed', suffix: 'Z', minutes: 0 });
    expect(parseZone('-05:30')).toEqual({ kind: 'fixed', suffix: '-05:30', minutes: -330 });
    expect(parseZone('Europe/Oslo')).toEqual({ kind: 'named', name: 'Europe/Oslo' });
    expect(parseZone('+24:00')).toBeUndefined();
    expect(parseZone('Mars/Olympus')).toBeUndefined();
    const oslo = parseZone('Europe/Oslo');
    expect(presentTimestamp(1_717_243_200_000_000n, 1_000_000n, false, oslo)).toBe('2024-06-01T12:00:00.000+02:00');
    expect(presentTimestamp(1_704_110_400_000n, 1000n, false, oslo)).toBe('2024-01-01T12:00:00.000+01:00');
    expect(presentTimestamp(1_704_110_400_000n, 1000n, false)).toBe('2024-01-01T12:00:00.000');
    expect(presentTimestamp(1_704_110_400_000n, 1000n, true, oslo)).toBe('2024-01-01T12:00:00.000Z');
    expect(presentTime(3_600_000n, 1000n, false, oslo)).toBe('01:00:00.000');
    expect(presentTime(3_600_000n, 1000n, false, parseZone('+02:00'))).toBe('01:00:00.000+02:00');
    const contract = { properties: { at: { allOf: [{ 'x-timezone': 'Mars/Olympus' }] } } };
    expect(() => zoneAt(contract, ['at'])).toThrow(/x-timezone of at is "Mars\/Olympus"; write "UTC"/);
  });

  it('decimals: the nearest double of the exact decimal text, whatever the width', () => {
    expect(decimalNumber(57, 2)).toBe(0.57);
    expect(decimalNumber(123456789012345678901234n, 4)).toBe(Number('12345678901234567890.1234'));
    expect(decimalText(-5n, 3)).toBe('-0.005');
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 38n), max: 10n ** 38n }), fc.integer({ min: 0, max: 38 }), (u, s) => {
        expect(decimalNumber(u, s)).toBe(Number(decimalText(u, s)));
      }),
    );
  });

  it('64-bit integers: numbers when safe, else their digits', () => {
    expect(int64Value(9_007_199_254_740_991n)).toBe(9_007_199_254_740_991);
    expect(int64Value(9_007_199_254_740_992n)).toBe('9007199254740992');
    expect(int64Value(-9_007_199_254_740_993n)).toBe('-9007199254740993');
  });
});
