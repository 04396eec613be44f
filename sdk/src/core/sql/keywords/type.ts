import { and, not, or } from '../cond.js';
import type { JsonKind } from '../dialect.js';
import type { KeywordTranslator } from './keyword.js';

/**
 * `type`: decided by the column's native type where it can be (a DOUBLE column
 * never holds a string: the check folds to a constant and costs nothing per
 * row, and a column of the wrong type fails every row with a value, from the
 * schema alone), per row where it cannot (BIGINT beyond 2^53, JSON columns).
 */
export const typeKeyword: KeywordTranslator = (field, value) => {
  const types = (Array.isArray(value) ? value : [value]) as string[];
  const kinds = types.filter((t): t is JsonKind => t !== 'null');
  const matches = or(...kinds.map((k) => field.view.is(k)));
  return { sql: { fails: or(and(field.isNull, !types.includes('null')), and(field.value, not(matches))) } };
};
