import { toDecimal } from '../contract/decimal.js';

/**
 * Exact decimal arithmetic for `multipleOf` in the checker, with the meaning
 * decimal.ts gives it everywhere: the values a schema allows lie on a grid
 * (the least common multiple of its `multipleOf`s, and of 1 for integers),
 * and another `multipleOf` holds for all of them exactly when it divides the
 * grid's step.
 */

const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
};

/** A decimal's value written as a JS number, when the number's shortest form is exactly that decimal. */
function toNumber(mantissa: bigint, exponent: number): number | undefined {
  const n = Number(`${mantissa}e${exponent}`);
  if (!Number.isFinite(n)) return undefined;
  const back = toDecimal(n);
  const e = Math.min(back.exponent, exponent);
  const same = back.mantissa * 10n ** BigInt(back.exponent - e) === mantissa * 10n ** BigInt(exponent - e);
  return same ? n : undefined;
}

/** The least common multiple of positive decimals; undefined when a number cannot hold it exactly. */
export function decimalLcm(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const ds = values.map(toDecimal);
  const e = Math.min(...ds.map((d) => d.exponent));
  let l = 1n;
  for (const d of ds) {
    const n = d.mantissa * 10n ** BigInt(d.exponent - e);
    l = (l / gcd(l, n)) * n;
  }
  return toNumber(l, e);
}

/** The step every allowed number is a multiple of (undefined: no grid, any number). */
export function gridStep(multipleOf: number[], integer: boolean): number | undefined {
  return decimalLcm(integer ? [...multipleOf, 1] : multipleOf);
}

/** k × step in exact decimal arithmetic (so 3 × 0.1 is 0.3, a multiple of 0.1, not 0.30000000000000004). */
export function decimalTimes(k: number, step: number): number {
  const d = toDecimal(step);
  return toNumber(BigInt(k) * d.mantissa, d.exponent) ?? k * step;
}

/** Half of a positive decimal, exactly: a value between two multiples of it. */
export function decimalHalf(m: number): number {
  const d = toDecimal(m);
  return toNumber(d.mantissa * 5n, d.exponent - 1) ?? m / 2;
}
