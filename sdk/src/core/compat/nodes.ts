import { canonicalJson } from '../contract/canonical.js';

/** A JSON Schema node: boolean schema or keyword object. */
export type Schema = boolean | SchemaObject;
export type SchemaObject = { [keyword: string]: unknown };

/** One side of a comparison: a cloned root whose nodes all know they belong to it (for `$ref`). */
export interface Doc {
  root: Schema;
  label: string;
  side: 'previous' | 'next';
}

const owner = new WeakMap<object, Doc>();
const keys = new WeakMap<object, string>();
let nextKey = 0;

export function isObj(s: unknown): s is SchemaObject {
  return s !== null && typeof s === 'object' && !Array.isArray(s);
}

/** Clones `root` (callers may share sub-objects between versions) and records ownership of every node. */
export function adopt(root: unknown, label: string, side: Doc['side']): Doc {
  const doc: Doc = { root: structuredClone(root) as Schema, label, side };
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    owner.set(node, doc);
    for (const child of Object.values(node)) walk(child);
  };
  walk(doc.root);
  return doc;
}

/** A node derived from `from` (a copy minus some keyword) resolves its `$ref`s in the same document. */
export function adoptLike(node: object, from: object): void {
  const doc = owner.get(from);
  if (doc) owner.set(node, doc);
}

export function docOf(node: object): Doc | undefined {
  return owner.get(node);
}

/** Identity of a node for the coinduction guard; synthesized conjunctions are keyed by their members. */
export function nodeKey(node: Schema): string {
  if (typeof node === 'boolean') return String(node);
  let key = keys.get(node);
  if (!key) {
    key = `#${nextKey++}`;
    keys.set(node, key);
  }
  return key;
}

/** A synthesized `allOf` of existing nodes, stable-keyed by its members and owned by their document. */
export function allOfNode(members: Schema[]): Schema {
  const parts = members.filter((m) => m !== true);
  if (parts.includes(false)) return false;
  if (parts.length === 0) return true;
  if (parts.length === 1) return parts[0];
  const node: SchemaObject = { allOf: parts };
  keys.set(node, `&(${parts.map(nodeKey).join(',')})`);
  const doc = parts.map((p) => (isObj(p) ? docOf(p) : undefined)).find(Boolean);
  if (doc) owner.set(node, doc);
  return node;
}

const refCache = new WeakMap<object, boolean>();
/** Whether a subtree contains a `$ref` (then its meaning depends on the document). */
export function containsRef(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  const hit = refCache.get(node);
  if (hit !== undefined) return hit;
  let found = !Array.isArray(node) && ('$ref' in node || '$dynamicRef' in node);
  if (!found)
    for (const child of Object.values(node))
      if (containsRef(child)) {
        found = true;
        break;
      }
  refCache.set(node, found);
  return found;
}

const canonCache = new WeakMap<object, string>();
export function canon(node: unknown): string {
  if (node === null || typeof node !== 'object') return JSON.stringify(node);
  let text = canonCache.get(node);
  if (text === undefined) {
    text = canonicalJson(node);
    canonCache.set(node, text);
  }
  return text;
}

/** Same meaning without looking at any `$ref` target: identical content and no references. */
export function sameNoRefs(a: Schema, b: Schema): boolean {
  if (a === b) return true;
  if (typeof a === 'boolean' || typeof b === 'boolean') return false;
  return !containsRef(a) && !containsRef(b) && canon(a) === canon(b);
}

export function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Resolves a local `$ref` (JSON pointer or `$anchor`) of `node` inside its document; undefined when it cannot. */
export function resolveRef(node: SchemaObject): Schema | undefined {
  const ref = node.$ref;
  const doc = docOf(node);
  if (typeof ref !== 'string' || !doc || !ref.startsWith('#')) return undefined;
  const fragment = decodeURIComponent(ref.slice(1));
  if (fragment === '') return doc.root;
  if (!fragment.startsWith('/')) return findAnchor(doc.root, fragment);
  let cur: unknown = doc.root;
  for (const seg of fragment.slice(1).split('/')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[unescapePointer(seg)];
  }
  return typeof cur === 'boolean' || isObj(cur) ? cur : undefined;
}

function findAnchor(node: unknown, anchor: string): Schema | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  if (!Array.isArray(node) && (node as SchemaObject).$anchor === anchor) return node as SchemaObject;
  for (const child of Object.values(node)) {
    const hit = findAnchor(child, anchor);
    if (hit !== undefined) return hit;
  }
  return undefined;
}
