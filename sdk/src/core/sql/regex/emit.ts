import { createSafeRegExp, UnsafePatternError } from '../../regex/safe-regexp.js';
import { parseRegex, RegexDeclined, type RegexFlavour, type RegexNode } from './parse.js';
import type { RangeSet } from './ranges.js';

/** How one SQL engine writes a regular expression: what differs between RE2, PostgreSQL's ARE, Java, … */
export interface RegexSyntax {
  /** The largest `{n,m}` count the engine accepts. */
  maxRepeat: number;
  /** A code point as a literal, outside (`inClass` false) or inside a bracket expression. */
  char(cp: number, inClass: boolean): string;
  /** ASCII word boundary (`\b`) or its negation (`\B`), as ECMAScript and RE2 define them; undefined: declined. */
  wordBoundary(negated: boolean): string | undefined;
  /** A pattern that matches no string (an empty class). */
  nothing: string;
  /** A last say over the whole translated pattern (to step around an engine's rewriting of it). */
  whole?(node: RegexNode, pattern: string): string;
  /** False for a translation the engine itself refused to compile (too complex): the check stays in streaming. */
  accepts?(pattern: string): boolean;
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
    const node = parseRegex(pattern, flavour);
    const text = emit(node, syntax);
    const translated = syntax.whole ? syntax.whole(node, text) : text;
    if (syntax.accepts && !syntax.accepts(translated))
      return { ok: false, reason: 'the engine cannot compile its translation (too complex)' };
    return { ok: true, pattern: translated };
  } catch (err) {
    if (err instanceof RegexDeclined) return { ok: false, reason: `the pattern uses ${err.message}` };
    throw err;
  }
}

/** The pattern in the engine's syntax; capturing groups stay capturing only with `captures` (formats read them back). */
export function emit(node: RegexNode, syntax: RegexSyntax, captures = false): string {
  const sub = (n: RegexNode) => emit(n, syntax, captures);
  switch (node.t) {
    case 'capture':
      return captures ? `(${sub(node.body)})` : `(?:${sub(node.body)})`;
    case 'seq':
      return simplified(node.items)
        .map((item) => (item.t === 'alt' ? `(?:${sub(item)})` : sub(item)))
        .join('');
    case 'alt':
      return node.options.map(sub).join('|');
    case 'repeat':
      return emitRepeat(node, syntax, captures);
    case 'set':
      return emitSet(node.ranges, syntax);
    case 'assert':
      if (node.kind === 'start') return '^';
      if (node.kind === 'end') return '$';
      return (
        syntax.wordBoundary(node.kind === 'notWord') ??
        decline(`${node.kind === 'word' ? '\\b' : '\\B'}, which this engine reads differently`)
      );
  }
}

/**
 * Empty sequences dropped and repeated anchors written once (`^^` is `^`):
 * the same language, and DuckDB's regexp_matches answers a pattern made only
 * of repeated anchors wrongly (as if it were `^$`).
 */
export function simplified(items: RegexNode[]): RegexNode[] {
  const out: RegexNode[] = [];
  for (const item of items.flatMap((i) => (i.t === 'seq' ? i.items : [i]))) {
    const last = out[out.length - 1];
    if (item.t === 'assert' && last?.t === 'assert' && last.kind === item.kind) continue;
    out.push(item);
  }
  return out;
}

function emitRepeat(node: Extract<RegexNode, { t: 'repeat' }>, syntax: RegexSyntax, captures: boolean): string {
  if (node.min > syntax.maxRepeat || (node.max ?? 0) > syntax.maxRepeat)
    throw new RegexDeclined(`a repetition count above ${syntax.maxRepeat}`);
  const { min, max } = node;
  // a repeated empty class: the empty string when it may repeat zero times, else nothing
  if (node.body.t === 'set' && node.body.ranges.length === 0) return min === 0 ? '(?:)' : syntax.nothing;
  const body =
    node.body.t === 'set' || node.body.t === 'capture'
      ? emit(node.body, syntax, captures)
      : `(?:${emit(node.body, syntax, captures)})`;
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

function decline(reason: string): never {
  throw new RegexDeclined(reason);
}

/** Printable ASCII letters and digits stand for themselves in every dialect; the rest is escaped. */
export function isPlainAscii(cp: number): boolean {
  return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
}
