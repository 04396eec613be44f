import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogListeners } from '../common/catalog-listeners.js';
import { RequestError } from '../common/registry-error.js';
import { currentLineageSources } from './operations/current-lineage-sources.js';
import { consumersOfMajorLines } from './operations/major-line-consumers.js';
import { lockMajorLine, markDeprecated, markRetired } from './operations/major-lines.js';
import { portHistory } from './operations/port-history.js';
import { portSlaPromises } from './operations/port-sla-promises.js';
import { productCards } from './operations/product-cards.js';
import { toDomain, toInput, toMajorLine, toPort, toProduct, toVersion } from './operations/rows.js';
import { consumerCounts } from './operations/consumer-counts.js';
import type {
  CurrentLineageSources,
  DomainRecord,
  InputRecord,
  LineConsumer,
  LockedLine,
  MajorLineKey,
  MajorLineRecord,
  PortPromise,
  PortRecord,
  PortRef,
  PortVersion,
  ProductCard,
  ProductRecord,
  VersionRecord,
} from './products.types.js';

/**
 * The one way into the catalog tables (domains, products, versions, ports,
 * fields, inputs, field lineage, major lines) for every other context. Batch
 * reads take many ids so GraphQL can use DataLoader; methods that take `tx`
 * run inside the caller's transaction.
 */
@Injectable()
export class ProductsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly listeners: CatalogListeners,
  ) {}

  private get db(): EntityManager {
    return this.dataSource.manager;
  }

  async getProduct(id: string): Promise<ProductRecord> {
    const [product] = await this.productsByIds([id]);
    if (product) return product;
    throw new RequestError('NOT_FOUND', `product ${id} is not in the catalog`, [
      {
        code: 'PRODUCT_NOT_FOUND',
        message: `no product ${id}`,
        fix: 'check the id (<domain>.<product>) with dmesh search',
      },
    ]);
  }

  async productsByIds(ids: readonly string[], tx: EntityManager = this.db): Promise<ProductRecord[]> {
    return (await tx.query('SELECT * FROM products WHERE id = ANY($1)', [ids])).map(toProduct);
  }

  /** Every product id (a read model compares its own rows with them). */
  async productIds(): Promise<string[]> {
    return (await this.db.query('SELECT id FROM products ORDER BY id')).map((r: { id: string }) => r.id);
  }

  /** Versions of many products, newest first. */
  async versionsByProducts(ids: readonly string[], tx: EntityManager = this.db): Promise<VersionRecord[]> {
    const rows = await tx.query(
      'SELECT * FROM product_versions WHERE product_id = ANY($1) ORDER BY major DESC, minor DESC, patch DESC, id DESC',
      [ids],
    );
    return rows.map(toVersion);
  }

  /** Each product's latest version (one row a product, however many versions it has). */
  async latestVersionsByProducts(ids: readonly string[], tx: EntityManager = this.db): Promise<VersionRecord[]> {
    const rows = await tx.query(
      `SELECT v.* FROM products p JOIN product_versions v ON v.product_id = p.id AND v.version = p.latest_version
        WHERE p.id = ANY($1)`,
      [ids],
    );
    return rows.map(toVersion);
  }

  async getVersion(productId: string, version: string): Promise<VersionRecord> {
    const [row] = await this.db.query('SELECT * FROM product_versions WHERE product_id = $1 AND version = $2', [
      productId,
      version,
    ]);
    if (row) return toVersion(row);
    await this.getProduct(productId);
    throw new RequestError('NOT_FOUND', `${productId}@${version} is not published`, [
      {
        code: 'VERSION_NOT_FOUND',
        message: `no version ${version}`,
        fix: `list versions with: dmesh show ${productId}`,
      },
    ]);
  }

  async portsByVersions(versionIds: readonly string[], tx: EntityManager = this.db): Promise<PortRecord[]> {
    const rows = await tx.query('SELECT * FROM output_ports WHERE version_id = ANY($1::bigint[]) ORDER BY name', [
      versionIds,
    ]);
    return rows.map(toPort);
  }

  async inputsByVersions(versionIds: readonly string[]): Promise<InputRecord[]> {
    const rows = await this.db.query(
      'SELECT * FROM input_dependencies WHERE version_id = ANY($1::bigint[]) ORDER BY id',
      [versionIds],
    );
    return rows.map(toInput);
  }

  async majorLinesByProducts(ids: readonly string[], tx: EntityManager = this.db): Promise<MajorLineRecord[]> {
    const rows = await tx.query(
      "SELECT product_id, major, state, to_char(sunset, 'YYYY-MM-DD') AS sunset, reason FROM major_lines WHERE product_id = ANY($1) ORDER BY major DESC",
      [ids],
    );
    return rows.map(toMajorLine);
  }

  /** The inputs by which the latest version of any product reads a port of one of `ids`. */
  async consumersByProducts(ids: readonly string[]): Promise<InputRecord[]> {
    const rows = await this.db.query(
      `SELECT DISTINCT ON (d.product_id, d.upstream_product_id, d.upstream_port) d.*
         FROM input_dependencies d JOIN products p ON p.id = d.product_id
         JOIN product_versions v ON v.id = d.version_id AND v.version = p.latest_version
        WHERE d.upstream_product_id = ANY($1)`,
      [ids],
    );
    return rows.map(toInput);
  }

  /** The consumers still on each major line, keyed by `majorLineKey`. */
  consumersOfMajorLines(
    lines: readonly MajorLineKey[],
    tx: EntityManager = this.db,
  ): Promise<Map<string, LineConsumer[]>> {
    return consumersOfMajorLines(tx, lines);
  }

  async domains(): Promise<DomainRecord[]> {
    const rows = await this.db.query(
      'SELECT name, title, description, owner_team, owner_email FROM domains ORDER BY name',
    );
    return rows.map(toDomain);
  }

  /** How many products' latest versions read a port of each of `ids` (ids no one reads are left out). */
  consumerCounts(ids: readonly string[], tx: EntityManager = this.db): Promise<Map<string, number>> {
    return consumerCounts(tx, ids);
  }

  /** Id, latest version and owner of many products in one cheap statement (lineage nodes show these). */
  cards(ids: string[], manager: EntityManager = this.db): Promise<ProductCard[]> {
    return productCards(manager, ids);
  }

  /** Every published version of one port with its mode and contract hash, oldest first. */
  portHistory(productId: string, port: string): Promise<PortVersion[]> {
    return portHistory(this.db, productId, port);
  }

  /** Output port names of any version of a product; undefined when the product is unknown. */
  async portNames(productId: string): Promise<string[] | undefined> {
    const [row]: { ports: string[] | null }[] = await this.db.query(
      `SELECT (SELECT array_agg(DISTINCT o.name ORDER BY o.name) FROM output_ports o WHERE o.product_id = p.id) AS ports
         FROM products p WHERE p.id = $1`,
      [productId],
    );
    return row ? (row.ports ?? []) : undefined;
  }

  portSlaPromises(ports: readonly PortRef[]): Promise<PortPromise[]> {
    return portSlaPromises(this.db, ports);
  }

  currentLineageSources(tx: EntityManager, productId: string): Promise<CurrentLineageSources> {
    return currentLineageSources(tx, productId);
  }

  /** A major line, locked against publishes and other lifecycle changes of its product until `tx` ends. */
  lockMajorLine(tx: EntityManager, productId: string, major: number): Promise<LockedLine | undefined> {
    return lockMajorLine(tx, productId, major);
  }

  async markDeprecated(
    tx: EntityManager,
    productId: string,
    major: number,
    change: { sunset: string; reason: string; at: Date },
  ): Promise<void> {
    await markDeprecated(tx, productId, major, change);
    await this.listeners.majorLineChanged(tx, productId);
  }

  async markRetired(tx: EntityManager, productId: string, major: number): Promise<void> {
    await markRetired(tx, productId, major);
    await this.listeners.majorLineChanged(tx, productId);
  }
}
