/**
 * The named fields of a contract for the field table: properties, nested
 * objects, array items and tuple places, local `$ref`s (`$defs`,
 * `definitions`) followed once. The SDK's `listFields` reads a contract in its
 * normalised 2020-12 form first, which needs ajv and Node; the browser reads
 * the stored (canonical) document as it is, which for the drafts' common
 * keywords lists the same paths.
 */
export interface ContractField {
  path: string;
  type?: string;
  description?: string;
  classification?: string;
  required: boolean;
}

type Schema = Record<string, unknown>;

function resolvePointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Schema)[key];
  }
  return node;
}

const typeOf = (prop: Schema): string | undefined =>
  typeof prop.type === 'string' ? prop.type : Array.isArray(prop.type) ? prop.type.join('|') : undefined;

/** The schemas a node's instances also meet: its local reference, combinators and items. */
function children(s: Schema, root: unknown): unknown[] {
  const out: unknown[] = [];
  if (typeof s.$ref === 'string' && s.$ref.startsWith('#/')) out.push(resolvePointer(root, s.$ref.slice(1)));
  for (const key of ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const) if (Array.isArray(s[key])) out.push(...s[key]);
  if (Array.isArray(s.items)) out.push(...s.items);
  else if (s.items && typeof s.items === 'object') out.push(s.items);
  return out;
}

export function listFields(schema: unknown): ContractField[] {
  const out = new Map<string, ContractField>();
  const refs = new Set<unknown>();
  const visit = (node: unknown, prefix: string, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 32 || refs.has(node)) return;
    const s = node as Schema;
    refs.add(node);
    for (const child of children(s, schema)) visit(child, prefix, depth + 1);
    const required = Array.isArray(s.required) ? (s.required as unknown[]) : [];
    for (const [name, value] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
      const path = prefix ? `${prefix}.${name}` : name;
      const prop = value && typeof value === 'object' ? value : {};
      if (!out.has(path))
        out.set(path, {
          path,
          type: typeOf(prop),
          description: typeof prop.description === 'string' ? prop.description : undefined,
          classification:
            typeof prop['x-classification'] === 'string' ? (prop['x-classification'] as string) : undefined,
          required: required.includes(name),
        });
      visit(prop, path, depth + 1);
    }
    refs.delete(node);
  };
  visit(schema, '', 0);
  return [...out.values()];
}
