import { Injectable } from '@nestjs/common';
import { ContractsService } from '../contracts/contracts.service.js';
import { ProductsService } from '../products/products.service.js';
import { majorLineKey, type DomainRecord, type ProductRecord, type VersionRecord } from '../products/products.types.js';
import { toSlaStatus } from '../sla/sla.mapping.js';
import { SlaService } from '../sla/sla.service.js';
import type {
  DomainDto,
  ProductDetailDto,
  ProductSummaryDto,
  VersionDetailDto,
  VersionSummaryDto,
} from './dto/catalog.dto.js';

export function toSummary(p: ProductRecord): ProductSummaryDto {
  const { id, domain, name, title, description, owner, tags, classification, tier, latestVersion } = p;
  return { id, domain, name, title, description, owner, tags, classification, tier, latestVersion };
}

export function toVersionSummary(v: VersionRecord): VersionSummaryDto {
  return {
    version: v.version,
    contentHash: v.contentHash,
    publishedBy: v.publishedBy,
    publishedAt: v.publishedAt.toISOString(),
  };
}

export const toDomain = (d: DomainRecord): DomainDto => d;

/** Assembles REST views of products and versions from the products, contracts and SLA contexts. */
@Injectable()
export class ProductViewService {
  constructor(
    private readonly products: ProductsService,
    private readonly contracts: ContractsService,
    private readonly sla: SlaService,
  ) {}

  async product(id: string): Promise<ProductDetailDto> {
    const product = await this.products.getProduct(id);
    const [versions, lines, consumers] = await Promise.all([
      this.products.versionsByProducts([id]),
      this.products.majorLinesByProducts([id]),
      this.products.consumersByProducts([id]),
    ]);
    const latest = versions.find((v) => v.version === product.latestVersion)!;
    const lineConsumers = await this.products.consumersOfMajorLines(
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
      consumers: consumers.map((c) => ({ product: c.productId, port: c.upstreamPort, versionRange: c.versionRange })),
    };
  }

  async version(id: string, version: string): Promise<VersionDetailDto> {
    return this.versionDetail(await this.products.getVersion(id, version));
  }

  async versions(id: string): Promise<VersionSummaryDto[]> {
    await this.products.getProduct(id);
    return (await this.products.versionsByProducts([id])).map(toVersionSummary);
  }

  private async versionDetail(v: VersionRecord): Promise<VersionDetailDto> {
    const [ports, inputs] = await Promise.all([
      this.products.portsByVersions([v.id]),
      this.products.inputsByVersions([v.id]),
    ]);
    const contracts = await this.contracts.schemasByHashes(ports.map((p) => p.contractHash));
    const sla = await this.sla.statuses(ports.map((p) => ({ productId: v.productId, port: p.name })));
    return {
      ...toVersionSummary(v),
      product: v.productId,
      descriptor: v.descriptor,
      compatibility: v.compatibilityReport,
      governance: v.governanceReport,
      outputs: ports.map((p) => ({
        name: p.name,
        kind: p.kind,
        format: p.format,
        location: p.location,
        compatibility: p.compatibility,
        contractHash: p.contractHash,
        contract: contracts.get(p.contractHash) as Record<string, unknown>,
        ...(p.sla && { sla: p.sla }),
        ...(sla.has(`${v.productId}/${p.name}`) && {
          slaStatus: toSlaStatus(sla.get(`${v.productId}/${p.name}`)!.evaluation),
        }),
      })),
      inputs: inputs.map((i) => ({
        product: i.upstreamProductId,
        port: i.upstreamPort,
        versionRange: i.versionRange,
        ...(i.resolvedVersion && { resolvedVersion: i.resolvedVersion }),
      })),
    };
  }
}
