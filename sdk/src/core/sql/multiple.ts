import type { Decimal } from '../contract/decimal.js';

/**
 * `multipleOf` in integer arithmetic, with dmesh's decimal meaning
 * (`core/contract/decimal.ts`): a divisor m = M·10^e and a value v = D·10^E
 * (D without trailing zeros) give v/m = (D/M)·10^(E−e). With j = E − e:
 * j < 0 → never an integer (D has no factor 10, v ≠ 0); j ≥ 0 → an integer
 * exactly when D is divisible by g(j) = M / gcd(M, 10^j). g(j) stops changing
 * once 10^j holds every factor 2 and 5 of M, so a short table covers every j.
 */
export function moduliByExponent(divisor: Decimal): bigint[] {
  const m = divisor.mantissa < 0n ? -divisor.mantissa : divisor.mantissa;
  const last = Math.max(valuation(m, 2n), valuation(m, 5n));
  const table: bigint[] = [];
  for (let j = 0; j <= last; j++) table.push(m / gcd(m, 10n ** BigInt(j)));
  return table;
}

function valuation(n: bigint, p: bigint): number {
  let k = 0;
  while (n !== 0n && n % p === 0n) {
    n /= p;
    k++;
  }
  return k;
}

/** For an integer value v: a decimal multiple of `divisor` exactly when v % modulus = 0. */
export function integerModulus(divisor: Decimal): bigint {
  const m = divisor.mantissa < 0n ? -divisor.mantissa : divisor.mantissa;
  if (divisor.exponent >= 0) return m * 10n ** BigInt(divisor.exponent);
  return m / gcd(m, 10n ** BigInt(-divisor.exponent));
}

/** For a decimal value U·10^-scale (U an integer): a decimal multiple of `divisor` exactly when U % modulus = 0. */
export function decimalModulus(divisor: Decimal, scale: number): bigint {
  const m = divisor.mantissa < 0n ? -divisor.mantissa : divisor.mantissa;
  const k = -scale - divisor.exponent; // U·10^-scale / (m·10^e) = U·10^k / m
  if (k < 0) return m * 10n ** BigInt(-k);
  return m / gcd(m, 10n ** BigInt(k));
}

export function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}
