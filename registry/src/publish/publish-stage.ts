import { DiscoveryService } from '@nestjs/core';
import type { DataProduct, ProductBundle } from '@dmesh/sdk';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/auth.service.js';
import type { PublishIssue, StageName, StageResults } from './stage-results.js';

/** A parsed, authorised publish request: what every stage starts from. */
export interface PublishAttempt {
  productId: string;
  bundle: ProductBundle & { descriptor: DataProduct };
  /** The product's domain.yaml, when the request carried one. */
  domainDoc?: Record<string, unknown>;
  contentHash: string;
  principal: Principal;
  dryRun: boolean;
  /** The registry clock's time for this publish (waiver expiry, lifecycle). */
  now: Date;
  /** The result of a stage that ran before this one (the pipeline checks the order at start-up). */
  result<K extends StageName>(stage: K): StageResults[K];
}

/** What a stage's check found: its result for later stages, and problems to report. */
export interface StageOutcome<K extends StageName> {
  result: StageResults[K];
  issues?: PublishIssue[];
}

/**
 * One stage of the publish pipeline, provided by the context it belongs to and
 * found by the pipeline through `@AsPublishStage()`. `check` reads (never
 * writes) and may throw a RegistryError to stop the publish; `store` writes the
 * stage's part of an accepted version. Both run in the publish transaction.
 */
export interface PublishStage<K extends StageName = StageName> {
  readonly name: K;
  check(attempt: PublishAttempt, tx: EntityManager): Promise<StageOutcome<K>>;
  store?(attempt: PublishAttempt, tx: EntityManager): Promise<void>;
}

/** Marks a provider as a publish stage; the pipeline discovers it at start-up. */
export const AsPublishStage = DiscoveryService.createDecorator<void>();
