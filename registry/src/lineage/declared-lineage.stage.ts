import { Injectable } from '@nestjs/common';
import semver from 'semver';
import { contentHash } from '@dmesh/sdk';
import type { EntityManager } from 'typeorm';
import type { PortImpact } from '../common/impact.types.js';
import { AsPublishStage, type PublishAttempt, type PublishStage, type StageOutcome } from '../publish/publish-stage.js';
import type { PublishIssue } from '../publish/stage-results.js';
import { findLineageCycle, formatCycle } from './cycle.js';
import { LineageService } from './lineage.service.js';

/** A version no real range means to admit: a range that admits it has no upper major bound. */
const FAR_FUTURE = '1000000.0.0';

/**
 * Declared lineage in the publish pipeline: rejects a version whose inputs
 * would close a cycle, warns about input ranges without an upper major bound,
 * and, on a dry-run, reports which consumers the version's breaking contract
 * changes would reach. Its store refreshes the current-lineage tables from the
 * version just stored (products stores the version's inputs and field lineage).
 */
@Injectable()
@AsPublishStage()
export class DeclaredLineageStage implements PublishStage<'lineage'> {
  readonly name = 'lineage';

  constructor(private readonly lineage: LineageService) {}

  async check(attempt: PublishAttempt, tx: EntityManager): Promise<StageOutcome<'lineage'>> {
    const inputs = attempt.bundle.descriptor.spec.inputs ?? [];
    const cycle = await findLineageCycle(tx, attempt.productId, [...new Set(inputs.map((i) => i.product))]);
    const issues: PublishIssue[] = [];
    if (cycle) issues.push(this.cycleIssue(attempt, cycle));
    inputs.forEach((input, i) => {
      if (!unbounded(input.version)) return;
      issues.push({
        severity: 'warning',
        stage: this.name,
        code: 'UNBOUNDED_INPUT_RANGE',
        file: 'dataproduct.yaml',
        path: `/spec/inputs/${i}/version`,
        message: `input ${input.product} range "${input.version}" has no upper major bound: the next breaking major of ${input.product} will reach this product`,
        fix: `pin a major line, e.g. "^${semver.minVersion(input.version)?.version ?? '1.0.0'}"`,
      });
    });
    const impact = attempt.dryRun ? await this.impact(attempt, tx) : undefined;
    return { result: { ...(cycle && { cycle }), ...(impact && { impact }) }, issues };
  }

  async store(attempt: PublishAttempt, tx: EntityManager): Promise<void> {
    await this.lineage.refreshCurrent(tx, attempt.productId);
  }

  private cycleIssue(attempt: PublishAttempt, cycle: string[]): PublishIssue {
    const inputs = attempt.bundle.descriptor.spec.inputs ?? [];
    const index = inputs.findIndex((i) => i.product === cycle[cycle.length - 2]);
    return {
      severity: 'error',
      stage: this.name,
      code: 'LINEAGE_CYCLE',
      file: 'dataproduct.yaml',
      path: `/spec/inputs/${Math.max(index, 0)}/product`,
      message: `reading ${cycle[cycle.length - 2]} would create a lineage cycle: ${formatCycle(cycle)}`,
      fix: `remove this input, or break the cycle upstream (${cycle[1]} must not depend on ${attempt.productId})`,
    };
  }

  /** Per port whose contract changes and that has consumers: who the proposed contract breaks, from their side. */
  private async impact(attempt: PublishAttempt, tx: EntityManager): Promise<Record<string, PortImpact> | undefined> {
    const version = attempt.bundle.descriptor.metadata.version;
    const existing = attempt.result('versions').existing;
    let impact: Record<string, PortImpact> | undefined;
    for (const [port, report] of Object.entries(attempt.result('compatibility').ports)) {
      const against = report.against.at(-1)!;
      const currentHash = existing.find((v) => v.version === against)?.portContracts[port];
      const output = attempt.bundle.descriptor.spec.outputs.find((o) => o.name === port)!;
      const proposed = attempt.bundle.contracts[output.contract];
      if (!currentHash || contentHash(proposed) === currentHash) continue;
      const mode = report.mode;
      const found = await this.lineage.portImpact(tx, {
        ...{ product: attempt.productId, port, against, proposedVersion: version },
        ...{ currentHash, proposed, mode },
      });
      if (!found.consumers.length && !found.unaffected.length) continue;
      const { changes, consumers, unaffected, truncated } = found;
      (impact ??= {})[port] = {
        port: `${attempt.productId}/${port}`,
        proposedVersion: version,
        changes,
        consumers,
        unaffected,
        truncated,
      };
    }
    return impact;
  }
}

function unbounded(range: string): boolean {
  try {
    return semver.satisfies(FAR_FUTURE, range);
  } catch {
    return false;
  }
}
