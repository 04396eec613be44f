import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/auth.service.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { CpuPool } from '../common/cpu/cpu-pool.js';
import { exceedsNodes } from '../common/cpu/json-size.js';
import { acceptedResult, attemptResults, rejection, type PublishResult } from './publish-result.js';
import { parsePublishRequest, type ParsedRequest, type PublishRequest } from './publish-request.js';
import { AsPublishStage, type PublishAttempt, type PublishStage } from './publish-stage.js';
import { STAGE_ORDER, type PublishIssue, type StageResults } from './stage-results.js';

/**
 * The one publish path for the CLI, REST and the demo seeder. It only orders
 * the stages the contexts register (STAGE_ORDER), holds the transaction and
 * the per-product lock, and audits the outcome once: accepted inside the
 * transaction, refused after its rollback. A dry-run runs every check and
 * stores nothing.
 */
@Injectable()
export class PublishPipeline implements OnModuleInit {
  private stages: PublishStage[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly discovery: DiscoveryService,
    private readonly cpu: CpuPool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Finds the registered stages and puts them in order; a missing or doubled stage stops the start. */
  onModuleInit(): void {
    const found = this.discovery
      .getProviders({ metadataKey: AsPublishStage.KEY })
      .map((w) => w.instance as PublishStage)
      .filter(Boolean);
    this.stages = STAGE_ORDER.map((name) => {
      const matches = found.filter((s) => s.name === name);
      if (matches.length !== 1) throw new Error(`publish stage "${name}" is registered ${matches.length} times`);
      return matches[0];
    });
  }

  async publish(productId: string, request: PublishRequest, principal: Principal, dryRun = false) {
    const attempt = { actor: principal.name, action: 'publish', subject: productId };
    const run = async () => {
      // Large contracts are compiled and hashed on a worker thread; small ones cost less inline.
      const parsed = await parsePublishRequest(productId, request, principal, (bundle) =>
        this.cpu.run('checkBundle', [bundle], exceedsNodes(bundle.contracts)),
      );
      return this.dataSource.transaction((tx) => this.run(productId, parsed, principal, dryRun, tx));
    };
    return dryRun ? run() : this.audit.recordRefusal(attempt, run);
  }

  private async run(
    productId: string,
    parsed: ParsedRequest,
    principal: Principal,
    dryRun: boolean,
    tx: EntityManager,
  ): Promise<PublishResult> {
    // Publishes of one product are serialised by the database, whichever replica serves them.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [productId]);
    const results: Partial<StageResults> = {};
    const attempt: PublishAttempt = {
      productId,
      principal,
      dryRun,
      now: this.clock.now(),
      ...parsed,
      result: attemptResults(results),
    };
    const issues: PublishIssue[] = [];
    for (const stage of this.stages) {
      const outcome = await stage.check(attempt, tx);
      (results as Record<string, unknown>)[stage.name] = outcome.result;
      issues.push(...(outcome.issues ?? []));
      if (results.versions?.unchanged) break;
    }
    if (issues.some((i) => i.severity === 'error')) throw rejection(attempt, results, issues);
    if (!dryRun && !results.versions?.unchanged) await this.store(attempt, tx);
    return acceptedResult(attempt, results, issues);
  }

  private async store(attempt: PublishAttempt, tx: EntityManager): Promise<void> {
    for (const stage of this.stages) await stage.store?.(attempt, tx);
    const { principal, productId, bundle, contentHash } = attempt;
    await this.audit.record(
      {
        actor: principal.name,
        action: 'publish',
        subject: `${productId}@${bundle.descriptor.metadata.version}`,
        outcome: 'accepted',
        detail: { contentHash, requiredBump: attempt.result('compatibility').requiredBump },
      },
      tx,
    );
  }
}
