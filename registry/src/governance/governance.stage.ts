import { effectivePolicies, evaluatePolicies, type PolicyContext } from '@dmesh/sdk';
import type { PublishContext, PublishStage } from '../products/publish/publish.types.js';
import { effectivePoliciesFor, waiversFor } from './operations/policies.js';

/** The context policies see, from what the earlier stages resolved. */
export function policyContext(ctx: PublishContext): PolicyContext {
  return {
    descriptor: ctx.bundle.descriptor,
    contracts: ctx.bundle.contracts,
    offline: false,
    upstreams: ctx.upstreams,
    ...(ctx.cycle && { cycle: ctx.cycle }),
    ...(ctx.bump && {
      compatibility: {
        requiredBump: ctx.requiredBump,
        base: ctx.bump.base,
        verdict: ctx.bump.verdict,
        breaking: ctx.bump.breaking,
      },
    }),
  };
}

/**
 * Evaluates the effective policies (global ∪ the product's domain) with the
 * SDK's evaluator — the same function `dmesh validate --offline` runs — and
 * turns failed `error` policies into publish errors. The report is stored with
 * the version and returned by dry-runs.
 */
export class GovernanceStage implements PublishStage {
  readonly name = 'governance';

  async run(ctx: PublishContext): Promise<void> {
    const domain = ctx.bundle.descriptor.metadata.domain;
    const [policies, waivers] = await Promise.all([
      effectivePoliciesFor(ctx.manager, domain),
      waiversFor(ctx.manager, ctx.productId),
    ]);
    const report = evaluatePolicies(
      effectivePolicies(policies, domain),
      policyContext(ctx),
      waivers,
      ctx.now.toISOString().slice(0, 10),
    );
    ctx.governance = report;
    for (const result of report.results) {
      if (result.status !== 'failed' && result.status !== 'warning') continue;
      for (const finding of result.findings) {
        const blocking = result.status === 'failed' && !finding.advisory;
        ctx.issues.push({
          severity: blocking ? 'error' : 'warning',
          stage: this.name,
          code: finding.code ?? `POLICY_${result.policy.toUpperCase().replace(/-/g, '_')}`,
          ...(finding.path !== undefined && { path: finding.path }),
          message: `[${result.policy}] ${finding.message}`,
          ...(finding.fix && { fix: finding.fix }),
        });
      }
    }
  }
}
