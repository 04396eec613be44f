import type { ValidateFunction } from 'ajv';
import type { Issue, Seg } from './context.js';
import { generate, genShape, pickConj, seeded, type Gen } from './generate.js';
import type { Schema } from './nodes.js';
import { itemSchema, mergeShape, propSchema } from './shape.js';

const ABSENT = Symbol('absent');
const MAX_TRIES = 48;

/**
 * Builds a whole record from a minimal (then varied) instance of the a-side
 * root by planting a seed value at the issue's instance path. It is returned
 * only if ajv says it is valid under a and invalid under b.
 */
export function buildCounterexample(
  issue: Issue,
  aRoot: Schema,
  validA: ValidateFunction,
  validB: ValidateFunction,
): unknown {
  let tries = 0;
  for (const base of [0, 1, 2, 3]) {
    const g: Gen | undefined = base === 0 ? undefined : { rng: seeded(base * 7919), depth: 0 };
    for (const seed of seedValues(issue, base)) {
      if (++tries > MAX_TRIES) return undefined;
      const doc = plant(aRoot, issue.ip, seed, g);
      if (doc === undefined) continue;
      if (validA(doc) === true && validB(doc) !== true) return doc;
    }
  }
  return undefined;
}

function* seedValues(issue: Issue, base: number): Generator<unknown> {
  if (issue.absent) {
    yield ABSENT;
    return;
  }
  if (base === 0) yield* issue.samples;
  if (issue.aNode === undefined) {
    if (base > 0) yield* issue.samples.slice(0, 2);
    return;
  }
  yield generate(issue.aNode, { depth: 0 });
  for (let s = 1; s <= (base === 0 ? 8 : 3); s++) yield generate(issue.aNode, { rng: seeded(s * 31 + base), depth: 0 });
}

/** A container instance of `node` with `value` planted at `path` (undefined when the path cannot exist). */
function plant(node: Schema, path: Seg[], value: unknown, g: Gen | undefined): unknown {
  if (path.length === 0) return value;
  const gen: Gen = g ?? { depth: 0 };
  const conj = pickConj(node, gen);
  if (!conj) return undefined;
  const S = mergeShape(conj);
  const [seg, ...rest] = path;
  if (typeof seg === 'number') {
    if (!S.types.has('array')) return undefined;
    const base = genShape(S, 'array', gen) as unknown[];
    while (base.length < seg) base.push(generate(itemSchema(S, base.length), { rng: gen.rng, depth: 1 }));
    const child = plant(itemSchema(S, seg), rest, value, g);
    if (child === undefined || child === ABSENT) return undefined;
    base[seg] = child;
    return base;
  }
  if (!S.types.has('object')) return undefined;
  const base = genShape(S, 'object', gen) as Record<string, unknown>;
  const child = plant(propSchema(S, seg), rest, value, g);
  if (child === undefined) return undefined;
  if (child === ABSENT) delete base[seg];
  else base[seg] = child;
  return base;
}
