/**
 * dmesh's one meaning of `multipleOf`: decimal-exact. A JSON number is read as
 * the exact decimal of its shortest round-trip form (`String(x)`: 0.3 is 3/10,
 * not the binary double nearest it), and `x` is a multiple of `m` when `x / m`
 * is an integer in exact arithmetic. ajv divides in floating point, which
 * rejects 0.3 for `multipleOf: 0.1` and about one cent amount in nine for 0.01;
 * validation, data tests, the compatibility engine and the SQL engines all use
 * this function's meaning instead.
 */
export interface Decimal {
  /** value = mantissa × 10^exponent */
  mantissa: bigint;
  exponent: number;
}

/** The exact decimal of a finite number's shortest round-trip form. */
export function toDecimal(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const [coefficient, exp = '0'] = String(x).toLowerCase().split('e');
  const [whole, fraction = ''] = coefficient.split('.');
  return { mantissa: BigInt(whole + fraction), exponent: Number(exp) - fraction.length };
}

/** True when `value / divisor` is an integer with both read as exact decimals; `divisor` must be > 0. */
export function isDecimalMultiple(value: number, divisor: number): boolean {
  if (!(divisor > 0)) throw new RangeError(`multipleOf must be > 0, got ${divisor}`);
  if (!Number.isFinite(value)) return false;
  if (value === 0) return true;
  const v = toDecimal(value);
  const d = toDecimal(divisor);
  const e = Math.min(v.exponent, d.exponent);
  const scaledValue = v.mantissa * 10n ** BigInt(v.exponent - e);
  const scaledDivisor = d.mantissa * 10n ** BigInt(d.exponent - e);
  return scaledValue % scaledDivisor === 0n;
}
