import { seeded } from './search-catalog.js';
import type { BenchProduct } from './search-catalog.js';
import { ABSENT_WORDS, FILLER } from './search-vocabulary.js';

// The request mix the search benchmark times, fixed before any tuning: what a
// catalog UI and the CLI send, in the proportions people search with.

/** Share (in %) of each kind of search in the timed mix. */
export const SEARCH_MIX = {
  /** Two words from one product's name and domain: a few matches. */
  selective: 22,
  /** One of the most common words: thousands of matches. */
  broad: 12,
  /** A product-name word with one typing error. */
  typo: 10,
  /** The first 2–4 letters of a word, as typed in a search box. */
  prefix: 14,
  /** Products that have a field (has-field filter), with or without a word. */
  field: 10,
  /** A word with one filter (domain, tier, classification, lifecycle status, SLA status or tag). */
  filtered: 14,
  /** No words: a filter or the whole catalog, in every sort order. */
  browse: 12,
  /** A word no product has. */
  absent: 6,
} as const;

export type SearchKind = keyof typeof SEARCH_MIX;

export interface SearchVariables {
  query?: string;
  filter?: Record<string, unknown>;
  sort?: 'RELEVANCE' | 'NAME' | 'RECENTLY_PUBLISHED' | 'MOST_CONSUMED';
  first: number;
  facets: boolean;
}

export interface TimedRequest<V> {
  kind: string;
  variables: V;
}

/** What a catalog page asks for: hits with why they matched, the page info, and (on a first page) facets. */
export const SEARCH_QUERY = `query Search($query: String, $filter: SearchFilter, $sort: SearchSort, $first: Int, $facets: Boolean!) {
  search(query: $query, filter: $filter, sort: $sort, first: $first) {
    totalCount
    correctedQuery
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      cursor
      match { score sections highlights { section fragments { text matched } } fields { port path } }
      node { id domain name title description owner { team email } tags classification tier latestVersion status slaStatus consumerCount }
    }
    facets @include(if: $facets) {
      domain { value count } tag { value count } owner { value count } classification { value count }
      status { value count } tier { value count } slaStatus { value count }
    }
  }
}`;

/** Field search: where is a field, with its type, required-ness and classification. */
export const FIELDS_QUERY = `query Fields($query: String!, $filter: FieldFilter, $first: Int) {
  fields(query: $query, filter: $filter, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { product port path type required classification description match } }
  }
}`;

const words = (p: BenchProduct) => p.descriptor.metadata.name.split('-');
const fieldNames = (p: BenchProduct) =>
  Object.keys((p.contracts['contracts/main.schema.json'].properties ?? {}) as Record<string, unknown>);

/** One typing error: a letter dropped, two swapped or one replaced (never the first letter). */
export function misspell(word: string, rnd: () => number): string {
  const at = 1 + Math.floor(rnd() * (word.length - 2));
  const kind = Math.floor(rnd() * 3);
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  const letter = 'aeioustrnl'[Math.floor(rnd() * 10)];
  return word.slice(0, at) + (letter === word[at] ? 'x' : letter) + word.slice(at + 1);
}

type Draw = (p: BenchProduct, rnd: () => number) => Omit<SearchVariables, 'first' | 'facets'>;
const anyOf = <T>(list: readonly T[], rnd: () => number) => list[Math.floor(rnd() * list.length)];

const FILTERS: ((p: BenchProduct, rnd: () => number) => Record<string, unknown>)[] = [
  (p) => ({ domain: p.descriptor.metadata.domain }),
  (p) => ({ tier: p.descriptor.metadata.tier!.toUpperCase() }),
  (p) => ({ classification: p.descriptor.metadata.classification!.toUpperCase() }),
  () => ({ status: 'DEPRECATED' }),
  (_, rnd) => ({ slaStatus: anyOf(['MET', 'AT_RISK', 'BREACHED', 'UNKNOWN'], rnd) }),
  (p) => ({ tag: p.descriptor.metadata.tags![0] }),
];

const DRAWS: Record<SearchKind, Draw> = {
  selective: (p) => ({ query: `${words(p).at(-1)} ${p.descriptor.metadata.domain.split('-')[0]}` }),
  broad: (_, rnd) => ({ query: anyOf(['customer', 'order', 'daily', 'product', 'events', 'payment'], rnd) }),
  typo: (p, rnd) => ({
    query: misspell(
      words(p)
        .sort((a, b) => b.length - a.length)[0]
        .padEnd(4, 's'),
      rnd,
    ),
  }),
  prefix: (p, rnd) => ({ query: anyOf(words(p), rnd).slice(0, 2 + Math.floor(rnd() * 3)) }),
  field: (p, rnd) => ({
    ...(rnd() < 0.5 && { query: words(p)[0] }),
    filter: { field: anyOf(fieldNames(p), rnd) },
  }),
  filtered: (p, rnd) => ({ query: anyOf(words(p), rnd), filter: anyOf(FILTERS, rnd)(p, rnd) }),
  browse: (p, rnd) => ({
    ...(rnd() < 0.8 && { filter: anyOf(FILTERS, rnd)(p, rnd) }),
    sort: anyOf(['RELEVANCE', 'NAME', 'RECENTLY_PUBLISHED', 'MOST_CONSUMED'] as const, rnd),
  }),
  absent: (_, rnd) => ({ query: anyOf(ABSENT_WORDS, rnd) }),
};

/** `count` searches in the mix's proportions, each about a product drawn from `sample`, shuffled. */
export function searchRequests(
  sample: readonly BenchProduct[],
  count: number,
  seed = 11,
): TimedRequest<SearchVariables>[] {
  const rnd = seeded(seed);
  const kinds = Object.entries(SEARCH_MIX).flatMap(([kind, share]) =>
    Array.from({ length: Math.round((share / 100) * count) }, () => kind as SearchKind),
  );
  const requests = kinds.map((kind) => {
    const sort = kind === 'browse' ? {} : rnd() < 0.85 ? {} : { sort: anyOf(['NAME', 'MOST_CONSUMED'] as const, rnd) };
    const variables = { first: 20, facets: rnd() < 0.5, ...sort, ...DRAWS[kind](anyOf(sample, rnd), rnd) };
    return { kind, variables };
  });
  for (let i = requests.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [requests[i], requests[j]] = [requests[j], requests[i]];
  }
  return requests;
}

export interface FieldVariables {
  query: string;
  filter?: Record<string, unknown>;
  first: number;
}

/** Field searches: an exact name (half), a prefix, a misspelt name, a word of field descriptions; a fifth only PII. */
export function fieldRequests(
  sample: readonly BenchProduct[],
  count: number,
  seed = 13,
): TimedRequest<FieldVariables>[] {
  const rnd = seeded(seed);
  return Array.from({ length: count }, () => {
    const name = anyOf(fieldNames(anyOf(sample, rnd)), rnd);
    const r = rnd();
    const [kind, query] =
      r < 0.5
        ? ['exact', name]
        : r < 0.7
          ? ['prefix', name.slice(0, 3 + Math.floor(rnd() * 4))]
          : r < 0.85
            ? ['typo', misspell(name, rnd)]
            : ['description', anyOf(FILLER.slice(0, 60), rnd)];
    return { kind, variables: { query, first: 20, ...(rnd() < 0.2 && { filter: { classification: 'pii' } }) } };
  });
}

const NODE = 'id title owner { team } versions { version ports { name contract { schema } } } lineage { nodes { id } }';

/**
 * What one abusive client loops over while ordinary searches are timed: the
 * issue's 60-alias search, a 20,000-word search text, a literal nested 5,000
 * deep, a costly query within the alias limit, a deep query through
 * fragments, a batch, a 1 MB document, and the heaviest query the limits let
 * through. Each must be refused or bounded.
 */
export function abusiveBodies(): { name: string; body: unknown }[] {
  const aliases = (n: number, first: number) =>
    `{ ${Array.from({ length: n }, (_, k) => `a${k}: search(first: ${first}) { edges { node { ${NODE} } } }`).join(' ')} }`;
  const nested = `{ search(filter: { domain: ${'['.repeat(5000)}"x"${']'.repeat(5000)} }) { totalCount } }`;
  // The schema's cycles are in introspection: __Type.fields.type is a __Type again.
  const fragmentDepth =
    '{ __type(name: "Product") { ...A } } fragment A on __Type { fields { type { ...B } } } ' +
    'fragment B on __Type { fields { type { ... on __Type { fields { type { ...C } } } } } } ' +
    'fragment C on __Type { fields { type { fields { type { fields { type { name } } } } } } }';
  return [
    { name: 'aliases-60', body: { query: aliases(60, 100) } },
    {
      name: 'words-20000',
      body: { query: SEARCH_QUERY, variables: { query: 'revenue '.repeat(20_000), facets: false } },
    },
    { name: 'nested-literal-5000', body: { query: nested } },
    { name: 'cost-15-aliases', body: { query: aliases(15, 100) } },
    { name: 'depth-fragments', body: { query: fragmentDepth } },
    { name: 'batch-50', body: Array.from({ length: 50 }, () => ({ query: '{ search { totalCount } }' })) },
    { name: 'document-1mb', body: { query: `{ search { totalCount } } ${'#'.repeat(1_000_000)}` } },
    { name: 'heaviest-allowed', body: { query: SEARCH_QUERY, variables: { first: 100, facets: true } } },
  ];
}
