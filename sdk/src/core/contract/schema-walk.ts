/**
 * Where a JSON Schema (any draft in use) holds subschemas: only these places
 * are schemas. A property called `id` or `definitions` inside `properties` is
 * a name, and `enum`/`const`/`default`/`examples` values are data.
 */
export type SchemaNode = boolean | { [keyword: string]: unknown };

/** Keywords whose value is one subschema (`items` only when it is not an array). */
export const SINGLE_SCHEMA_KEYWORDS = [
  'additionalProperties',
  'additionalItems',
  'items',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contentSchema',
] as const;

/** Keywords whose value is a list of subschemas (`items` when it is an array: a draft-04…2019-09 tuple). */
export const LIST_SCHEMA_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'] as const;

/** Keywords whose value maps names to subschemas (`dependencies` values that are lists are names, not schemas). */
export const MAP_SCHEMA_KEYWORDS = [
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'dependencies',
] as const;

/** Keywords whose subschemas are reached only through a `$ref` (they validate nothing themselves). */
export const DEFINITION_KEYWORDS = new Set(['$defs', 'definitions']);

export function isSchemaObject(node: unknown): node is { [keyword: string]: unknown } {
  return node !== null && typeof node === 'object' && !Array.isArray(node);
}

export function isSchemaNode(node: unknown): node is SchemaNode {
  return typeof node === 'boolean' || isSchemaObject(node);
}

/** JSON pointer escaping of one segment (RFC 6901). */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Calls `visit` for each direct subschema of `node` with the JSON pointer
 * segments that lead to it (`['properties', 'id']`, `['items', '0']`).
 */
export function forEachSubschema(node: SchemaNode, visit: (child: SchemaNode, segments: string[]) => void): void {
  if (!isSchemaObject(node)) return;
  for (const kw of SINGLE_SCHEMA_KEYWORDS) {
    const child = node[kw];
    if (isSchemaNode(child)) visit(child, [kw]);
  }
  for (const kw of LIST_SCHEMA_KEYWORDS) {
    const list = node[kw];
    if (Array.isArray(list)) list.forEach((child, i) => isSchemaNode(child) && visit(child, [kw, String(i)]));
  }
  for (const kw of MAP_SCHEMA_KEYWORDS) {
    const map = node[kw];
    if (!isSchemaObject(map)) continue;
    for (const [name, child] of Object.entries(map)) if (isSchemaNode(child)) visit(child, [kw, name]);
  }
}
