import { DRAFTS, type Draft } from '../contract/drafts.js';
import { normalizeContract } from '../contract/normalize.js';
import { sourceId, type PortSource } from './names.js';

const META: Record<Draft, string> = {
  'draft-04': 'http://json-schema.org/draft-04/schema#',
  'draft-06': 'http://json-schema.org/draft-06/schema#',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};
const EARLY: Draft[] = ['draft-04', 'draft-06', 'draft-07'];
/** Keywords an earlier draft has no form for: dropped with a `$comment` saying so. */
const NEWER: Record<string, Draft[]> = {
  unevaluatedProperties: [...EARLY],
  unevaluatedItems: [...EARLY],
  contains: ['draft-04'],
  propertyNames: ['draft-04'],
  if: ['draft-04'],
  then: ['draft-04'],
  else: ['draft-04'],
  minContains: [...EARLY],
  maxContains: [...EARLY],
};

export { DRAFTS as JSON_SCHEMA_DRAFTS };

/**
 * The contract as a self-contained JSON Schema of the draft asked for
 * (default 2020-12): references resolved within the document to JSON pointers
 * (`$defs`, or `definitions` before 2019-09), tuples, dependencies and
 * exclusive bounds written the way that draft spells them. A keyword the draft
 * has no form for is dropped and named in a `$comment` where it stood.
 */
export function toJsonSchema(source: PortSource, draft: Draft = '2020-12'): string {
  const internal = normalizeContract(source.contract) as Record<string, unknown>;
  const converted = convert(internal, draft) as Record<string, unknown>;
  const original = source.contract as Record<string, unknown>;
  const note = `${sourceId(source)}, exported by dmesh as JSON Schema ${draft}; references resolved within the document.`;
  const { $schema: _schema, $comment, ...rest } = converted;
  void _schema;
  const out = {
    $schema: META[draft],
    ...(typeof original.$id === 'string' && { [draft === 'draft-04' ? 'id' : '$id']: original.$id }),
    $comment: [note, $comment].filter(Boolean).join(' '),
    ...rest,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function convert(node: unknown, draft: Draft): unknown {
  if (Array.isArray(node)) return node.map((n) => convert(n, draft));
  if (!node || typeof node !== 'object') return node;
  const s = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(s)) {
    if (key === 'properties' || key === '$defs' || key === 'patternProperties' || key === 'dependentSchemas') {
      const mapped = Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, convert(v, draft)]));
      if (key === '$defs') out[EARLY.includes(draft) ? 'definitions' : '$defs'] = mapped;
      else if (key === 'dependentSchemas' && EARLY.includes(draft)) merge(out, 'dependencies', mapped);
      else out[key] = mapped;
    } else if (key === 'dependentRequired' && EARLY.includes(draft)) merge(out, 'dependencies', value as object);
    else if (key === '$ref' && EARLY.includes(draft))
      out.$ref = (value as string).replace(/^#\/\$defs\//, '#/definitions/');
    else if (NEWER[key]?.includes(draft)) dropped.push(key);
    else if (key === 'const' && draft === 'draft-04') out.enum = [value];
    else out[key] = convert(value, draft);
  }
  tuples(s, out, draft);
  if (draft === 'draft-04') exclusiveBounds(out, dropped);
  if (dropped.length)
    out.$comment = `${draft} cannot express: ${dropped.map((k) => `${k} ${JSON.stringify(s[k])}`).join('; ')}`;
  return out;
}

function merge(out: Record<string, unknown>, key: string, value: object): void {
  out[key] = { ...((out[key] as object) ?? {}), ...value };
}

/** `prefixItems` + `items` (2020-12) are `items: [...]` + `additionalItems` before it. */
function tuples(s: Record<string, unknown>, out: Record<string, unknown>, draft: Draft): void {
  if (draft === '2020-12' || !Array.isArray(s.prefixItems)) return;
  delete out.prefixItems;
  out.items = convert(s.prefixItems, draft);
  if (s.items !== undefined) out.additionalItems = convert(s.items, draft);
  else delete out.additionalItems;
}

/** draft-04: `exclusiveMinimum: n` is `minimum: n, exclusiveMinimum: true` (when no inclusive bound is there too). */
function exclusiveBounds(out: Record<string, unknown>, dropped: string[]): void {
  for (const [exclusive, inclusive] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[exclusive] !== 'number') continue;
    if (out[inclusive] === undefined) {
      out[inclusive] = out[exclusive];
      out[exclusive] = true;
    } else {
      dropped.push(exclusive);
      delete out[exclusive];
    }
  }
}
