import { parseRelationshipRef } from '../../core/quality/rules/relationship.js';
import type { QualityRule } from '../../core/quality/types.js';
import { loadRefValues } from '../data/records.js';
import { SqlEngineError } from './engine.js';

/**
 * The referenced keys of every `relationship` rule, read from `--ref-data`
 * files with the streaming engine's reader (so they are keyed exactly as it
 * keys them), by `<dataset>#<field>`.
 */
export async function loadRelationshipKeys(
  rules: QualityRule[],
  refData: Record<string, string>,
): Promise<Map<string, Set<string>>> {
  const loaded = new Map<string, Set<string>>();
  for (const rule of rules) {
    if (rule.rule !== 'relationship') continue;
    const { dataset, field } = parseRelationshipRef(rule.ref);
    const file = refData[dataset] ?? refData[rule.ref];
    if (!file)
      throw new SqlEngineError(
        `the relationship rule on ${rule.field} needs reference data for ${dataset}: pass --ref-data ${dataset}=<file>`,
      );
    if (!loaded.has(`${dataset}#${field}`)) loaded.set(`${dataset}#${field}`, await loadRefValues(file, field));
  }
  return loaded;
}
