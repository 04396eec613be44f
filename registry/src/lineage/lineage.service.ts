import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RegistryError } from '../common/registry-error.js';
import { lineageDrift, type ProductDrift } from './drift.js';
import { analyseImpact, type ImpactRequest } from './impact.js';
import type { ImpactReport } from './impact.types.js';
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
import { portContracts } from './operations/port-contracts.js';
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
  constructor(private readonly dataSource: DataSource) {}

  lineage(q: LineageQuery): Promise<LineageGraph> {
    const direction = (q.direction ?? 'BOTH').toUpperCase() as LineageDirection;
    if (!DIRECTIONS.includes(direction)) {
      throw new RegistryError('BAD_REQUEST', `direction "${q.direction}" is not one of ${DIRECTIONS.join(', ')}`, [
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
    return traverseLineage(this.dataSource.manager, request);
  }

  paths(from: string, to: string): Promise<LineagePaths> {
    return findPaths(this.dataSource.manager, parseProductId(from, 'from'), parseProductId(to, 'to'));
  }

  async consumers(portId: string): Promise<PortConsumer[]> {
    const { product, port } = parsePortId(portId, 'port');
    if (!(await portContracts(this.dataSource.manager, product, port)).length) {
      throw new RegistryError('NOT_FOUND', `${product}/${port} is not a published output port`, [
        {
          code: 'PORT_NOT_FOUND',
          message: `no port ${port} on ${product}`,
          fix: `see the ports with: dmesh show ${product}`,
        },
      ]);
    }
    return (await consumersOfPorts(this.dataSource.manager, [{ product, port }])).map((c) => ({
      product: c.product_id,
      major: c.major,
      port: `${product}/${port}`,
      versionRange: c.version_range,
      ...(c.resolved_version && { resolvedVersion: c.resolved_version }),
      owner: { team: c.owner_team, email: c.owner_email },
      fieldsRead: c.fields_read,
    }));
  }

  impact(portId: string, request: Omit<ImpactRequest, 'product' | 'port'>): Promise<ImpactReport> {
    const { product, port } = parsePortId(portId, 'port');
    if (!request.schema || typeof request.schema !== 'object') {
      throw new RegistryError('BAD_REQUEST', 'schema must be the proposed JSON Schema (an object)', [
        {
          code: 'BAD_SCHEMA',
          path: 'schema',
          message: 'missing or not an object',
          fix: 'send { "schema": { ...JSON Schema... } }',
        },
      ]);
    }
    return analyseImpact(this.dataSource.manager, { product, port, ...request });
  }

  drift(productId?: string): Promise<ProductDrift[]> {
    return lineageDrift(this.dataSource.manager, productId ? [parseProductId(productId, 'id')] : null);
  }
}
