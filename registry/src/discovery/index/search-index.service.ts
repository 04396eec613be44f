import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { SlaPromise } from '@dmesh/sdk';
import { DataSource, type EntityManager } from 'typeorm';
import { AsCatalogListener, type CatalogListener } from '../../common/catalog-listeners.js';
import { ContractsService } from '../../contracts/contracts.service.js';
import { ProductsService } from '../../products/products.service.js';
import { SlaService } from '../../sla/sla.service.js';
import { indexedIds, indexedWords } from '../operations/indexed-words.js';
import { lockProducts } from '../operations/lock-products.js';
import {
  applyWordCounts,
  replaceSearchFields,
  updateSearchConsumers,
  updateSearchSla,
  upsertSearchRows,
} from '../operations/write-search-rows.js';
import { productSlaTimeline } from './sla-masks.js';
import { fieldRows, searchRow, type IndexInput } from './search-row.js';

/** Products indexed per statement when many are (re)built at once. */
const BATCH = 500;

/**
 * Keeps discovery's search read model in step with the catalog, inside the
 * transaction that changes it: a publish (the `search` stage), an SLA
 * observation and a lifecycle change (CatalogListener hooks). It reads the
 * other contexts through their services only; its SQL names its own tables.
 */
@Injectable()
@AsCatalogListener()
export class SearchIndex implements CatalogListener, OnApplicationBootstrap {
  private readonly log = new Logger('SearchIndex');

  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductsService,
    private readonly contracts: ContractsService,
    private readonly sla: SlaService,
  ) {}

  /** Rebuilds the rows, fields and words of `ids` from the catalog as `tx` sees it. */
  async reindex(tx: EntityManager, ids: readonly string[]): Promise<void> {
    await lockProducts(tx, ids);
    const inputs = await this.gather(tx, ids);
    const fields = inputs.map(fieldRows);
    const rows = inputs.map((input, k) => searchRow(input, fields[k]));
    const previous = await indexedWords(tx, ids);
    const deltas = new Map<string, number>();
    const count = (words: readonly string[], by: number) => {
      for (const w of words) deltas.set(w, (deltas.get(w) ?? 0) + by);
    };
    for (const row of rows) count(row.words, 1);
    for (const words of previous.values()) count(words, -1);
    await upsertSearchRows(tx, rows);
    await replaceSearchFields(tx, ids, fields.flat());
    await applyWordCounts(tx, deltas);
  }

  /** Recounts the consumers of `ids` (a publish changed what its version reads). */
  async refreshConsumers(tx: EntityManager, ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    await lockProducts(tx, ids);
    const counts = await this.products.consumerCounts(ids, tx);
    await updateSearchConsumers(tx, new Map(ids.map((id) => [id, counts.get(id) ?? 0])));
  }

  async portObserved(tx: EntityManager, productId: string): Promise<void> {
    await lockProducts(tx, [productId]);
    const [input] = await this.gather(tx, [productId]);
    if (input) await updateSearchSla(tx, productId, productSlaTimeline([...input.timelines.values()]));
  }

  async majorLineChanged(tx: EntityManager, productId: string): Promise<void> {
    await this.reindex(tx, [productId]);
  }

  /** Indexes the products the read model does not have yet (a registry upgraded from before it, a bulk load). */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.dataSource.isInitialized) return; // rendering API documents: no database
    const indexed = new Set(await indexedIds(this.dataSource.manager));
    const missing = (await this.products.productIds()).filter((id) => !indexed.has(id));
    if (!missing.length) return;
    const started = Date.now();
    for (let k = 0; k < missing.length; k += BATCH)
      await this.dataSource.transaction((tx) => this.reindex(tx, missing.slice(k, k + BATCH)));
    this.log.log(`indexed ${missing.length} product(s) for search in ${Date.now() - started} ms`);
  }

  private async gather(tx: EntityManager, ids: readonly string[]): Promise<IndexInput[]> {
    const products = await this.products.productsByIds(ids, tx);
    // Only the latest version's row: every version's (descriptors included) made each publish cost more than the last.
    const versions = new Map((await this.products.latestVersionsByProducts(ids, tx)).map((v) => [v.productId, v]));
    const ports = await this.products.portsByVersions(
      [...versions.values()].map((v) => v.id),
      tx,
    );
    // One after another: they share the transaction's connection.
    const contracts = await this.contracts.schemasByHashes(
      ports.map((p) => p.contractHash),
      tx,
    );
    const lines = await this.products.majorLinesByProducts(ids, tx);
    const consumers = await this.products.consumerCounts(ids, tx);
    const promises = ports.map((p) => ({ productId: p.productId, port: p.name, promise: p.sla as SlaPromise | null }));
    const timelines = await this.sla.timelines(promises, tx);
    const states = new Map(lines.map((l) => [`${l.productId}@${l.major}`, l.state]));
    return products.map((product) => {
      const version = versions.get(product.id)!;
      const own = ports.filter((p) => p.versionId === version.id);
      return {
        product,
        version,
        ports: own,
        contracts,
        status: states.get(`${product.id}@${version.major}`) ?? 'active',
        consumers: consumers.get(product.id) ?? 0,
        timelines: new Map(own.map((p) => [p.name, timelines.get(`${product.id}/${p.name}`) ?? []])),
      };
    });
  }
}
