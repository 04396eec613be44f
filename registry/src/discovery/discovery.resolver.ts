import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RegistryError } from '../common/registry-error.js';
import { CatalogService, type PortRow, type ProductRow, type VersionRow } from '../products/catalog.service.js';
import { encodeCursor } from '../products/operations/search-products.js';
import { parsePageSize } from '../products/page-size.js';
import {
  Consumer,
  Contract,
  Domain,
  InputPort,
  MajorLine,
  OutputPort,
  Product,
  ProductConnection,
  ProductVersion,
  SearchFilter,
} from './discovery.types.js';
import type { GraphQLContext } from './loaders.js';

export function toProduct(p: ProductRow): Product {
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
  } as Product;
}

function toVersion(v: VersionRow): ProductVersion {
  return {
    id: `${v.product_id}@${v.version}`,
    rowId: String(v.id),
    version: v.version,
    contentHash: v.content_hash,
    publishedBy: v.published_by,
    publishedAt: new Date(v.published_at).toISOString(),
    descriptor: v.descriptor,
    compatibility: v.compatibility_report,
    governanceReport: v.governance_report,
  } as ProductVersion;
}

function toPort(p: PortRow, version: string): OutputPort {
  return {
    id: `${p.product_id}/${p.name}@${version}`,
    name: p.name,
    kind: p.kind,
    format: p.format,
    location: p.location,
    compatibility: p.compatibility,
    sla: p.sla ?? undefined,
    quality: p.quality,
    contractHash: p.contract_hash,
  } as OutputPort;
}

@Resolver(() => Product)
export class ProductResolver {
  constructor(private readonly catalog: CatalogService) {}

  @Query(() => Product, { nullable: true, description: 'A product by id (<domain>.<product>).' })
  async product(
    @Args('id', { type: () => String }) id: string,
    @Context() ctx: GraphQLContext,
  ): Promise<Product | null> {
    const row = await ctx.loaders.product.load(id);
    return row ? toProduct(row) : null;
  }

  @Query(() => [Domain])
  async domains(): Promise<Domain[]> {
    return (await this.catalog.domains()).map((d) => ({
      name: d.name,
      title: d.title ?? undefined,
      description: d.description,
      owner: { team: d.owner_team, email: d.owner_email },
    }));
  }

  @Query(() => ProductConnection, {
    description:
      'Products matching every word of `query` (names, titles, descriptions, tags, fields), filtered; Relay cursor pagination.',
  })
  async search(
    @Args('query', { nullable: true, type: () => String }) query: string | undefined,
    @Args('filter', { nullable: true, type: () => SearchFilter }) filter: SearchFilter | undefined,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { nullable: true, type: () => String }) after: string | undefined,
  ): Promise<ProductConnection> {
    const page = await this.catalog.search({ query, ...filter }, parsePageSize(first), after);
    return {
      edges: page.nodes.map((p) => ({ cursor: encodeCursor(p.id), node: toProduct(p) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      totalCount: page.totalCount,
    };
  }

  @ResolveField(() => [ProductVersion])
  async versions(@Parent() p: Product, @Context() ctx: GraphQLContext): Promise<ProductVersion[]> {
    return (await ctx.loaders.versions.load(p.id)).map(toVersion);
  }

  @ResolveField(() => ProductVersion, { nullable: true })
  async version(
    @Parent() p: Product,
    @Context() ctx: GraphQLContext,
    @Args('version', { nullable: true, type: () => String }) version?: string,
  ): Promise<ProductVersion | null> {
    const wanted = version ?? p.latestVersion;
    const row = (await ctx.loaders.versions.load(p.id)).find((v) => v.version === wanted);
    if (!row && version) throw new RegistryError('NOT_FOUND', `${p.id}@${version} is not published`);
    return row ? toVersion(row) : null;
  }

  @ResolveField(() => [MajorLine])
  async majorLines(@Parent() p: Product, @Context() ctx: GraphQLContext): Promise<MajorLine[]> {
    return (await ctx.loaders.majorLines.load(p.id)).map((l) => ({
      productId: p.id,
      major: l.major,
      state: l.state,
      sunset: l.sunset ?? undefined,
      reason: l.reason ?? undefined,
    }));
  }

  @ResolveField(() => [Consumer])
  async consumers(@Parent() p: Product, @Context() ctx: GraphQLContext): Promise<Consumer[]> {
    return (await ctx.loaders.consumers.load(p.id)).map((c) => ({
      product: c.product_id,
      port: c.upstream_port,
      versionRange: c.version_range,
    }));
  }
}

@Resolver(() => ProductVersion)
export class ProductVersionResolver {
  @ResolveField(() => [OutputPort])
  async ports(@Parent() v: ProductVersion, @Context() ctx: GraphQLContext): Promise<OutputPort[]> {
    return (await ctx.loaders.ports.load(v.rowId)).map((p) => toPort(p, v.version));
  }

  @ResolveField(() => [InputPort])
  async inputs(@Parent() v: ProductVersion, @Context() ctx: GraphQLContext): Promise<InputPort[]> {
    return (await ctx.loaders.inputs.load(v.rowId)).map((i) => ({
      product: i.upstream_product_id,
      port: i.upstream_port,
      versionRange: i.version_range,
      resolvedVersion: i.resolved_version ?? undefined,
    }));
  }
}

@Resolver(() => OutputPort)
export class OutputPortResolver {
  @ResolveField(() => Contract)
  async contract(@Parent() p: OutputPort, @Context() ctx: GraphQLContext): Promise<Contract> {
    return { hash: p.contractHash, schema: await ctx.loaders.contract.load(p.contractHash) };
  }
}
