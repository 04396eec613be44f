import { and, not } from '../cond.js';
import { formatFails } from '../formats.js';
import { translatePattern } from '../regex/emit.js';
import { needs, type KeywordTranslator } from './keyword.js';

/** `minLength`/`maxLength`: ajv counts code points, as the dialect's length does. */
export function lengthKeyword(keyword: 'minLength' | 'maxLength'): KeywordTranslator {
  return (field, value, d) => {
    if (typeof value !== 'number') return { stream: `${keyword} is not a number` };
    const { view } = field;
    if (view.is('string') === false) return { sql: { fails: false } };
    if (!view.text) return needs('text', field);
    const fails = `${d.charLength(view.text)} ${keyword === 'minLength' ? '<' : '>'} ${value}`;
    return { sql: { fails: and(field.value, view.is('string'), fails) } };
  };
}

/** `pattern`: translated per dialect (`regex/emit.ts`), or judged in streaming when the translation is not exact. */
export const patternKeyword: KeywordTranslator = (field, value, d) => {
  if (typeof value !== 'string') return { stream: 'pattern is not a string' };
  const { view } = field;
  if (view.is('string') === false) return { sql: { fails: false } };
  const translated = translatePattern(value, d.regex);
  if (!translated.ok) return { stream: translated.reason };
  if (!view.text) return needs('text', field);
  return { sql: { fails: and(field.value, view.is('string'), not(d.regexMatch(view.text, translated.pattern))) } };
};

/** `format`: settled by the column type where it can be (a timestamp column), else ajv-formats' rules in SQL. */
export const formatKeyword: KeywordTranslator = (field, value, d) => {
  if (typeof value !== 'string') return { stream: 'format is not a string' };
  const { view } = field;
  if (view.is('string') === false) return { sql: { fails: false } };
  const settled = view.format?.(value);
  if (settled !== undefined) return { sql: { fails: and(field.value, view.is('string'), settled) } };
  if (!view.text) return needs('text', field);
  const fails = formatFails(value, view.text, d);
  if (fails === undefined) return { stream: `format "${value}" has no SQL translation` };
  return { sql: { fails: and(field.value, view.is('string'), fails) } };
};
