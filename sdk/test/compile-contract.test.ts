import {
  compileCheckedContract,
  compileContract,
  ContractCompileError,
  contentHash,
} from '../src/core/contract/compile.js';

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
    expect(() => compileContract({ $ref: 'https://example.com/s.json' })).toThrow(/remote \$ref .* is never fetched/);
  });

  it('hashes independently of key order', () => {
    expect(contentHash({ a: 1, b: { c: 2, d: 3 } })).toBe(contentHash({ b: { d: 3, c: 2 }, a: 1 }));
  });
});

describe('compileCheckedContract (a data-test worker compiling what the main thread accepted)', () => {
  const contract = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://example.com/orders.schema.json',
    type: 'object',
    required: ['id', 'at'],
    'x-owner': 'sales',
    properties: {
      id: { type: 'string', format: 'uuid' },
      at: { type: 'string', format: 'date-time' },
      code: { type: 'string', pattern: '^[A-Z]{3}$' },
      lines: { type: 'array', items: { $ref: '#/$defs/line' }, minItems: 1 },
    },
    $defs: {
      line: { type: 'object', properties: { qty: { type: 'integer', minimum: 1 } }, additionalProperties: false },
    },
  };
  const records: unknown[] = [
    { id: '3f1c2a4e-8a4b-4c1e-9a7b-1234567890ab', at: '2024-01-01T00:00:00Z', code: 'EUR', lines: [{ qty: 2 }] },
    { id: 'nope', at: '2024-13-01T00:00:00Z', code: 'eur', lines: [] },
    { id: '3f1c2a4e-8a4b-4c1e-9a7b-1234567890ab', lines: [{ qty: 0, extra: true }] },
    'not an object',
  ];

  it('validates every record exactly as compileContract does, errors included', () => {
    const full = compileContract(contract).validate;
    const checked = compileCheckedContract(contract).validate;
    expect(checked).not.toBe(full);
    for (const record of records) {
      expect(checked(record)).toBe(full(record));
      expect(checked.errors ?? null).toEqual(full.errors ?? null);
    }
    expect(full(records[0])).toBe(true);
    expect(full(records[1])).toBe(false);
  });
});
