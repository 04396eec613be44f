import { conjuncts, unevaluatedWithApplicators, unresolvedRefs } from './conjuncts.js';
import { allOfNode, canon, type Schema, type SchemaObject } from './nodes.js';

export type JType = 'null' | 'boolean' | 'object' | 'array' | 'string' | 'number' | 'integer';
export const ALL_TYPES: readonly JType[] = ['null', 'boolean', 'object', 'array', 'string', 'number'];

export interface Bound {
  v: number;
  ex: boolean;
}
/** The property rules of one conjunct: `additionalProperties` only means something next to its own siblings. */
export interface Model {
  props: Record<string, Schema>;
  patterns: [string, Schema][];
  additional: Schema;
}
export interface ArrayModel {
  prefix: Schema[];
  items: Schema;
}
export interface ContainsRule {
  s: Schema;
  min: number;
  max?: number;
}

/**
 * The merged constraints of a conjunction of keyword objects. For the side whose
 * instances must be accepted this over-approximates (dropping a constraint only
 * makes it larger, which keeps the check sound); for the other side it is built
 * from a single conjunct and is exact.
 */
export interface Shape {
  types: Set<JType>;
  values?: unknown[];
  valuesKind?: 'enum' | 'const';
  lower?: Bound;
  upper?: Bound;
  multipleOf: number[];
  minLength: number;
  maxLength?: number;
  patterns: string[];
  formats: string[];
  minItems: number;
  maxItems?: number;
  unique: boolean;
  arrays: ArrayModel[];
  contains: ContainsRule[];
  models: Model[];
  required: Set<string>;
  minProps: number;
  maxProps?: number;
  propertyNames: Schema[];
  depRequired: Map<string, Set<string>>;
  depSchemas: Map<string, Schema[]>;
  nots: Schema[];
  /** Keywords present that the checker cannot judge. */
  unsupported: string[];
  /** Whether any conjunct carried numeric/string/array/object keywords (for choosing a type to generate). */
  hints: Set<JType>;
}

export const ANNOTATIONS = new Set([
  'title',
  'description',
  'examples',
  '$comment',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
  '$schema',
  '$id',
  '$anchor',
  '$defs',
  'definitions',
  '$vocabulary',
]);

/** Keywords handled outside the merge (by the subset dispatcher). */
const APPLICATORS = new Set(['allOf', 'anyOf', 'oneOf', 'not', '$ref']);

export function emptyShape(): Shape {
  return {
    types: new Set(ALL_TYPES),
    multipleOf: [],
    minLength: 0,
    patterns: [],
    formats: [],
    minItems: 0,
    unique: false,
    arrays: [],
    contains: [],
    models: [],
    required: new Set(),
    minProps: 0,
    propertyNames: [],
    depRequired: new Map(),
    depSchemas: new Map(),
    nots: [],
    unsupported: [],
    hints: new Set(),
  };
}

export function mergeShape(conj: SchemaObject[]): Shape {
  const shape = emptyShape();
  for (const node of conj) mergeOne(shape, node);
  return shape;
}

type Merger = (shape: Shape, value: unknown, node: SchemaObject) => void;

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const minOf = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);

function tighterLower(a: Bound | undefined, b: Bound): Bound {
  if (!a || b.v > a.v || (b.v === a.v && b.ex)) return b;
  return a;
}
function tighterUpper(a: Bound | undefined, b: Bound): Bound {
  if (!a || b.v < a.v || (b.v === a.v && b.ex)) return b;
  return a;
}

function intersectTypes(shape: Shape, listed: JType[]): void {
  const next = new Set<JType>();
  for (const t of listed) {
    if (t === 'integer') {
      if (shape.types.has('number') || shape.types.has('integer')) next.add('integer');
    } else if (t === 'number') {
      if (shape.types.has('number')) next.add('number');
      else if (shape.types.has('integer')) next.add('integer');
    } else if (shape.types.has(t)) next.add(t);
  }
  shape.types = next;
}

function mergeValues(shape: Shape, values: unknown[], kind: 'enum' | 'const'): void {
  if (!shape.values) {
    shape.values = values;
    shape.valuesKind = kind;
    return;
  }
  const keep = new Set(values.map(canon));
  shape.values = shape.values.filter((v) => keep.has(canon(v)));
  if (kind === 'const') shape.valuesKind = 'const';
}

function mergeModel(shape: Shape, node: SchemaObject): void {
  const props = (node.properties ?? {}) as Record<string, Schema>;
  const patterns = Object.entries((node.patternProperties ?? {}) as Record<string, Schema>);
  let additional = (node.additionalProperties ?? true) as Schema;
  if (!('additionalProperties' in node) && 'unevaluatedProperties' in node && !unevaluatedWithApplicators.has(node))
    additional = node.unevaluatedProperties as Schema;
  shape.models.push({ props, patterns, additional });
}

function mergeArray(shape: Shape, node: SchemaObject): void {
  const prefix = (node.prefixItems ?? []) as Schema[];
  let items = (node.items ?? true) as Schema;
  if (!('items' in node) && 'unevaluatedItems' in node && !unevaluatedWithApplicators.has(node))
    items = node.unevaluatedItems as Schema;
  shape.arrays.push({ prefix, items });
}

const MERGERS: Record<string, Merger> = {
  type: (s, v) => intersectTypes(s, (Array.isArray(v) ? v : [v]) as JType[]),
  enum: (s, v) => mergeValues(s, v as unknown[], 'enum'),
  const: (s, v) => mergeValues(s, [v], 'const'),
  minimum: (s, v) => {
    s.lower = tighterLower(s.lower, { v: v as number, ex: false });
    s.hints.add('number');
  },
  exclusiveMinimum: (s, v) => {
    s.lower = tighterLower(s.lower, { v: v as number, ex: true });
    s.hints.add('number');
  },
  maximum: (s, v) => {
    s.upper = tighterUpper(s.upper, { v: v as number, ex: false });
    s.hints.add('number');
  },
  exclusiveMaximum: (s, v) => {
    s.upper = tighterUpper(s.upper, { v: v as number, ex: true });
    s.hints.add('number');
  },
  multipleOf: (s, v) => {
    s.multipleOf.push(v as number);
    s.hints.add('number');
  },
  minLength: (s, v) => {
    s.minLength = Math.max(s.minLength, v as number);
    s.hints.add('string');
  },
  maxLength: (s, v) => {
    s.maxLength = minOf(s.maxLength, num(v));
    s.hints.add('string');
  },
  pattern: (s, v) => {
    if (!s.patterns.includes(v as string)) s.patterns.push(v as string);
    s.hints.add('string');
  },
  format: (s, v) => {
    if (!s.formats.includes(v as string)) s.formats.push(v as string);
  },
  minItems: (s, v) => {
    s.minItems = Math.max(s.minItems, v as number);
    s.hints.add('array');
  },
  maxItems: (s, v) => {
    s.maxItems = minOf(s.maxItems, num(v));
    s.hints.add('array');
  },
  uniqueItems: (s, v) => {
    s.unique = s.unique || v === true;
    s.hints.add('array');
  },
  minProperties: (s, v) => {
    s.minProps = Math.max(s.minProps, v as number);
    s.hints.add('object');
  },
  maxProperties: (s, v) => {
    s.maxProps = minOf(s.maxProps, num(v));
    s.hints.add('object');
  },
  required: (s, v) => {
    for (const r of v as string[]) s.required.add(r);
    s.hints.add('object');
  },
  propertyNames: (s, v) => {
    s.propertyNames.push(v as Schema);
    s.hints.add('object');
  },
  not: (s, v) => s.nots.push(v as Schema),
  dependentRequired: (s, v) => {
    for (const [k, deps] of Object.entries(v as Record<string, string[]>)) {
      const set = s.depRequired.get(k) ?? new Set<string>();
      for (const d of deps) set.add(d);
      s.depRequired.set(k, set);
    }
  },
  dependentSchemas: (s, v) => {
    for (const [k, sch] of Object.entries(v as Record<string, Schema>))
      s.depSchemas.set(k, [...(s.depSchemas.get(k) ?? []), sch]);
  },
};

const OBJECT_MODEL = ['properties', 'patternProperties', 'additionalProperties', 'unevaluatedProperties'];
const ARRAY_MODEL = ['items', 'prefixItems', 'unevaluatedItems'];

function mergeOne(shape: Shape, node: SchemaObject): void {
  if (unresolvedRefs.has(node)) shape.unsupported.push('$ref');
  if (unevaluatedWithApplicators.has(node))
    shape.unsupported.push('unevaluatedProperties' in node ? 'unevaluatedProperties' : 'unevaluatedItems');
  if (OBJECT_MODEL.some((k) => k in node)) {
    mergeModel(shape, node);
    shape.hints.add('object');
  }
  if (ARRAY_MODEL.some((k) => k in node)) {
    mergeArray(shape, node);
    shape.hints.add('array');
  }
  if ('contains' in node) {
    shape.hints.add('array');
    const min = num(node.minContains) ?? 1;
    shape.contains.push({
      s: node.contains as Schema,
      min,
      ...(num(node.maxContains) !== undefined && { max: node.maxContains as number }),
    });
  }
  for (const [k, v] of Object.entries(node)) {
    const merger = MERGERS[k];
    if (merger) merger(shape, v, node);
    else if (!isKnownElsewhere(k) && !shape.unsupported.includes(k)) shape.unsupported.push(k);
  }
  if (shape.types.has('number')) shape.types.delete('integer');
}

function isKnownElsewhere(k: string): boolean {
  return (
    ANNOTATIONS.has(k) ||
    k.startsWith('x-') ||
    APPLICATORS.has(k) ||
    OBJECT_MODEL.includes(k) ||
    ARRAY_MODEL.includes(k) ||
    k === 'contains' ||
    k === 'minContains' ||
    k === 'maxContains'
  );
}

const patternCache = new Map<string, RegExp>();
export function matches(pattern: string, name: string): boolean {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    if (patternCache.size > 1000) patternCache.clear();
    patternCache.set(pattern, re);
  }
  return re.test(name);
}

/** The schema one model applies to a property name: `properties` and matching `patternProperties`, else `additionalProperties`. */
export function modelPropSchema(m: Model, name: string): Schema {
  const hits: Schema[] = [];
  if (Object.hasOwn(m.props, name)) hits.push(m.props[name]);
  for (const [p, s] of m.patterns) if (matches(p, name)) hits.push(s);
  return hits.length ? allOfNode(hits) : m.additional;
}

/** The schema a shape applies to the value of property `name` (conjunction over its models). */
export function propSchema(shape: Shape, name: string): Schema {
  return allOfNode(shape.models.map((m) => modelPropSchema(m, name)));
}

export function explicitNames(shape: Shape): Set<string> {
  const names = new Set<string>();
  for (const m of shape.models) for (const n of Object.keys(m.props)) names.add(n);
  return names;
}

/** Element schema at index `i` (conjunction over the array models). */
export function itemSchema(shape: Shape, i: number): Schema {
  return allOfNode(shape.arrays.map((a) => (i < a.prefix.length ? a.prefix[i] : a.items)));
}

export function maxPrefix(shape: Shape): number {
  return Math.max(0, ...shape.arrays.map((a) => a.prefix.length));
}

/** Whether a shape type set accepts values of JSON type `t` (numbers include integers). */
export function coversType(types: Set<JType>, t: JType): boolean {
  return types.has(t) || (t === 'integer' && types.has('number'));
}

/**
 * The names every value of S that has the `start` names must have: `required`
 * grows through `dependentRequired` and through the `required` of a
 * `dependentSchemas` entry whose key is among them, until nothing changes.
 */
export function requiredClosure(S: Shape, start: Iterable<string> = []): Set<string> {
  const out = new Set([...S.required, ...start]);
  let size = -1;
  while (out.size !== size) {
    size = out.size;
    for (const [k, deps] of S.depRequired) if (out.has(k)) for (const d of deps) out.add(d);
    for (const [k, list] of S.depSchemas) {
      if (!out.has(k)) continue;
      const conj = conjunctsOfAll(list);
      if (conj) for (const r of mergeShape(conj).required) out.add(r);
    }
  }
  return out;
}

function conjunctsOfAll(list: Schema[]): SchemaObject[] | null {
  const out: SchemaObject[] = [];
  for (const s of list) {
    const c = conjuncts(s);
    if (c === null) return null;
    out.push(...c);
  }
  return out;
}
