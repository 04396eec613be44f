import {
  ANY,
  complement,
  DIGIT,
  JS_DOT,
  JS_SPACE,
  normalize,
  RE2_DOT,
  RE2_SPACE,
  union,
  WORD,
  type RangeSet,
} from './ranges.js';

/**
 * A contract pattern as a small syntax tree, read with the meaning the streaming
 * engine gives it. `createSafeRegExp` runs a pattern on native RegExp (ECMAScript
 * meaning) or on re2js (RE2 meaning, after re2js's escape translation); the two
 * differ only in `.` and `\s`/`\S` over the syntax both accept, so the reader
 * takes the flavour the pattern is routed to. Anything outside the subset below
 * is declined with a reason, and the check then runs in the streaming engine.
 */
export type RegexNode =
  | { t: 'seq'; items: RegexNode[] }
  | { t: 'alt'; options: RegexNode[] }
  | { t: 'repeat'; body: RegexNode; min: number; max: number | undefined }
  /** A capturing group: kept only where the SQL reads its text back (formats), else a plain group. */
  | { t: 'capture'; body: RegexNode }
  | { t: 'set'; ranges: RangeSet }
  | { t: 'assert'; kind: 'start' | 'end' | 'word' | 'notWord' };

export type RegexFlavour = 'ecmascript' | 're2';

export class RegexDeclined extends Error {}

const SYNTAX = '^$\\.*+?()[]{}|/';

/** Parses `pattern` (ECMAScript syntax, `u` flag) or throws `RegexDeclined`. */
export function parseRegex(pattern: string, flavour: RegexFlavour): RegexNode {
  const p = new Parser([...pattern], flavour);
  const node = p.disjunction();
  if (p.i < p.s.length) throw new RegexDeclined(`unexpected "${p.s[p.i]}" at ${p.i}`);
  return node;
}

class Parser {
  i = 0;
  constructor(
    readonly s: string[],
    private readonly flavour: RegexFlavour,
  ) {}

  disjunction(): RegexNode {
    const options = [this.alternative()];
    while (this.s[this.i] === '|') {
      this.i++;
      options.push(this.alternative());
    }
    return options.length === 1 ? options[0] : { t: 'alt', options };
  }

  private alternative(): RegexNode {
    const items: RegexNode[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.term();
      items.push(atom.t === 'assert' ? atom : this.quantified(atom));
    }
    return items.length === 1 ? items[0] : { t: 'seq', items };
  }

  private term(): RegexNode {
    const c = this.s[this.i++];
    if (c === '^') return { t: 'assert', kind: 'start' };
    if (c === '$') return { t: 'assert', kind: 'end' };
    if (c === '.') return { t: 'set', ranges: this.flavour === 'ecmascript' ? JS_DOT : RE2_DOT };
    if (c === '[') return { t: 'set', ranges: this.classBody() };
    if (c === '(') return this.group();
    if (c === '\\') return this.atomEscape();
    if ('*+?{}])'.includes(c)) throw new RegexDeclined(`"${c}" without an operand`);
    return literal(c.codePointAt(0)!);
  }

  private group(): RegexNode {
    const capture = this.s[this.i] !== '?';
    if (this.s[this.i] === '?') {
      const next = this.s[this.i + 1];
      if (next === ':') this.i += 2;
      else if (next === '<' && this.s[this.i + 2] !== '=' && this.s[this.i + 2] !== '!') {
        const close = this.s.indexOf('>', this.i);
        if (close < 0) throw new RegexDeclined('unterminated group name');
        this.i = close + 1;
      } else throw new RegexDeclined('lookahead and lookbehind');
    }
    const body = this.disjunction();
    if (this.s[this.i++] !== ')') throw new RegexDeclined('unbalanced "("');
    return capture ? { t: 'capture', body } : body;
  }

  private quantified(atom: RegexNode): RegexNode {
    const c = this.s[this.i];
    let min: number;
    let max: number | undefined;
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      [min, max] = c === '*' ? [0, undefined] : c === '+' ? [1, undefined] : [0, 1];
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i, this.i + 24).join(''));
      if (!m) throw new RegexDeclined('"{" that is not a quantifier');
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? undefined : Number(m[3]);
    } else return atom;
    if (this.s[this.i] === '?') this.i++; // lazy: the same strings match
    return { t: 'repeat', body: atom, min, max };
  }

  private atomEscape(): RegexNode {
    const c = this.s[this.i];
    if (c === 'b' || c === 'B') {
      this.i++;
      return { t: 'assert', kind: c === 'b' ? 'word' : 'notWord' };
    }
    return { t: 'set', ranges: this.escapeSet() };
  }

  /** The escape after `\` as a set of code points (inside or outside a class). */
  private escapeSet(): RangeSet {
    const c = this.s[this.i++];
    const shorthand = this.shorthand(c);
    if (shorthand) return shorthand;
    const control: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13 };
    if (c in control) return single(control[c]);
    if (c === 'x') return single(this.hex(2));
    if (c === 'u') return single(this.unicodeEscape());
    if (c !== undefined && (SYNTAX.includes(c) || c === '-')) return single(c.codePointAt(0)!);
    throw new RegexDeclined(`the escape \\${c ?? ''}`);
  }

  private shorthand(c: string): RangeSet | undefined {
    const space = this.flavour === 'ecmascript' ? JS_SPACE : RE2_SPACE;
    const sets: Record<string, RangeSet> = { d: DIGIT, w: WORD, s: space };
    const lower = c?.toLowerCase();
    if (!(lower in sets) || !'dwsDWS'.includes(c)) return undefined;
    return c === lower ? sets[lower] : complement(sets[lower]);
  }

  private hex(digits: number): number {
    const text = this.s.slice(this.i, this.i + digits).join('');
    if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(text)) throw new RegexDeclined('a malformed hex escape');
    this.i += digits;
    return parseInt(text, 16);
  }

  private unicodeEscape(): number {
    if (this.s[this.i] === '{') {
      const close = this.s.indexOf('}', this.i);
      const text = this.s.slice(this.i + 1, close).join('');
      if (close < 0 || !/^[0-9a-fA-F]{1,6}$/.test(text)) throw new RegexDeclined('a malformed \\u{…} escape');
      this.i = close + 1;
      return parseInt(text, 16);
    }
    const cp = this.hex(4);
    // u mode: an escaped surrogate pair is one code point
    if (cp >= 0xd800 && cp <= 0xdbff && this.s[this.i] === '\\' && this.s[this.i + 1] === 'u') {
      const save = this.i;
      this.i += 2;
      const low = this.hex(4);
      if (low >= 0xdc00 && low <= 0xdfff) return (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      this.i = save;
    }
    if (cp >= 0xd800 && cp <= 0xdfff) throw new RegexDeclined('a lone surrogate');
    return cp;
  }

  /** `[...]` after the `[`: the set it matches. */
  private classBody(): RangeSet {
    const negated = this.s[this.i] === '^';
    if (negated) this.i++;
    const parts: RangeSet[] = [];
    while (this.s[this.i] !== ']') {
      if (this.i >= this.s.length) throw new RegexDeclined('an unterminated class');
      if (this.s[this.i] === '[' && this.s[this.i + 1] === ':')
        throw new RegexDeclined('"[:" in a class (POSIX class in RE2)');
      const from = this.classAtom();
      if (this.s[this.i] === '-' && this.s[this.i + 1] !== ']' && this.i + 1 < this.s.length) {
        this.i++;
        const to = this.classAtom();
        if (from.length !== 1 || to.length !== 1 || from[0][0] !== from[0][1] || to[0][0] !== to[0][1])
          throw new RegexDeclined('a class range with a shorthand end');
        if (from[0][0] > to[0][0]) throw new RegexDeclined('a class range out of order');
        parts.push([[from[0][0], to[0][0]]]);
      } else parts.push(from);
    }
    this.i++;
    const set = union(...parts);
    return negated ? complement(set) : set;
  }

  private classAtom(): RangeSet {
    const c = this.s[this.i++];
    if (c !== '\\') return single(c.codePointAt(0)!);
    if (this.s[this.i] === 'b') throw new RegexDeclined('\\b inside a class');
    return this.escapeSet();
  }
}

function single(cp: number): RangeSet {
  return [[cp, cp]];
}

function literal(cp: number): RegexNode {
  return { t: 'set', ranges: single(cp) };
}

/** True when the set is every code point (`[^]`, `[\s\S]`). */
export function isAny(set: RangeSet): boolean {
  return set.length === 1 && set[0][0] === ANY[0][0] && set[0][1] === ANY[0][1];
}

export { normalize };
