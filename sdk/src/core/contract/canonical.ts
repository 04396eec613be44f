/**
 * Canonical JSON: object keys sorted, no whitespace. Two documents that differ
 * only in key order or formatting have the same canonical text and hash.
 *
 * Written without recursion: it runs on submitted documents before any limit
 * is checked (content hashes, bundle hashes), so a document nested thousands
 * of levels deep gets a hash instead of a stack overflow.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const sorted = sortedWithin(value, 0);
  return sorted === TOO_DEEP ? canonicalIterative(value) : JSON.stringify(sorted);
}

const TOO_DEEP = Symbol('too deep');
/** Recursion this deep is safe on any stack; deeper documents take the iterative path. */
const RECURSION_LIMIT = 200;

/** sortKeys with a depth budget: the fast path for documents of ordinary depth. */
function sortedWithin(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > RECURSION_LIMIT) return TOO_DEEP;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++)
      if ((out[i] = sortedWithin(value[i], depth + 1)) === TOO_DEEP) return TOO_DEEP;
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined && (out[key] = sortedWithin(v, depth + 1)) === TOO_DEEP) return TOO_DEEP;
  }
  return out;
}

function canonicalIterative(value: object): string {
  const out: string[] = [];
  // One frame per open container: the container, its sorted keys (objects) and the next index.
  const nodes: object[] = [value];
  const keyLists: (string[] | undefined)[] = [keysOf(value)];
  const indexes: number[] = [0];
  const written: boolean[] = [false];
  out.push(keyLists[0] ? '{' : '[');
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const node = nodes[top];
    const keys = keyLists[top];
    const length = keys ? keys.length : (node as unknown[]).length;
    let i = indexes[top];
    let v: unknown;
    // Skip object members JSON.stringify leaves out (undefined, functions, symbols).
    while (i < length && keys && omitted((v = (node as Record<string, unknown>)[keys[i]]))) i++;
    if (i >= length) {
      out.push(keys ? '}' : ']');
      nodes.pop();
      keyLists.pop();
      indexes.pop();
      written.pop();
      continue;
    }
    if (!keys) v = (node as unknown[])[i];
    indexes[top] = i + 1;
    if (written[top]) out.push(',');
    written[top] = true;
    if (keys) out.push(JSON.stringify(keys[i]), ':');
    if (v === null || typeof v !== 'object') out.push(JSON.stringify(v) ?? 'null');
    else {
      const childKeys = keysOf(v);
      nodes.push(v);
      keyLists.push(childKeys);
      indexes.push(0);
      written.push(false);
      out.push(childKeys ? '{' : '[');
    }
  }
  return out.join('');
}

function keysOf(node: object): string[] | undefined {
  return Array.isArray(node) ? undefined : Object.keys(node).sort();
}

function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** A copy with every object's keys sorted (recursive: only for documents already within the contract limits). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}
