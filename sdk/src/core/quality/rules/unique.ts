import { getField, isMissing } from '../field-path.js';
import type { RuleAccumulator } from '../result.js';
import type { UniqueRule } from '../types.js';
import { keyedAccumulator, type KeyedPartial } from './keyed.js';

export function uniqueFields(rule: UniqueRule): string[] {
  const fields = rule.fields ?? (rule.field !== undefined ? [rule.field] : []);
  if (fields.length === 0) throw new Error('a unique rule needs "field" or "fields"');
  return fields;
}

/**
 * No two records share the key (one field, or a composite of `fields`). The
 * first occurrence passes; every later one fails and names the first line.
 * As in SQL, a key with a null or absent part is not checked. Memory: one map
 * entry per distinct key.
 */
export function unique(rule: UniqueRule): RuleAccumulator<KeyedPartial> {
  const fields = uniqueFields(rule);
  const firstLine = new Map<string, number>();
  return keyedAccumulator(
    rule,
    (record) => {
      const values = fields.map((field) => getField(record, field));
      return values.some(isMissing) ? undefined : JSON.stringify(values);
    },
    (key, line) => {
      const first = firstLine.get(key);
      if (first === undefined) {
        firstLine.set(key, line);
        return undefined;
      }
      return `${fields.join(' + ')} ${key.slice(1, -1)} duplicates line ${first}`;
    },
    (key) => {
      const values = JSON.parse(key) as unknown[];
      return values.length === 1 ? values[0] : values;
    },
  );
}
