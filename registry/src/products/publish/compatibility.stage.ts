import semver from 'semver';
import { checkCompatibility, descriptorChanges, judgeBump, maxBump, type Bump, type CompatibilityMode, type CompatibilityReport } from '@dmesh/sdk';
import { loadPortContracts } from '../operations/load-versions.js';
import type { PublishContext, PublishStage, StoredVersionRef } from './publish.types.js';

/**
 * The version a candidate is compared with: the latest of its own major line,
 * or, when it opens a new line, the highest version below it.
 */
export function baseVersion(existing: StoredVersionRef[], candidate: string): { base?: StoredVersionRef; line: StoredVersionRef[] } {
  const below = existing.filter((v) => semver.lt(v.version, candidate));
  const line = below.filter((v) => semver.major(v.version) === semver.major(candidate));
  return { base: line.at(-1) ?? below.at(-1), line };
}

/**
 * Compares each output port's contract with earlier versions under the port's
 * mode (transitive modes: every earlier version of the same major), combines
 * that with the descriptor rules into the required bump, and rejects a
 * breaking change that is not released as a new major. Governance turns the
 * floor and the rule into a policy later; this stage is where it plugs in.
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

  private judge(ctx: PublishContext, from: string): void {
    const to = ctx.bundle.descriptor.metadata.version;
    const verdict = judgeBump(ctx.requiredBump, from, to);
    if (!verdict.ok) {
      ctx.issues.push({ severity: 'error', stage: this.name, code: 'BREAKING_CHANGE_NEEDS_MAJOR', path: '/metadata/version', file: 'dataproduct.yaml', message: verdict.message, fix: verdict.fix });
      for (const [port, report] of Object.entries(ctx.compatibility)) {
        for (const change of (report as { changes: { breaking?: boolean; bump?: string; code: string; path: string; message: string }[] }).changes) {
          if (change.breaking || change.bump === 'major') {
            ctx.issues.push({ severity: 'error', stage: this.name, code: change.code, path: port === 'descriptor' ? change.path : `${port}:${change.path}`, message: change.message });
          }
        }
      }
    } else if (verdict.warning) {
      ctx.issues.push({ severity: 'warning', stage: this.name, code: 'VERSION_BUMP_MISMATCH', path: '/metadata/version', file: 'dataproduct.yaml', message: verdict.warning });
    }
  }
}
