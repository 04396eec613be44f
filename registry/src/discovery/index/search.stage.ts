import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AsPublishStage,
  type PublishAttempt,
  type PublishStage,
  type StageOutcome,
} from '../../publish/publish-stage.js';
import { SearchIndex } from './search-index.service.js';

/**
 * The last publish stage: the product's search row (and its fields and words)
 * follows the stored version in the same transaction, and so do the consumer
 * counts of every product the new or the previous latest version reads.
 */
@Injectable()
@AsPublishStage()
export class SearchIndexStage implements PublishStage<'search'> {
  readonly name = 'search';

  constructor(private readonly index: SearchIndex) {}

  async check(): Promise<StageOutcome<'search'>> {
    return { result: {} };
  }

  async store(attempt: PublishAttempt, tx: EntityManager): Promise<void> {
    await this.index.reindex(tx, [attempt.productId]);
    const { existing } = attempt.result('versions');
    const reads = [attempt.bundle.descriptor, ...existing.map((v) => v.descriptor)].flatMap((d) =>
      (d.spec.inputs ?? []).map((i) => i.product),
    );
    await this.index.refreshConsumers(
      tx,
      [...new Set(reads)].filter((id) => id !== attempt.productId),
    );
  }
}
