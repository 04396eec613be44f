import { canonicalJson } from '../contract/canonical.js';
import { compileContract } from '../contract/compile.js';
import { normalizeContract } from '../contract/normalize.js';
import { unescapePointer } from '../contract/schema-walk.js';

/** A JSON Schema node: boolean schema or keyword object. */
export type Schema = boolean | SchemaObject;
export type SchemaObject = { [keyword: string]: unknown };

/** One contract in the checker's internal 2020-12 form, whose nodes all know they belong to it (for `$ref`). */
export interface Doc {
  root: Schema;
}

const owner = new WeakMap<object, Doc>();
const keys = new WeakMap<object, string>();
let nextKey = 0;

export function isObj(s: unknown): s is SchemaObject {
  return s !== null && typeof s === 'object' && !Array.isArray(s);
}

/**
 * A contract in the internal form (normalize.ts), every node registered as
 * belonging to it. `schema` must be an accepted contract; throws
 * ContractCompileError otherwise.
 */
export function adopt(schema: unknown): Doc {
  const doc: Doc = { root: normalizeContract(schema) as Schema };
  const stack: unknown[] = [doc.root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    owner.set(node, doc);
    for (const child of Object.values(node)) stack.push(child);
  }
  return doc;
}

const DOC_CACHE_LIMIT = 500;
const docs = new Map<string, Doc>();

/**
 * The internal form of a contract, once per content hash: its nodes (and
 * what the checker caches about them) are reused by every later comparison.
 * Compiles the contract first, so an invalid one throws ContractCompileError.
 */
export function contractDoc(schema: unknown): Doc {
  const { hash } = compileContract(schema);
  let doc = docs.get(hash);
  if (!doc) {
    if (docs.size >= DOC_CACHE_LIMIT) docs.clear();
    docs.set(hash, (doc = adopt(schema)));
  }
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

export { escapePointer, unescapePointer } from '../contract/schema-walk.js';

const refTargets = new WeakMap<object, Schema | null>();

/**
 * Resolves a `$ref` of the internal form: always a JSON pointer from the root
 * of the node's document (normalize.ts rewrote every kind of reference).
 * Undefined when it points nowhere (the checker is then cautious).
 */
export function resolveRef(node: SchemaObject): Schema | undefined {
  const cached = refTargets.get(node);
  if (cached !== undefined) return cached ?? undefined;
  const target = lookupRef(node);
  refTargets.set(node, target ?? null);
  return target;
}

function lookupRef(node: SchemaObject): Schema | undefined {
  const ref = node.$ref;
  const doc = docOf(node);
  if (typeof ref !== 'string' || !doc || !ref.startsWith('#')) return undefined;
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  if (fragment === '') return doc.root;
  if (!fragment.startsWith('/')) return undefined;
  let cur: unknown = doc.root;
  for (const seg of fragment.slice(1).split('/')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[unescapePointer(seg)];
  }
  return typeof cur === 'boolean' || isObj(cur) ? cur : undefined;
}
