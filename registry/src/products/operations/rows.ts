import type {
  DomainRecord,
  InputRecord,
  MajorLineRecord,
  PortRecord,
  ProductRecord,
  VersionRecord,
} from '../products.types.js';

// One row type per table this context owns, as its queries return them (raw SQL,
// snake_case columns; bigint ids come back as strings). Only products/ reads or writes these tables.

export interface DomainRow {
  name: string;
  title: string | null;
  description: string;
  owner_team: string;
  owner_email: string;
}

export interface ProductRow {
  id: string;
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
  created_at: Date;
  updated_at: Date;
}

export interface VersionRow {
  id: string;
  product_id: string;
  version: string;
  major: number;
  content_hash: string;
  descriptor: Record<string, unknown>;
  compatibility_report: Record<string, unknown>;
  governance_report: Record<string, unknown>;
  published_by: string;
  published_at: Date;
}

export interface PortRow {
  id: string;
  version_id: string;
  product_id: string;
  name: string;
  kind: string;
  format: string;
  location: string;
  contract_hash: string;
  contract_path: string;
  compatibility: string;
  sla: Record<string, unknown> | null;
  quality: unknown[];
}

/** input_dependencies: what one version reads, with the upstream version its range resolved to. */
export interface InputRow {
  version_id: string;
  product_id: string;
  upstream_product_id: string;
  upstream_port: string;
  version_range: string;
  resolved_version: string | null;
}

export interface MajorLineRow {
  product_id: string;
  major: number;
  state: 'active' | 'deprecated' | 'retired';
  sunset: string | null;
  reason: string | null;
}

/** field_lineage: output field ← upstream field, as one version declares it. */
export interface FieldLineageRow {
  version_id: string;
  product_id: string;
  port: string;
  field: string;
  upstream_product_id: string;
  upstream_port: string;
  upstream_field: string;
}

// Rows → the records ProductsService returns.

export const toDomain = (d: DomainRow): DomainRecord => ({
  name: d.name,
  ...(d.title && { title: d.title }),
  description: d.description,
  owner: { team: d.owner_team, email: d.owner_email },
});

export const toProduct = (p: ProductRow): ProductRecord => ({
  id: p.id,
  domain: p.domain,
  name: p.name,
  title: p.title,
  description: p.description,
  owner: { team: p.owner_team, email: p.owner_email },
  tags: p.tags,
  classification: p.classification,
  tier: p.tier,
  latestVersion: p.latest_version,
});

export const toVersion = (v: VersionRow): VersionRecord => ({
  id: String(v.id),
  productId: v.product_id,
  version: v.version,
  major: v.major,
  contentHash: v.content_hash,
  descriptor: v.descriptor,
  compatibilityReport: v.compatibility_report,
  governanceReport: v.governance_report,
  publishedBy: v.published_by,
  publishedAt: new Date(v.published_at),
});

export const toPort = (p: PortRow): PortRecord => ({
  id: String(p.id),
  versionId: String(p.version_id),
  productId: p.product_id,
  name: p.name,
  kind: p.kind,
  format: p.format,
  location: p.location,
  contractHash: p.contract_hash,
  compatibility: p.compatibility,
  sla: p.sla,
  quality: p.quality,
});

export const toInput = (i: InputRow): InputRecord => ({
  versionId: String(i.version_id),
  productId: i.product_id,
  upstreamProductId: i.upstream_product_id,
  upstreamPort: i.upstream_port,
  versionRange: i.version_range,
  resolvedVersion: i.resolved_version,
});

export const toMajorLine = (l: MajorLineRow): MajorLineRecord => ({
  productId: l.product_id,
  major: l.major,
  state: l.state,
  sunset: l.sunset,
  reason: l.reason,
});
