/**
 * Numbers of columnar data as JSON numbers, one rule for every reader:
 * - a DECIMAL is the nearest double of its exact decimal text (57 at scale 2 is
 *   0.57, not 57 × 0.01 = 0.5700000000000001, which `multipleOf: 0.01` would refuse);
 * - a 64-bit integer is a number when it is a safe integer, else its decimal text
 *   (JSON.parse would round it).
 */
export function decimalNumber(unscaled: bigint | number, scale: number): number {
  // both operands exact (|unscaled| < 2^53, 10^scale for scale ≤ 22): one correctly rounded division
  if (typeof unscaled === 'number' && Number.isSafeInteger(unscaled) && scale <= 22) return unscaled / 10 ** scale;
  const big = BigInt(unscaled);
  if (big >= -MAX_SAFE && big <= MAX_SAFE && scale <= 22) return Number(big) / 10 ** scale;
  return Number(decimalText(big, scale));
}

/** The exact decimal text of `unscaled × 10^-scale`. */
export function decimalText(unscaled: bigint, scale: number): string {
  if (scale <= 0) return (unscaled * 10n ** BigInt(-scale)).toString();
  const digits = (unscaled < 0n ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  return `${unscaled < 0n ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A 64-bit integer as records hold it: a number when safe, else its decimal text. */
export function int64Value(value: bigint | number): number | string {
  if (typeof value === 'number') return value;
  return value >= -MAX_SAFE && value <= MAX_SAFE ? Number(value) : value.toString();
}
