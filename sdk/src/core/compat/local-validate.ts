import { internalValidator } from './ajv-pool.js';
import { containsRef, type Schema } from './nodes.js';
import { quickValidate } from './quick-validate.js';

/**
 * Validates a value against one node of a schema with ajv, when the node means
 * the same on its own (no `$ref` inside). Returns undefined when it cannot tell;
 * callers then assume the conservative answer.
 */
export function validLocal(value: unknown, node: Schema): boolean | undefined {
  if (typeof node === 'boolean') return node;
  if (containsRef(node)) return undefined;
  const quick = quickValidate(node, value);
  if (quick !== undefined) return quick;
  try {
    return internalValidator(node)(value) === true;
  } catch {
    return undefined;
  }
}
