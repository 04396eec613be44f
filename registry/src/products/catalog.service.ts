import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RegistryError } from '../common/registry-error.js';
import { searchProducts, type SearchFilter, type SearchPage } from './operations/search-products.js';
import { SlaService } from '../sla/sla.service.js';

export interface ProductRow {
  id: string;
  domain: string;
  name: string;
  title: string;
  description: string;
  owner_team: string;
  owner_email: string;
  tags: string[];
  classification: string;
  tier: string;
  latest_version: string;
  created_at: Date;
  updated_at: Date;
}
export interface VersionRow {
  id: string;
  product_id: string;
  version: string;
  major: number;
  content_hash: string;
  descriptor: Record<string, unknown>;
  compatibility_report: Record<string, unknown>;
  governance_report: Record<string, unknown>;
  published_by: string;
  published_at: Date;
}
export interface PortRow {
  id: string;
  version_id: string;
  product_id: string;
  name: string;
  kind: string;
  format: string;
  location: string;
  contract_hash: string;
  contract_path: string;
  compatibility: string;
  sla: Record<string, unknown> | null;
  quality: unknown[];
}
export interface InputRow {
  version_id: string;
  product_id: string;
  upstream_product_id: string;
  upstream_port: string;
  version_range: string;
  resolved_version: string | null;
}
export interface DomainRow {
  name: string;
  title: string | null;
  description: string;
  owner_team: string;
  owner_email: string;
}
export interface MajorLineRow {
  product_id: string;
  major: number;
  state: string;
  sunset: string | null;
  reason: string | null;
}

/** Catalog reads shared by REST and GraphQL. Batch methods take many ids so GraphQL can use DataLoader. */
@Injectable()
export class CatalogService {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() private readonly sla?: SlaService,
  ) {}

  async getProduct(id: string): Promise<ProductRow> {
    const [row] = await this.productsByIds([id]);
    if (!row)
      throw new RegistryError('NOT_FOUND', `product ${id} is not in the catalog`, [
        {
          code: 'PRODUCT_NOT_FOUND',
          message: `no product ${id}`,
          fix: 'check the id (<domain>.<product>) with dmesh search',
        },
      ]);
    return row;
  }

  async productsByIds(ids: readonly string[]): Promise<ProductRow[]> {
    return this.dataSource.query('SELECT * FROM products WHERE id = ANY($1)', [ids]);
  }

  async versionsByProducts(ids: readonly string[]): Promise<VersionRow[]> {
    return this.dataSource.query(
      'SELECT * FROM product_versions WHERE product_id = ANY($1) ORDER BY major DESC, minor DESC, patch DESC, id DESC',
      [ids],
    );
  }

  async getVersion(productId: string, version: string): Promise<VersionRow> {
    const [row] = await this.dataSource.query('SELECT * FROM product_versions WHERE product_id = $1 AND version = $2', [
      productId,
      version,
    ]);
    if (!row) {
      await this.getProduct(productId);
      throw new RegistryError('NOT_FOUND', `${productId}@${version} is not published`, [
        {
          code: 'VERSION_NOT_FOUND',
          message: `no version ${version}`,
          fix: `list versions with: dmesh show ${productId}`,
        },
      ]);
    }
    return row;
  }

  async portsByVersions(versionIds: readonly string[]): Promise<PortRow[]> {
    return this.dataSource.query('SELECT * FROM output_ports WHERE version_id = ANY($1::bigint[]) ORDER BY name', [
      versionIds,
    ]);
  }

  async inputsByVersions(versionIds: readonly string[]): Promise<InputRow[]> {
    return this.dataSource.query('SELECT * FROM input_dependencies WHERE version_id = ANY($1::bigint[]) ORDER BY id', [
      versionIds,
    ]);
  }

  async contractsByHashes(hashes: readonly string[]): Promise<{ hash: string; schema: unknown }[]> {
    return this.dataSource.query('SELECT hash, schema FROM contracts WHERE hash = ANY($1)', [hashes]);
  }

  async majorLinesByProducts(ids: readonly string[]): Promise<MajorLineRow[]> {
    return this.dataSource.query(
      "SELECT product_id, major, state, to_char(sunset, 'YYYY-MM-DD') AS sunset, reason FROM major_lines WHERE product_id = ANY($1) ORDER BY major DESC",
      [ids],
    );
  }

  /** Products whose latest version of any major line consumes a port of `productId`. */
  async consumersByProducts(ids: readonly string[]): Promise<InputRow[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (d.product_id, d.upstream_product_id, d.upstream_port) d.*
         FROM input_dependencies d JOIN products p ON p.id = d.product_id
         JOIN product_versions v ON v.id = d.version_id AND v.version = p.latest_version
        WHERE d.upstream_product_id = ANY($1)`,
      [ids],
    );
  }

  async domains(): Promise<DomainRow[]> {
    return this.dataSource.query('SELECT name, title, description, owner_team, owner_email FROM domains ORDER BY name');
  }

  async search(filter: SearchFilter, first: number, after?: string): Promise<SearchPage> {
    return searchProducts(
      this.dataSource.manager,
      filter,
      first,
      after,
      this.sla && ((status) => this.sla!.productIdsWithStatus(status)),
    );
  }
}
