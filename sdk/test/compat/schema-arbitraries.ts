import fc from 'fast-check';
import { seeded, type Rng } from '../../src/core/compat/generate.js';

type S = Record<string, unknown> | boolean;

const PATTERNS = ['^[a-z]+$', '^[A-Z]', '[0-9]'];
const leafTypes = fc.constantFrom<string | string[]>(
  'string',
  'integer',
  'number',
  'boolean',
  'null',
  ['string', 'null'],
  ['integer', 'string'],
  ['number', 'null'],
);

const stringKw = fc.record(
  {
    minLength: fc.integer({ min: 0, max: 3 }),
    maxLength: fc.integer({ min: 3, max: 8 }),
    pattern: fc.constantFrom(...PATTERNS),
    format: fc.constant('date'),
  },
  { requiredKeys: [] },
);
const numberKw = fc.record(
  {
    minimum: fc.integer({ min: -5, max: 5 }),
    maximum: fc.integer({ min: 5, max: 20 }),
    exclusiveMinimum: fc.integer({ min: -6, max: 4 }),
    exclusiveMaximum: fc.integer({ min: 6, max: 21 }),
    multipleOf: fc.constantFrom(1, 2, 3, 0.5),
  },
  { requiredKeys: [] },
);

export const leafArb: fc.Arbitrary<S> = fc.oneof(
  fc.tuple(leafTypes, stringKw, numberKw).map(([type, s, n]) => ({ type, ...s, ...n })),
  fc
    .uniqueArray(fc.oneof(fc.constantFrom('a', 'b', 'c', 'abcd'), fc.integer({ min: 0, max: 3 }), fc.constant(null)), {
      minLength: 1,
      maxLength: 4,
    })
    .map((e) => ({ enum: e })),
  fc.constantFrom<S>(true, { const: 'a' }, { type: 'string', not: { const: 'a' } }),
);

const NAMES = ['a', 'b', 'c', 'd'];

export const schemaArb: fc.Arbitrary<S> = fc.letrec<{ node: S }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.record(
      {
        type: fc.constant('object'),
        properties: fc.dictionary(fc.constantFrom(...NAMES), tie('node'), { maxKeys: 3 }),
        required: fc.subarray(NAMES, { maxLength: 2 }),
        additionalProperties: fc.oneof(fc.constant(false), fc.constant(true), leafArb),
        patternProperties: fc.constant({ '^x_': { type: 'string' } }),
        minProperties: fc.integer({ min: 0, max: 2 }),
        maxProperties: fc.integer({ min: 2, max: 5 }),
      },
      { requiredKeys: ['type', 'properties'] },
    ),
    fc.record(
      {
        type: fc.constant('array'),
        items: tie('node'),
        prefixItems: fc.array(leafArb, { minLength: 1, maxLength: 2 }),
        minItems: fc.integer({ min: 0, max: 2 }),
        maxItems: fc.integer({ min: 2, max: 4 }),
        uniqueItems: fc.boolean(),
        contains: leafArb,
      },
      { requiredKeys: ['type'] },
    ),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((anyOf) => ({ anyOf })),
    fc.array(tie('node'), { minLength: 2, maxLength: 2 }).map((oneOf) => ({ oneOf })),
    fc.array(tie('node'), { minLength: 2, maxLength: 2 }).map((allOf) => ({ allOf })),
  ),
})).node;

const pickOf = <T>(rng: Rng, list: T[]): T => list[Math.floor(rng() * list.length)];

/** One small random edit somewhere in the schema: the kind of change a person makes between versions. */
export function mutate(schema: S, seed: number): S {
  const rng = seeded(seed);
  const copy = structuredClone(schema) as S;
  const nodes: Record<string, unknown>[] = [];
  const walk = (n: unknown) => {
    if (n === null || typeof n !== 'object') return;
    if (!Array.isArray(n) && !('enum' in n && Array.isArray(n))) nodes.push(n as Record<string, unknown>);
    for (const v of Object.values(n)) walk(v);
  };
  walk(copy);
  const schemas = nodes.filter(
    (n) =>
      'type' in n ||
      'enum' in n ||
      'anyOf' in n ||
      'oneOf' in n ||
      'allOf' in n ||
      'const' in n ||
      Object.keys(n).length === 0,
  );
  if (schemas.length === 0) return rng() < 0.5 ? copy : { type: 'string' };
  const target = pickOf(rng, schemas);
  pickOf(rng, editsOf(target, rng))();
  return copy;
}

/** The edits `mutate` chooses from, each applied to `target`. */
function editsOf(target: Record<string, unknown>, rng: Rng): (() => void)[] {
  return [
    () => {
      const k = pickOf(rng, Object.keys(target));
      if (k) delete target[k];
    },
    () => {
      target.maxLength = Math.floor(rng() * 8);
    },
    () => {
      target.minimum = Math.floor(rng() * 10) - 5;
    },
    () => {
      target.maximum = Math.floor(rng() * 20);
    },
    () => {
      target.type = pickOf(rng, [
        'string',
        'integer',
        'number',
        ['string', 'null'],
        ['integer', 'null'],
        'object',
        'array',
      ]);
    },
    () => {
      target.additionalProperties = pickOf(rng, [true, false, { type: 'string' }]);
    },
    () => {
      target.required = pickOf(rng, [[], ['a'], ['a', 'b']]);
    },
    () => {
      if (Array.isArray(target.enum)) target.enum = rng() < 0.5 ? target.enum.slice(1) : [...target.enum, 'zz'];
      else target.enum = ['a', 1];
    },
    () => {
      target.properties = {
        ...(target.properties as object),
        [pickOf(rng, NAMES)]: pickOf(rng, [{ type: 'string' }, { type: 'integer' }, {}]),
      };
    },
    () => {
      target.minItems = Math.floor(rng() * 3);
    },
    () => {
      target.pattern = pickOf(rng, PATTERNS);
    },
    () => {
      target.multipleOf = pickOf(rng, [1, 2, 4]);
    },
  ];
}
