/**
 * Soundness fuzzer for the compatibility checker: random schemas, random
 * one-edit mutations, and for every pair judged compatible, generated
 * instances valid under the promised side must be valid under the other.
 * Usage: node dist/tools/fuzz-compat.js [cases=100000] [seed]
 */
import { checkCompatibility } from '../core/compat/index.js';
import { validatorFor } from '../core/compat/ajv-pool.js';
import { generateValid, seeded, type Rng } from '../core/compat/generate.js';
import { adopt } from '../core/compat/nodes.js';

type S = Record<string, unknown> | boolean;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const TYPES = ['string', 'integer', 'number', 'boolean', 'null', ['string', 'null'], ['integer', 'null']] as const;
const NAMES = ['a', 'b', 'c', 'd'];

function leaf(rng: Rng): S {
  const s: Record<string, unknown> = { type: pick(rng, TYPES) };
  if (rng() < 0.3) s.maxLength = Math.floor(rng() * 6);
  if (rng() < 0.2) s.minLength = Math.floor(rng() * 3);
  if (rng() < 0.3) s.minimum = Math.floor(rng() * 10) - 5;
  if (rng() < 0.2) s.exclusiveMaximum = Math.floor(rng() * 10) + 5;
  if (rng() < 0.15) s.multipleOf = pick(rng, [1, 2, 3, 0.5]);
  if (rng() < 0.15) return { enum: NAMES.filter(() => rng() < 0.6).concat(rng() < 0.3 ? [null as never] : []) };
  return s;
}

function schema(rng: Rng, depth: number): S {
  const r = rng();
  if (depth > 2 || r < 0.4) return leaf(rng);
  if (r < 0.7) {
    const props = Object.fromEntries(NAMES.filter(() => rng() < 0.5).map((n) => [n, schema(rng, depth + 1)]));
    const s: Record<string, unknown> = { type: 'object', properties: props };
    if (rng() < 0.4) s.required = NAMES.filter(() => rng() < 0.3);
    if (rng() < 0.4) s.additionalProperties = pick(rng, [false, true, { type: 'string' }]);
    if (rng() < 0.15) s.patternProperties = { '^x_': leaf(rng) };
    return s;
  }
  if (r < 0.85)
    return {
      type: 'array',
      items: schema(rng, depth + 1),
      ...(rng() < 0.3 && { maxItems: 3 }),
      ...(rng() < 0.2 && { uniqueItems: true }),
    };
  return { [pick(rng, ['anyOf', 'oneOf', 'allOf'])]: [schema(rng, depth + 1), schema(rng, depth + 1)] };
}

function mutate(s: S, rng: Rng): S {
  const copy = structuredClone(s);
  const nodes: Record<string, unknown>[] = [];
  const walk = (n: unknown) => {
    if (n && typeof n === 'object' && !Array.isArray(n)) nodes.push(n as Record<string, unknown>);
    if (n && typeof n === 'object') Object.values(n).forEach(walk);
  };
  walk(copy);
  const target = nodes.filter((n) => 'type' in n || 'enum' in n || 'anyOf' in n || 'oneOf' in n || 'allOf' in n);
  if (!target.length) return leaf(rng);
  const t = pick(rng, target);
  const edit = Math.floor(rng() * 6);
  if (edit === 0) {
    const k = pick(rng, Object.keys(t));
    delete t[k];
  } else if (edit === 1) t.type = pick(rng, TYPES);
  else if (edit === 2) t.maxLength = Math.floor(rng() * 6);
  else if (edit === 3) t.additionalProperties = pick(rng, [false, true, { type: 'integer' }]);
  else if (edit === 4) t.required = NAMES.filter(() => rng() < 0.4);
  else t.properties = { ...(t.properties as object), [pick(rng, NAMES)]: leaf(rng) };
  return copy;
}

function valid(s: S): boolean {
  try {
    validatorFor(s);
    return true;
  } catch {
    return false;
  }
}

function brokenPromise(from: S, to: S, rng: Rng): unknown {
  const doc = adopt(from);
  for (let k = 0; k < 6; k++) {
    const instance = generateValid(doc.root, k === 0 ? undefined : rng);
    if (validatorFor(from)(instance) && !validatorFor(to)(instance)) return instance;
  }
  return undefined;
}

export function fuzzCompat(cases: number, seed: number, log: (t: string) => void): number {
  const rng = seeded(seed);
  let found = 0;
  for (let i = 0; i < cases; i++) {
    const prev = schema(rng, 0);
    const next = mutate(prev, rng);
    if (!valid(prev) || !valid(next)) continue;
    for (const [mode, from, to] of [
      ['BACKWARD', prev, next],
      ['FORWARD', next, prev],
    ] as const) {
      if (!checkCompatibility(prev, next, mode, { verify: false }).compatible) continue;
      const instance = brokenPromise(from, to, rng);
      if (instance === undefined) continue;
      found++;
      log(`UNSOUND (${mode}) case ${i}: ${JSON.stringify({ previous: prev, next, instance })}`);
    }
    if (i > 0 && i % 10_000 === 0) log(`${i} cases, ${found} counterexamples`);
  }
  log(`done: ${cases} cases, ${found} counterexamples`);
  return found;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const cases = Number(process.argv[2] ?? 100_000);
  const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
  console.log(`fuzz-compat: ${cases} cases, seed ${seed}`);
  process.exitCode = fuzzCompat(cases, seed, (t) => console.log(t)) > 0 ? 1 : 0;
}
