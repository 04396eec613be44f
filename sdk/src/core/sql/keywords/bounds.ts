import { and } from '../cond.js';
import { needs, type KeywordTranslator } from './keyword.js';

const FAIL_OP = { minimum: '<', exclusiveMinimum: '<=', maximum: '>', exclusiveMaximum: '>=' } as const;

/** `minimum`/`maximum`/`exclusive*` on JSON numbers (finite: ajv's strict numbers leave NaN and ±Infinity to `type`). */
export function boundKeyword(keyword: keyof typeof FAIL_OP): KeywordTranslator {
  return (field, value, d) => {
    if (typeof value !== 'number') return { stream: `${keyword} is not a number` };
    const { view } = field;
    if (view.is('number') === false) return { sql: { fails: false } };
    if (!view.number) return needs('number', field);
    return {
      sql: { fails: and(field.value, view.is('number'), `${view.number} ${FAIL_OP[keyword]} ${d.number(value)}`) },
    };
  };
}
