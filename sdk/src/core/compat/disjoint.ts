import { conjuncts } from './conjuncts.js';
import { validLocal } from './local-validate.js';
import { allOfNode, type Schema } from './nodes.js';
import { coversType, explicitNames, mergeShape, propSchema } from './shape.js';

/**
 * Whether no value is valid under both x and y. Only proven cases answer true
 * (disjoint types, enum values the other side rejects, a discriminator
 * property one side requires with disjoint values); "don't know" is false.
 */
export function disjoint(x: Schema, y: Schema, depth = 0): boolean {
  if (x === false || y === false) return true;
  if (depth > 8) return false;
  const cx = conjuncts(x);
  const cy = conjuncts(y);
  if (!cx || !cy) return true;
  const X = mergeShape(cx);
  const Y = mergeShape(cy);
  const common = [...X.types]
    .filter((t) => coversType(Y.types, t))
    .concat([...Y.types].filter((t) => coversType(X.types, t)));
  if (common.length === 0) return true;
  if (X.values && X.values.every((v) => validLocal(v, allOfNode(cy)) === false)) return true;
  if (Y.values && Y.values.every((v) => validLocal(v, allOfNode(cx)) === false)) return true;
  if (common.every((t) => t === 'object')) {
    for (const name of new Set([...explicitNames(X), ...explicitNames(Y)])) {
      if (!X.required.has(name) && !Y.required.has(name)) continue;
      if (disjoint(propSchema(X, name), propSchema(Y, name), depth + 1)) return true;
    }
  }
  return false;
}
