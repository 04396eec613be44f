import semver from 'semver';
import {
  checkCompatibility,
  descriptorChanges,
  judgeBump,
  maxBump,
  type Bump,
  type CompatibilityMode,
  type CompatibilityReport,
} from '@dmesh/sdk';
import { loadPortContracts } from '../operations/load-versions.js';
import type { PublishContext, PublishStage, StoredVersionRef } from './publish.types.js';

/**
 * The version a candidate is compared with: the latest of its own major line,
 * or, when it opens a new line, the highest version below it.
 */
export function baseVersion(
  existing: StoredVersionRef[],
  candidate: string,
): { base?: StoredVersionRef; line: StoredVersionRef[] } {
  const below = existing.filter((v) => semver.lt(v.version, candidate));
  const line = below.filter((v) => semver.major(v.version) === semver.major(candidate));
  return { base: line.at(-1) ?? below.at(-1), line };
}

/**
 * Compares each output port's contract with earlier versions under the port's
 * mode (transitive modes: every earlier version of the same major), combines
 * that with the descriptor rules into the required bump, and records the
 * verdict on the version's bump. The `compatibility` policy judges it (floor
 * and breaking-needs-major), so governance can tighten or waive it.
 */
export class CompatibilityStage implements PublishStage {
  readonly name = 'compatibility';

  async run(ctx: PublishContext): Promise<void> {
    const next = ctx.bundle.descriptor;
    const { base, line } = baseVersion(ctx.existing, next.metadata.version);
    if (!base) return;
    const contracts = await loadPortContracts(ctx.manager, [...new Set([base.id, ...line.map((v) => v.id)])]);
    let bump: Bump = 'none';
    for (const port of next.spec.outputs) {
      const mode = (port.compatibility ?? 'BACKWARD') as CompatibilityMode;
      const transitive = mode.endsWith('_TRANSITIVE') && line.length > 0;
      const earlier = (transitive ? line : [base]).filter((v) => contracts.get(v.id)?.has(port.name));
      if (!earlier.length) continue;
      const report: CompatibilityReport = checkCompatibility(
        earlier.map((v) => contracts.get(v.id)!.get(port.name)),
        ctx.bundle.contracts[port.contract],
        mode,
        { labels: { previous: earlier.map((v) => v.version), next: next.metadata.version } },
      );
      ctx.compatibility[port.name] = { against: earlier.map((v) => v.version), ...report };
      bump = maxBump(bump, report.requiredBump);
    }
    const changes = descriptorChanges(base.descriptor, next);
    if (changes.length) ctx.compatibility['descriptor'] = { against: [base.version], changes };
    ctx.requiredBump = maxBump(bump, ...changes.map((c) => c.bump));
    this.judge(ctx, base.version);
  }

  /** Records the verdict on the bump; the `compatibility` policy decides whether it blocks. */
  private judge(ctx: PublishContext, from: string): void {
    const breaking = Object.entries(ctx.compatibility).flatMap(([port, report]) =>
      (
        report as { changes: { breaking?: boolean; bump?: string; code: string; path: string; message: string }[] }
      ).changes
        .filter((c) => c.breaking || c.bump === 'major')
        .map((c) => ({
          port,
          code: c.code,
          path: port === 'descriptor' ? c.path : `${port}:${c.path}`,
          message: c.message,
        })),
    );
    ctx.bump = {
      base: from,
      verdict: judgeBump(ctx.requiredBump, from, ctx.bundle.descriptor.metadata.version),
      breaking,
    };
  }
}
