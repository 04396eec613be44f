import { Injectable } from '@nestjs/common';
import { effectivePolicies, evaluatePolicies, type GovernanceReport, type PolicyContext } from '@dmesh/sdk';
import type { EntityManager } from 'typeorm';
import { AsPublishStage, type PublishAttempt, type PublishStage, type StageOutcome } from '../publish/publish-stage.js';
import type { PublishIssue } from '../publish/stage-results.js';
import { governanceInputs } from './operations/policies.js';

/** The context policies see, from what the earlier stages resolved. */
export function policyContext(attempt: PublishAttempt): PolicyContext {
  const { cycle } = attempt.result('lineage');
  const { bump, requiredBump } = attempt.result('compatibility');
  return {
    descriptor: attempt.bundle.descriptor,
    contracts: attempt.bundle.contracts,
    offline: false,
    upstreams: [...attempt.result('inputs').upstreams],
    ...(cycle && { cycle }),
    ...(bump && { compatibility: { requiredBump, base: bump.base, verdict: bump.verdict, breaking: bump.breaking } }),
  };
}

/**
 * Evaluates the effective policies (global ∪ the product's domain) with the
 * SDK's evaluator — the same function `dmesh validate --offline` runs — and
 * turns failed `error` policies into publish errors. The report is stored with
 * the version and returned by dry-runs.
 */
@Injectable()
@AsPublishStage()
export class GovernanceStage implements PublishStage<'governance'> {
  readonly name = 'governance';

  async check(attempt: PublishAttempt, tx: EntityManager): Promise<StageOutcome<'governance'>> {
    const domain = attempt.bundle.descriptor.metadata.domain;
    const { policies, waivers } = await governanceInputs(tx, domain, attempt.productId);
    const report = evaluatePolicies(
      effectivePolicies(policies, domain),
      policyContext(attempt),
      waivers,
      attempt.now.toISOString().slice(0, 10),
    );
    return { result: { report }, issues: this.issues(report) };
  }

  /** Failed and warning policies as publish issues; a failed error policy's findings block unless advisory. */
  private issues(report: GovernanceReport): PublishIssue[] {
    const issues: PublishIssue[] = [];
    for (const result of report.results) {
      if (result.status !== 'failed' && result.status !== 'warning') continue;
      for (const finding of result.findings) {
        const blocking = result.status === 'failed' && !finding.advisory;
        issues.push({
          severity: blocking ? 'error' : 'warning',
          stage: this.name,
          code: finding.code ?? `POLICY_${result.policy.toUpperCase().replace(/-/g, '_')}`,
          ...(finding.path !== undefined && { path: finding.path }),
          message: `[${result.policy}] ${finding.message}`,
          ...(finding.fix && { fix: finding.fix }),
        });
      }
    }
    return issues;
  }
}
