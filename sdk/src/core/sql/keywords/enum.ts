import { and, not, or, type Cond } from '../cond.js';
import type { SqlDialect } from '../dialect.js';
import type { Field } from '../fields.js';
import { needs, type KeywordResult, type KeywordTranslator } from './keyword.js';

/** `enum` of scalars (ajv's deep equality is `===` for them); objects or arrays in the list are judged in streaming. */
export const enumKeyword: KeywordTranslator = (field, value, d) => {
  if (!Array.isArray(value)) return { stream: 'enum is not a list' };
  return allowedValues(field, value, d);
};

/** `const`: an `enum` of one value. */
export const constKeyword: KeywordTranslator = (field, value, d) => allowedValues(field, [value], d);

export function allowedValues(field: Field, values: unknown[], d: SqlDialect): KeywordResult {
  if (values.some((v) => v !== null && typeof v === 'object'))
    return { stream: 'objects and arrays compare as JSON, which SQL engines order and format differently' };
  const match = valueIn(field, values, d);
  if ('stream' in match) return match;
  return { sql: { fails: or(and(field.isNull, !values.includes(null)), and(field.value, not(match.cond))) } };
}

/** The field's non-null value is one of `values` (strictly equal). */
export function valueIn(field: Field, values: unknown[], d: SqlDialect): { cond: Cond } | { stream: string } {
  const strings = values.filter((v): v is string => typeof v === 'string');
  const numbers = values.filter((v): v is number => typeof v === 'number');
  const booleans = values.filter((v): v is boolean => typeof v === 'boolean');
  const parts: Cond[] = [];
  const { view } = field;
  if (strings.length && view.is('string') !== false) {
    if (!view.text) return needs('text', field) as { stream: string };
    parts.push(and(view.is('string'), `${view.text} IN (${strings.map(d.string).join(', ')})`));
  }
  if (numbers.length && view.is('number') !== false) {
    if (!view.number) return needs('number', field) as { stream: string };
    parts.push(and(view.is('number'), `${view.number} IN (${numbers.map(d.number).join(', ')})`));
  }
  for (const b of new Set(booleans)) {
    if (view.is('boolean') === false) continue;
    if (!view.bool) return needs('boolean', field) as { stream: string };
    parts.push(and(view.is('boolean'), b ? view.bool : `NOT ${view.bool}`));
  }
  return { cond: or(...parts) };
}
