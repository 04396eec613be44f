import type { RegexNode } from './parse.js';
import { normalize, type RangeSet } from './ranges.js';

/**
 * The `i` flag of a non-unicode ECMAScript RegExp (ajv-formats' patterns), for
 * patterns whose letters are ASCII: ECMAScript never folds a non-ASCII character
 * onto an ASCII one there, so ASCII letters match both cases and nothing else
 * changes (ajv-formats' case-insensitive patterns contain only ASCII).
 */
export function foldAsciiCase(node: RegexNode): RegexNode {
  switch (node.t) {
    case 'seq':
      return { t: 'seq', items: node.items.map(foldAsciiCase) };
    case 'alt':
      return { t: 'alt', options: node.options.map(foldAsciiCase) };
    case 'repeat':
    case 'capture':
      return { ...node, body: foldAsciiCase(node.body) };
    case 'set':
      return { t: 'set', ranges: foldSet(node.ranges) };
    case 'assert':
      return node;
  }
}

function foldSet(ranges: RangeSet): RangeSet {
  const extra: [number, number][] = [];
  for (const [a, b] of ranges) {
    const lo = Math.max(a, 0x41);
    const hi = Math.min(b, 0x5a);
    if (lo <= hi) extra.push([lo + 32, hi + 32]);
    const lo2 = Math.max(a, 0x61);
    const hi2 = Math.min(b, 0x7a);
    if (lo2 <= hi2) extra.push([lo2 - 32, hi2 - 32]);
  }
  return normalize([...ranges, ...extra]);
}
