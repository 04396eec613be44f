import { conjuncts, without } from './conjuncts.js';
import type { Seg } from './context.js';
import { disjoint } from './disjoint.js';
import { validLocal } from './local-validate.js';
import { allOfNode, nodeKey, type Schema, type SchemaObject } from './nodes.js';
import { ALL_TYPES, itemSchema, maxPrefix, mergeShape, propSchema, requiredClosure, type Shape } from './shape.js';

/** Read field paths as a tree: `a.b` and `a.c` share `a`; `leaf` marks a path that ends here. */
export interface PathTrie {
  leaf: boolean;
  children: Map<string, PathTrie>;
}

export function pathTrie(paths: string[][]): PathTrie {
  const root: PathTrie = { leaf: false, children: new Map() };
  for (const segments of paths) {
    let t = root;
    for (const s of segments) {
      if (!t.children.has(s)) t.children.set(s, { leaf: false, children: new Map() });
      t = t.children.get(s)!;
    }
    t.leaf = true;
  }
  return root;
}

/**
 * `writer`: the proposed contract, over-approximated (dropping a constraint
 * only adds records, which keeps "no reader breaks" sound). `reader`: the
 * current contract, where a dropped constraint could hide a break, so every
 * place the projection cannot keep exact is recorded in `inexact`.
 */
export interface Projection {
  side: 'reader' | 'writer';
  inexact: Seg[][];
  active: Set<string>;
  /** Every read path (the projection itself follows one): constraints between two read fields are kept. */
  coupled: PathTrie;
}

/**
 * A contract projected onto the read paths: the structure along each path
 * (the parents' JSON types, whether each step is required, array items and
 * their counts) and, where a path ends, the field's whole effective schema
 * (through `$ref`, `allOf`, `anyOf`/`oneOf`, `patternProperties` and
 * `additionalProperties`). Constraints that span fields are kept where they
 * involve read fields (a `dependentRequired` between two read fields, a
 * `dependentSchemas` keyed by one, the alternatives of a disjoint `oneOf`).
 */
export function project(node: Schema, trie: PathTrie, p: Projection, ip: Seg[] = [], coupled = p.coupled): Schema {
  if (trie.leaf) return node;
  const key = `${nodeKey(node)}|${ip.filter((s) => typeof s === 'string').join('.')}`;
  // A path through a recursive schema meets the same node again: stop with a sound stand-in.
  if (p.active.has(key)) return p.side === 'writer' ? true : node;
  p.active.add(key);
  try {
    return projectConjuncts(node, { trie, coupled }, p, ip);
  } finally {
    p.active.delete(key);
  }
}

/** Where a projection is: the path it follows and, at the same place, every read path. */
interface At {
  trie: PathTrie;
  coupled: PathTrie;
}

function projectConjuncts(node: Schema, at: At, p: Projection, ip: Seg[]): Schema {
  const conj = conjuncts(node);
  if (!conj) return false;
  const di = conj.findIndex((n) => Array.isArray(n.anyOf) || Array.isArray(n.oneOf));
  if (di >= 0) return projectAlternatives(conj, di, at, p, ip);
  const S = mergeShape(conj);
  if (S.values) return node;
  if (p.side === 'reader' && cannotKeepExact(S)) p.inexact.push(ip);
  const out: SchemaObject = {};
  if (S.types.size < ALL_TYPES.length) out.type = [...S.types];
  if (S.types.has('object')) projectObject(S, at, p, ip, out);
  if (S.types.has('array')) projectArray(S, at, p, ip, out);
  return out;
}

/** Keywords on the way to a read field that the projection drops, and that could forbid values the reader sees. */
function cannotKeepExact(S: Shape): boolean {
  return (
    S.unsupported.length > 0 ||
    S.nots.length > 0 ||
    S.maxProps !== undefined ||
    S.minProps > 0 ||
    S.contains.some((c) => c.min > 0 || c.max !== undefined)
  );
}

/** (rest ∧ (x1 ∨ x2 ∨ …)) projects to the alternatives' projections; a oneOf is exact only when its alternatives are disjoint. */
function projectAlternatives(conj: SchemaObject[], di: number, at: At, p: Projection, ip: Seg[]): Schema {
  const node = conj[di];
  const kw = Array.isArray(node.anyOf) ? 'anyOf' : 'oneOf';
  const rest = conj.filter((_, i) => i !== di);
  const stripped = without(node, kw);
  if (Object.keys(stripped).length) rest.push(stripped);
  const branches = (node[kw] as Schema[]).map((b) => allOfNode([...rest, b]));
  if (kw === 'oneOf' && p.side === 'reader' && !pairwiseDisjoint(branches)) p.inexact.push(ip);
  return { anyOf: branches.map((b) => project(b, at.trie, p, ip, at.coupled)) };
}

function pairwiseDisjoint(branches: Schema[]): boolean {
  return branches.every((x, i) => branches.every((y, j) => j <= i || disjoint(x, y)));
}

function projectObject(S: Shape, at: At, p: Projection, ip: Seg[], out: SchemaObject): void {
  const names = [...at.trie.children.keys()];
  const required = requiredClosure(S);
  const properties: Record<string, Schema> = {};
  for (const name of names) {
    let child = propSchema(S, name);
    const named = S.propertyNames.map((pn) => validLocal(name, pn));
    if (named.includes(false)) child = false;
    else if (p.side === 'reader' && named.includes(undefined)) p.inexact.push([...ip, name]);
    const coupled = at.coupled.children.get(name) ?? at.trie.children.get(name)!;
    properties[name] = project(child, at.trie.children.get(name)!, p, [...ip, name], coupled);
  }
  out.properties = properties;
  const req = names.filter((n) => required.has(n));
  if (req.length) out.required = req;
  projectDependentRequired(S, names, [...at.coupled.children.keys()], required, out);
  projectDependentSchemas(S, at, p, ip, out, required);
}

/**
 * A dependentRequired between two read fields, one of them on this path,
 * stays (with the other field's name, its value left open); any other is
 * exact to drop for this path's readers.
 */
function projectDependentRequired(
  S: Shape,
  names: string[],
  readHere: string[],
  required: Set<string>,
  out: SchemaObject,
): void {
  const deps: Record<string, string[]> = {};
  for (const [k, d] of S.depRequired) {
    if (required.has(k) || !readHere.includes(k)) continue;
    const kept = [...d].filter((x) => readHere.includes(x) && (names.includes(k) || names.includes(x)));
    if (kept.length) deps[k] = kept;
  }
  if (Object.keys(deps).length === 0) return;
  out.dependentRequired = deps;
  const properties = out.properties as Record<string, Schema>;
  for (const name of new Set([...Object.keys(deps), ...Object.values(deps).flat()])) properties[name] ??= true;
}

/**
 * A dependentSchemas keyed by a required name always applies, and one keyed
 * by a read name applies exactly when that field is present; both are kept
 * (projected). Keyed by another name, it may not apply at all: dropping it is
 * exact for the reader (the field keeps every value it may have without it).
 */
function projectDependentSchemas(
  S: Shape,
  at: At,
  p: Projection,
  ip: Seg[],
  out: SchemaObject,
  required: Set<string>,
): void {
  const always: Schema[] = [];
  const keyed: Record<string, Schema> = {};
  for (const [k, list] of S.depSchemas) {
    if (required.has(k)) always.push(project(allOfNode(list), at.trie, p, ip, at.coupled));
    else if (at.coupled.children.has(k)) keyed[k] = project(allOfNode(list), at.trie, p, ip, at.coupled);
  }
  if (always.length) out.allOf = always;
  if (Object.keys(keyed).length === 0) return;
  out.dependentSchemas = keyed;
  const properties = out.properties as Record<string, Schema>;
  for (const k of Object.keys(keyed)) properties[k] ??= true;
}

/** Through an array the path names no index: every place of a tuple and the rest, with the length bounds. */
function projectArray(S: Shape, at: At, p: Projection, ip: Seg[], out: SchemaObject): void {
  const n = maxPrefix(S);
  const item = (i: number) => project(itemSchema(S, i), at.trie, p, [...ip, i], at.coupled);
  if (n > 0) out.prefixItems = Array.from({ length: n }, (_, i) => item(i));
  out.items = item(n);
  if (S.minItems > 0) out.minItems = S.minItems;
  if (S.maxItems !== undefined) out.maxItems = S.maxItems;
}
