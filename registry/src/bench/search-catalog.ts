import type { DataProduct } from '@dmesh/sdk';
import {
  AREAS,
  AREA_VARIANTS,
  ENTITIES,
  FIELD_SUFFIXES,
  FILLER,
  MEASURES,
  PEOPLE,
  PII_SUFFIXES,
  QUALIFIERS,
  TAGS,
} from './search-vocabulary.js';

/** What the generator decides for a product beyond its descriptor: ranking signals and SLA pattern. */
export interface BenchProduct {
  index: number;
  id: string;
  descriptor: DataProduct;
  /** Contract documents by the path the descriptor names them with. */
  contracts: Record<string, Record<string, unknown>>;
  /** State of the major line 1 (the only one). */
  lifecycle: 'active' | 'deprecated';
  /** The governance report's outcome: every policy passed, some warned, or one was waived. */
  governance: 'clean' | 'warning' | 'waived';
  /** Lag of the newest data as a share of the freshness limit in the one observation reported (none: no observation). */
  freshnessLag?: number;
}

export const BENCH_DOMAINS = AREAS.flatMap((a) => AREA_VARIANTS.map((v) => (v ? `${a}-${v}` : a)));

/** mulberry32: a small seeded generator, so every run builds the same catalog. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws index r of a list of n with probability ∝ 1 / (r + 1)^s. */
export function zipf(n: number, s = 1): (rnd: () => number) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 0; r < n; r++) cumulative.push((total += 1 / (r + 1) ** s));
  return (rnd) => {
    const x = rnd() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const entity = zipf(ENTITIES.length, 0.9);
const qualifier = zipf(QUALIFIERS.length, 0.8);
const measure = zipf(MEASURES.length, 0.8);
const tag = zipf(TAGS.length, 0.9);
const filler = zipf(FILLER.length, 0.7);
const suffix = zipf(FIELD_SUFFIXES.length, 0.8);
const pick = <T>(list: readonly T[], draw: (r: () => number) => number, rnd: () => number) => list[draw(rnd)];
const title = (words: string[]) => words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
const plural = (w: string) => (w.endsWith('s') ? w : w.endsWith('y') ? `${w.slice(0, -1)}ies` : `${w}s`);

/** A product name's words: one of four shapes people use (orders, daily-orders, order-revenue, daily-order-revenue). */
function nameWords(rnd: () => number): string[] {
  const e = pick(ENTITIES, entity, rnd);
  const shape = Math.floor(rnd() * 4);
  if (shape === 0) return [plural(e)];
  if (shape === 1) return [pick(QUALIFIERS, qualifier, rnd), plural(e)];
  if (shape === 2) return [e, pick(MEASURES, measure, rnd)];
  return [pick(QUALIFIERS, qualifier, rnd), e, pick(MEASURES, measure, rnd)];
}

function sentence(rnd: () => number, words: number): string {
  const out = Array.from({ length: words }, () => pick(FILLER, filler, rnd));
  return `${out.join(' ')}.`;
}

function description(rnd: () => number, words: string[], area: string): string {
  const other = pick(ENTITIES, entity, rnd);
  const cadence = ['hourly', 'nightly', 'every few minutes', 'weekly'][Math.floor(rnd() * 4)];
  return [
    `${title(words)} for the ${area} domain, one row per ${pick(ENTITIES, entity, rnd)}.`,
    `Built from ${plural(other)} and ${plural(pick(ENTITIES, entity, rnd))}; refreshed ${cadence}.`,
    sentence(rnd, 8 + Math.floor(rnd() * 10)),
  ].join(' ');
}

interface Field {
  name: string;
  type: string;
  description: string;
  pii: boolean;
}

/** 6–14 fields: the product's own key first, then Zipf-drawn `<entity>_<ending>` names. */
function fields(rnd: () => number, main: string): Field[] {
  const out = new Map<string, Field>();
  const add = (e: string, s: (typeof FIELD_SUFFIXES)[number]) => {
    const name = `${e}_${s.suffix}`;
    const says = `${s.says} ${e}${rnd() < 0.5 ? `; ${sentence(rnd, 4 + Math.floor(rnd() * 6))}` : '.'}`;
    const pii = PII_SUFFIXES.has(s.suffix) || (s.suffix === 'name' && PEOPLE.has(e));
    if (!out.has(name)) out.set(name, { name, type: s.type, description: says, pii });
  };
  add(main, FIELD_SUFFIXES[0]);
  const count = 6 + Math.floor(rnd() * 9);
  while (out.size < count) {
    const s = pick(FIELD_SUFFIXES, suffix, rnd);
    // Personal data is in about a third of the products, as in the catalogs this imitates.
    if (!PII_SUFFIXES.has(s.suffix) || rnd() < 0.1) add(pick(ENTITIES, entity, rnd), s);
  }
  return [...out.values()];
}

function contract(list: Field[], rnd: () => number): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    required: list.filter((f, k) => k === 0 || rnd() < 0.4).map((f) => f.name),
    properties: Object.fromEntries(
      list.map((f) => [
        f.name,
        { type: f.type, description: f.description, ...(f.pii && { 'x-classification': 'pii' }) },
      ]),
    ),
  };
}

/** Inputs: 0–4 earlier products, skewed towards old ones, so some become hubs with many consumers. */
function inputs(rnd: () => number, index: number, ids: readonly string[]): string[] {
  const chosen = new Set<string>();
  const count = index < 10 ? 0 : Math.floor(rnd() * 5);
  for (let k = 0; k < count; k++) chosen.add(ids[Math.floor(index * rnd() ** 3)]);
  return [...chosen];
}

/** A product name not yet taken in its domain. */
function uniqueName(rnd: () => number, taken: Set<string>): string[] {
  for (;;) {
    const words = nameWords(rnd);
    const name = words.join('-');
    if (!taken.has(name)) {
      taken.add(name);
      return words;
    }
  }
}

/**
 * The benchmark catalog, `n` products over 200 domains, built the same on
 * every run (seeded); products come in order, each reading only earlier ones.
 */
export function* generateCatalog(n: number, seed = 7): Generator<BenchProduct> {
  const taken = new Map<string, Set<string>>(BENCH_DOMAINS.map((d) => [d, new Set()]));
  const ids: string[] = [];
  for (let index = 0; index < n; index++) {
    const rnd = seeded(seed * 1_000_003 + index);
    const domain = BENCH_DOMAINS[index % BENCH_DOMAINS.length];
    const words = uniqueName(rnd, taken.get(domain)!);
    const id = `${domain}.${words.join('-')}`;
    const product = benchProduct(rnd, index, id, words, inputs(rnd, index, ids));
    ids.push(id);
    yield product;
  }
}

function benchProduct(rnd: () => number, index: number, id: string, words: string[], reads: string[]): BenchProduct {
  const [domain, name] = id.split('.');
  const main = words.find((w) => ENTITIES.includes(w.replace(/s$/, ''))) ?? words[0];
  const portFields = fields(rnd, main.replace(/ies$/, 'y').replace(/s$/, ''));
  const pii = portFields.some((f) => f.pii);
  const tier = (['bronze', 'silver', 'gold'] as const)[Math.floor(rnd() ** 1.5 * 3)];
  const classification = pii
    ? (['confidential', 'restricted'] as const)[Math.floor(rnd() * 2)]
    : (['public', 'internal', 'internal', 'confidential'] as const)[Math.floor(rnd() * 4)];
  const tags = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(TAGS, tag, rnd)))];
  const freshness = tier === 'gold' ? 'PT1H' : (['PT1H', 'PT6H', 'P1D'] as const)[Math.floor(rnd() * 3)];
  const descriptor = {
    apiVersion: 'dmesh.io/v1',
    kind: 'DataProduct',
    metadata: {
      domain,
      name,
      version: '1.0.0',
      title: title(words),
      description: description(rnd, words, domain),
      owner: { team: `${domain}-team-${index % 3}`, email: `${domain}-team-${index % 3}@example.com` },
      tags,
      classification,
      tier,
    },
    spec: {
      inputs: reads.map((product) => ({ product, port: 'main', version: '^1.0.0' })),
      outputs: [
        {
          name: 'main',
          kind: 'table',
          format: 'parquet',
          location: `s3://lake/${domain}/${name}/`,
          contract: 'contracts/main.schema.json',
          sla: { freshness, availability: 99.9 },
        },
      ],
    },
  } as unknown as DataProduct;
  return {
    index,
    id,
    descriptor,
    contracts: { 'contracts/main.schema.json': contract(portFields, rnd) },
    lifecycle: rnd() < 0.08 ? 'deprecated' : 'active',
    governance: (['clean', 'clean', 'clean', 'clean', 'clean', 'clean', 'warning', 'warning', 'waived'] as const)[
      Math.floor(rnd() * 9)
    ],
    ...(rnd() < 0.4 && { freshnessLag: [0.1, 0.1, 0.1, 0.5, 0.9, 1.5][Math.floor(rnd() * 6)] }),
  };
}
