import type { Cmp } from './context.js';
import type { Bound, Shape } from './shape.js';

const show = (b: Bound | undefined, side: 'min' | 'max') =>
  b ? `${side === 'min' ? (b.ex ? '>' : '≥') : b.ex ? '<' : '≤'} ${b.v}` : 'none';

/** For integers, bounds become inclusive integers, so `minimum: 1` equals `exclusiveMinimum: 0`. */
function intLower(b: Bound | undefined): Bound | undefined {
  return b && { v: b.ex ? Math.floor(b.v) + 1 : Math.ceil(b.v), ex: false };
}
function intUpper(b: Bound | undefined): Bound | undefined {
  return b && { v: b.ex ? Math.ceil(b.v) - 1 : Math.floor(b.v), ex: false };
}

/** Whether every number above `a` is above `b` (lower bounds). */
export function lowerWithin(a: Bound | undefined, b: Bound | undefined): boolean {
  if (!b) return true;
  if (!a) return false;
  return a.v > b.v || (a.v === b.v && (!b.ex || a.ex));
}
export function upperWithin(a: Bound | undefined, b: Bound | undefined): boolean {
  if (!b) return true;
  if (!a) return false;
  return a.v < b.v || (a.v === b.v && (!b.ex || a.ex));
}

/** Whether every multiple of `a` is a multiple of `b`; exact only for integers (float division is not trusted). */
function divides(b: number, a: number): boolean {
  if (a === b) return true;
  return Number.isInteger(a) && Number.isInteger(b) && a % b === 0;
}

export function checkNumber(A: Shape, B: Shape, c: Cmp, intOnly: boolean): void {
  const aLow = intOnly ? intLower(A.lower) : A.lower;
  const bLow = intOnly ? intLower(B.lower) : B.lower;
  const aUp = intOnly ? intUpper(A.upper) : A.upper;
  const bUp = intOnly ? intUpper(B.upper) : B.upper;
  if (!lowerWithin(aLow, bLow)) {
    const kw = B.lower?.ex ? 'exclusiveMinimum' : 'minimum';
    const code = aLow ? c.pick('MINIMUM_INCREASED', 'MINIMUM_DECREASED') : c.pick('MINIMUM_ADDED', 'MINIMUM_REMOVED');
    const { prev, next } = c.pv(show(A.lower, 'min'), show(B.lower, 'min'));
    const sample = aLow && aLow.v >= bLow!.v ? aLow.v : intOnly ? bLow!.v - 1 : bLow!.ex ? bLow!.v : bLow!.v - 1;
    c.report(code, kw, `lower bound ${prev} → ${next}`, { samples: [aLow && !aLow.ex ? aLow.v : sample, sample] });
  }
  if (!upperWithin(aUp, bUp)) {
    const kw = B.upper?.ex ? 'exclusiveMaximum' : 'maximum';
    const code = aUp ? c.pick('MAXIMUM_DECREASED', 'MAXIMUM_INCREASED') : c.pick('MAXIMUM_ADDED', 'MAXIMUM_REMOVED');
    const { prev, next } = c.pv(show(A.upper, 'max'), show(B.upper, 'max'));
    const sample = aUp && aUp.v <= bUp!.v ? aUp.v : intOnly ? bUp!.v + 1 : bUp!.ex ? bUp!.v : bUp!.v + 1;
    c.report(code, kw, `upper bound ${prev} → ${next}`, { samples: [aUp && !aUp.ex ? aUp.v : sample, sample] });
  }
  for (const m of B.multipleOf) {
    if (intOnly && m === 1) continue;
    if (A.multipleOf.some((am) => divides(m, am))) continue;
    const code = A.multipleOf.length ? 'MULTIPLE_OF_CHANGED' : c.pick('MULTIPLE_OF_ADDED', 'MULTIPLE_OF_REMOVED');
    const { prev, next } = c.pv(A.multipleOf.join(', ') || 'none', String(m));
    c.report(code, 'multipleOf', `multipleOf ${prev} → ${next}`, { samples: multipleSamples(A, m, intOnly) });
  }
}

/** Values on A's grid (its multipleOf, else integers or halves) that are not multiples of `m`. */
function multipleSamples(A: Shape, m: number, intOnly: boolean): number[] {
  const step = A.multipleOf[0] ?? (intOnly ? 1 : m / 2);
  const start = A.lower ? Math.ceil(A.lower.v / step) : 1;
  const out: number[] = [];
  for (let k = start; k < start + 40 && out.length < 3; k++) {
    const v = k * step;
    if (v / m !== Math.floor(v / m)) out.push(v);
  }
  return out;
}
