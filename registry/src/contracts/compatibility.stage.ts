import { Injectable } from '@nestjs/common';
import semver from 'semver';
import type { EntityManager } from 'typeorm';
import {
  descriptorChanges,
  judgeBump,
  maxBump,
  type CompatibilityMode,
  type DataProduct,
  type OutputPort,
} from '@dmesh/sdk';
import { CpuPool } from '../common/cpu/cpu-pool.js';
import { exceedsNodes } from '../common/cpu/json-size.js';
import { AsPublishStage, type PublishAttempt, type PublishStage, type StageOutcome } from '../publish/publish-stage.js';
import type {
  BreakingChange,
  CompatibilityResult,
  PortCompatibility,
  StoredVersionRef,
} from '../publish/stage-results.js';
import { ContractsService } from './contracts.service.js';

/**
 * The version a candidate is compared with: the latest of its own major line,
 * or, when it opens a new line, the highest version below it.
 */
export function baseVersion(
  existing: readonly StoredVersionRef[],
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
 * verdict on the bump. The `compatibility` policy judges it (floor and
 * breaking-needs-major), so governance can tighten or waive it.
 */
@Injectable()
@AsPublishStage()
export class CompatibilityStage implements PublishStage<'compatibility'> {
  readonly name = 'compatibility';

  constructor(
    private readonly contracts: ContractsService,
    private readonly cpu: CpuPool,
  ) {}

  async check(attempt: PublishAttempt, tx: EntityManager): Promise<StageOutcome<'compatibility'>> {
    const next = attempt.bundle.descriptor;
    const { base, line } = baseVersion(attempt.result('versions').existing, next.metadata.version);
    if (!base) return { result: { ports: {}, requiredBump: 'none' } };
    const earlierVersions = [...new Set([base, ...line])];
    const schemas = await this.contracts.schemasByHashes(
      earlierVersions.flatMap((v) => Object.values(v.portContracts)),
      tx,
    );
    const ports: Record<string, PortCompatibility> = {};
    for (const port of next.spec.outputs) {
      const report = await this.comparePort(port, attempt, { base, line }, schemas);
      if (report) ports[port.name] = report;
    }
    const changes = descriptorChanges(base.descriptor, next);
    const requiredBump = maxBump(...Object.values(ports).map((r) => r.requiredBump), ...changes.map((c) => c.bump));
    const result: CompatibilityResult = {
      ports,
      ...(changes.length && { descriptor: { against: [base.version], changes } }),
      requiredBump,
    };
    return { result: { ...result, bump: judge(result, base.version, next) } };
  }

  /** Large contracts are compared on a worker thread, so the event loop keeps answering meanwhile. */
  private async comparePort(
    port: OutputPort,
    attempt: PublishAttempt,
    earlier: { base: StoredVersionRef; line: StoredVersionRef[] },
    schemas: Map<string, unknown>,
  ): Promise<PortCompatibility | undefined> {
    const mode = (port.compatibility ?? 'BACKWARD') as CompatibilityMode;
    const transitive = mode.endsWith('_TRANSITIVE') && earlier.line.length > 0;
    const against = (transitive ? earlier.line : [earlier.base]).filter((v) => v.portContracts[port.name]);
    if (!against.length) return undefined;
    const next = attempt.bundle.contracts[port.contract];
    const report = await this.cpu.run(
      'compatibility',
      [
        against.map((v) => schemas.get(v.portContracts[port.name])),
        next,
        mode,
        { labels: { previous: against.map((v) => v.version), next: attempt.bundle.descriptor.metadata.version } },
      ],
      exceedsNodes(next),
    );
    return { against: against.map((v) => v.version), ...report };
  }
}

/** The verdict on the bump; the `compatibility` policy decides whether it blocks. */
function judge(result: CompatibilityResult, from: string, next: DataProduct): CompatibilityResult['bump'] {
  const breaking: BreakingChange[] = [];
  for (const [port, report] of Object.entries(result.ports))
    for (const c of report.changes)
      if (c.breaking) breaking.push({ port, code: c.code, path: `${port}:${c.path}`, message: c.message });
  for (const c of result.descriptor?.changes ?? [])
    if (c.bump === 'major') breaking.push({ port: 'descriptor', code: c.code, path: c.path, message: c.message });
  return { base: from, verdict: judgeBump(result.requiredBump, from, next.metadata.version), breaking };
}
