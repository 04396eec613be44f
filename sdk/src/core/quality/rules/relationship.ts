import { parseId } from '../../identifiers.js';
import { getField, isMissing } from '../field-path.js';
import type { RuleAccumulator } from '../result.js';
import type { RelationshipRule } from '../types.js';
import { keyedAccumulator, type KeyedPartial } from './keyed.js';

/** `<domain>.<product>/<port>#<field>` split into the data set id and the field. */
export function parseRelationshipRef(ref: string): { dataset: string; field: string } {
  const id = parseId(ref);
  if (!id || !id.port || !id.field || id.version) {
    throw new Error(
      `relationship ref "${ref}" must have the form <domain>.<product>/<port>#<field>, e.g. customers.profiles/profiles#customer_id`,
    );
  }
  return { dataset: `${id.domain}.${id.product}/${id.port}`, field: id.field };
}

/**
 * Keys compare as text, so an integer id matches the same id read from an
 * untyped CSV reference file; objects and arrays compare as JSON.
 */
export function relationshipKey(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Referenced values per data set id (`<domain>.<product>/<port>`), keyed by `relationshipKey`. */
export type RefValues = (dataset: string, field: string) => ReadonlySet<string> | undefined;

/** Every value exists in the referenced data; records without a value are skipped. */
export function relationship(rule: RelationshipRule, refValues?: RefValues): RuleAccumulator<KeyedPartial> {
  const { dataset, field } = parseRelationshipRef(rule.ref);
  let known: ReadonlySet<string> | undefined;
  return keyedAccumulator(
    rule,
    (record) => {
      const value = getField(record, rule.field);
      return isMissing(value) ? undefined : relationshipKey(value);
    },
    (key) => {
      known ??= refValues?.(dataset, field);
      if (!known)
        throw new Error(
          `relationship ${rule.field} -> ${rule.ref}: no reference data for ${dataset}; pass --ref-data ${dataset}=<file>`,
        );
      return known.has(key) ? undefined : `${rule.field} ${key} is not among the ${field} values of ${dataset}`;
    },
    (key) => key,
  );
}
