import { checkContract } from './check-contract.js';
import type { Draft } from './drafts.js';
import { isStaticRef, resolveRefSite, type RefKeyword, type SchemaIndex } from './schema-index.js';
import {
  escapePointer,
  isSchemaNode,
  isSchemaObject,
  LIST_SCHEMA_KEYWORDS,
  MAP_SCHEMA_KEYWORDS,
  SINGLE_SCHEMA_KEYWORDS,
  type SchemaNode,
} from './schema-walk.js';
import { mapDraftKeyword } from './normalize-keywords.js';

/** Where `$ref`s that cannot be resolved statically point in the internal form: nowhere (the checker then is cautious). */
export const UNRESOLVED_REF = '#/$dmesh-unresolved';

/** Keywords that only identify or label a resource; the internal form has resolved every reference already. */
const IDENTIFIERS = new Set(['$schema', '$id', '$anchor', '$dynamicAnchor', '$recursiveAnchor', '$vocabulary']);
const REF_KEYWORDS: readonly RefKeyword[] = ['$ref', '$dynamicRef', '$recursiveRef'];

interface Ctx {
  draft: Draft;
  index: SchemaIndex;
  /** Original JSON pointer of every schema node → its pointer in the internal form. */
  pointers: Map<string, string>;
  pending: {
    node: Record<string, unknown>;
    keyword: '$ref';
    site: { pointer: string; keyword: RefKeyword; value: string };
  }[];
}

/**
 * The one internal form the compatibility checker reads: JSON Schema 2020-12
 * with every reference a JSON pointer from the root, whatever the contract's
 * draft. Tuple `items`/`additionalItems` become `prefixItems`/`items`,
 * `dependencies` becomes `dependentRequired`/`dependentSchemas`, boolean
 * `exclusiveMinimum`/`exclusiveMaximum` become numbers, `definitions`
 * becomes `$defs`, `id`/`$id`/`$anchor`-based and static `$dynamicRef`/
 * `$recursiveRef` references become pointers; in draft-04…07 it starts from
 * the contract without the keywords its draft ignores beside a `$ref`. Only
 * keyword positions are rewritten, never a property that is called `id`.
 * `schema` must be an accepted contract (compileContract).
 */
export function normalizeContract(schema: unknown): SchemaNode {
  const { draft, index, effective } = checkContract(schema, { meta: false });
  const ctx: Ctx = { draft, index, pointers: new Map(), pending: [] };
  const root = build(effective, '', '', ctx);
  for (const { node, keyword, site } of ctx.pending) {
    const target = resolveRefSite(index, site);
    const mapped =
      'pointer' in target && isStaticRef(index, site, target.pointer) ? ctx.pointers.get(target.pointer) : undefined;
    node[keyword] = mapped === undefined ? UNRESOLVED_REF : `#${encodePointer(mapped)}`;
  }
  return root;
}

/** A JSON pointer as a URI fragment: `%` and characters a fragment cannot hold are percent-encoded. */
export function encodePointer(pointer: string): string {
  return encodeURI(pointer).replace(/#/g, '%23');
}

function build(node: SchemaNode, from: string, to: string, ctx: Ctx): SchemaNode {
  ctx.pointers.set(from, to);
  if (!isSchemaObject(node)) return node;
  const out: Record<string, unknown> = {};
  const refs = REF_KEYWORDS.filter((k) => typeof node[k] === 'string');
  for (const [key, value] of Object.entries(node)) {
    if (IDENTIFIERS.has(key) || (key === 'id' && ctx.draft === 'draft-04') || REF_KEYWORDS.includes(key as RefKeyword))
      continue;
    const mapped = mapDraftKeyword(node, key, value, ctx.draft);
    if (mapped === undefined) continue;
    for (const [newKey, newValue, fromSegments] of mapped)
      placeValue(out, newKey, newValue, fromSegments, from, to, ctx);
  }
  refs.forEach((keyword, i) => {
    const site = { pointer: from, keyword, value: node[keyword] as string };
    const holder = i === 0 ? out : {};
    if (i > 0) out.allOf = [...((out.allOf as unknown[]) ?? []), holder];
    ctx.pending.push({ node: holder, keyword: '$ref', site });
  });
  return out;
}

/**
 * Writes one keyword of the internal form. Subschema positions are built
 * recursively (recording where each original node went); `fromSegments`
 * says where the value was in the original (`undefined`: not a schema).
 */
function placeValue(
  out: Record<string, unknown>,
  key: string,
  value: unknown,
  fromSegments: string[] | undefined,
  from: string,
  to: string,
  ctx: Ctx,
): void {
  const base = `${to}/${escapePointer(key)}`;
  const src =
    fromSegments === undefined ? undefined : `${from}${fromSegments.map((s) => `/${escapePointer(s)}`).join('')}`;
  if (key === 'dependentRequired' && isSchemaObject(out[key]) && isSchemaObject(value)) {
    out[key] = mergeRequired(out[key] as Record<string, unknown>, value);
  } else if (src === undefined) {
    out[key] = value !== null && typeof value === 'object' ? structuredClone(value) : value;
  } else if ((SINGLE_SCHEMA_KEYWORDS as readonly string[]).includes(key) && isSchemaNode(value)) {
    out[key] = build(value, src, base, ctx);
  } else if ((LIST_SCHEMA_KEYWORDS as readonly string[]).includes(key) && Array.isArray(value)) {
    out[key] = value.map((v, i) => (isSchemaNode(v) ? build(v, `${src}/${i}`, `${base}/${i}`, ctx) : v));
  } else if ((MAP_SCHEMA_KEYWORDS as readonly string[]).includes(key) && isSchemaObject(value)) {
    out[key] = mergeMap(out[key], value, src, base, ctx);
  } else out[key] = value;
}

/** Builds a name → subschema map; a name already there (`dependencies` merged into `dependentSchemas`) becomes an allOf. */
function mergeMap(
  existing: unknown,
  value: Record<string, unknown>,
  src: string,
  base: string,
  ctx: Ctx,
): Record<string, unknown> {
  const map: Record<string, unknown> = isSchemaObject(existing) ? existing : {};
  for (const [name, child] of Object.entries(value)) {
    if (!isSchemaNode(child)) continue;
    const at = `${base}/${escapePointer(name)}`;
    if (name in map) {
      // The node already there moves one level down: so do the pointers recorded for it and its subschemas.
      for (const [orig, moved] of ctx.pointers)
        if (moved === at || moved.startsWith(`${at}/`))
          ctx.pointers.set(orig, `${at}/allOf/0${moved.slice(at.length)}`);
      map[name] = { allOf: [map[name], build(child, `${src}/${escapePointer(name)}`, `${at}/allOf/1`, ctx)] };
      continue;
    }
    map[name] = build(child, `${src}/${escapePointer(name)}`, at, ctx);
  }
  return map;
}

/** `dependentRequired` written twice (it and `dependencies`): a name then requires the union of both lists. */
function mergeRequired(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [name, list] of Object.entries(b)) {
    out[name] = [...new Set([...((out[name] as string[]) ?? []), ...(list as string[])])];
  }
  return out;
}
