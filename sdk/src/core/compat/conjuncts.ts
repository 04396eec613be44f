import { adoptLike, docOf, isObj, resolveRef, type Schema, type SchemaObject } from './nodes.js';

/** Keywords whose evaluation annotations `unevaluated*` would need; we do not track annotations. */
const EVALUATING = ['$ref', 'allOf', 'anyOf', 'oneOf', 'if', 'dependentSchemas', 'contains', '$dynamicRef'];

const restCache = new WeakMap<object, SchemaObject>();
/** Rests whose `unevaluatedProperties`/`unevaluatedItems` depend on sibling applicators (not judged). */
export const unevaluatedWithApplicators = new WeakSet<object>();
/** Marker conjuncts standing for a `$ref` that could not be resolved. */
export const unresolvedRefs = new WeakSet<object>();

/** The node without its `$ref`/`allOf`/`$defs` keywords: the constraints it adds itself. */
function restOf(node: SchemaObject): SchemaObject {
  let rest = restCache.get(node);
  if (rest) return rest;
  rest = {};
  for (const [k, v] of Object.entries(node)) {
    if (k !== '$ref' && k !== 'allOf' && k !== '$defs' && k !== 'definitions') rest[k] = v;
  }
  if (('unevaluatedProperties' in node || 'unevaluatedItems' in node) && EVALUATING.some((k) => k in node)) {
    unevaluatedWithApplicators.add(rest);
  }
  restCache.set(node, rest);
  return rest;
}

/**
 * Flattens `allOf` and resolves `$ref` into the list of keyword objects whose
 * conjunction is `node`. Returns null when the conjunction contains `false`.
 * A node met twice is skipped: x ∧ x = x, so cycles of pure `$ref`/`allOf` end here.
 */
export function conjuncts(node: Schema, out: SchemaObject[] = [], seen = new Set<object>()): SchemaObject[] | null {
  if (node === true) return out;
  if (node === false) return null;
  if (seen.has(node)) return out;
  seen.add(node);
  // `not: true` (or `not: {}`) accepts nothing, so neither does the node.
  if (node.not === true || (isObj(node.not) && Object.keys(node.not).length === 0)) return null;
  if (typeof node.$ref === 'string') {
    const target = resolveRef(node);
    if (target === undefined) {
      const marker: SchemaObject = { $ref: node.$ref };
      unresolvedRefs.add(marker);
      out.push(marker);
    } else if (conjuncts(target, out, seen) === null) return null;
  }
  if (Array.isArray(node.allOf)) {
    for (const member of node.allOf as Schema[]) if (conjuncts(member, out, seen) === null) return null;
  }
  const rest = restOf(node);
  if (Object.keys(rest).length > 0) {
    if (!docOf(rest) && docOf(node)) adoptRest(rest, node);
    out.push(rest);
  }
  return out;
}

const restOwner = new WeakMap<object, object>();
function adoptRest(rest: SchemaObject, node: SchemaObject): void {
  restOwner.set(rest, node);
}

/** The original node a rest was cut from (for JSON paths and local validation). */
export function originOf(rest: SchemaObject): SchemaObject {
  return (restOwner.get(rest) as SchemaObject | undefined) ?? rest;
}

export function isObjNode(s: Schema): s is SchemaObject {
  return isObj(s);
}

const withoutCache = new WeakMap<object, Map<string, SchemaObject>>();
/** The node minus one keyword (stable identity, for the coinduction keys). */
export function without(node: SchemaObject, keyword: string): SchemaObject {
  let byKw = withoutCache.get(node);
  if (!byKw) withoutCache.set(node, (byKw = new Map()));
  let out = byKw.get(keyword);
  if (!out) {
    out = { ...node };
    delete out[keyword];
    adoptLike(out, node);
    byKw.set(keyword, out);
    if (unevaluatedWithApplicators.has(node)) unevaluatedWithApplicators.add(out);
  }
  return out;
}
