import { toDecimal } from '../../contract/decimal.js';
import { and } from '../cond.js';
import { needs, type KeywordTranslator } from './keyword.js';

/** `multipleOf` with dmesh's decimal meaning (`core/contract/decimal.ts`), per the column's number kind. */
export const multipleOfKeyword: KeywordTranslator = (field, value) => {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value))
    return { stream: 'multipleOf is not a positive number' };
  const { view } = field;
  if (view.is('number') === false) return { sql: { fails: false } };
  const check = view.multipleOf?.(toDecimal(value));
  if (!check) return needs('decimal arithmetic', field);
  return {
    sql: {
      fails: and(field.value, view.is('number'), check.fails),
      ...(check.undecided !== undefined && { undecided: check.undecided }),
    },
  };
};
