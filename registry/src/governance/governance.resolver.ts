import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager } from 'typeorm';
import { MajorLine, ProductVersion } from '../common/graphql/catalog.types.js';
import { ExternalConsumersService } from '../lineage/external/external-consumers.service.js';
import { ProductsService } from '../products/products.service.js';
import { GovernanceReport, LineConsumer, Policy } from './governance.types.js';
import { PolicyService } from './policy.service.js';

type Ctx = { governanceLoaders?: { consumers: DataLoader<string, LineConsumer[]> } };

/** Consumers of every major line a GraphQL request asks for, in one query. */
function consumersLoader(
  products: ProductsService,
  externals: ExternalConsumersService,
  manager: EntityManager,
): DataLoader<string, LineConsumer[]> {
  return new DataLoader(async (keys) => {
    const lines = keys.map((k) => ({
      productId: k.slice(0, k.lastIndexOf('@')),
      major: Number(k.slice(k.lastIndexOf('@') + 1)),
    }));
    const [byLine, outside] = await Promise.all([
      products.consumersOfMajorLines(lines),
      externals.onMajorLines(manager, lines),
    ]);
    return keys.map((k) =>
      [...(byLine.get(k) ?? []), ...(outside.get(k) ?? [])].map((c) => ({
        ...(c.kind && { kind: c.kind }),
        ...(c.expires && { expires: c.expires }),
        product: c.product,
        port: c.port,
        range: c.range,
        resolved: c.resolved ?? undefined,
        ownerTeam: c.owner.team,
        ownerEmail: c.owner.email,
      })),
    );
  });
}

@Resolver(() => ProductVersion)
export class GovernanceResolver {
  constructor(private readonly policies: PolicyService) {}

  @Query(() => [Policy], {
    name: 'policies',
    description: 'Governance policies: all, or one scope (global, domain:<name>).',
  })
  async policiesList(
    @Args('scope', { type: () => String, nullable: true, description: 'global or domain:<name>; default: all.' })
    scope?: string,
  ): Promise<Policy[]> {
    return (await this.policies.list(scope)) as Policy[];
  }

  @ResolveField(() => GovernanceReport, {
    nullable: true,
    description: 'The governance report stored when this version was published.',
  })
  governance(@Parent() v: ProductVersion): GovernanceReport | null {
    const report = v.governanceReport as GovernanceReport | undefined;
    if (!report?.results) return null;
    return {
      passed: report.passed,
      results: report.results.map((r) => ({
        ...r,
        findings: r.findings.map((f) => ({ ...f, advisory: Boolean(f.advisory) })),
      })),
    };
  }
}

@Resolver(() => MajorLine)
export class MajorLineResolver {
  constructor(
    private readonly products: ProductsService,
    private readonly externals: ExternalConsumersService,
    private readonly dataSource: DataSource,
  ) {}

  @ResolveField(() => [LineConsumer], {
    description:
      'Products whose latest version still reads this major line, then consumers outside the mesh whose range resolves into it (lapsed registrations left out).',
  })
  consumers(@Parent() line: MajorLine, @Context() ctx: Ctx): Promise<LineConsumer[]> {
    ctx.governanceLoaders ??= {
      consumers: consumersLoader(this.products, this.externals, this.dataSource.manager),
    };
    return ctx.governanceLoaders.consumers.load(`${line.productId}@${line.major}`);
  }
}
