import fc from 'fast-check';
import { isDecimalMultiple, toDecimal } from '../../src/core/contract/decimal.js';

describe('decimal-exact multipleOf', () => {
  it.each([
    [0.3, 0.1, true],
    [19.99, 0.01, true],
    [20.2, 10.1, true],
    [141.4, 20.2, true],
    [10.1, 20.2, false],
    [0.35, 0.1, false],
    [1e-7, 1e-8, true],
    [1.5e300, 0.5, true],
    [7, 2, false],
    [-4.5, 1.5, true],
    [0, 0.7, true],
  ])('%p is a multiple of %p: %p', (value, divisor, expected) => {
    expect(isDecimalMultiple(value, divisor)).toBe(expected);
  });

  it('reads numbers as their shortest decimal form', () => {
    expect(toDecimal(0.1)).toEqual({ mantissa: 1n, exponent: -1 });
    expect(toDecimal(1.25e-7)).toEqual({ mantissa: 125n, exponent: -9 });
    expect(toDecimal(-3e21)).toEqual({ mantissa: -3n, exponent: 21 });
  });

  it('every whole number of cents is a multiple of 0.01 (ajv rejects about one in nine)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (cents) => isDecimalMultiple(cents / 100, 0.01)),
    );
  });

  it('k × m is a multiple of m and (k + ½) × m is not, for m in cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 1, max: 999 }), (k, units) => {
        const m = units / 100; // 0.01 … 9.99
        const multiple = Number(`${BigInt(k) * BigInt(units)}e-2`); // k × m, exactly
        const between = Number(`${(2n * BigInt(k) + 1n) * BigInt(units) * 5n}e-3`); // (k + ½) × m, exactly
        return isDecimalMultiple(multiple, m) && !isDecimalMultiple(between, m);
      }),
    );
  });

  it('refuses a non-positive divisor', () => {
    expect(() => isDecimalMultiple(1, 0)).toThrow(/multipleOf must be > 0/);
  });
});
