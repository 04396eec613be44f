import { resolvePointer } from '../contract/fields.js';
import { createSafeRegExp } from '../regex/safe-regexp.js';

/** A JSON Schema node: an object, or `true`/`false`. */
export type SchemaNode = Record<string, unknown> | boolean;

/** Deeper than this (or a `$ref` cycle), a question about a schema is answered "unknown". */
export const MAX_WALK_DEPTH = 48;

/**
 * What a walk over one contract needs: the root (for `$ref`s), whether `$ref`
 * overrides its sibling keywords (draft-04 to -07 say so; ajv 8 applies them
 * anyway, so a question asked of such a schema answers what the `$ref` says
 * and the validator has the last word), and a resolver for references inside
 * the document.
 */
export interface SchemaContext {
  root: unknown;
  refOverrides: boolean;
  /** The schema a `$ref`/`$dynamicRef` names, or undefined when it cannot be found in the document. */
  resolve(ref: string): SchemaNode | undefined;
}

const LEGACY_DRAFTS = /json-schema\.org\/draft-0[4-7]\/schema/;

export function schemaContext(root: unknown): SchemaContext {
  const $schema = isObject(root) && typeof root.$schema === 'string' ? root.$schema : '';
  let anchors: Map<string, SchemaNode> | undefined;
  return {
    root,
    refOverrides: LEGACY_DRAFTS.test($schema),
    resolve(ref) {
      if (ref === '#') return asNode(root);
      if (ref.startsWith('#/')) return asNode(resolvePointer(root, ref.slice(1)));
      anchors ??= collectIds(root);
      const hash = ref.indexOf('#');
      if (hash < 0) return anchors.get(ref) ?? anchors.get(lastSegment(ref));
      const base = ref.slice(0, hash);
      const fragment = ref.slice(hash + 1);
      if (base === '') return anchors.get(`#${fragment}`);
      const doc = anchors.get(base) ?? anchors.get(lastSegment(base));
      if (!doc || fragment === '') return doc;
      return fragment.startsWith('/') ? asNode(resolvePointer(doc, fragment)) : anchors.get(`#${fragment}`);
    },
  };
}

/** Every `$id` (by value and last path segment), `$anchor`, `$dynamicAnchor` and legacy `id: "#x"` in the document. */
function collectIds(root: unknown): Map<string, SchemaNode> {
  const found = new Map<string, SchemaNode>();
  const visit = (node: unknown, depth: number): void => {
    if (!isObject(node) || depth > MAX_WALK_DEPTH) {
      if (Array.isArray(node) && depth <= MAX_WALK_DEPTH) node.forEach((n) => visit(n, depth + 1));
      return;
    }
    for (const key of ['$id', 'id'] as const) {
      const id = node[key];
      if (typeof id !== 'string') continue;
      if (id.startsWith('#')) found.set(id, node);
      else {
        found.set(id.replace(/#$/, ''), node);
        found.set(lastSegment(id.replace(/#$/, '')), node);
      }
    }
    for (const key of ['$anchor', '$dynamicAnchor'] as const) {
      if (typeof node[key] === 'string') found.set(`#${node[key] as string}`, node);
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'enum' && key !== 'const') visit(child, depth + 1);
  };
  visit(root, 0);
  return found;
}

function lastSegment(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function asNode(value: unknown): SchemaNode | undefined {
  return typeof value === 'boolean' || isObject(value) ? value : undefined;
}

/** Array items in a field path: `['lines', ITEMS, 'sku']` is the `sku` of every element of `lines`. */
export const ITEMS = '[]';

/** The schema a `$ref`/`$dynamicRef`/`$recursiveRef` names; `true` (no constraint known) when it cannot be resolved. */
export function referenced(ctx: SchemaContext, schema: Record<string, unknown>): SchemaNode | undefined {
  const ref = [schema.$ref, schema.$dynamicRef].find((r) => typeof r === 'string') as string | undefined;
  if (ref === undefined) return typeof schema.$recursiveRef === 'string' ? (ctx.resolve('#') ?? true) : undefined;
  return ctx.resolve(ref) ?? true;
}

/** The schemas a property `name` of an object must satisfy: its own, matching patterns, else `additionalProperties`. */
export function propertySchemas(schema: Record<string, unknown>, name: string): unknown[] {
  const out: unknown[] = [];
  const props = schema.properties;
  if (isObject(props) && Object.prototype.hasOwnProperty.call(props, name)) out.push(props[name]);
  if (isObject(schema.patternProperties)) {
    for (const [pattern, child] of Object.entries(schema.patternProperties)) {
      if (patternMatches(pattern, name)) out.push(child);
    }
  }
  if (out.length === 0 && schema.additionalProperties !== undefined) out.push(schema.additionalProperties);
  return out;
}

/** Item schemas of an array, for a question about "any element": positional ones are offered as alternatives. */
export function itemSchemas(schema: Record<string, unknown>): unknown[] {
  const positional = [schema.prefixItems, schema.items].find(Array.isArray) as unknown[] | undefined;
  const rest = Array.isArray(schema.items) ? schema.additionalItems : schema.items;
  if (!positional) return rest === undefined ? [] : [rest];
  // Any position may hold the null: keep it when one of them allows it.
  return [{ anyOf: rest === undefined ? [...positional, true] : [...positional, rest] }];
}

function patternMatches(pattern: string, name: string): boolean {
  try {
    return createSafeRegExp(pattern, 'u').test(name);
  } catch {
    return true; // an unusable pattern: assume it applies, the contract compiler reports it
  }
}

/**
 * The first value of annotation `key` (e.g. `x-timezone`) on the schema of the
 * field at `path`, looked up through references and `allOf`/`anyOf`/`oneOf`.
 */
export function annotationAt(contract: unknown, path: readonly string[], key: string): unknown {
  const ctx = schemaContext(contract);
  const find = (schema: unknown, rest: readonly string[], depth: number): unknown => {
    if (!isObject(schema) || depth > MAX_WALK_DEPTH) return undefined;
    if (rest.length === 0 && schema[key] !== undefined) return schema[key];
    const combined = ['allOf', 'anyOf', 'oneOf'].flatMap((k) => (Array.isArray(schema[k]) ? schema[k] : []));
    for (const sub of [referenced(ctx, schema), ...combined]) {
      const found = find(sub, rest, depth + 1);
      if (found !== undefined) return found;
    }
    if (rest.length === 0) return undefined;
    const children = rest[0] === ITEMS ? itemSchemas(schema) : propertySchemas(schema, rest[0]);
    for (const child of children) {
      const found = find(child, rest.slice(1), depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return find(contract, path, 0);
}
