import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { LifecycleStatus } from '../../common/graphql/catalog.enums.js';
import {
  Consumer,
  Contract,
  Domain,
  InputPort,
  MajorLine,
  OutputPort,
  Product,
  ProductVersion,
} from '../../common/graphql/catalog.types.js';
import { RequestError } from '../../common/registry-error.js';
import type { GraphQLContext } from '../loaders.js';
import { SearchService } from '../search.service.js';
import { toPort, toProduct, toVersion } from './mapping.js';

/** The product, its versions, lines and consumers: every list one batched query per level (DataLoader). */
@Resolver(() => Product)
export class ProductResolver {
  constructor(private readonly searches: SearchService) {}

  @Query(() => Product, { nullable: true, description: 'A product by id (<domain>.<product>); null when unknown.' })
  async product(
    @Args('id', { type: () => String, description: '<domain>.<product>, e.g. sales.orders.' }) id: string,
    @Context() ctx: GraphQLContext,
  ): Promise<Product | null> {
    const [row, card] = await Promise.all([ctx.loaders.product.load(id), ctx.loaders.searchCard.load(id)]);
    return row ? toProduct(row, card) : null;
  }

  @Query(() => [Domain], { description: 'Every domain, by name.' })
  async domains(): Promise<Domain[]> {
    return this.searches.domains();
  }

  @ResolveField(() => [ProductVersion], { description: 'Newest first.' })
  async versions(@Parent() p: Product, @Context() ctx: GraphQLContext): Promise<ProductVersion[]> {
    return (await ctx.loaders.versions.load(p.id)).map(toVersion);
  }

  @ResolveField(() => ProductVersion, { nullable: true, description: 'One version, or the latest when omitted.' })
  async version(
    @Parent() p: Product,
    @Context() ctx: GraphQLContext,
    @Args('version', { nullable: true, type: () => String, description: 'A semver version; default: the latest.' })
    version?: string,
  ): Promise<ProductVersion | null> {
    const wanted = version ?? p.latestVersion;
    const row = (await ctx.loaders.versions.load(p.id)).find((v) => v.version === wanted);
    if (!row && version) throw new RequestError('NOT_FOUND', `${p.id}@${version} is not published`);
    return row ? toVersion(row) : null;
  }

  @ResolveField(() => [MajorLine], { description: 'Its major lines, highest first.' })
  async majorLines(@Parent() p: Product, @Context() ctx: GraphQLContext): Promise<MajorLine[]> {
    return (await ctx.loaders.majorLines.load(p.id)).map((l) => ({
      productId: p.id,
      major: l.major,
      state: l.state as LifecycleStatus,
      sunset: l.sunset ?? undefined,
      reason: l.reason ?? undefined,
    }));
  }

  @ResolveField(() => [Consumer], { description: 'Products whose latest version reads one of its ports.' })
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
  @ResolveField(() => [OutputPort], { description: 'Its output ports, by name.' })
  async ports(@Parent() v: ProductVersion, @Context() ctx: GraphQLContext): Promise<OutputPort[]> {
    return (await ctx.loaders.ports.load(v.rowId)).map((p) => toPort(p, v.version));
  }

  @ResolveField(() => [InputPort], { description: "The other products' ports it reads." })
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
  @ResolveField(() => Contract, { description: 'The JSON Schema contract of this version.' })
  async contract(@Parent() p: OutputPort, @Context() ctx: GraphQLContext): Promise<Contract> {
    return { hash: p.contractHash, schema: await ctx.loaders.contract.load(p.contractHash) };
  }
}
