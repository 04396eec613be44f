/**
 * Sets of Unicode code points as sorted, disjoint, non-adjacent inclusive ranges.
 * Character classes are translated through these, so `[\S\d]` or `[^\s]` become
 * plain ranges every SQL regex dialect reads the same way.
 */
export type RangeSet = readonly (readonly [number, number])[];

export const MAX_CODE_POINT = 0x10ffff;

export function normalize(ranges: Iterable<readonly [number, number]>): RangeSet {
  const sorted = [...ranges].filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function union(...sets: RangeSet[]): RangeSet {
  return normalize(sets.flat());
}

export function complement(set: RangeSet): RangeSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [a, b] of set) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

const of = (...chars: (string | [string, string])[]): RangeSet =>
  normalize(
    chars.map((c) =>
      typeof c === 'string' ? [c.codePointAt(0)!, c.codePointAt(0)!] : [c[0].codePointAt(0)!, c[1].codePointAt(0)!],
    ),
  );

export const DIGIT = of(['0', '9']);
export const WORD = of(['0', '9'], ['A', 'Z'], ['a', 'z'], '_');
/** ECMAScript `\s`: WhiteSpace and LineTerminator (ECMA-262 §22.2.2.9). */
export const JS_SPACE = of(
  ['\t', '\r'],
  ' ',
  '\u00a0',
  '\u1680',
  ['\u2000', '\u200a'],
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
);
/** RE2's `\s` (`[\t\n\f\r ]`): what a pattern routed to re2js means by it. */
export const RE2_SPACE = of('\t', '\n', '\f', '\r', ' ');
/** ECMAScript `.` without the `s` flag: every code point but the line terminators. */
export const JS_DOT = complement(of('\n', '\r', '\u2028', '\u2029'));
/** RE2's `.`: every code point but `\n`. */
export const RE2_DOT = complement(of('\n'));
export const ANY = complement([]);
