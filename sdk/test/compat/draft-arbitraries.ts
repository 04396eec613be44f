import fc from 'fast-check';
import { META_SCHEMA_IDS, type Draft } from '../../src/core/contract/drafts.js';

type S = Record<string, unknown> | boolean;

/**
 * Random contracts in one draft's own syntax, aimed at what normalising
 * rewrites: boolean or numeric exclusive bounds, tuples with additionalItems
 * or prefixItems, `dependencies` or dependentRequired/dependentSchemas,
 * definitions or $defs, anchors by `id`/`$id`/`$anchor`, `$ref`s with
 * siblings (ignored up to draft-07, applied after), recursion through
 * `$recursiveRef`/`$dynamicRef`, and properties called `id`, `definitions`
 * or `$ref` (names, never keywords).
 */
export function draftSchemaArb(draft: Draft): fc.Arbitrary<S> {
  const legacy = draft === 'draft-04' || draft === 'draft-06' || draft === 'draft-07';
  const defsKw =
    draft === '2019-09' || draft === '2020-12' ? fc.constantFrom('$defs', 'definitions') : fc.constant('definitions');
  const node = fc.letrec<{ node: S }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leafArb(draft),
      objectArb(draft, tie('node')),
      arrayArb(draft, tie('node')),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((anyOf) => ({ anyOf })),
      fc.array(tie('node'), { minLength: 2, maxLength: 2 }).map((oneOf) => ({ oneOf })),
      fc.array(tie('node'), { minLength: 1, maxLength: 2 }).map((allOf) => ({ allOf })),
      tie('node').map((n) => ({ not: n })),
      refArb(draft),
    ),
  })).node;
  return fc.record({ defs: defsKw, d0: node, d1: leafArb(draft), body: node }).map(({ defs, d0, d1, body }) => {
    const anchored = { ...(d1 as object), ...anchorOf(draft, 'd1') };
    const root: Record<string, unknown> = {
      $schema: META_SCHEMA_IDS[draft] + (legacy ? '#' : ''),
      [defs]: { d0, d1: anchored },
      ...(typeof body === 'object' ? body : { allOf: [body] }),
    };
    if (draft === '2019-09') root.$recursiveAnchor = true;
    if (draft === '2020-12') root.$dynamicAnchor = 'root';
    return rewriteDefs(root, defs);
  });
}

function anchorOf(draft: Draft, name: string): Record<string, unknown> {
  if (draft === 'draft-04') return { id: `#${name}` };
  if (draft === 'draft-06' || draft === 'draft-07') return { $id: `#${name}` };
  return { $anchor: name };
}

/** References to the definitions, written `#/definitions/d0` and rewritten to the keyword the root uses. */
function rewriteDefs(root: Record<string, unknown>, defs: string): S {
  if (defs === 'definitions') return root;
  return JSON.parse(JSON.stringify(root).replaceAll('"#/definitions/', `"#/${defs}/`)) as S;
}

function refArb(draft: Draft): fc.Arbitrary<S> {
  const plain = fc.constantFrom<S>(
    { $ref: '#/definitions/d0' },
    { $ref: '#/definitions/d1' },
    { $ref: '#d1' },
    // Keywords beside a $ref: ignored up to draft-07, applied from 2019-09.
    { $ref: '#/definitions/d1', maxLength: 2, minimum: 1 },
    { $ref: '#/definitions/d0', type: 'string' },
  );
  if (draft === '2019-09') return fc.oneof(plain, fc.constant({ type: 'array', items: { $recursiveRef: '#' } }));
  if (draft === '2020-12') return fc.oneof(plain, fc.constant({ type: 'array', items: { $dynamicRef: '#root' } }));
  return plain;
}

function leafArb(draft: Draft): fc.Arbitrary<S> {
  const bound = draft === 'draft-04' ? boundDraft04 : boundNumeric;
  return fc.oneof(
    fc
      .record(
        {
          type: fc.constantFrom<unknown>('number', 'integer', 'string', ['string', 'null'], ['number', 'null']),
          minLength: fc.integer({ min: 0, max: 2 }),
          maxLength: fc.integer({ min: 2, max: 5 }),
          pattern: fc.constantFrom('^[a-z]+$', 'a*', '[0-9]'),
          multipleOf: fc.constantFrom(0.1, 0.5, 2, 0.01),
        },
        { requiredKeys: ['type'] },
      )
      .chain((s) => bound.map((b) => ({ ...s, ...b }))),
    fc.constantFrom<S>({ enum: ['a', 'b', 1, null] }, { type: 'boolean' }),
    draft === 'draft-04' ? fc.constant<S>({ type: 'null' }) : fc.constantFrom<S>(true, false, { const: 'a' }),
  );
}

// draft-04's meta-schema wants the bound beside a boolean exclusiveMinimum/exclusiveMaximum.
const boundDraft04 = fc
  .record(
    {
      minimum: fc.integer({ min: -3, max: 3 }),
      exclusiveMinimum: fc.boolean(),
      maximum: fc.integer({ min: 3, max: 9 }),
      exclusiveMaximum: fc.boolean(),
    },
    { requiredKeys: [] },
  )
  .map(({ exclusiveMinimum, exclusiveMaximum, ...b }) => ({
    ...b,
    ...(b.minimum !== undefined && exclusiveMinimum !== undefined && { exclusiveMinimum }),
    ...(b.maximum !== undefined && exclusiveMaximum !== undefined && { exclusiveMaximum }),
  }));
const boundNumeric = fc.record(
  {
    minimum: fc.integer({ min: -3, max: 3 }),
    exclusiveMinimum: fc.integer({ min: -3, max: 3 }),
    exclusiveMaximum: fc.integer({ min: 3, max: 9 }),
  },
  { requiredKeys: [] },
);

const NAMES = ['a', 'id', 'definitions', '$ref'];

function objectArb(draft: Draft, child: fc.Arbitrary<S>): fc.Arbitrary<S> {
  const modern = draft === '2019-09' || draft === '2020-12';
  const dependencies = fc.dictionary(fc.constantFrom(...NAMES), fc.oneof(fc.subarray(NAMES, { minLength: 1 }), child), {
    maxKeys: 2,
  });
  return fc.record(
    {
      type: fc.constant('object'),
      properties: fc.dictionary(fc.constantFrom(...NAMES), child, { maxKeys: 3 }),
      required: fc.subarray(NAMES, { minLength: 1, maxLength: 2 }),
      additionalProperties: fc.oneof(fc.constant(false), child),
      patternProperties: fc.constant({ '^x': { type: 'integer' } }),
      dependencies,
      ...(modern && {
        dependentRequired: fc.dictionary(fc.constantFrom(...NAMES), fc.subarray(NAMES), { maxKeys: 2 }),
        dependentSchemas: fc.dictionary(fc.constantFrom(...NAMES), child, { maxKeys: 1 }),
      }),
    },
    { requiredKeys: ['type'] },
  );
}

function arrayArb(draft: Draft, child: fc.Arbitrary<S>): fc.Arbitrary<S> {
  const tuple = fc.array(child, { minLength: 1, maxLength: 2 });
  if (draft === '2020-12') {
    return fc.record(
      { type: fc.constant('array'), prefixItems: tuple, items: child, minItems: fc.integer({ min: 0, max: 2 }) },
      { requiredKeys: ['type'] },
    );
  }
  return fc.oneof(
    fc.record(
      { type: fc.constant('array'), items: tuple, additionalItems: child, maxItems: fc.integer({ min: 1, max: 3 }) },
      { requiredKeys: ['type', 'items'] },
    ),
    fc.record({ type: fc.constant('array'), items: child }, { requiredKeys: ['type'] }),
  );
}
