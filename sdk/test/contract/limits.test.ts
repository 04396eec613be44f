import { checkCompatibility } from '../../src/core/compat/index.js';
import { canonicalJson } from '../../src/core/contract/canonical.js';
import {
  compileContract,
  contentHash,
  CONTRACT_LIMITS,
  ContractCompileError,
  type ContractProblem,
} from '../../src/core/contract/compile.js';
import { bundleHash } from '../../src/core/product/bundle-hash.js';
import { nested, refChain } from './hostile-schemas.js';

function problemOf(fn: () => unknown): ContractProblem {
  try {
    fn();
  } catch (err) {
    if (err instanceof ContractCompileError) return err.problems[0];
    throw err;
  }
  throw new Error('expected a ContractCompileError');
}

describe('limits are checked before any recursive walk', () => {
  it.each([2_500, 3_000, 20_000])(
    'a contract nested %i levels deep is refused by name, never a stack overflow',
    (n) => {
      const schema = nested(n);
      const p = problemOf(() => compileContract(schema));
      expect(p).toMatchObject({
        code: 'SCHEMA_TOO_DEEP',
        limit: { name: 'maxDepth', value: CONTRACT_LIMITS.maxDepth },
      });
      expect(p.message).toContain(`CONTRACT_LIMITS.maxDepth = ${CONTRACT_LIMITS.maxDepth}`);
      expect(problemOf(() => checkCompatibility({ type: 'object' }, schema)).code).toBe('SCHEMA_TOO_DEEP');
    },
  );

  it('hashes and canonicalises documents of any depth', () => {
    const deep = nested(20_000);
    expect(contentHash(deep)).toMatch(/^sha256:/);
    expect(bundleHash({ descriptor: {}, contracts: { 'c.json': deep } })).toMatch(/^sha256:/);
    expect(canonicalJson({ b: [1, { d: undefined, c: 2 }], a: null })).toBe('{"a":null,"b":[1,{"c":2}]}');
  });

  it('a 10,000-long $ref chain (or cycle) names the $ref-chain limit', () => {
    const p = problemOf(() => compileContract(refChain(10_000)));
    expect(p).toMatchObject({
      code: 'REF_CHAIN_TOO_LONG',
      limit: { name: 'maxRefChain', value: CONTRACT_LIMITS.maxRefChain },
    });
    expect(p.message).not.toMatch(/call stack/);
    expect(problemOf(() => checkCompatibility(refChain(3), refChain(10_000))).code).toBe('REF_CHAIN_TOO_LONG');
  });

  it('what the limits allow compiles and compares (the deepest $ref chain, 64 levels of nesting)', () => {
    const chain = refChain(CONTRACT_LIMITS.maxRefChain);
    expect(compileContract(chain).validate('x')).toBe(true);
    expect(checkCompatibility(chain, refChain(CONTRACT_LIMITS.maxRefChain - 1)).compatible).toBe(true);
    const deepest = nested(Math.floor((CONTRACT_LIMITS.maxDepth - 1) / 2));
    expect(checkCompatibility(deepest, deepest).compatible).toBe(true);
    expect(problemOf(() => compileContract(refChain(CONTRACT_LIMITS.maxRefChain + 2))).code).toBe('REF_CHAIN_TOO_LONG');
  });

  it('refuses a contract larger than maxBytes', () => {
    const props = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`field_${i}`, { type: 'string' }]));
    expect(problemOf(() => compileContract({ type: 'object', properties: props }))).toMatchObject({
      code: 'SCHEMA_TOO_LARGE',
      limit: { name: 'maxBytes' },
    });
  });

  it('refuses a $ref cycle that never descends into the data (ajv would overflow its stack validating it)', () => {
    const p = problemOf(() => compileContract({ $defs: { a: { anyOf: [{ $ref: '#/$defs/a' }] } }, $ref: '#/$defs/a' }));
    expect(p.code).toBe('REF_CYCLE');
    const tree = {
      $defs: { n: { type: 'object', properties: { kids: { type: 'array', items: { $ref: '#/$defs/n' } } } } },
      $ref: '#/$defs/n',
    };
    expect(compileContract(tree).validate({ kids: [{ kids: [] }] })).toBe(true);
  });
});
