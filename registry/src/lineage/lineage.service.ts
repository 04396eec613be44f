import { Inject, Injectable } from '@nestjs/common';
import type { CompatibilityMode } from '@dmesh/sdk';
import { DataSource, type EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock.js';
import { CpuPool } from '../common/cpu/cpu-pool.js';
import { exceedsNodes } from '../common/cpu/json-size.js';
import type { ImpactReport } from '../common/impact.types.js';
import { RequestError } from '../common/registry-error.js';
import { ContractsService } from '../contracts/contracts.service.js';
import { ProductsService } from '../products/products.service.js';
import { lineageDrift, type ProductDrift } from './drift.js';
import type { PortImpactRequest } from './consumer-impact.js';
import { ExternalConsumersService } from './external/external-consumers.service.js';
import { consumerIdOf } from './external/external-view.js';
import { hasExpired } from './external/resolve-read.js';
import { analyseImpact, portImpact, type ImpactRequest } from './impact.js';
import { checkedInt, parsePortId, parseProductId } from './ids.js';
import {
  DEFAULT_DEPTH,
  DEFAULT_NODE_BUDGET,
  MAX_DEPTH,
  MAX_NODE_BUDGET,
  type LineageDirection,
  type LineageGraph,
  type LineagePaths,
  type PortConsumer,
} from './lineage.types.js';
import { consumersOfPorts } from './operations/consumers-of-ports.js';
import { refreshCurrentLineage } from './operations/refresh-current-lineage.js';
import { findPaths } from './paths.js';
import { traverseLineage } from './traversal.js';

export interface LineageQuery {
  id: string;
  direction?: string;
  depth?: number;
  fieldLevel?: boolean;
  budget?: number;
}

const DIRECTIONS: LineageDirection[] = ['UPSTREAM', 'DOWNSTREAM', 'BOTH'];

/** Lineage reads shared by REST and GraphQL: argument checks here, queries in operations/. */
@Injectable()
export class LineageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductsService,
    private readonly contracts: ContractsService,
    private readonly cpu: CpuPool,
    private readonly externals: ExternalConsumersService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  lineage(q: LineageQuery): Promise<LineageGraph> {
    const direction = (q.direction ?? 'BOTH').toUpperCase() as LineageDirection;
    if (!DIRECTIONS.includes(direction)) {
      throw new RequestError('BAD_REQUEST', `direction "${q.direction}" is not one of ${DIRECTIONS.join(', ')}`, [
        { code: 'BAD_ARGUMENT', path: 'direction', message: 'unknown direction', fix: `use ${DIRECTIONS.join(', ')}` },
      ]);
    }
    const request = {
      root: parseProductId(q.id, 'id'),
      direction,
      fieldLevel: q.fieldLevel ?? false,
      depth: checkedInt(q.depth, DEFAULT_DEPTH, 1, MAX_DEPTH, 'depth'),
      budget: checkedInt(q.budget, DEFAULT_NODE_BUDGET, 1, MAX_NODE_BUDGET, 'budget'),
    };
    // The pool's manager, not one connection: wide levels run as two statements at once (operations/level-edges.ts).
    return traverseLineage(this.dataSource.manager, this.products, request);
  }

  paths(from: string, to: string): Promise<LineagePaths> {
    return findPaths(this.dataSource.manager, this.products, parseProductId(from, 'from'), parseProductId(to, 'to'));
  }

  async consumers(portId: string): Promise<PortConsumer[]> {
    const { product, port } = parsePortId(portId, 'port');
    if (!(await this.products.portHistory(product, port)).length) {
      throw new RequestError('NOT_FOUND', `${product}/${port} is not a published output port`, [
        {
          code: 'PORT_NOT_FOUND',
          message: `no port ${port} on ${product}`,
          fix: `see the ports with: dmesh show ${product}`,
        },
      ]);
    }
    const rows = await consumersOfPorts(this.dataSource.manager, [{ product, port }]);
    const owners = new Map(
      (await this.products.cards([...new Set(rows.map((c) => c.product_id))])).map((c) => [c.id, c]),
    );
    const products: PortConsumer[] = rows.map((c) => ({
      product: c.product_id,
      major: c.major,
      port: `${product}/${port}`,
      versionRange: c.version_range,
      ...(c.resolved_version && { resolvedVersion: c.resolved_version }),
      owner: { team: owners.get(c.product_id)?.ownerTeam ?? '', email: owners.get(c.product_id)?.ownerEmail ?? '' },
      fieldsRead: c.fields_read,
    }));
    return [...products, ...(await this.externalConsumers(product, port))];
  }

  /** Consumers outside the mesh reading the port, lapsed registrations included (marked `expired`). */
  private async externalConsumers(product: string, port: string): Promise<PortConsumer[]> {
    const today = this.today();
    return (await this.externals.readsOfPorts(this.dataSource.manager, [{ product, port }])).map((r) => ({
      product: consumerIdOf(r),
      kind: r.kind,
      port: `${product}/${port}`,
      versionRange: r.version_range,
      owner: { team: r.owner_team, email: r.owner_email },
      fieldsRead: r.fields,
      ...(r.expires && { expires: r.expires }),
      expired: hasExpired(r.expires, today),
    }));
  }

  impact(portId: string, request: Omit<ImpactRequest, 'product' | 'port' | 'today'>): Promise<ImpactReport> {
    const { product, port } = parsePortId(portId, 'port');
    if (!request.schema || typeof request.schema !== 'object') {
      throw new RequestError('BAD_REQUEST', 'schema must be the proposed JSON Schema (an object)', [
        {
          code: 'BAD_SCHEMA',
          path: 'schema',
          message: 'missing or not an object',
          fix: 'send { "schema": { ...JSON Schema... } }',
        },
      ]);
    }
    return analyseImpact(
      this.dataSource.manager,
      { products: this.products, contracts: this.contracts, cpu: this.cpu },
      { product, port, ...request, today: this.today() },
    );
  }

  drift(productId?: string): Promise<ProductDrift[]> {
    return lineageDrift(this.dataSource.manager, productId ? [parseProductId(productId, 'id')] : null);
  }

  /** Rebuilds a product's current-lineage rows from its current versions (publish store, retiring a line). */
  async refreshCurrent(tx: EntityManager, productId: string): Promise<void> {
    await refreshCurrentLineage(tx, productId, await this.products.currentLineageSources(tx, productId));
  }

  /** The consumers a port's proposed contract breaks, against the contract stored as `currentHash` (the publish dry-run). */
  async portImpact(
    tx: EntityManager,
    req: Omit<PortImpactRequest, 'today'> & { currentHash: string; proposed: unknown; mode: CompatibilityMode },
  ) {
    const current = (await this.contracts.schemasByHashes([req.currentHash], tx)).get(req.currentHash);
    const sources = { products: this.products, cpu: this.cpu };
    return portImpact(tx, sources, { ...req, current, offload: exceedsNodes(req.proposed), today: this.today() });
  }
}
