import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { consumersOfMajorLines, majorLineKey } from '../governance/operations/major-line-consumers.js';
import { SlaService } from '../sla/sla.service.js';
import { toSlaStatus } from '../sla/sla.mapping.js';
import { CatalogService, type DomainRow, type ProductRow, type VersionRow } from './catalog.service.js';
import type {
  DomainDto,
  ProductDetailDto,
  ProductSummaryDto,
  VersionDetailDto,
  VersionSummaryDto,
} from './dto/product.dto.js';

export function toSummary(p: ProductRow): ProductSummaryDto {
  return {
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
  };
}

export function toVersionSummary(v: VersionRow): VersionSummaryDto {
  return {
    version: v.version,
    contentHash: v.content_hash,
    publishedBy: v.published_by,
    publishedAt: new Date(v.published_at).toISOString(),
  };
}

export function toDomain(d: DomainRow): DomainDto {
  return {
    name: d.name,
    ...(d.title && { title: d.title }),
    description: d.description,
    owner: { team: d.owner_team, email: d.owner_email },
  };
}

/** Assembles REST views of products and versions from catalog reads. */
@Injectable()
export class ProductViewService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly dataSource: DataSource,
    @Optional() private readonly sla?: SlaService,
  ) {}

  async product(id: string): Promise<ProductDetailDto> {
    const product = await this.catalog.getProduct(id);
    const [versions, lines, consumers] = await Promise.all([
      this.catalog.versionsByProducts([id]),
      this.catalog.majorLinesByProducts([id]),
      this.catalog.consumersByProducts([id]),
    ]);
    const latest = versions.find((v) => v.version === product.latest_version)!;
    const lineConsumers = await consumersOfMajorLines(
      this.dataSource.manager,
      lines.map((l) => ({ productId: id, major: l.major })),
    );
    return {
      ...toSummary(product),
      versions: versions.map(toVersionSummary),
      majorLines: lines.map((l) => ({
        major: l.major,
        state: l.state,
        ...(l.sunset && { sunset: l.sunset }),
        ...(l.reason && { reason: l.reason }),
        consumers: (lineConsumers.get(majorLineKey(id, l.major)) ?? []).map((c) => c.product),
      })),
      latest: await this.versionDetail(latest),
      consumers: consumers.map((c) => ({
        product: c.product_id,
        port: c.upstream_port,
        versionRange: c.version_range,
      })),
    };
  }

  async version(id: string, version: string): Promise<VersionDetailDto> {
    return this.versionDetail(await this.catalog.getVersion(id, version));
  }

  async versions(id: string): Promise<VersionSummaryDto[]> {
    await this.catalog.getProduct(id);
    return (await this.catalog.versionsByProducts([id])).map(toVersionSummary);
  }

  private async versionDetail(v: VersionRow): Promise<VersionDetailDto> {
    const [ports, inputs] = await Promise.all([
      this.catalog.portsByVersions([v.id]),
      this.catalog.inputsByVersions([v.id]),
    ]);
    const contracts = new Map(
      (await this.catalog.contractsByHashes(ports.map((p) => p.contract_hash))).map((c) => [c.hash, c.schema]),
    );
    const sla = await this.sla?.statuses(ports.map((p) => ({ productId: v.product_id, port: p.name })));
    return {
      ...toVersionSummary(v),
      product: v.product_id,
      descriptor: v.descriptor,
      compatibility: v.compatibility_report,
      governance: v.governance_report,
      outputs: ports.map((p) => ({
        name: p.name,
        kind: p.kind,
        format: p.format,
        location: p.location,
        compatibility: p.compatibility,
        contractHash: p.contract_hash,
        contract: contracts.get(p.contract_hash) as Record<string, unknown>,
        ...(p.sla && { sla: p.sla }),
        ...(sla?.has(`${v.product_id}/${p.name}`) && {
          slaStatus: toSlaStatus(sla.get(`${v.product_id}/${p.name}`)!.evaluation),
        }),
      })),
      inputs: inputs.map((i) => ({
        product: i.upstream_product_id,
        port: i.upstream_port,
        versionRange: i.version_range,
        ...(i.resolved_version && { resolvedVersion: i.resolved_version }),
      })),
    };
  }
}
