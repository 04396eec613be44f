import { normalizeContract } from './normalize.js';

export interface ContractField {
  /** Dotted path of the property, e.g. `address.city`; array items add no segment. */
  path: string;
  type?: string;
  description?: string;
  classification?: string;
  /** Listed in `required` of the object that holds it (a nested field is required within its parent); listFields always sets it. */
  required?: boolean;
}

/**
 * Lists the named fields of a contract (properties, nested objects, array
 * items and tuple places, local `$ref`s followed once) for search, lineage
 * and PII checks. A contract in any draft is read in its internal 2020-12
 * form (so `definitions`, `id` anchors and `$id`-scoped references resolve);
 * a document that is not a valid contract is read as it is.
 */
export function listFields(schema: unknown): ContractField[] {
  const root = internalForm(schema) as Record<string, unknown>;
  const out: ContractField[] = [];
  const seenRefs = new Set<string>();
  const visit = (node: unknown, prefix: string, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 32) return;
    const s = node as Record<string, unknown>;
    if (typeof s.$ref === 'string' && s.$ref.startsWith('#/') && !seenRefs.has(s.$ref)) {
      seenRefs.add(s.$ref);
      visit(resolvePointer(root, s.$ref.slice(1)), prefix, depth + 1);
      seenRefs.delete(s.$ref);
    }
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      if (Array.isArray(s[key])) (s[key] as unknown[]).forEach((sub) => visit(sub, prefix, depth + 1));
    }
    if (s.items && typeof s.items === 'object') visit(s.items, prefix, depth + 1);
    if (Array.isArray(s.prefixItems)) (s.prefixItems as unknown[]).forEach((sub) => visit(sub, prefix, depth + 1));
    const props = s.properties as Record<string, Record<string, unknown>> | undefined;
    const required = Array.isArray(s.required) ? (s.required as unknown[]) : [];
    for (const [name, prop] of Object.entries(props ?? {})) {
      const path = prefix ? `${prefix}.${name}` : name;
      if (!out.some((f) => f.path === path)) {
        out.push({
          path,
          ...(typeOf(prop) && { type: typeOf(prop) }),
          ...(typeof prop?.description === 'string' && { description: prop.description }),
          ...(typeof prop?.['x-classification'] === 'string' && { classification: prop['x-classification'] as string }),
          required: required.includes(name),
        });
      }
      visit(prop, path, depth + 1);
    }
  };
  visit(root, '', 0);
  return out;
}

function internalForm(schema: unknown): unknown {
  try {
    return normalizeContract(schema);
  } catch {
    return schema;
  }
}

function typeOf(prop: unknown): string | undefined {
  if (!prop || typeof prop !== 'object') return undefined;
  const t = (prop as Record<string, unknown>).type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.join('|');
  return undefined;
}

export function resolvePointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
