import type { Classification, CompatibilityMode, PortKind, Tier } from '../../common/graphql/catalog.enums.js';
import type { OutputPort, Product, ProductVersion } from '../../common/graphql/catalog.types.js';
import { toCompatibilityReport, toQualityRule } from '../../common/graphql/report.types.js';
import type { PortRecord, ProductRecord, VersionRecord } from '../../products/products.types.js';
import type { SearchCard } from '../operations/search-cards.js';
import type { SearchRecord } from '../search/search-request.js';

/** A product object; from search it already carries what search knows (status, SLA status, consumers). */
export type ProductNode = Product & { card?: SearchCard };

export function toProduct(p: ProductRecord | SearchRecord): ProductNode {
  const { id, domain, name, title, description, owner, tags, latestVersion } = p;
  const node = {
    id,
    domain,
    name,
    title,
    description,
    owner,
    tags,
    latestVersion,
    classification: p.classification as Classification,
    tier: p.tier as Tier,
  } as ProductNode;
  if ('status' in p) node.card = { status: p.status, slaStatus: p.slaStatus, consumers: p.consumers };
  return node;
}

export function toVersion(v: VersionRecord): ProductVersion {
  return {
    id: `${v.productId}@${v.version}`,
    rowId: v.id,
    version: v.version,
    contentHash: v.contentHash,
    publishedBy: v.publishedBy,
    publishedAt: v.publishedAt.toISOString(),
    descriptor: v.descriptor,
    compatibility: toCompatibilityReport(v.compatibilityReport),
    governanceReport: v.governanceReport,
  } as ProductVersion;
}

export function toPort(p: PortRecord, version: string): OutputPort {
  return {
    id: `${p.productId}/${p.name}@${version}`,
    name: p.name,
    kind: p.kind as PortKind,
    format: p.format,
    location: p.location,
    compatibility: p.compatibility as CompatibilityMode,
    sla: p.sla ?? undefined,
    quality: (p.quality as Record<string, unknown>[]).map(toQualityRule),
    contractHash: p.contractHash,
  } as OutputPort;
}
