import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { MajorLine, ProductVersion } from '../discovery/discovery.types.js';
import { GovernanceReport, LineConsumer, Policy } from './governance.types.js';
import { PolicyService } from './policy.service.js';

type Ctx = { governanceLoaders?: { consumers: DataLoader<string, LineConsumer[]> } };

/** Consumers of many (product, major) lines in one query. */
function consumersLoader(dataSource: DataSource): DataLoader<string, LineConsumer[]> {
  return new DataLoader(async (keys) => {
    const pairs = keys.map((k) => k.split('@'));
    const rows: { upstream: string; major: number; product_id: string; upstream_port: string; version_range: string; resolved_version: string | null; owner_team: string; owner_email: string }[] = await dataSource.query(
      `SELECT d.upstream_product_id AS upstream, split_part(d.resolved_version, '.', 1)::int AS major, d.product_id, d.upstream_port, d.version_range, d.resolved_version, p.owner_team, p.owner_email
         FROM input_dependencies d
         JOIN products p ON p.id = d.product_id
         JOIN product_versions v ON v.id = d.version_id AND v.version = p.latest_version
        WHERE (d.upstream_product_id, split_part(d.resolved_version, '.', 1)::int) IN (SELECT * FROM unnest($1::text[], $2::int[]))
        ORDER BY d.product_id`,
      [pairs.map((p) => p[0]), pairs.map((p) => Number(p[1]))],
    );
    return keys.map((k) => rows.filter((r) => `${r.upstream}@${r.major}` === k).map((r) => ({
      product: r.product_id, port: r.upstream_port, range: r.version_range, resolved: r.resolved_version ?? undefined, ownerTeam: r.owner_team, ownerEmail: r.owner_email,
    })));
  });
}

@Resolver(() => ProductVersion)
export class GovernanceResolver {
  constructor(
    private readonly policies: PolicyService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => [Policy], { name: 'policies', description: 'Governance policies: all, or one scope (global, domain:<name>).' })
  async policiesList(@Args('scope', { type: () => String, nullable: true }) scope?: string): Promise<Policy[]> {
    return (await this.policies.list(scope)) as Policy[];
  }

  @ResolveField(() => GovernanceReport, { nullable: true, description: 'The governance report stored when this version was published.' })
  governance(@Parent() v: ProductVersion): GovernanceReport | null {
    const report = v.governanceReport as GovernanceReport | undefined;
    if (!report?.results) return null;
    return { passed: report.passed, results: report.results.map((r) => ({ ...r, findings: r.findings.map((f) => ({ ...f, advisory: Boolean(f.advisory) })) })) };
  }
}

@Resolver(() => MajorLine)
export class MajorLineResolver {
  constructor(private readonly dataSource: DataSource) {}

  @ResolveField(() => [LineConsumer], { description: 'Products whose latest version still reads this major line.' })
  consumers(@Parent() line: MajorLine, @Context() ctx: Ctx): Promise<LineConsumer[]> {
    ctx.governanceLoaders ??= { consumers: consumersLoader(this.dataSource) };
    return ctx.governanceLoaders.consumers.load(`${line.productId}@${line.major}`);
  }
}
