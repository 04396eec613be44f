/** The JSON Schema drafts in use that dmesh accepts for contracts, chosen by `$schema` (absent: 2020-12). */
export const DRAFTS = ['draft-04', 'draft-06', 'draft-07', '2019-09', '2020-12'] as const;
export type Draft = (typeof DRAFTS)[number];

export const DEFAULT_DRAFT: Draft = '2020-12';

/** Each draft's meta-schema id, as ajv registers it (no trailing `#`). */
export const META_SCHEMA_IDS: Record<Draft, string> = {
  'draft-04': 'http://json-schema.org/draft-04/schema',
  'draft-06': 'http://json-schema.org/draft-06/schema',
  'draft-07': 'http://json-schema.org/draft-07/schema',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

/** `$schema` values written in the wild: http or https, with or without the trailing `#`. */
const BY_URI = new Map<string, Draft>(
  DRAFTS.map((d) => [META_SCHEMA_IDS[d].replace(/^https?:/, ''), d] as [string, Draft]),
);

/** The id keyword of a draft: draft-04 says `id`, later drafts `$id`. */
export function idKeyword(draft: Draft): 'id' | '$id' {
  return draft === 'draft-04' ? 'id' : '$id';
}

/** Drafts where keywords beside `$ref` are ignored (2019-09 and later apply them). */
export function refOverridesSiblings(draft: Draft): boolean {
  return draft === 'draft-04' || draft === 'draft-06' || draft === 'draft-07';
}

/** The draft of a contract from its `$schema`; `{ unknown }` names a `$schema` that is not one of the five. */
export function draftOf(schema: unknown): Draft | { unknown: string } {
  if (schema === null || typeof schema !== 'object' || !('$schema' in schema)) return DEFAULT_DRAFT;
  const uri = (schema as { $schema: unknown }).$schema;
  if (typeof uri !== 'string') return { unknown: JSON.stringify(uri) ?? String(uri) };
  return BY_URI.get(uri.replace(/#$/, '').replace(/^https?:/, '')) ?? { unknown: uri };
}

export function isDraft(value: unknown): value is Draft {
  return typeof value === 'string' && (DRAFTS as readonly string[]).includes(value);
}
