import fc from 'fast-check';
import { compileContract, ContractCompileError } from '../../src/core/contract/compile.js';

/** Schemas whose verdicts could leak into each other on a shared ajv instance: refused ones, shared `$id`s. */
const SCHEMAS: unknown[] = [
  { type: 'string', minLength: -1 },
  { type: 'string', maxLenght: 3 },
  { type: 'strin' },
  { $id: 'https://example.com/a', type: 'string' },
  { $id: 'https://example.com/a', type: 'integer' },
  { $id: 'https://example.com/a', $defs: { p: { $id: 'https://example.com/p', minimum: 0 } }, $ref: 'p' },
  { $id: 'https://example.com/b', $defs: { p: { $id: 'https://example.com/p', maximum: 0 } }, $ref: 'p' },
  { $id: 'https://example.com/c', $ref: 'p' },
  { $schema: 'http://json-schema.org/draft-07/schema#', $id: 'https://example.com/a', type: 'boolean' },
  {
    $schema: 'http://json-schema.org/draft-04/schema#',
    id: 'https://example.com/a',
    minimum: 1,
    exclusiveMinimum: true,
  },
  { $schema: 'http://json-schema.org/draft-04/schema#', exclusiveMinimum: true },
  { properties: { a: { $ref: '#/$defs/missing' } } },
];
const INSTANCES: unknown[] = ['x', 1, -1, 0.5, true, null, {}, { a: 1 }];

/** A schema's verdict: the problems it is refused with, or what it says of each instance. */
function verdict(schema: unknown): string {
  try {
    const { validate } = compileContract(structuredClone(schema));
    return JSON.stringify(INSTANCES.map((x) => validate(x)));
  } catch (err) {
    if (!(err instanceof ContractCompileError)) throw err;
    return JSON.stringify(err.problems.map((p) => [p.code, p.path, p.message]));
  }
}

describe('the same schema gets the same verdict on every call, in any order', () => {
  it('a refused schema is refused again, with the same problems, when the very same object comes back', () => {
    for (const schema of SCHEMAS.slice(0, 3)) {
      const first = (() => {
        try {
          compileContract(schema);
        } catch (err) {
          return (err as ContractCompileError).problems;
        }
      })();
      expect(first).toBeDefined();
      expect(() => compileContract(schema)).toThrow(ContractCompileError);
      try {
        compileContract(schema);
      } catch (err) {
        expect((err as ContractCompileError).problems).toEqual(first);
      }
    }
  });

  it('shuffled call orders give every schema the verdict it gets first', () => {
    const expected = SCHEMAS.map(verdict);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(
          SCHEMAS.map((_, i) => i),
          { minLength: SCHEMAS.length },
        ),
        (order) => {
          for (const i of order) expect(verdict(SCHEMAS[i])).toBe(expected[i]);
        },
      ),
      { numRuns: 40, seed: 7 },
    );
    // Sanity: the set holds both kinds.
    expect(expected.filter((v) => v.startsWith('[['))).not.toHaveLength(0);
    expect(expected.filter((v) => v.startsWith('[t') || v.startsWith('[f'))).not.toHaveLength(0);
  });
});
