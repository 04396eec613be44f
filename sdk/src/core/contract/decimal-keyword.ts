import { _, str, type KeywordCxt } from 'ajv';
import type { KeywordErrorCxt } from 'ajv/dist/types/index.js';
import type { AjvCore } from './ajv-types.js';
import { isDecimalMultiple } from './decimal.js';

/**
 * `x` is a multiple of `m` in exact decimal arithmetic (decimal.ts); two safe
 * integers need no decimal expansion, and give the same answer with `%`.
 */
export function decimalMultiple(x: number, m: number): boolean {
  if (Number.isSafeInteger(x) && Number.isSafeInteger(m)) return x % m === 0;
  return isDecimalMultiple(x, m);
}

/**
 * Replaces ajv's `multipleOf` (floating-point division: it rejects 0.3 for
 * `multipleOf: 0.1`) with dmesh's decimal-exact meaning, keeping ajv's error
 * message and params, so records, data tests and counterexamples all use
 * the one meaning. The draft's meta-schema still checks that `m` > 0.
 */
export function useDecimalMultipleOf(ajv: AjvCore): void {
  ajv.removeKeyword('multipleOf');
  ajv.addKeyword({
    keyword: 'multipleOf',
    type: 'number',
    schemaType: 'number',
    error: {
      message: ({ schemaCode }: KeywordErrorCxt) => str`must be multiple of ${schemaCode}`,
      params: ({ schemaCode }: KeywordErrorCxt) => _`{multipleOf: ${schemaCode}}`,
    },
    code(cxt: KeywordCxt) {
      const fn = cxt.gen.scopeValue('func', { ref: decimalMultiple });
      cxt.fail(_`!${fn}(${cxt.data}, ${cxt.schemaCode})`);
    },
  });
}
