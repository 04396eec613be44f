import { ANNOTATIONS } from '../compat/shape.js';
import { UNRESOLVED_REF } from '../contract/normalize.js';
import { brief } from './losses.js';
import { defineRef, type BuildCtx, type Field, type Node, type NumberNode, type StringNode } from './model.js';

/** Keywords the model carries, per type; anything else that asserts is a loss. */
const CARRIED = new Set([
  'type',
  'enum',
  'const',
  '$ref',
  'anyOf',
  'oneOf',
  'allOf',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
]);
const TYPES = ['string', 'number', 'integer', 'boolean', 'null', 'array', 'object'] as const;

type Schema = Record<string, unknown>;

/** One schema node of the normalised contract as a model node (see model.ts). */
export function toNode(schema: unknown, path: string, ctx: BuildCtx): Node {
  if (schema === true || schema === undefined) return { t: 'any', path };
  if (schema === false || typeof schema !== 'object' || schema === null) {
    ctx.losses.add(path, 'a schema no value is valid under (false)');
    return { t: 'any', path };
  }
  const s = schema as Schema;
  for (const key of Object.keys(s))
    if (!CARRIED.has(key) && !ANNOTATIONS.has(key) && !key.startsWith('x-'))
      ctx.losses.add(path, `${key} ${brief(s[key])}`);
  const description = typeof s.description === 'string' ? { description: s.description } : {};
  return { ...typed(s, path, ctx), ...description, path } as Node;
}

function typed(s: Schema, path: string, ctx: BuildCtx): Node {
  if (typeof s.$ref === 'string') return reference(s, path, ctx);
  if ('const' in s) return { t: 'literal', values: [s.const] };
  if (Array.isArray(s.allOf)) return allOf(s, path, ctx);
  const alternatives = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(alternatives)) return union(alternatives, path, s.anyOf ? 'anyOf' : 'oneOf', ctx);
  const types = (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []) as string[];
  const nullable = types.includes('null') && types.length > 1;
  const rest = types.filter((t) => !nullable || t !== 'null');
  if (Array.isArray(s.enum) && !enumFits(s.enum, rest))
    return { t: 'literal', values: s.enum, ...(nullable && { nullable }) };
  if (rest.length > 1)
    return { t: 'union', of: rest.map((t) => ofType(t, s, path, ctx)), ...(nullable && { nullable }) } as Node;
  const type = rest[0] ?? inferType(s);
  return { ...ofType(type, s, path, ctx), ...(nullable && { nullable }) } as Node;
}

/** An enum stays a typed enum only when every value is of the one type. */
function enumFits(values: unknown[], types: string[]): boolean {
  if (types.length !== 1) return false;
  if (types[0] === 'string') return values.every((v) => typeof v === 'string');
  if (types[0] === 'number' || types[0] === 'integer') return values.every((v) => typeof v === 'number');
  return false;
}

function inferType(s: Schema): string {
  if (s.properties || s.additionalProperties !== undefined || s.required) return 'object';
  if (s.items) return 'array';
  if (s.pattern || s.minLength !== undefined || s.maxLength !== undefined || s.format) return 'string';
  if (s.minimum !== undefined || s.maximum !== undefined || s.multipleOf !== undefined) return 'number';
  return 'any';
}

function ofType(type: string, s: Schema, path: string, ctx: BuildCtx): Node {
  if (!(TYPES as readonly string[]).includes(type)) return { t: 'any' };
  if (type === 'string') return stringNode(s);
  if (type === 'number' || type === 'integer') return numberNode(type, s);
  if (type === 'boolean' || type === 'null') return { t: type };
  if (type === 'array') {
    const items = toNode(s.items ?? true, `${path}/items`, ctx);
    return { t: 'array', items, ...pick(s, ['minItems', 'maxItems', 'uniqueItems']) };
  }
  return objectNode(s, path, ctx);
}

function stringNode(s: Schema): StringNode {
  return {
    t: 'string',
    ...pick(s, ['format', 'pattern', 'minLength', 'maxLength']),
    ...(Array.isArray(s.enum) && { enum: s.enum as string[] }),
  };
}

function numberNode(t: 'number' | 'integer', s: Schema): NumberNode {
  return {
    t,
    ...pick(s, ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']),
    ...(Array.isArray(s.enum) && { enum: s.enum as number[] }),
  };
}

function objectNode(s: Schema, path: string, ctx: BuildCtx): Node {
  const required = new Set((s.required as string[] | undefined) ?? []);
  const props = (s.properties ?? {}) as Record<string, unknown>;
  const fields: Field[] = Object.entries(props).map(([name, prop]) => ({
    name,
    required: required.has(name),
    node: toNode(prop, `${path}/properties/${name}`, ctx),
    annotations: annotationsOf(prop),
  }));
  for (const name of required) if (!(name in props)) ctx.losses.add(path, `required ${name} without a property schema`);
  const extra = s.additionalProperties;
  const additional =
    extra === undefined || extra === true
      ? true
      : extra === false
        ? false
        : toNode(extra, `${path}/additionalProperties`, ctx);
  return { t: 'object', fields, additional };
}

function annotationsOf(prop: unknown): Record<string, unknown> {
  if (!prop || typeof prop !== 'object') return {};
  return Object.fromEntries(Object.entries(prop).filter(([k]) => k.startsWith('x-')));
}

function reference(s: Schema, path: string, ctx: BuildCtx): Node {
  const ref = s.$ref as string;
  const pointer = decodeURI(ref.slice(1));
  const def = /^\/\$defs\/([^/]+)$/.exec(pointer);
  if (def) {
    const name = def[1].replace(/~1/g, '/').replace(/~0/g, '~');
    defineRef(ctx, name);
    return { t: 'ref', name };
  }
  if (ref === UNRESOLVED_REF || ctx.inlining.has(pointer)) {
    ctx.losses.add(
      path,
      `$ref ${ref === UNRESOLVED_REF ? '(not resolvable within the document)' : `${ref} (recursive)`}`,
    );
    return { t: 'any' };
  }
  ctx.inlining.add(pointer);
  const target = pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, part) => {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      return node && typeof node === 'object' ? (node as Schema)[key] : undefined;
    }, ctx.root);
  const node = toNode(target, pointer, ctx);
  ctx.inlining.delete(pointer);
  return node;
}

function union(alternatives: unknown[], path: string, keyword: string, ctx: BuildCtx): Node {
  const nodes = alternatives.map((a, i) => toNode(a, `${path}/${keyword}/${i}`, ctx));
  const nonNull = nodes.filter((n) => n.t !== 'null');
  if (keyword === 'oneOf' && nonNull.length > 1) ctx.losses.add(path, 'oneOf (exactly one alternative) read as anyOf');
  if (nonNull.length === 1) return { ...nonNull[0], ...(nonNull.length < nodes.length && { nullable: true }) };
  return { t: 'union', of: nonNull, ...(nonNull.length < nodes.length && { nullable: true }) } as Node;
}

/** allOf of objects merges their properties and required lists; anything else keeps the first and says so. */
function allOf(s: Schema, path: string, ctx: BuildCtx): Node {
  const parts = [{ ...s, allOf: undefined }, ...(s.allOf as unknown[])].filter(
    (p) => p && typeof p === 'object' && Object.values(p).some((v) => v !== undefined),
  ) as Schema[];
  const objects = parts.every((p) => inferType(p) === 'object' || p.type === 'object');
  if (!objects) {
    ctx.losses.add(path, 'allOf of non-object schemas (only the first is kept)');
    return typed({ ...(s.allOf as Schema[])[0] }, path, ctx);
  }
  const merged: Schema = { type: 'object', properties: {}, required: [] };
  for (const p of parts) {
    Object.assign(merged.properties as Schema, p.properties ?? {});
    (merged.required as string[]).push(...((p.required as string[]) ?? []));
    if (p.additionalProperties !== undefined) merged.additionalProperties = p.additionalProperties;
  }
  return objectNode(merged, path, ctx);
}

function pick(s: Schema, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));
}
