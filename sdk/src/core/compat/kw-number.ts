import { decimalMultiple } from '../contract/decimal-keyword.js';
import type { Cmp } from './context.js';
import { decimalHalf, decimalTimes, gridStep } from './decimal-grid.js';
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
  checkMultipleOf(A, B, c, intOnly);
}

/** Exact in decimal arithmetic: every value on A's grid is a multiple of m exactly when m divides the grid's step. */
function checkMultipleOf(A: Shape, B: Shape, c: Cmp, intOnly: boolean): void {
  const grid = gridStep(A.multipleOf, intOnly);
  for (const m of B.multipleOf) {
    if (grid !== undefined && decimalMultiple(grid, m)) continue;
    const code = A.multipleOf.length ? 'MULTIPLE_OF_CHANGED' : c.pick('MULTIPLE_OF_ADDED', 'MULTIPLE_OF_REMOVED');
    const { prev, next } = c.pv(A.multipleOf.join(', ') || 'none', String(m));
    c.report(code, 'multipleOf', `multipleOf ${prev} → ${next}`, { samples: multipleSamples(A, grid, m) });
  }
}

/** Values on A's grid (its step, else halves of m) inside A's bounds that are not multiples of `m`. */
function multipleSamples(A: Shape, grid: number | undefined, m: number): number[] {
  const step = grid ?? decimalHalf(m);
  const start = A.lower ? Math.ceil(A.lower.v / step) : 1;
  const out: number[] = [];
  for (let k = start; k < start + 40 && out.length < 3; k++) {
    const v = decimalTimes(k, step);
    if (!decimalMultiple(v, m)) out.push(v);
  }
  return out;
}
