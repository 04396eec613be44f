import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createContractAjv } from '../../src/core/contract/contract-ajv.js';
import { DRAFTS, META_SCHEMA_IDS, type Draft } from '../../src/core/contract/drafts.js';
import { metaValidatorSource } from '../../src/core/contract/meta-standalone.js';
import validate04 from '../../src/core/contract/generated/meta-draft-04.js';
import validate06 from '../../src/core/contract/generated/meta-draft-06.js';
import validate07 from '../../src/core/contract/generated/meta-draft-07.js';
import validate201909 from '../../src/core/contract/generated/meta-2019-09.js';
import validate202012 from '../../src/core/contract/generated/meta-2020-12.js';

type Generated = ((schema: unknown) => boolean) & { errors?: unknown[] | null };
const GENERATED: Record<Draft, Generated> = {
  'draft-04': validate04,
  'draft-06': validate06,
  'draft-07': validate07,
  '2019-09': validate201909,
  '2020-12': validate202012,
};

/** Keywords of every draft, and a few that no draft has: values of every JSON type land under them. */
const KEYWORDS = [
  ...['type', 'properties', 'required', 'items', 'prefixItems', 'additionalProperties', 'enum', 'const', 'format'],
  ...['$ref', '$id', 'id', '$anchor', '$defs', 'definitions', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then'],
  ...['minimum', 'exclusiveMinimum', 'maximum', 'multipleOf', 'minLength', 'pattern', 'dependentRequired'],
  ...['dependencies', 'patternProperties', 'unevaluatedProperties', '$dynamicRef', '$recursiveRef', 'x-owner'],
];
const TYPES = ['string', 'number', 'integer', 'object', 'array', 'boolean', 'null', 'date', ''];

/**
 * Schema-shaped values: mostly well-formed, often not (wrong types, negative counts, bad patterns and anchors).
 * Plain objects, as JSON and YAML parsers make them (ajv's deep-equal cannot take null-prototype objects).
 */
const schemaLike = fc.letrec((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.boolean(),
    fc.dictionary(fc.constantFrom(...KEYWORDS), tie('value'), { maxKeys: 5, noNullPrototype: true }),
  ),
  value: fc.oneof(
    { depthSize: 'small' },
    tie('schema'),
    fc.constantFrom(...TYPES),
    fc.array(fc.constantFrom(...TYPES), { maxLength: 3 }),
    fc.integer({ min: -2, max: 5 }),
    fc.double({ noNaN: true }),
    fc.constantFrom('#/$defs/a', 'a b', '^[a-z]+$', '#anchor', '[', 'http://x.example/s#frag', null),
    fc.array(tie('schema'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie('schema'), { maxKeys: 3, noNullPrototype: true }),
  ),
})).schema;

describe('the meta-schema validators compiled ahead of time', () => {
  it.each(DRAFTS)('generated/meta-%s.ts is what the generator writes today (npm run generate rewrites it)', (draft) => {
    const committed = readFileSync(
      new URL(`../../src/core/contract/generated/meta-${draft}.ts`, import.meta.url),
      'utf8',
    );
    expect(committed).toBe(metaValidatorSource(draft));
  });

  it.each(DRAFTS)('%s: the same verdict and the same errors as the meta-schema compiled at run time', (draft) => {
    const ajv = createContractAjv(draft, { meta: true });
    const generated = GENERATED[draft];
    fc.assert(
      fc.property(schemaLike, (schema) => {
        const atRunTime = ajv.validate(META_SCHEMA_IDS[draft], schema);
        expect(generated(schema)).toBe(atRunTime);
        expect(generated.errors ?? null).toEqual(ajv.errors ?? null);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses what each draft’s meta-schema refuses, naming the place', () => {
    const bad = { type: 'object', properties: { a: { minLength: -1 } }, required: 'a' };
    for (const draft of DRAFTS) {
      expect(GENERATED[draft](bad)).toBe(false);
      const paths = (GENERATED[draft].errors as { instancePath: string }[]).map((e) => e.instancePath);
      expect(paths).toEqual(expect.arrayContaining(['/properties/a/minLength', '/required']));
    }
    expect(GENERATED['2020-12']({ $anchor: '1-not-a-name' })).toBe(false);
    expect(GENERATED['2020-12']({ $anchor: 'a-name', type: ['string', 'null'] })).toBe(true);
  });
});
