import { refOverridesSiblings, type Draft } from './drafts.js';
import { DEFINITION_KEYWORDS, forEachSubschema, isSchemaObject, type SchemaNode } from './schema-walk.js';

/**
 * The form of a draft-04…07 contract that ajv compiles: in those drafts a
 * `$ref` makes every keyword beside it ignored, but ajv still applies some
 * (a sibling `type`, for one). Dropping them makes validation follow the
 * draft, and agree with the compatibility checker. `definitions` beside a
 * `$ref` stay (they are only reached through `$ref`s). Returns `schema`
 * itself when nothing is dropped; other drafts are returned as they are.
 * Recursive: only for documents within CONTRACT_LIMITS.maxDepth.
 */
export function withoutRefSiblings(schema: SchemaNode, draft: Draft): SchemaNode {
  if (!refOverridesSiblings(draft)) return schema;
  return strip(schema);
}

function strip(node: SchemaNode): SchemaNode {
  if (!isSchemaObject(node)) return node;
  if (typeof node.$ref === 'string') {
    const kept = Object.keys(node).filter((k) => k === '$ref' || DEFINITION_KEYWORDS.has(k));
    if (kept.length < Object.keys(node).length) return rebuild(node, kept);
  }
  let changed: Map<string, SchemaNode> | undefined;
  forEachSubschema(node, (child, segments) => {
    const out = strip(child);
    if (out !== child) (changed ??= new Map()).set(segments.join('\u0000'), out);
  });
  return changed ? replaceChildren(node, changed) : node;
}

/** A `$ref` node with only its `$ref` and `definitions` (whose members may themselves need stripping). */
function rebuild(node: { [k: string]: unknown }, kept: string[]): SchemaNode {
  const out: { [k: string]: unknown } = {};
  for (const k of kept) out[k] = node[k];
  return strip(out);
}

/** A shallow copy of `node` with the subschemas at the given (keyword, name/index) places replaced. */
function replaceChildren(node: { [k: string]: unknown }, changed: Map<string, SchemaNode>): SchemaNode {
  const out: { [k: string]: unknown } = { ...node };
  for (const [key, child] of changed) {
    const [kw, name] = key.split('\u0000');
    if (name === undefined) out[kw] = child;
    else if (Array.isArray(out[kw])) out[kw] = (out[kw] as unknown[]).map((c, i) => (String(i) === name ? child : c));
    else out[kw] = { ...(out[kw] as object), [name]: child };
  }
  return out;
}
