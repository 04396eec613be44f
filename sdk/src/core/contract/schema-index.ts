import uriModule from 'ajv/dist/runtime/uri.js';
import { idKeyword, type Draft } from './drafts.js';
import { escapePointer, forEachSubschema, isSchemaObject, type SchemaNode } from './schema-walk.js';

// ajv resolves `$id` and `$ref` with fast-uri; using the same resolver keeps our answer about "local" equal to ajv's.
const uri = ((uriModule as unknown as { default?: unknown }).default ?? uriModule) as {
  resolve(base: string, ref: string): string;
};

export type RefKeyword = '$ref' | '$dynamicRef' | '$recursiveRef';

/** One reference inside a contract: where it is (JSON pointer of the node holding it) and what it says. */
export interface RefSite {
  pointer: string;
  keyword: RefKeyword;
  value: string;
}

/**
 * Every schema node of a document by JSON pointer, with the resources
 * (`$id`), anchors and references it declares, as the document's draft
 * defines them. Built without recursion (it runs before the depth limit
 * would protect a recursive walk from a hostile document).
 */
export interface SchemaIndex {
  draft: Draft;
  nodes: Map<string, SchemaNode>;
  /** Base URI that applies inside each node (its own `$id` included); '' when the root has none. */
  bases: Map<string, string>;
  /** Pointer of the resource root each node belongs to. */
  resourceOf: Map<string, string>;
  resources: Map<string, string>;
  anchors: Map<string, string>;
  /** 2020-12 `$dynamicAnchor` names → the resources declaring them. */
  dynamicAnchors: Map<string, string[]>;
  /** 2019-09 resources with `$recursiveAnchor: true`. */
  recursiveAnchors: string[];
  refs: RefSite[];
}

export type RefTarget = { pointer: string } | { remote: string } | { missing: string };

/** Strips an empty fragment, as ajv does, so `x#` and `x` name the same resource. */
function normalizeId(id: string): string {
  return id.endsWith('#') ? id.slice(0, -1) : id;
}

export function indexSchema(root: SchemaNode, draft: Draft): SchemaIndex {
  const index: SchemaIndex = {
    draft,
    nodes: new Map(),
    bases: new Map(),
    resourceOf: new Map(),
    resources: new Map(),
    anchors: new Map(),
    dynamicAnchors: new Map(),
    recursiveAnchors: [],
    refs: [],
  };
  const stack: [SchemaNode, string, string, string][] = [[root, '', '', '']];
  while (stack.length > 0) {
    const [node, pointer, parentBase, parentResource] = stack.pop()!;
    const { base, resource } = declare(index, node, pointer, parentBase, parentResource);
    index.nodes.set(pointer, node);
    index.bases.set(pointer, base);
    index.resourceOf.set(pointer, resource);
    forEachSubschema(node, (child, segments) =>
      stack.push([child, `${pointer}/${segments.map(escapePointer).join('/')}`, base, resource]),
    );
  }
  if (!index.resources.has('')) index.resources.set('', '');
  return index;
}

/** Registers what one node declares; returns the base URI and resource that apply inside it. */
function declare(
  index: SchemaIndex,
  node: SchemaNode,
  pointer: string,
  parentBase: string,
  parentResource: string,
): { base: string; resource: string } {
  if (!isSchemaObject(node)) return { base: parentBase, resource: parentResource };
  let base = parentBase;
  let resource = parentResource;
  const id = node[idKeyword(index.draft)];
  if (typeof id === 'string') {
    const full = uri.resolve(parentBase, id);
    const hash = full.indexOf('#');
    const doc = hash < 0 ? full : full.slice(0, hash);
    const fragment = hash < 0 ? '' : full.slice(hash + 1);
    if (!id.startsWith('#') && doc !== '') {
      base = normalizeId(doc);
      resource = pointer;
      index.resources.set(base, pointer);
    }
    // draft-04…07: an id that is only a fragment (`#foo`) names the node, like a 2019-09 `$anchor`.
    if (fragment && !fragment.startsWith('/')) index.anchors.set(`${base}#${fragment}`, pointer);
  }
  if (pointer === '') index.resources.set(base, '');
  declareAnchors(index, node, pointer, base);
  for (const keyword of ['$ref', '$dynamicRef', '$recursiveRef'] as const) {
    const value = node[keyword];
    if (typeof value === 'string') index.refs.push({ pointer, keyword, value });
  }
  return { base, resource };
}

function declareAnchors(index: SchemaIndex, node: { [k: string]: unknown }, pointer: string, base: string): void {
  if (typeof node.$anchor === 'string') index.anchors.set(`${base}#${node.$anchor}`, pointer);
  if (typeof node.$dynamicAnchor === 'string') {
    index.anchors.set(`${base}#${node.$dynamicAnchor}`, pointer);
    const list = index.dynamicAnchors.get(node.$dynamicAnchor) ?? [];
    list.push(pointer);
    index.dynamicAnchors.set(node.$dynamicAnchor, list);
  }
  if (node.$recursiveAnchor === true) index.recursiveAnchors.push(pointer);
}

/**
 * Where a reference points inside the document: a JSON pointer, or `remote`
 * (another document: never fetched), or `missing` (nothing there).
 * `$dynamicRef`/`$recursiveRef` resolve statically here; callers decide
 * whether the dynamic scope could change the answer (see `isStaticRef`).
 */
export function resolveRefSite(index: SchemaIndex, site: RefSite): RefTarget {
  if (site.keyword === '$recursiveRef') {
    return site.value === '#' ? { pointer: index.resourceOf.get(site.pointer) ?? '' } : { missing: site.value };
  }
  const full = uri.resolve(index.bases.get(site.pointer) ?? '', site.value);
  const hash = full.indexOf('#');
  const doc = normalizeId(hash < 0 ? full : full.slice(0, hash));
  const resource = index.resources.get(doc);
  if (resource === undefined) return { remote: full };
  let fragment: string;
  try {
    fragment = decodeURIComponent(hash < 0 ? '' : full.slice(hash + 1));
  } catch {
    return { missing: site.value };
  }
  const pointer =
    fragment === ''
      ? resource
      : fragment.startsWith('/')
        ? resource + fragment
        : index.anchors.get(`${doc}#${fragment}`);
  return pointer !== undefined && index.nodes.has(pointer) ? { pointer } : { missing: site.value };
}

/**
 * Whether a dynamic reference means the same wherever it is evaluated: a
 * `$dynamicRef` whose anchor only one resource declares, a `$recursiveRef`
 * with at most one `$recursiveAnchor: true` in the document. Plain `$ref`s
 * always are.
 */
export function isStaticRef(index: SchemaIndex, site: RefSite, target: string): boolean {
  if (site.keyword === '$ref') return true;
  if (site.keyword === '$recursiveRef') return index.recursiveAnchors.length <= 1;
  const node = index.nodes.get(target);
  const name = isSchemaObject(node) ? node.$dynamicAnchor : undefined;
  return typeof name !== 'string' || (index.dynamicAnchors.get(name)?.length ?? 0) <= 1;
}
