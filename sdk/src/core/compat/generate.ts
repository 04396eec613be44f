import RandExpModule from 'randexp';
import { conjuncts, without } from './conjuncts.js';
import { decimalTimes, gridStep } from './decimal-grid.js';
import { validLocal } from './local-validate.js';
import { allOfNode, canon, type Schema, type SchemaObject } from './nodes.js';
import { explicitNames, itemSchema, matches, mergeShape, propSchema, type JType, type Shape } from './shape.js';

// randexp is CommonJS (module.exports = class); its types describe an ES default export.
type RandExpClass = typeof RandExpModule.default;
const RandExp = ((RandExpModule as unknown as { default?: RandExpClass }).default ??
  RandExpModule) as unknown as RandExpClass;

/** A seeded PRNG (mulberry32): generated instances are reproducible from their seed. */
export type Rng = () => number;
export function seeded(seed: number): Rng {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORMAT_SAMPLES: Record<string, string> = {
  date: '2024-01-31',
  'date-time': '2024-01-31T12:00:00Z',
  time: '12:00:00Z',
  email: 'a@example.com',
  uuid: '8d7b2c1e-6f0a-4c1b-9a55-0e1f7d6b2a10',
  uri: 'https://example.com/x',
  'uri-reference': '/x',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  hostname: 'example.com',
  duration: 'P1D',
  regex: 'a+',
  'json-pointer': '/a',
  url: 'https://example.com',
};
const PATTERN_CANDIDATES = [
  'a',
  'abc',
  'A',
  'ABC',
  'Abc',
  '0',
  '123',
  'a1',
  'A1',
  'ab-12',
  'AB-12',
  'x_y',
  'a.b',
  'a@b.c',
  '2024-01-31',
  'EUR',
  'USD',
  '',
];

const MAX_GENERATE_DEPTH = 24;

export interface Gen {
  rng?: Rng;
  depth: number;
}

const pick = <T>(g: Gen, list: T[]): T => list[g.rng ? Math.floor(g.rng() * list.length) : 0];
const chance = (g: Gen, p: number) => (g.rng ? g.rng() < p : false);

/** Resolves every anyOf/oneOf by choosing one alternative: the conjuncts of one concrete branch. */
export function pickConj(node: Schema, g: Gen, guard = 0): SchemaObject[] | null {
  const conj = conjuncts(node);
  if (!conj || guard > 12) return conj;
  const i = conj.findIndex((n) => Array.isArray(n.anyOf) || Array.isArray(n.oneOf));
  if (i < 0) return conj;
  const kw = Array.isArray(conj[i].anyOf) ? 'anyOf' : 'oneOf';
  const branches = (conj[i][kw] as Schema[]).filter((b) => b !== false);
  if (branches.length === 0) return null;
  const rest = conj.filter((_, k) => k !== i);
  const stripped = without(conj[i], kw);
  if (Object.keys(stripped).length) rest.push(stripped);
  return pickConj(allOfNode([...rest, pick(g, branches)]), g, guard + 1);
}

/** A value meant to be valid under `node` (callers verify with ajv): minimal without rng, varied with one. */
export function generate(node: Schema, g: Gen = { depth: 0 }): unknown {
  // A schema whose required parts recurse forever has no finite instance; give up (callers verify anyway).
  if (g.depth > MAX_GENERATE_DEPTH) return null;
  const conj = pickConj(node, g);
  if (!conj) return null;
  const S = mergeShape(conj);
  return genShape(S, chooseType(S, g), g);
}

export function chooseType(S: Shape, g: Gen): JType {
  const types = [...S.types];
  if (types.length === 0) return 'null';
  const hinted = types.filter((t) => S.hints.has(t) || (t === 'integer' && S.hints.has('number')));
  if (hinted.length && (!g.rng || chance(g, 0.7))) return pick(g, hinted);
  if (!g.rng && types.includes('null')) return 'null';
  return pick(g, types);
}

export function genShape(S: Shape, t: JType, g: Gen): unknown {
  if (S.values) return S.values.length ? pick(g, S.values) : null;
  switch (t) {
    case 'null':
      return null;
    case 'boolean':
      return g.rng ? chance(g, 0.5) : true;
    case 'string':
      return genString(S, g);
    case 'number':
      return genNumber(S, false, g);
    case 'integer':
      return genNumber(S, true, g);
    case 'array':
      return genArray(S, g);
    case 'object':
      return genObject(S, g);
  }
}

function genString(S: Shape, g: Gen): string {
  const min = S.minLength;
  const max = Math.min(S.maxLength ?? min + 8, min + 8);
  const fits = (s: string) =>
    [...s].length >= min && [...s].length <= (S.maxLength ?? Infinity) && S.patterns.every((p) => matches(p, s));
  for (const f of S.formats) if (FORMAT_SAMPLES[f] && fits(FORMAT_SAMPLES[f])) return FORMAT_SAMPLES[f];
  const len = g.rng ? (chance(g, 0.3) ? max : min + Math.floor(g.rng() * (max - min + 1))) : min;
  const chars = 'abcxyzABC019 -_é';
  const plain = g.rng
    ? Array.from({ length: len }, () => chars[Math.floor(g.rng!() * chars.length)]).join('')
    : 'a'.repeat(len);
  if (fits(plain)) return plain;
  const cands = PATTERN_CANDIDATES.filter(fits);
  if (cands.length) return pick(g, cands);
  return fromPattern(S, g, fits) ?? plain;
}

/**
 * A string built from the pattern itself (randexp), for real-world patterns
 * such as `^[A-Z0-9]{4,16}$` that no fixed candidate matches. Deterministic:
 * without a seeded generator every choice takes its lowest option.
 */
function fromPattern(S: Shape, g: Gen, fits: (s: string) => boolean): string | undefined {
  const source = S.patterns[0];
  if (source === undefined) return undefined;
  for (let attempt = 0; attempt < 6; attempt++) {
    let r: InstanceType<RandExpClass>;
    try {
      r = new RandExp(source);
    } catch {
      return undefined;
    }
    r.max = 4;
    const rng = g.rng ?? (attempt === 0 ? undefined : seeded(attempt * 131));
    (r as unknown as { randInt(a: number, b: number): number }).randInt = (from: number, to: number) =>
      rng ? from + Math.floor(rng() * (to - from + 1)) : from;
    const candidate = r.gen();
    if (fits(candidate)) return candidate;
  }
  return undefined;
}

function genNumber(S: Shape, integer: boolean, g: Gen): number {
  let lo = S.lower ? (S.lower.ex ? S.lower.v + (integer ? 1 : 0.5) : S.lower.v) : undefined;
  let hi = S.upper ? (S.upper.ex ? S.upper.v - (integer ? 1 : 0.5) : S.upper.v) : undefined;
  if (integer) {
    lo = lo === undefined ? undefined : Math.ceil(lo);
    hi = hi === undefined ? undefined : Math.floor(hi);
  }
  const from = lo ?? (hi !== undefined ? Math.min(0, hi) - (g.rng ? 10 : 0) : g.rng ? -20 : 0);
  const to = hi ?? from + 20;
  if (hi !== undefined && lo !== undefined && S.lower?.ex && S.upper?.ex && !integer)
    lo = hi = (S.lower.v + S.upper.v) / 2;
  const step = S.multipleOf.length ? gridStep(S.multipleOf, integer) : undefined;
  if (step !== undefined) {
    const k0 = Math.ceil(from / step);
    const k = g.rng ? k0 + Math.floor(g.rng() * Math.max(1, Math.floor((to - from) / step) + 1)) : k0;
    return decimalTimes(k, step);
  }
  if (!g.rng) return integer || Number.isInteger(from) ? from : from;
  const edge = g.rng();
  if (edge < 0.2) return lo ?? from;
  if (edge < 0.4) return hi ?? to;
  const v = from + g.rng() * (to - from);
  return integer || chance(g, 0.5) ? Math.round(v) : v;
}

function genArray(S: Shape, g: Gen): unknown[] {
  const min = S.minItems;
  const max = g.depth > 6 ? min : Math.min(S.maxItems ?? min + 3, min + 3);
  const len = g.rng ? min + Math.floor(g.rng() * (max - min + 1)) : min;
  const sub: Gen = { rng: g.rng, depth: g.depth + 1 };
  const out: unknown[] = [];
  for (let i = 0; i < len; i++) {
    const rule = S.contains.find((r, k) => i === k && r.min > 0);
    const node = rule ? allOfNode([itemSchema(S, i), rule.s]) : itemSchema(S, i);
    let v = generate(node, sub);
    for (let retry = 0; S.unique && retry < 5 && out.some((o) => canon(o) === canon(v)); retry++)
      v = generate(node, { rng: g.rng ?? seeded(retry + i), depth: sub.depth });
    out.push(v);
  }
  return out;
}

function genObject(S: Shape, g: Gen): Record<string, unknown> {
  const sub: Gen = { rng: g.rng, depth: g.depth + 1 };
  const out: Record<string, unknown> = {};
  const names = new Set(S.required);
  const optional = [...explicitNames(S)].filter((n) => !names.has(n));
  if (g.rng && g.depth < 6) for (const n of optional) if (chance(g, 0.5)) names.add(n);
  for (let k = 0; names.size < S.minProps && k < optional.length + 5; k++) names.add(optional[k] ?? extraName(S, k));
  if (g.rng && g.depth < 6 && chance(g, 0.25)) names.add(extraName(S, 7));
  for (const key of [...names]) for (const d of S.depRequired.get(key) ?? []) names.add(d);
  for (const n of names) {
    const schema = propSchema(S, n);
    if (schema === false) continue;
    out[n] = generate(schema, sub);
  }
  return out;
}

/** A property name for an extra property, matching a patternProperties pattern when there is one. */
function extraName(S: Shape, k: number): string {
  const patterns = S.models.flatMap((m) => m.patterns.map(([p]) => p));
  const base = ['extra', 'x_extra', 'other'][k % 3] + (k > 2 ? k : '');
  if (patterns.length && k % 2 === 1) {
    const hit = PATTERN_CANDIDATES.find((c) => c && matches(patterns[0], c) && !explicitNames(S).has(c));
    if (hit) return hit;
  }
  return base;
}

/**
 * Generation is best-effort (oneOf overlaps, `not`, patterns); this retries with
 * fresh random draws until ajv accepts the instance at `node`, or gives the last try.
 */
export function generateValid(node: Schema, rng: Rng | undefined, tries = 6): unknown {
  let value: unknown;
  for (let k = 0; k < tries; k++) {
    value = generate(node, { rng: k === 0 ? rng : seeded(Math.floor((rng ?? Math.random)() * 2 ** 31) + k), depth: 0 });
    if (validLocal(value, node) !== false) return value;
  }
  return value;
}
