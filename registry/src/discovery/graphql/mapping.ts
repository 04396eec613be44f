import type {
  Classification,
  CompatibilityMode,
  LifecycleStatus,
  PortKind,
  SlaStatusValue,
  Tier,
} from '../../common/graphql/catalog.enums.js';
import type { OutputPort, Product, ProductVersion } from '../../common/graphql/catalog.types.js';
import { toCompatibilityReport, toQualityRule } from '../../common/graphql/report.types.js';
import type { PortRecord, ProductRecord, VersionRecord } from '../../products/products.types.js';
import type { SearchCard } from '../operations/search-cards.js';
import type { SearchRecord } from '../search/search-request.js';

/** A product object with what search knows of it (lifecycle, SLA status now, consumers): from search, or `card`. */
export function toProduct(p: ProductRecord | SearchRecord, card?: SearchCard): Product {
  const known = 'status' in p ? { status: p.status, slaStatus: p.slaStatus, consumers: p.consumers } : card;
  const { id, domain, name, title, description, owner, tags, latestVersion } = p;
  return {
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
    status: (known?.status ?? 'active') as LifecycleStatus,
    slaStatus: (known?.slaStatus ?? 'unknown') as SlaStatusValue,
    consumerCount: known?.consumers ?? 0,
  } as Product;
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
