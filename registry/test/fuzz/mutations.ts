import fc from 'fast-check';

/**
 * Mutations that make a valid JSON document invalid for the registry, each
 * one certain to: a NUL or a lone surrogate in a string, a prototype key, a
 * required field removed or of the wrong type, nesting beyond the limit.
 * Applied to a deep copy; the result is the JSON text sent.
 */
type Json = unknown;
type Path = (string | number)[];

export type Mutation =
  | { kind: 'text'; at: number; bad: string }
  | { kind: 'proto'; at: number; key: '__proto__' | 'constructor' }
  | { kind: 'remove'; path: Path }
  | { kind: 'retype'; path: Path; value: Json }
  | { kind: 'deep'; at: number; depth: number };

export const BAD_TEXT = fc.constantFrom('\u0000', 'a\u0000', '\ud800', '\udfff', 'x\ud83d', '\ude00y');

/** Every path to a node that satisfies `keep`, depth first. */
function pathsOf(root: Json, keep: (v: Json) => boolean, at: Path = [], out: Path[] = []): Path[] {
  if (keep(root)) out.push(at);
  if (typeof root === 'object' && root !== null)
    for (const [k, v] of Object.entries(root)) pathsOf(v, keep, [...at, Array.isArray(root) ? Number(k) : k], out);
  return out;
}

function parentOf(root: Json, path: Path): Record<string | number, Json> {
  let node = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  return node;
}

const isObject = (v: Json) => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mutate(doc: Json, m: Mutation): string {
  const root = structuredClone(doc);
  if (m.kind === 'text') {
    const strings = pathsOf(root, (v) => typeof v === 'string');
    const path = strings[m.at % strings.length];
    const parent = parentOf(root, path);
    parent[path.at(-1)!] = `${parent[path.at(-1)!] as string}${m.bad}`;
  } else if (m.kind === 'proto' || m.kind === 'deep') {
    const objects = pathsOf(root, isObject);
    const target = objects[m.at % objects.length].reduce<any>((n, k) => n[k], root);
    const value =
      m.kind === 'deep' ? nested(m.depth) : m.key === 'constructor' ? { prototype: { polluted: true } } : {};
    Object.defineProperty(target, m.kind === 'deep' ? 'deep' : m.key, { value, enumerable: true });
  } else if (m.kind === 'remove') {
    delete parentOf(root, m.path)[m.path.at(-1)!];
  } else {
    parentOf(root, m.path)[m.path.at(-1)!] = m.value;
  }
  return JSON.stringify(root);
}

function nested(depth: number): Json {
  let value: Json = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** A mutation of one of the kinds above; `required` and `typed` name paths the document's schema requires. */
export function mutation(required: Path[], typed: Path[]): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  return fc.oneof(
    fc.record({ kind: fc.constant('text' as const), at, bad: BAD_TEXT }),
    fc.record({
      kind: fc.constant('proto' as const),
      at,
      key: fc.constantFrom('__proto__' as const, 'constructor' as const),
    }),
    fc.record({ kind: fc.constant('remove' as const), path: fc.constantFrom(...required) }),
    fc.record({
      kind: fc.constant('retype' as const),
      path: fc.constantFrom(...typed),
      value: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.nat(), { maxLength: 3 })),
    }),
    fc.record({ kind: fc.constant('deep' as const), at, depth: fc.integer({ min: 130, max: 400 }) }),
  );
}
