import { conjuncts } from './conjuncts.js';
import { allOfNode, isObj, nodeKey, type Schema } from './nodes.js';
import { matches } from './shape.js';

/** A dotted field path (`address.city`) as segments; array items add no segment, as in field lineage. */
export function fieldSegments(path: string): string[] {
  return path.split('.').filter((s) => s !== '');
}

/**
 * Whether a contract (in the internal form) declares the field at `path`:
 * some property along the path is named in `properties` or matches a
 * `patternProperties` pattern, reached through `$ref`, `allOf`, `anyOf`,
 * `oneOf`, `not`-free conjuncts and array items. An open object
 * (`additionalProperties`) accepts any name but declares none, so a
 * misspelt field is not declared. Iterative, with each (node, depth) pair
 * visited once, so recursive contracts end.
 */
export function declaresField(root: Schema, path: string): boolean {
  const segments = fieldSegments(path);
  if (segments.length === 0) return false;
  const seen = new Set<string>();
  const work: [Schema, number][] = [[root, 0]];
  while (work.length > 0) {
    const [node, i] = work.pop()!;
    if (i === segments.length) return true;
    const key = `${nodeKey(node)}|${i}`;
    if (seen.has(key) || seen.size > 10_000) continue;
    seen.add(key);
    for (const conj of conjuncts(node) ?? []) {
      for (const kw of ['anyOf', 'oneOf'] as const)
        if (Array.isArray(conj[kw])) for (const b of conj[kw] as Schema[]) work.push([b, i]);
      for (const child of itemSchemas(conj)) work.push([child, i]);
      for (const child of declaredProperty(conj, segments[i])) work.push([child, i + 1]);
    }
  }
  return false;
}

/** Array items (every place of a tuple and the rest): a path through an array names no index. */
function itemSchemas(conj: Record<string, unknown>): Schema[] {
  const out: Schema[] = [];
  if (Array.isArray(conj.prefixItems)) out.push(...(conj.prefixItems as Schema[]));
  if (conj.items !== undefined && conj.items !== false) out.push(conj.items as Schema);
  return out;
}

/** The subschemas that declare property `name` in one conjunct: its `properties` entry and matching patterns. */
function declaredProperty(conj: Record<string, unknown>, name: string): Schema[] {
  const out: Schema[] = [];
  const props = conj.properties;
  if (isObj(props) && Object.hasOwn(props, name)) out.push(props[name] as Schema);
  const patterns = conj.patternProperties;
  if (isObj(patterns)) for (const [p, s] of Object.entries(patterns)) if (matches(p, name)) out.push(s as Schema);
  return out.length > 1 ? [allOfNode(out)] : out;
}
