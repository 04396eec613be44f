import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Consumer,
  Contract,
  Domain,
  InputPort,
  MajorLine,
  OutputPort,
  Product,
  ProductVersion,
} from '../common/graphql/catalog.types.js';
import { parsePageSize } from '../common/pagination.js';
import { RequestError } from '../common/registry-error.js';
import { productCursor, type PortRecord, type ProductRecord, type VersionRecord } from '../products/products.types.js';
import { ProductConnection, SearchFilter } from './discovery.types.js';
import type { GraphQLContext } from './loaders.js';
import { SearchService } from './search.service.js';

export function toProduct(p: ProductRecord): Product {
  const { id, domain, name, title, description, owner, tags, classification, tier, latestVersion } = p;
  return { id, domain, name, title, description, owner, tags, classification, tier, latestVersion } as Product;
}

function toVersion(v: VersionRecord): ProductVersion {
  return {
    id: `${v.productId}@${v.version}`,
    rowId: v.id,
    version: v.version,
    contentHash: v.contentHash,
    publishedBy: v.publishedBy,
    publishedAt: v.publishedAt.toISOString(),
    descriptor: v.descriptor,
    compatibility: v.compatibilityReport,
    governanceReport: v.governanceReport,
  } as ProductVersion;
}

function toPort(p: PortRecord, version: string): OutputPort {
  return {
    id: `${p.productId}/${p.name}@${version}`,
    name: p.name,
    kind: p.kind,
    format: p.format,
    location: p.location,
    compatibility: p.compatibility,
    sla: p.sla ?? undefined,
    quality: p.quality,
    contractHash: p.contractHash,
  } as OutputPort;
}

@Resolver(() => Product)
export class ProductResolver {
  constructor(private readonly searches: SearchService) {}

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
    return this.searches.domains();
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
    const page = await this.searches.search({ query, ...filter }, parsePageSize(first), after);
    return {
      edges: page.nodes.map((p) => ({ cursor: productCursor(p.id), node: toProduct(p) })),
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
    if (!row && version) throw new RequestError('NOT_FOUND', `${p.id}@${version} is not published`);
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
      product: c.productId,
      port: c.upstreamPort,
      versionRange: c.versionRange,
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
      product: i.upstreamProductId,
      port: i.upstreamPort,
      versionRange: i.versionRange,
      resolvedVersion: i.resolvedVersion ?? undefined,
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
