import { createSafeRegExp, UnsafePatternError } from '../../regex/safe-regexp.js';
import { parseRegex, RegexDeclined, type RegexFlavour, type RegexNode } from './parse.js';
import type { RangeSet } from './ranges.js';

/** How one SQL engine writes a regular expression: what differs between RE2, PostgreSQL's ARE, Java, … */
export interface RegexSyntax {
  /** The largest `{n,m}` count the engine accepts. */
  maxRepeat: number;
  /** A code point as a literal, outside (`inClass` false) or inside a bracket expression. */
  char(cp: number, inClass: boolean): string;
  /** ASCII word boundary (`\b`) or its negation (`\B`), as ECMAScript and RE2 define them. */
  wordBoundary(negated: boolean): string;
  /** A pattern that matches no string (an empty class). */
  nothing: string;
}

/** A contract pattern translated for one engine, or why it stays with the streaming engine. */
export type TranslatedPattern = { ok: true; pattern: string } | { ok: false; reason: string };

/**
 * Translates a contract `pattern` (or a `regex` rule) into `syntax` with exactly
 * the meaning the streaming engine gives it: a search (unanchored unless the
 * pattern says so), over code points, with `.`/`\s` as the engine that
 * `createSafeRegExp` picks for it defines them.
 */
export function translatePattern(pattern: string, syntax: RegexSyntax): TranslatedPattern {
  let flavour: RegexFlavour;
  try {
    flavour = createSafeRegExp(pattern).engine === 'native' ? 'ecmascript' : 're2';
  } catch (err) {
    if (err instanceof UnsafePatternError) return { ok: false, reason: err.reason };
    throw err;
  }
  try {
    return { ok: true, pattern: emit(parseRegex(pattern, flavour), syntax) };
  } catch (err) {
    if (err instanceof RegexDeclined) return { ok: false, reason: `the pattern uses ${err.message}` };
    throw err;
  }
}

export function emit(node: RegexNode, syntax: RegexSyntax): string {
  switch (node.t) {
    case 'seq':
      return node.items.map((item) => (item.t === 'alt' ? `(?:${emit(item, syntax)})` : emit(item, syntax))).join('');
    case 'alt':
      return node.options.map((o) => emit(o, syntax)).join('|');
    case 'repeat':
      return emitRepeat(node, syntax);
    case 'set':
      return emitSet(node.ranges, syntax);
    case 'assert':
      if (node.kind === 'start') return '^';
      if (node.kind === 'end') return '$';
      return syntax.wordBoundary(node.kind === 'notWord');
  }
}

function emitRepeat(node: Extract<RegexNode, { t: 'repeat' }>, syntax: RegexSyntax): string {
  if (node.min > syntax.maxRepeat || (node.max ?? 0) > syntax.maxRepeat)
    throw new RegexDeclined(`a repetition count above ${syntax.maxRepeat}`);
  const body = node.body.t === 'set' ? emit(node.body, syntax) : `(?:${emit(node.body, syntax)})`;
  const { min, max } = node;
  const q =
    max === undefined
      ? min === 0
        ? '*'
        : min === 1
          ? '+'
          : `{${min},}`
      : min === 0 && max === 1
        ? '?'
        : min === max
          ? `{${min}}`
          : `{${min},${max}}`;
  return body + q;
}

function emitSet(ranges: RangeSet, syntax: RegexSyntax): string {
  if (ranges.length === 0) return syntax.nothing;
  if (ranges.length === 1 && ranges[0][0] === ranges[0][1]) return syntax.char(ranges[0][0], false);
  const items = ranges.map(([a, b]) =>
    a === b
      ? syntax.char(a, true)
      : b === a + 1
        ? syntax.char(a, true) + syntax.char(b, true)
        : `${syntax.char(a, true)}-${syntax.char(b, true)}`,
  );
  return `[${items.join('')}]`;
}

/** Printable ASCII letters and digits stand for themselves in every dialect; the rest is escaped. */
export function isPlainAscii(cp: number): boolean {
  return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
}
