import type { SlaPromise } from '@dmesh/sdk';
import type { Owner } from '../common/impact.types.js';

// What ProductsService gives other contexts: records, not table rows (the
// tables' shape stays private to products/operations).

export type { Owner };

export interface DomainRecord {
  name: string;
  title?: string;
  description: string;
  owner: Owner;
}

export interface ProductRecord {
  id: string;
  domain: string;
  name: string;
  title: string;
  description: string;
  owner: Owner;
  tags: string[];
  classification: string;
  tier: string;
  latestVersion: string;
}

export interface VersionRecord {
  /** The version's row id (ports and inputs refer to it). */
  id: string;
  productId: string;
  version: string;
  major: number;
  contentHash: string;
  descriptor: Record<string, unknown>;
  compatibilityReport: Record<string, unknown>;
  governanceReport: Record<string, unknown>;
  publishedBy: string;
  publishedAt: Date;
}

export interface PortRecord {
  id: string;
  versionId: string;
  productId: string;
  name: string;
  kind: string;
  format: string;
  location: string;
  contractHash: string;
  compatibility: string;
  sla: Record<string, unknown> | null;
  quality: unknown[];
}

/** One input of one version: the upstream port it reads, its range and what it resolved to at publish time. */
export interface InputRecord {
  versionId: string;
  productId: string;
  upstreamProductId: string;
  upstreamPort: string;
  versionRange: string;
  resolvedVersion: string | null;
}

export interface MajorLineRecord {
  productId: string;
  major: number;
  state: 'active' | 'deprecated' | 'retired';
  sunset: string | null;
  reason: string | null;
}

/** A major line locked for a lifecycle change. */
export interface LockedLine extends MajorLineRecord {
  deprecatedAt: Date | null;
}

export interface PortRef {
  productId: string;
  port: string;
}

/** The few product columns a lineage node shows. */
export interface ProductCard {
  id: string;
  latestVersion: string;
  ownerTeam: string;
  ownerEmail: string;
}

export interface MajorLineKey {
  productId: string;
  major: number;
}

export const majorLineKey = (productId: string, major: number) => `${productId}@${major}`;

/** A product still reading a major line: its latest version resolved an input to a version of that major. */
export interface LineConsumer {
  product: string;
  port: string;
  range: string;
  resolved: string | null;
  owner: Owner;
  /** A consumer outside the mesh (`<domain>:<kind>/<name>` in `product`): its kind; absent for a product. */
  kind?: string;
  /** YYYY-MM-DD its registration lapses (consumers outside the mesh). */
  expires?: string;
}

/** One published version of one output port. */
export interface PortVersion {
  version: string;
  major: number;
  compatibility: string;
  contractHash: string;
}

export interface PortPromise extends PortRef {
  /** The port's SLA in the latest version that has the port (the product's latest version whenever it still has it). */
  promise: SlaPromise | null;
}

/** What a product's current versions (the latest of each non-retired major line) declare. */
export interface CurrentLineageSources {
  inputs: {
    major: number;
    versionId: string;
    upstreamProductId: string;
    upstreamPort: string;
    versionRange: string;
    resolvedVersion: string | null;
  }[];
  fields: {
    major: number;
    versionId: string;
    port: string;
    field: string;
    upstreamProductId: string;
    upstreamPort: string;
    upstreamField: string;
  }[];
  ports: { major: number; port: string; location: string }[];
}
