import fc from 'fast-check';
import { quickValidate } from '../../src/core/compat/quick-validate.js';
import { compileInternalSchema } from '../../src/core/contract/compile.js';
import { schemaArb } from './schema-arbitraries.js';

/** Extra keywords beyond the soundness generator's: the rest of what the evaluator implements. */
const extraArb = fc.record(
  {
    const: fc.constantFrom<unknown>('a', 1, null, { a: 1 }),
    minContains: fc.integer({ min: 0, max: 2 }),
    maxContains: fc.integer({ min: 0, max: 2 }),
    propertyNames: fc.constantFrom<unknown>({ maxLength: 1 }, { pattern: '^[a-c]$' }, false),
    dependentRequired: fc.constant({ a: ['b'] }),
    dependentSchemas: fc.constant({ b: { required: ['c'] } }),
    if: fc.constantFrom<unknown>({ required: ['a'] }, { type: 'string' }),
    then: fc.constantFrom<unknown>({ required: ['b'] }, { maxLength: 1 }),
    else: fc.constantFrom<unknown>(false, { type: 'integer' }),
    not: fc.constantFrom<unknown>({ const: 'a' }, { type: 'null' }),
    multipleOf: fc.constantFrom(0.1, 0.01, 3),
    format: fc.constantFrom('date', 'date-time', 'email', 'uuid', 'ipv4', 'uri', 'time', 'duration'),
    pattern: fc.constantFrom('é', '^\\d+$', '[a-c]{2}'),
  },
  { requiredKeys: [] },
);

const valueArb = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(
    0.3,
    0.07,
    19.99,
    'é',
    '😀😀',
    'ab',
    '12',
    { a: 1, b: 2 },
    { a: 'x', c: null },
    [1, 1],
    ['a', 'b'],
  ),
  fc.constantFrom(
    '2024-02-30',
    '2024-02-29',
    '2024-01-31T12:00:00Z',
    '12:00:00Z',
    'a@example.com',
    '8d7b2c1e-6f0a-4c1b-9a55-0e1f7d6b2a10',
    '192.0.2.1',
    'https://x.y/z',
    'P1D',
  ),
  fc.dictionary(
    fc.constantFrom('a', 'b', 'c', 'x_1', 'd'),
    fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null)),
    { maxKeys: 4 },
  ),
  fc.array(fc.oneof(fc.constantFrom('a', 'b'), fc.integer({ min: 0, max: 3 })), { maxLength: 4 }),
);

describe('quickValidate judges every node it accepts exactly as ajv does', () => {
  it('agrees with the compiled validator on generated nodes and values', () => {
    let judged = 0;
    let refused = 0;
    fc.assert(
      fc.property(schemaArb, extraArb, fc.array(valueArb, { minLength: 1, maxLength: 6 }), (base, extra, values) => {
        const node: Record<string, unknown> | boolean = typeof base === 'boolean' ? base : { ...base, ...extra };
        // ajv's strict mode refuses minContains/maxContains without contains, then/else without if.
        if (typeof node === 'object' && !('contains' in node))
          for (const k of ['minContains', 'maxContains']) delete node[k];
        if (typeof node === 'object' && !('if' in node)) for (const k of ['then', 'else']) delete node[k];
        let ajv: (v: unknown) => boolean;
        try {
          ajv = compileInternalSchema(node) as (v: unknown) => boolean;
        } catch {
          refused++;
          return; // not a schema ajv accepts (e.g. a strict-mode combination)
        }
        for (const v of values) {
          const quick = quickValidate(node, v);
          if (quick === undefined) continue;
          judged++;
          if (quick !== (ajv(v) === true))
            throw new Error(`${JSON.stringify(v)} under ${JSON.stringify(node)}: quick says ${quick}`);
        }
      }),
      { numRuns: 200, seed: 99 },
    );
    expect({ judged: judged > 300, refused: refused < 100 }).toEqual({ judged: true, refused: true });
  });

  it('leaves $ref, unevaluated* and unknown formats to ajv', () => {
    expect(quickValidate({ type: 'string', format: 'no-such-format' }, 'x')).toBeUndefined();
    expect(quickValidate({ format: 'email' }, 'x')).toBe(false);
    expect(quickValidate({ format: 'date' }, 5)).toBe(true);
    expect(quickValidate({ $ref: '#/$defs/a' }, 'x')).toBeUndefined();
    expect(quickValidate({ properties: { a: { unevaluatedProperties: false } } }, {})).toBeUndefined();
    expect(quickValidate({ multipleOf: 0.1 }, 0.3)).toBe(true);
  });
});
