import { decimalMultiple } from '../contract/decimal-keyword.js';
import { formatCheck } from '../contract/contract-ajv.js';
import { createSafeRegExp } from '../regex/safe-regexp.js';
import { canon, isObj, type Schema, type SchemaObject } from './nodes.js';
import { ANNOTATIONS } from './shape.js';

/**
 * A direct evaluator for the small, self-contained nodes the checker asks
 * about (enum values, disjointness, property names): compiling each with ajv
 * costs far more than judging one value. It implements the keywords below
 * exactly as the contract validator does (same regular-expression engine,
 * decimal-exact `multipleOf`, lengths in code points, deep equality, ajv's
 * own format functions); a node
 * with any other keyword (`$ref`, `unevaluated*`, an unknown format…) is left to
 * ajv. test/compat/quick-validate.test.ts checks it against ajv.
 */

type Check = (s: SchemaObject, v: unknown) => boolean;

const isArr = Array.isArray;
const num = (v: unknown): v is number => typeof v === 'number';
const str = (v: unknown): v is string => typeof v === 'string';
const len = (s: string) => [...s].length;

const TYPES: Record<string, (v: unknown) => boolean> = {
  null: (v) => v === null,
  boolean: (v) => typeof v === 'boolean',
  string: str,
  number: num,
  integer: (v) => num(v) && Number.isInteger(v),
  array: isArr,
  object: isObj,
};

const same = (a: unknown, b: unknown) => canon(a) === canon(b);

const CHECKS: Record<string, Check> = {
  type: (s, v) => (isArr(s.type) ? (s.type as string[]) : [s.type as string]).some((t) => TYPES[t]?.(v)),
  enum: (s, v) => (s.enum as unknown[]).some((e) => same(e, v)),
  const: (s, v) => same(s.const, v),
  minimum: (s, v) => !num(v) || v >= (s.minimum as number),
  maximum: (s, v) => !num(v) || v <= (s.maximum as number),
  exclusiveMinimum: (s, v) => !num(v) || v > (s.exclusiveMinimum as number),
  exclusiveMaximum: (s, v) => !num(v) || v < (s.exclusiveMaximum as number),
  multipleOf: (s, v) => !num(v) || decimalMultiple(v, s.multipleOf as number),
  minLength: (s, v) => !str(v) || len(v) >= (s.minLength as number),
  maxLength: (s, v) => !str(v) || len(v) <= (s.maxLength as number),
  pattern: (s, v) => !str(v) || createSafeRegExp(s.pattern as string).test(v),
  minItems: (s, v) => !isArr(v) || v.length >= (s.minItems as number),
  maxItems: (s, v) => !isArr(v) || v.length <= (s.maxItems as number),
  uniqueItems: (s, v) => !isArr(v) || s.uniqueItems !== true || new Set(v.map(canon)).size === v.length,
  prefixItems: (s, v) => !isArr(v) || (s.prefixItems as Schema[]).every((p, i) => i >= v.length || valid(p, v[i])),
  items: (s, v) => !isArr(v) || v.every((x, i) => i < prefixLength(s) || valid(s.items as Schema, x)),
  contains: (s, v) => !isArr(v) || containsCount(s, v),
  minContains: () => true,
  maxContains: () => true,
  required: (s, v) => !isObj(v) || (s.required as string[]).every((r) => Object.hasOwn(v, r)),
  minProperties: (s, v) => !isObj(v) || Object.keys(v).length >= (s.minProperties as number),
  maxProperties: (s, v) => !isObj(v) || Object.keys(v).length <= (s.maxProperties as number),
  properties: (s, v) =>
    !isObj(v) ||
    Object.entries(s.properties as object).every(([k, p]) => !Object.hasOwn(v, k) || valid(p as Schema, v[k])),
  patternProperties: (s, v) =>
    !isObj(v) ||
    Object.entries(s.patternProperties as object).every(([p, ps]) =>
      Object.keys(v).every((k) => !createSafeRegExp(p).test(k) || valid(ps as Schema, v[k])),
    ),
  additionalProperties: (s, v) =>
    !isObj(v) || Object.keys(v).every((k) => listed(s, k) || valid(s.additionalProperties as Schema, v[k])),
  propertyNames: (s, v) => !isObj(v) || Object.keys(v).every((k) => valid(s.propertyNames as Schema, k)),
  dependentRequired: (s, v) =>
    !isObj(v) ||
    Object.entries(s.dependentRequired as object).every(
      ([k, d]) => !Object.hasOwn(v, k) || (d as string[]).every((x) => Object.hasOwn(v, x)),
    ),
  dependentSchemas: (s, v) =>
    !isObj(v) ||
    Object.entries(s.dependentSchemas as object).every(([k, d]) => !Object.hasOwn(v, k) || valid(d as Schema, v)),
  allOf: (s, v) => (s.allOf as Schema[]).every((x) => valid(x, v)),
  anyOf: (s, v) => (s.anyOf as Schema[]).some((x) => valid(x, v)),
  oneOf: (s, v) => (s.oneOf as Schema[]).filter((x) => valid(x, v)).length === 1,
  not: (s, v) => !valid(s.not as Schema, v),
  format: (s, v) => formatCheck(s.format as string)!(v),
  if: (s, v) =>
    valid(s.if as Schema, v)
      ? !('then' in s) || valid(s.then as Schema, v)
      : !('else' in s) || valid(s.else as Schema, v),
  then: () => true,
  else: () => true,
};

const prefixLength = (s: SchemaObject) => (isArr(s.prefixItems) ? s.prefixItems.length : 0);

function containsCount(s: SchemaObject, v: unknown[]): boolean {
  const n = v.filter((x) => valid(s.contains as Schema, x)).length;
  const min = num(s.minContains) ? s.minContains : 1;
  return n >= min && (!num(s.maxContains) || n <= s.maxContains);
}

function listed(s: SchemaObject, k: string): boolean {
  if (isObj(s.properties) && Object.hasOwn(s.properties, k)) return true;
  return isObj(s.patternProperties) && Object.keys(s.patternProperties).some((p) => createSafeRegExp(p).test(k));
}

function valid(node: Schema, v: unknown): boolean {
  if (typeof node === 'boolean') return node;
  for (const k in node) {
    const check = CHECKS[k];
    if (check && !check(node, v)) return false;
  }
  return true;
}

const supportedCache = new WeakMap<object, boolean>();

/** Whether every keyword of the node (and of its subschemas) is one this evaluator implements. */
function supported(node: Schema): boolean {
  if (typeof node === 'boolean') return true;
  const known = supportedCache.get(node);
  if (known !== undefined) return known;
  let ok = true;
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('x-') || ANNOTATIONS.has(k)) continue;
    if (!CHECKS[k] || !childrenSupported(k, v) || (k === 'format' && !formatCheck(v as string))) {
      ok = false;
      break;
    }
  }
  supportedCache.set(node, ok);
  return ok;
}

function childrenSupported(k: string, v: unknown): boolean {
  if (['not', 'if', 'then', 'else', 'items', 'contains', 'propertyNames', 'additionalProperties'].includes(k))
    return supported(v as Schema);
  if (['allOf', 'anyOf', 'oneOf', 'prefixItems'].includes(k)) return (v as Schema[]).every(supported);
  if (['properties', 'patternProperties', 'dependentSchemas'].includes(k))
    return Object.values(v as object).every((x) => supported(x as Schema));
  return true;
}

/** The node's verdict on `value`, or undefined when ajv has to judge it. */
export function quickValidate(node: Schema, value: unknown): boolean | undefined {
  return supported(node) ? valid(node, value) : undefined;
}
