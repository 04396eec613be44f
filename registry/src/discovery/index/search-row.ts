import { listFields, type SlaChange } from '@dmesh/sdk';
import type { PortRecord, ProductRecord, VersionRecord } from '../../products/products.types.js';
import { productSlaTimeline } from './sla-masks.js';

/** What the index knows of one product, gathered from products, contracts and SLA in the writing transaction. */
export interface IndexInput {
  product: ProductRecord;
  /** The product's latest version. */
  version: VersionRecord;
  /** Its output ports. */
  ports: PortRecord[];
  contracts: ReadonlyMap<string, unknown>;
  /** State of the latest version's major line. */
  status: 'active' | 'deprecated' | 'retired';
  consumers: number;
  /** Status timeline of each port, by port name. */
  timelines: ReadonlyMap<string, SlaChange[]>;
}

export type Governance = 'clean' | 'warning' | 'waived';

/**
 * One product's rows: search_products (quality is a generated column) and
 * search_documents. a..d are the texts of the document's weights (A name,
 * B tags, C description, D fields); `names` the port and field names the
 * match vector has besides a..c.
 */
export interface SearchRow {
  product_id: string;
  domain: string;
  name: string;
  title: string;
  description: string;
  owner_team: string;
  owner_email: string;
  tags: string[];
  classification: string;
  tier: string;
  latest_version: string;
  status: IndexInput['status'];
  published_at: string;
  consumers: number;
  governance: Governance;
  sla_at: string[];
  sla_masks: number[];
  words: string[];
  a: string;
  b: string;
  c: string;
  d: string;
  names: string;
}

export interface SearchFieldRow {
  product_id: string;
  port: string;
  path: string;
  name: string;
  lpath: string;
  type: string | null;
  required: boolean;
  classification: string | null;
  description: string | null;
}

/** Waived when a policy was waived, warning when one warned (or failed as a warning), else clean. */
export function governanceOf(report: unknown): Governance {
  const statuses = ((report as { results?: { status?: string }[] })?.results ?? []).map((r) => r.status);
  if (statuses.includes('waived')) return 'waived';
  return statuses.some((s) => s === 'warning' || s === 'failed') ? 'warning' : 'clean';
}

/** Words people type (lower case, 2+ letters): name, title, tags, domain, ports, field names whole and in parts. */
export function searchWords(texts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    const lower = text.toLowerCase();
    if (/^[\p{L}\p{N}_.-]+$/u.test(lower) && lower.length > 1) words.add(lower);
    for (const w of lower.split(/[^\p{L}\p{N}]+/u)) if (w.length > 1) words.add(w);
  }
  return [...words].sort();
}

/** The fields of every port of the latest version, as field search lists them. */
export function fieldRows(input: IndexInput): SearchFieldRow[] {
  return input.ports.flatMap((port) =>
    listFields(input.contracts.get(port.contractHash)).map((f) => ({
      product_id: input.product.id,
      port: port.name,
      path: f.path,
      name: f.path.slice(f.path.lastIndexOf('.') + 1).toLowerCase(),
      lpath: f.path.toLowerCase(),
      type: f.type ?? null,
      required: f.required ?? false,
      classification: f.classification ?? null,
      description: f.description ?? null,
    })),
  );
}

export function searchRow(input: IndexInput, fields: readonly SearchFieldRow[]): SearchRow {
  const { product: p, version: v } = input;
  const governance = governanceOf(v.governanceReport);
  const sla = productSlaTimeline(input.ports.map((port) => input.timelines.get(port.name) ?? []));
  const portNames = input.ports.map((port) => port.name);
  const fieldText = fields.map((f) => `${f.path} ${f.description ?? ''}`);
  return {
    product_id: p.id,
    domain: p.domain,
    name: p.name,
    title: p.title,
    description: p.description,
    owner_team: p.owner.team,
    owner_email: p.owner.email,
    tags: p.tags,
    classification: p.classification,
    tier: p.tier,
    latest_version: p.latestVersion,
    status: input.status,
    published_at: v.publishedAt.toISOString(),
    consumers: input.consumers,
    governance,
    sla_at: sla.at,
    sla_masks: sla.masks,
    words: searchWords([p.name, p.title, p.domain, ...p.tags, ...portNames, ...fields.map((f) => f.path)]),
    a: `${p.id} ${p.name} ${p.title}`,
    b: `${p.domain} ${p.tags.join(' ')}`,
    c: p.description,
    d: [...portNames, ...fieldText].join(' '),
    names: [...portNames, ...fields.map((f) => f.path)].join(' '),
  };
}
