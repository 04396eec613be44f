import {
  asNode,
  ITEMS,
  itemSchemas,
  MAX_WALK_DEPTH,
  propertySchemas,
  referenced,
  schemaContext,
  type SchemaContext,
  type SchemaNode,
} from './schema-walk.js';

/**
 * Columnar data (CSV, Parquet) has nulls where JSON has absent fields. The
 * rule (ARCHITECTURE.md "Validating contracts and data"): a null stays null
 * where the contract allows null for that field, and otherwise counts as
 * absent before the contract is checked — so an optional non-nullable column
 * with nulls passes, a required one fails `required`, and `not_null` still sees
 * every null (it treats absent and null alike).
 *
 * Whether a field allows null is asked once per column, never per row. Only
 * `type`, `nullable`, `enum`, `const`, `not`, `allOf`/`anyOf`/`oneOf`,
 * `if`/`then`/`else` and references can reject a null, so `acceptsNull` is
 * exact wherever the references resolve inside the document; a question it
 * cannot answer (an unresolvable `$ref`, a cycle) answers "allows null", so the
 * contract itself judges the null.
 *
 * Returns the question for one contract, `(path) => allows null`, asked once per column.
 */
export function nullPolicy(contract: unknown): (path: readonly string[]) => boolean {
  const ctx = schemaContext(contract);
  const root = asNode(contract);
  return (path) => at(ctx, root, path, 0);
}

/** Does `schema` accept the value `null`? Exact for every keyword; unresolvable references answer true. */
export function acceptsNull(ctx: SchemaContext, schema: SchemaNode | undefined, depth = 0): boolean {
  if (schema === undefined || schema === true) return true;
  if (schema === false) return false;
  if (depth > MAX_WALK_DEPTH) return true;
  const next = (s: unknown) => acceptsNull(ctx, asNode(s), depth + 1);
  const ref = referenced(ctx, schema);
  if (ref !== undefined) {
    const viaRef = next(ref);
    if (ctx.refOverrides || !viaRef) return viaRef;
  }
  if (!typeAdmitsNull(schema)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) return false;
  if ('const' in schema && schema.const !== null) return false;
  if ('not' in schema && next(schema.not)) return false;
  if (Array.isArray(schema.allOf) && !schema.allOf.every(next)) return false;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some(next)) return false;
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter(next).length !== 1) return false;
  if ('if' in schema) {
    const branch = next(schema.if) ? schema.then : schema.else;
    if (branch !== undefined && !next(branch)) return false;
  }
  return true;
}

function typeAdmitsNull(schema: Record<string, unknown>): boolean {
  const type = schema.type;
  if (type === undefined || schema.nullable === true) return true;
  return type === 'null' || (Array.isArray(type) && type.includes('null'));
}

/**
 * May the value at `path` inside an instance of `schema` be null? Every
 * subschema that applies there must accept null (`allOf`, `$ref`, the
 * property's own schema, matching `patternProperties`); for `anyOf`/`oneOf`
 * and `if`/`then`/`else` one possible branch is enough.
 */
function at(ctx: SchemaContext, schema: SchemaNode | undefined, path: readonly string[], depth: number): boolean {
  if (path.length === 0) return acceptsNull(ctx, schema, depth);
  if (schema === undefined || typeof schema === 'boolean' || depth > MAX_WALK_DEPTH) return true;
  const inner = (s: unknown) => at(ctx, asNode(s), path, depth + 1);
  const ref = referenced(ctx, schema);
  if (ref !== undefined) {
    const viaRef = inner(ref);
    if (ctx.refOverrides || !viaRef) return viaRef;
  }
  if (Array.isArray(schema.allOf) && !schema.allOf.every(inner)) return false;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && !branches.some(inner)) return false;
  }
  if ('if' in schema && schema.then !== undefined && schema.else !== undefined) {
    if (!inner(schema.then) && !inner(schema.else)) return false;
  }
  const [head, ...rest] = path;
  const children = head === ITEMS ? itemSchemas(schema) : propertySchemas(schema, head);
  return children.every((child) => at(ctx, asNode(child), rest, depth + 1));
}
