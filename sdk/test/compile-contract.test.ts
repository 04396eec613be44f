import { compileContract, ContractCompileError, contentHash } from '../src/core/contract/compile.js';

describe('compileContract', () => {
  it('accepts x- annotations and union types, and validates records', () => {
    const c = compileContract({
      type: 'object',
      properties: { id: { type: 'string', format: 'uuid', 'x-primary-key': true }, n: { type: ['integer', 'null'] } },
      required: ['id'],
    });
    expect(c.validate({ id: '8d7b2c1e-6f0a-4c1b-9a55-0e1f7d6b2a10', n: null })).toBe(true);
    expect(c.validate({ id: 'nope' })).toBe(false);
  });

  it('names the misspelt keyword', () => {
    try {
      compileContract({ type: 'string', maxLenght: 3 });
      throw new Error('expected a compile error');
    } catch (err) {
      expect(err).toBeInstanceOf(ContractCompileError);
      expect((err as ContractCompileError).problems[0].keyword).toBe('maxLenght');
    }
  });

  it('never fetches a remote $ref', () => {
    expect(() => compileContract({ $ref: 'https://example.com/s.json' })).toThrow(/remote \$ref/);
  });

  it('hashes independently of key order', () => {
    expect(contentHash({ a: 1, b: { c: 2, d: 3 } })).toBe(contentHash({ b: { d: 3, c: 2 }, a: 1 }));
  });
});
