import {
  isSchemaNode,
  isSchemaObject,
  LIST_SCHEMA_KEYWORDS,
  MAP_SCHEMA_KEYWORDS,
  SINGLE_SCHEMA_KEYWORDS,
} from '../contract/schema-walk.js';
import type { Doc, Schema } from './nodes.js';

const ROOT = '__dmesh_root';
const SINGLE = new Set<string>(SINGLE_SCHEMA_KEYWORDS);
const LISTS = new Set<string>(LIST_SCHEMA_KEYWORDS);
const MAPS = new Set<string>(MAP_SCHEMA_KEYWORDS);

/**
 * A schema built from nodes of one internal document (a projection) as a
 * document of its own, for ajv: the original root goes under
 * `$defs.__dmesh_root` and every `$ref` (a pointer from that root) is
 * re-pointed there.
 */
export function standaloneSchema(node: Schema, doc: Doc): Record<string, unknown> {
  const body = copy(node);
  const root = isSchemaObject(body) ? body : { allOf: [body] };
  return { ...root, $defs: { ...((root.$defs as object) ?? {}), [ROOT]: copy(doc.root) } };
}

function copy(node: unknown): unknown {
  if (!isSchemaObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#')) out[k] = `#/$defs/${ROOT}${v.slice(1)}`;
    else if (SINGLE.has(k) && isSchemaNode(v)) out[k] = copy(v);
    else if (LISTS.has(k) && Array.isArray(v)) out[k] = v.map(copy);
    else if (MAPS.has(k) && isSchemaObject(v))
      out[k] = Object.fromEntries(Object.entries(v).map(([n, c]) => [n, copy(c)]));
    else out[k] = v;
  }
  return out;
}
