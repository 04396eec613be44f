import semver from 'semver';
import type { CompatibilityChange } from '@dmesh/sdk';
import type { PublishContext, PublishStage } from '../products/publish/publish.types.js';
import { findLineageCycle, formatCycle } from './cycle.js';
import { consumerImpact } from './impact.js';

/** A version no real range means to admit: a range that admits it has no upper major bound. */
const FAR_FUTURE = '1000000.0.0';

/**
 * Declared lineage in the publish pipeline. The edges themselves are written
 * by the store step (input_dependencies with the resolved upstream version,
 * field_lineage), which then refreshes the current-lineage tables. This stage
 * rejects a version whose inputs would close a cycle, warns about input
 * ranges without an upper major bound, and, on a dry-run, reports which
 * consumers the version's breaking contract changes would reach.
 */
export class DeclaredLineageStage implements PublishStage {
  readonly name = 'lineage';

  async run(ctx: PublishContext): Promise<void> {
    const inputs = ctx.bundle.descriptor.spec.inputs ?? [];
    const cycle = await findLineageCycle(ctx.manager, ctx.productId, [...new Set(inputs.map((i) => i.product))]);
    if (cycle) {
      (ctx as PublishContext & { cycle?: string[] }).cycle = cycle; // governance reads it (issue 5)
      const index = inputs.findIndex((i) => i.product === cycle[cycle.length - 2]);
      ctx.issues.push({
        severity: 'error',
        stage: this.name,
        code: 'LINEAGE_CYCLE',
        file: 'dataproduct.yaml',
        path: `/spec/inputs/${Math.max(index, 0)}/product`,
        message: `reading ${cycle[cycle.length - 2]} would create a lineage cycle: ${formatCycle(cycle)}`,
        fix: `remove this input, or break the cycle upstream (${cycle[1]} must not depend on ${ctx.productId})`,
      });
    }
    inputs.forEach((input, i) => {
      if (unbounded(input.version)) {
        ctx.issues.push({
          severity: 'warning',
          stage: this.name,
          code: 'UNBOUNDED_INPUT_RANGE',
          file: 'dataproduct.yaml',
          path: `/spec/inputs/${i}/version`,
          message: `input ${input.product} range "${input.version}" has no upper major bound: the next breaking major of ${input.product} will reach this product`,
          fix: `pin a major line, e.g. "^${semver.minVersion(input.version)?.version ?? '1.0.0'}"`,
        });
      }
    });
    if (ctx.dryRun) await this.impact(ctx);
  }

  private async impact(ctx: PublishContext): Promise<void> {
    const version = ctx.bundle.descriptor.metadata.version;
    for (const [port, report] of Object.entries(ctx.compatibility)) {
      const changes = (report as { changes?: CompatibilityChange[] }).changes ?? [];
      if (port === 'descriptor' || !changes.some((c) => c.breaking)) continue;
      const impact = await consumerImpact(ctx.manager, ctx.productId, port, version, changes);
      (ctx.impact ??= {})[port] = { port: `${ctx.productId}/${port}`, proposedVersion: version, ...impact };
    }
  }
}

function unbounded(range: string): boolean {
  try {
    return semver.satisfies(FAR_FUTURE, range);
  } catch {
    return false;
  }
}
