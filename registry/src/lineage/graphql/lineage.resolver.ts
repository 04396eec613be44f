import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { JSONScalar } from '../../common/graphql/json.scalar.js';
import { Product } from '../../common/graphql/catalog.types.js';
import { LineageService } from '../lineage.service.js';
import { ExternalConsumersService } from '../external/external-consumers.service.js';
import {
  ExternalConsumer,
  ImpactReport,
  LineageDirectionEnum,
  LineageDrift,
  LineageGraph,
  LineagePaths,
  PortConsumer,
} from './lineage.gql-types.js';

/** Lineage queries; each one line to the service, which checks arguments and maps nothing GraphQL-specific. */
@Resolver()
export class LineageResolver {
  constructor(
    private readonly service: LineageService,
    private readonly externals: ExternalConsumersService,
  ) {}

  @Query(() => [ExternalConsumer], {
    description: 'Consumers outside the mesh (dashboards, ML jobs, notebooks, services), all or of one domain.',
  })
  externalConsumers(
    @Args('domain', { type: () => String, nullable: true, description: 'Only the consumers this domain owns.' })
    domain?: string,
  ): Promise<ExternalConsumer[]> {
    return this.externals.list(domain ? { domain } : {});
  }

  @Query(() => LineageGraph, {
    description:
      'Lineage of a product, breadth-first to `depth` hops within a node budget (default 5000; `truncated` when spent).',
  })
  lineage(
    @Args('id', { type: () => String, description: 'The product, <domain>.<product>.' }) id: string,
    @Args('direction', {
      type: () => LineageDirectionEnum,
      defaultValue: LineageDirectionEnum.BOTH,
      description: 'UPSTREAM, DOWNSTREAM or BOTH.',
    })
    direction: LineageDirectionEnum,
    @Args('depth', { type: () => Int, nullable: true, description: 'Hops to walk at most (default 5).' })
    depth: number | undefined,
    @Args('fieldLevel', { type: () => Boolean, defaultValue: false, description: 'Add field nodes and edges.' })
    fieldLevel: boolean,
    @Args('budget', { type: () => Int, nullable: true, description: 'Nodes to visit at most (default 5000).' })
    budget: number | undefined,
  ): Promise<LineageGraph> {
    return this.service.lineage({
      id,
      direction,
      depth: depth ?? undefined,
      fieldLevel,
      budget: budget ?? undefined,
    }) as Promise<LineageGraph>;
  }

  @Query(() => LineagePaths, { description: 'Downstream paths from one product to another.' })
  paths(
    @Args('from', { type: () => String, description: 'The upstream product.' }) from: string,
    @Args('to', { type: () => String, description: 'The downstream product.' }) to: string,
  ): Promise<LineagePaths> {
    return this.service.paths(from, to);
  }

  @Query(() => [PortConsumer], {
    description:
      'Products and consumers outside the mesh reading a port (<domain>.<product>/<port>), with range, owner and fields read.',
  })
  consumers(
    @Args('port', { type: () => String, description: 'The port, <domain>.<product>/<port>.' }) port: string,
  ): Promise<PortConsumer[]> {
    return this.service.consumers(port);
  }

  @Query(() => ImpactReport, {
    description: 'Consumers a proposed contract for a port would break, directly and through field lineage.',
  })
  impact(
    @Args('port', { type: () => String, description: 'The port, <domain>.<product>/<port>.' }) port: string,
    @Args('schema', { type: () => JSONScalar, description: 'The proposed contract (a JSON Schema document).' })
    schema: unknown,
    @Args('version', {
      type: () => String,
      nullable: true,
      description: 'Default: the next minor of the latest version.',
    })
    version?: string,
    @Args('mode', {
      type: () => String,
      nullable: true,
      description: "A compatibility mode to judge with (default: the port's).",
    })
    mode?: string,
  ): Promise<ImpactReport> {
    return this.service.impact(port, { schema, ...(version && { version }), ...(mode && { mode }) });
  }

  @Query(() => [LineageDrift], {
    description: 'Declared vs observed inputs: of one product, or of every product an OpenLineage event wrote to.',
  })
  lineageDrift(
    @Args('product', { type: () => String, nullable: true, description: 'One product; default: every one written to.' })
    product?: string,
  ): Promise<LineageDrift[]> {
    return this.service.drift(product ?? undefined);
  }
}

/** `Product.lineage` and `Product.drift`, so discovery can open a product's lineage in the same query. */
@Resolver(() => Product)
export class ProductLineageResolver {
  constructor(private readonly service: LineageService) {}

  @ResolveField('lineage', () => LineageGraph, {
    description: 'Upstream and downstream lineage of this product (default budget).',
  })
  productLineage(
    @Parent() p: Product,
    @Args('direction', {
      type: () => LineageDirectionEnum,
      defaultValue: LineageDirectionEnum.BOTH,
      description: 'UPSTREAM, DOWNSTREAM or BOTH.',
    })
    direction: LineageDirectionEnum,
    @Args('depth', { type: () => Int, nullable: true, description: 'Hops to walk at most (default 5).' })
    depth?: number,
  ): Promise<LineageGraph> {
    return this.service.lineage({ id: p.id, direction, depth: depth ?? undefined }) as Promise<LineageGraph>;
  }
}
