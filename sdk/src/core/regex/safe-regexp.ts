import { RE2JS } from 're2js';

/**
 * Regular expressions from contracts and quality rules must not be able to stall
 * a process (ARCHITECTURE.md, "Validating contracts and data"). Every pattern the
 * SDK runs goes through here, so the engine choice lives in one place.
 *
 * Design (hybrid, linear in every case):
 * 1. Only RE2 syntax is accepted: the pattern must parse with re2js. Features
 *    that cannot be matched in linear time (backreferences, lookahead/lookbehind)
 *    are rejected with `UnsafePatternError` when the contract or rule is compiled.
 * 2. A pattern that is *provably* linear under a backtracking engine runs on
 *    native `RegExp` (V8's irregexp, the fastest option). The proof is
 *    deliberately conservative (see `isBacktrackingLinear`): at most one
 *    variable-width element, no quantified groups, and an unbounded quantifier
 *    only in a pattern anchored with `^`, so there is never more than one way to
 *    split the input and never more than one start position to try.
 * 3. Every other pattern runs on re2js, a linear-time automaton engine (pure JS).
 *
 * Alternatives considered: native `re2` does not build on Node 20 here; V8's
 * experimental linear engine (`/l` flag) needs `--enable-experimental-regexp-engine`,
 * a process-wide V8 flag a library cannot rely on (setting it through
 * `v8.setFlagsFromString` after start-up is documented as unsupported).
 * The cost of re2js against native RegExp is measured by the data-test benchmark
 * (`test.regex_native_vs_safe_ratio`).
 */
export interface PatternMatcher {
  test(input: string): boolean;
}

export class UnsafePatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`pattern ${JSON.stringify(pattern)} is not allowed: ${reason}`);
    this.name = 'UnsafePatternError';
  }
}

export type RegexEngine = 'native' | 're2js';

/** A compiled pattern together with the engine chosen for it (exposed for tests and benchmarks). */
export interface SafePattern extends PatternMatcher {
  readonly engine: RegexEngine;
  readonly source: string;
  /** `/pattern/flags`: ajv keys compiled patterns by it. */
  toString(): string;
}

const cache = new Map<string, SafePattern>();
const CACHE_LIMIT = 1024;

/** Compiles a pattern (JSON Schema `pattern` semantics: unanchored search, unicode). */
export function createSafeRegExp(pattern: string, flags = 'u'): SafePattern {
  const key = `${flags}/${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const compiled = compilePattern(pattern, flags);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, compiled);
  return compiled;
}

function compilePattern(pattern: string, flags: string): SafePattern {
  const re2 = compileRe2(pattern, flags);
  let native: RegExp;
  try {
    native = new RegExp(pattern, flags.includes('u') ? flags : flags + 'u');
  } catch (err) {
    throw new UnsafePatternError(pattern, `it is not a valid regular expression (${(err as Error).message})`);
  }
  // ajv keys compiled patterns by `toString()`: it must differ per pattern, as RegExp's does.
  if (isBacktrackingLinear(pattern)) {
    // The RegExp itself, not a closure around it: no extra call per value on the hot path.
    // No `g`/`y` flag, so `test` keeps no state between calls.
    return Object.assign(native, { engine: 'native' as const });
  }
  const text = `/${pattern}/${flags}`;
  return { engine: 're2js', source: pattern, test: (input: string) => re2.test(input), toString: () => text };
}

function compileRe2(pattern: string, flags: string): RE2JS {
  let re2Flags = 0;
  if (flags.includes('i')) re2Flags |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('s')) re2Flags |= RE2JS.DOTALL;
  if (flags.includes('m')) re2Flags |= RE2JS.MULTILINE;
  try {
    return RE2JS.compile(RE2JS.translateRegExp(pattern), re2Flags);
  } catch (err) {
    const detail = (err as Error).message.replace(/^error parsing regexp:\s*/, '');
    throw new UnsafePatternError(
      pattern,
      `it uses syntax that cannot be matched in linear time or is not RE2 syntax (${detail}); ` +
        'remove backreferences and lookahead/lookbehind (see https://github.com/google/re2/wiki/Syntax)',
    );
  }
}

interface PatternShape {
  /** Quantifiers whose width varies: `*`, `+`, `?`, `{n,}`, `{n,m}` with n < m. */
  variableQuantifiers: number;
  unboundedQuantifiers: number;
  alternations: number;
  quantifiedGroups: number;
}

/**
 * True when a backtracking engine needs at most O(n·|pattern|) steps: no
 * quantified group (no `(a+)+`), at most one variable-width element in the whole
 * pattern (so no two quantifiers compete for the same characters, no `a?a?a?aaa`),
 * and an unbounded quantifier only when the search is anchored at the start
 * (unanchored `a+b` retries every start position: quadratic).
 */
export function isBacktrackingLinear(pattern: string): boolean {
  const shape = scanPattern(pattern);
  if (!shape) return false;
  if (shape.quantifiedGroups > 0) return false;
  const variable = shape.variableQuantifiers + shape.alternations;
  if (variable === 0) return true;
  if (variable > 1) return false;
  if (shape.alternations === 1) return true; // fixed-width branches
  return shape.unboundedQuantifiers === 0 || pattern.startsWith('^');
}

/** A tokeniser just precise enough for `isBacktrackingLinear`; undefined when unsure. */
function scanPattern(p: string): PatternShape | undefined {
  const shape: PatternShape = { variableQuantifiers: 0, unboundedQuantifiers: 0, alternations: 0, quantifiedGroups: 0 };
  let i = 0;
  let lastWasGroupEnd = false;
  let lastWasAtom = false;
  while (i < p.length) {
    const c = p[i];
    if (c === '\\') {
      i += escapeLength(p, i);
      lastWasAtom = true;
      lastWasGroupEnd = false;
      continue;
    }
    if (c === '[') {
      const end = classEnd(p, i);
      if (end < 0) return undefined;
      i = end + 1;
      lastWasAtom = true;
      lastWasGroupEnd = false;
      continue;
    }
    const q = quantifierAt(p, i);
    if (q) {
      if (!lastWasAtom) return undefined;
      if (lastWasGroupEnd) shape.quantifiedGroups++;
      if (q.variable) shape.variableQuantifiers++;
      if (q.unbounded) shape.unboundedQuantifiers++;
      i += q.length;
      if (p[i] === '?') i++; // lazy
      lastWasAtom = false;
      lastWasGroupEnd = false;
      continue;
    }
    if (c === '|') shape.alternations++;
    lastWasGroupEnd = c === ')';
    lastWasAtom = c === ')' || !'(|^$'.includes(c);
    if (c === '(' && p[i + 1] === '?') i = groupPrefixEnd(p, i);
    else i++;
  }
  return shape;
}

function escapeLength(p: string, i: number): number {
  const next = p[i + 1];
  if ((next === 'p' || next === 'P') && p[i + 2] === '{') return p.indexOf('}', i) - i + 1 || 2;
  if (next === 'u' && p[i + 2] === '{') return p.indexOf('}', i) - i + 1 || 2;
  if (next === 'u') return 6;
  if (next === 'x') return 4;
  return 2;
}

function classEnd(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === '^') i++;
  if (p[i] === ']') i++;
  for (; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === ']') return i;
  }
  return -1;
}

function groupPrefixEnd(p: string, i: number): number {
  // (?:  (?<name>  (?P<name>  (?i)… — skip to the first character of the group body
  if (p[i + 2] === '<' || (p[i + 2] === 'P' && p[i + 3] === '<')) return p.indexOf('>', i) + 1 || p.length;
  return i + 3;
}

function quantifierAt(p: string, i: number): { length: number; variable: boolean; unbounded: boolean } | undefined {
  const c = p[i];
  if (c === '*' || c === '+') return { length: 1, variable: true, unbounded: true };
  if (c === '?') return { length: 1, variable: true, unbounded: false };
  if (c !== '{') return undefined;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i, i + 24));
  if (!m) return undefined;
  const unbounded = m[2] !== undefined && m[3] === '';
  const variable = unbounded || (m[2] !== undefined && Number(m[3]) !== Number(m[1]));
  return { length: m[0].length, variable, unbounded };
}
