import { fieldGetter, getField, isMissing } from '../field-path.js';
import {
  MAX_EXAMPLES,
  pushExamples,
  ruleIdentity,
  type FailureExample,
  type RecordFailure,
  type RuleAccumulator,
  type RuleResult,
} from '../result.js';
import type { UniqueRule } from '../types.js';
import { keyText, KeyWriter, type KeyBatch } from './key-bytes.js';
import { KeyTable } from './key-table.js';

export function uniqueFields(rule: UniqueRule): string[] {
  const fields = rule.fields ?? (rule.field !== undefined ? [rule.field] : []);
  if (fields.length === 0) throw new Error('a unique rule needs "field" or "fields"');
  return fields;
}

/**
 * No two records share the key (one field, or a composite of `fields`). The
 * first occurrence passes; every later one fails and names the first line.
 * As in SQL, a key with a null or absent part is not checked.
 *
 * Workers only extract keys (`KeyWriter`); the main thread judges them in line
 * order (`KeyTable`), so a run with workers gives exactly the verdicts of a
 * one-thread run. Memory: each distinct key's text plus 36 to 52 bytes.
 */
export function unique(rule: UniqueRule): RuleAccumulator<KeyBatch> {
  const fields = uniqueFields(rule);
  const keyOf = keyTextOf(fields);
  const writer = new KeyWriter();
  const table = new KeyTable();
  let checked = 0;
  let failed = 0;
  const examples: FailureExample[] = [];
  return {
    rule,
    observe(record, line) {
      const key = keyOf(record);
      if (key !== undefined) writer.add(key, line);
      return undefined;
    },
    takePartial: () => writer.take(),
    merge(batch, recordAt): RecordFailure[] {
      const failures: RecordFailure[] = [];
      checked += batch.count;
      table.warm(batch);
      for (let i = 0; i < batch.count; i++) {
        const first = table.firstLineOf(batch, i);
        if (first < 0) continue;
        const line = batch.lines[i];
        const values = keyValues(keyText(batch, i), fields.length);
        const reason = `${fields.join(' + ')} ${JSON.stringify(values).slice(1, -1)} duplicates line ${first}`;
        failed++;
        failures.push({ line, reason });
        if (examples.length < MAX_EXAMPLES) {
          const value = values.length === 1 ? values[0] : values;
          pushExamples(examples, [{ line, message: reason, value, record: recordAt(line) }]);
        }
      }
      return failures;
    },
    result: (): RuleResult => ({ ...ruleIdentity(rule), passed: failed === 0, checked, failed, examples }),
  };
}

/**
 * A key's text, distinct for distinct values: a lone string value is itself
 * (the common case, no allocation), anything else `\0` + its JSON (`\0s` before
 * a string that itself starts with `\0`). Undefined when a part is null or absent.
 */
function keyTextOf(fields: string[]): (record: unknown) => string | undefined {
  if (fields.length > 1) {
    return (record) => {
      const values = fields.map((field) => getField(record, field));
      return values.some(isMissing) ? undefined : `\0${JSON.stringify(values)}`;
    };
  }
  const get = fieldGetter(fields[0]);
  return (record) => {
    const value = get(record);
    if (isMissing(value)) return undefined;
    if (typeof value !== 'string') return `\0${JSON.stringify(value)}`;
    return value.charCodeAt(0) === 0 ? `\0s${value}` : value;
  };
}

/** The values a key text stands for (see `keyTextOf`). */
function keyValues(text: string, arity: number): unknown[] {
  if (arity > 1) return JSON.parse(text.slice(1)) as unknown[];
  if (text.charCodeAt(0) !== 0) return [text];
  return [text.charCodeAt(1) === 115 /* s */ ? text.slice(2) : JSON.parse(text.slice(1))];
}
