import { Ajv2020 } from 'ajv/dist/2020.js';
import { jest } from '@jest/globals';
import fc from 'fast-check';
import { nullPolicy } from '../../src/core/quality/null-fields.js';
import { ITEMS } from '../../src/core/quality/schema-walk.js';
import { runDataTest } from '../../src/io/data/run-data-test.js';
import { readRecords } from '../../src/io/data/records.js';
import { tempDir, writeFixture } from './fixtures.js';

// Seconds on a busy two-core machine (the first contract compile, hundreds of generated cases).
jest.setTimeout(60_000);

const ajv = new Ajv2020({ strict: false });

/** The verdict of the contract itself: does `{ f: null }` pass, where `f`'s schema is `field`? */
function ajvAcceptsNullAt(root: Record<string, unknown>): boolean {
  return ajv.compile(root)({ f: null }) as boolean;
}

const TYPES = ['null', 'string', 'number', 'integer', 'boolean', 'object', 'array'];

/** Schemas built from every keyword that can judge a null, and some that cannot; `$ref`s to `#/$defs/d` if asked. */
const schemas = (refs: boolean) =>
  fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.boolean(),
      fc.constantFrom(
        {},
        { minimum: 3 },
        { minLength: 2 },
        { properties: { a: false } },
        refs ? { $ref: '#/$defs/d' } : {},
      ),
      fc.record({ type: fc.constantFrom(...TYPES) }),
      fc.record({ type: fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 1 }) }),
      fc.record({
        enum: fc.uniqueArray(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 3 })), { minLength: 1 }),
      }),
      fc.record({ const: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 3 }), fc.constant('x')) }),
      fc.record({ not: tie('node') }),
      fc.record({ allOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ anyOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ oneOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ if: tie('node'), then: tie('node'), else: tie('node') }, { requiredKeys: ['if'] }),
    ),
  })).node;

describe('nullPolicy: does the contract allow null for a field', () => {
  it('agrees with ajv for every generated field schema (the contract decides)', () => {
    fc.assert(
      fc.property(schemas(true), schemas(false), (field, def) => {
        const root = { type: 'object', properties: { f: field }, $defs: { d: def } };
        expect(nullPolicy(root)(['f'])).toBe(ajvAcceptsNullAt(root));
      }),
      { numRuns: 400 },
    );
  });

  it('follows allOf/anyOf branches, patternProperties and additionalProperties to the field', () => {
    const allows = (root: object, path: string[]) => nullPolicy(root)(path);
    const nullable = { type: ['string', 'null'] };
    expect(allows({ properties: { f: { type: 'string' } } }, ['f'])).toBe(false);
    expect(allows({ properties: { f: nullable } }, ['f'])).toBe(true);
    expect(allows({ properties: { g: { type: 'string' } } }, ['f'])).toBe(true); // unconstrained
    expect(allows({ additionalProperties: false }, ['f'])).toBe(false);
    expect(allows({ patternProperties: { '^f': { type: 'integer' } } }, ['f'])).toBe(false);
    expect(allows({ allOf: [{ properties: { f: nullable } }, { properties: { f: { type: 'string' } } }] }, ['f'])).toBe(
      false,
    );
    expect(allows({ anyOf: [{ properties: { f: nullable } }, { properties: { f: { type: 'string' } } }] }, ['f'])).toBe(
      true,
    );
    const nested = {
      properties: { a: { $ref: '#/$defs/a' } },
      $defs: { a: { properties: { zip: { type: 'string' } } } },
    };
    expect(allows(nested, ['a', 'zip'])).toBe(false);
    expect(allows(nested, ['a', 'city'])).toBe(true);
    const list = { properties: { l: { items: { properties: { q: { type: 'integer' } } } } } };
    expect(allows(list, ['l', ITEMS, 'q'])).toBe(false);
    expect(allows(list, ['l', ITEMS])).toBe(true);
  });

  it('resolves $anchor and $id references, and answers "allows" for references it cannot resolve', () => {
    const allows = (root: object) => nullPolicy(root)(['f']);
    expect(allows({ properties: { f: { $ref: '#s' } }, $defs: { s: { $anchor: 's', type: 'string' } } })).toBe(false);
    expect(
      allows({
        $id: 'https://x.test/root',
        properties: { f: { $ref: 'num#/$defs/n' } },
        $defs: { num: { $id: 'https://x.test/num', $defs: { n: { type: 'number' } } } },
      }),
    ).toBe(false);
    expect(allows({ properties: { f: { $ref: '#/$defs/missing' } } })).toBe(true);
    const cyclic = { properties: { f: { $ref: '#/$defs/a' } }, $defs: { a: { $ref: '#/$defs/a' } } };
    expect(allows(cyclic)).toBe(true);
  });

  it('in draft-04 to -07, a null the $ref allows is kept whatever the keywords beside it say', () => {
    // Those drafts ignore keywords beside $ref; ajv 8 applies them. Either way the null is kept and the
    // contract's validator judges it, so no null is dropped that the validator might accept.
    const root = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      properties: { f: { $ref: '#/definitions/n', type: 'string' } },
      definitions: { n: { type: ['string', 'null'] } },
    };
    expect(nullPolicy(root)(['f'])).toBe(true);
    expect(nullPolicy({ ...root, $schema: undefined })(['f'])).toBe(false);
  });
});

describe('CSV nulls', () => {
  const dir = tempDir();
  const contract = {
    type: 'object',
    required: ['id', 'name'],
    properties: {
      id: { type: 'integer' },
      name: { type: 'string' },
      nick: { type: 'string' },
      note: { type: ['string', 'null'] },
    },
  };

  it('an empty unquoted cell is null, kept where the contract allows null and absent elsewhere; "" is the empty string', async () => {
    const file = writeFixture(dir, 'people.csv', 'id,name,nick,note,extra\n1,Ann,,,\n2,,"",x,y\n3,"",Bo,"",\n');
    const items = [];
    for await (const item of readRecords(file, { schema: contract })) items.push(item);
    expect(items).toEqual([
      { line: 2, record: { id: 1, name: 'Ann', note: null, extra: null } },
      { line: 3, record: { id: 2, nick: '', note: 'x', extra: 'y' } },
      { line: 4, record: { id: 3, name: '', nick: 'Bo', note: '', extra: null } },
    ]);
    const { report } = await runDataTest({
      file,
      contract,
      rules: [{ rule: 'not_null', fields: ['nick', 'note'] }],
      workers: 1,
    });
    // The optional non-nullable `nick` passes the contract when empty; the required `name` fails `required`.
    expect(report.contract.violations.map((v) => [v.path, v.keyword, v.examples.map((e) => e.line)])).toEqual([
      ['/', 'required', [3]],
    ]);
    // not_null still sees every null: line 2 (nick absent, note null) and line 4 (note "" is a value).
    expect(report.rules[0]).toMatchObject({ checked: 3, failed: 1 });
    expect(report.rules[0].examples.map((e) => e.line)).toEqual([2]);
  });
});
