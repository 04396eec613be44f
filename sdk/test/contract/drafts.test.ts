import { createRequire } from 'node:module';
import { compileContract, DRAFTS, draftOf, ContractCompileError } from '../../src/core/contract/compile.js';

const require = createRequire(import.meta.url);

describe('contracts in every draft in use', () => {
  it('ajv-draft-04 resolves the SDK’s ajv 8, not the ajv 6 eslint puts at the repository root', () => {
    const fromDraft04 = createRequire(require.resolve('ajv-draft-04'));
    const ajv = fromDraft04('ajv/package.json') as { version: string };
    expect(ajv.version).toMatch(/^8\./);
    expect(fromDraft04.resolve('ajv/package.json')).toBe(require.resolve('ajv/package.json'));
  });

  it.each([
    ['http://json-schema.org/draft-04/schema#', 'draft-04'],
    ['https://json-schema.org/draft-04/schema', 'draft-04'],
    ['http://json-schema.org/draft-06/schema#', 'draft-06'],
    ['http://json-schema.org/draft-07/schema', 'draft-07'],
    ['https://json-schema.org/draft/2019-09/schema', '2019-09'],
    ['https://json-schema.org/draft/2020-12/schema#', '2020-12'],
  ])('$schema %s is %s', (uri, draft) => {
    expect(draftOf({ $schema: uri })).toBe(draft);
    expect(compileContract({ $schema: uri, type: 'string' }).draft).toBe(draft);
  });

  it('absent $schema means 2020-12; an unknown one is refused by name', () => {
    expect(compileContract({ type: 'string' }).draft).toBe('2020-12');
    expect(compileContract(true).draft).toBe('2020-12');
    try {
      compileContract({ $schema: 'http://json-schema.org/draft-03/schema#', type: 'string' });
      throw new Error('expected UNKNOWN_DRAFT');
    } catch (err) {
      expect((err as ContractCompileError).problems[0]).toMatchObject({ code: 'UNKNOWN_DRAFT', path: '/$schema' });
      for (const d of DRAFTS) expect((err as ContractCompileError).problems[0].fix).toContain(d);
    }
  });

  it('multipleOf is decimal-exact in every draft: every cent amount is a multiple of 0.01', () => {
    const cents = Array.from({ length: 10_000 }, (_, i) => Number((i / 100).toFixed(2)));
    for (const uri of [
      'http://json-schema.org/draft-04/schema#',
      'http://json-schema.org/draft-06/schema#',
      'http://json-schema.org/draft-07/schema#',
      'https://json-schema.org/draft/2019-09/schema',
      'https://json-schema.org/draft/2020-12/schema',
    ]) {
      const { validate } = compileContract({ $schema: uri, type: 'number', multipleOf: 0.01 });
      expect(cents.filter((c) => !validate(c))).toEqual([]);
      expect(validate(0.001)).toBe(false);
      expect(validate.errors?.[0]).toMatchObject({ keyword: 'multipleOf', message: 'must be multiple of 0.01' });
    }
  });
});
