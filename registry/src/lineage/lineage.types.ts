import type { Owner } from '../common/impact.types.js';
/** Plain results of the lineage services; REST DTOs and GraphQL types map from these. */
export type LineageDirection = 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH';
export type LineageNodeKind = 'PRODUCT' | 'PORT' | 'FIELD' | 'EXTERNAL' | 'CONSUMER';
export type LineageEdgeKind = 'OUTPUT' | 'INPUT' | 'FIELD' | 'OBSERVED';

export interface LineageNode {
  /** `<domain>.<product>`, `<domain>.<product>/<port>`, `…/<port>#<field>`, `external:<location>`, or a consumer outside the mesh `<domain>:<kind>/<name>`. */
  id: string;
  kind: LineageNodeKind;
  product?: string;
  port?: string;
  field?: string;
  /** Hops from the root product: negative upstream, positive downstream. */
  level: number;
  version?: string;
  ownerTeam?: string;
  location?: string;
  /** dashboard, ml, notebook or service (CONSUMER nodes). */
  consumerKind?: string;
}

export interface LineageEdge {
  from: string;
  to: string;
  kind: LineageEdgeKind;
  versionRange?: string;
  resolvedVersion?: string;
}

export interface LineageGraph {
  root: string;
  direction: LineageDirection;
  depth: number;
  budget: number;
  truncated: boolean;
  nodes: LineageNode[];
  edges: LineageEdge[];
}

export interface LineagePath {
  products: string[];
  /** `via[i]` is the port of `products[i]` that `products[i + 1]` reads. */
  via: string[];
}

export interface LineagePaths {
  from: string;
  to: string;
  paths: LineagePath[];
  truncated: boolean;
}

export interface PortConsumer {
  /** A product id, or a consumer outside the mesh: `<domain>:<kind>/<name>`. */
  product: string;
  /** dashboard, ml, notebook or service for a consumer outside the mesh; absent for a product. */
  kind?: string;
  /** The consumer's major line that reads the port (products only). */
  major?: number;
  /** YYYY-MM-DD its registration lapses, and whether it has (consumers outside the mesh). */
  expires?: string;
  expired?: boolean;
  port: string;
  versionRange: string;
  resolvedVersion?: string;
  owner: Owner;
  /** Upstream fields of the port this consumer's field lineage reads; empty when it declares none. */
  fieldsRead: string[];
}

export const DEFAULT_NODE_BUDGET = 5000;
export const MAX_NODE_BUDGET = 50_000;
export const DEFAULT_DEPTH = 5;
export const MAX_DEPTH = 50;
