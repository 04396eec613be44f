import type { EntityManager } from 'typeorm';
import type { BumpVerdict, DataProduct, GovernanceReport, ProductBundle, UpstreamFacts } from '@dmesh/sdk';
import type { Principal } from '../../auth/auth.service.js';
import type { ErrorDetail } from '../../common/registry-error.js';
import type { PortImpact } from '../../lineage/impact.types.js';

/** An error detail (code, where, message, fix) with the stage that found it and its severity. */
export interface PublishIssue extends ErrorDetail {
  severity: 'error' | 'warning';
  stage: string;
}

export interface StoredVersionRef {
  id: string;
  version: string;
  contentHash: string;
  descriptor: DataProduct;
}

/** Everything the stages know about one publish attempt; stages read and add to it. */
export interface PublishContext {
  productId: string;
  bundle: ProductBundle & { descriptor: DataProduct };
  domainDoc?: Record<string, unknown>;
  contentHash: string;
  principal: Principal;
  dryRun: boolean;
  manager: EntityManager;
  /** The registry clock's time for this publish (waiver expiry, lifecycle). */
  now: Date;
  /** Earlier versions of this product, oldest first. */
  existing: StoredVersionRef[];
  /** Upstream resolution per input index. */
  inputs: { product: string; port: string; range: string; resolved?: string }[];
  /** What governance needs to know about each input (inputs stage). */
  upstreams: UpstreamFacts[];
  /** The version compared with and the verdict on the bump (compatibility stage); judged by the compatibility policy. */
  bump?: {
    base: string;
    verdict: BumpVerdict;
    breaking: { port: string; code: string; path: string; message: string }[];
  };
  /** A lineage cycle this version would close, first = last (lineage stage). */
  cycle?: string[];
  /** The governance report (governance stage). */
  governance?: GovernanceReport;
  issues: PublishIssue[];
  /** Per-port compatibility reports, filled by the compatibility stage. */
  compatibility: Record<string, unknown>;
  requiredBump: 'major' | 'minor' | 'patch' | 'none';
  /** Set when identical content is already stored: the publish is an idempotent success. */
  unchanged?: StoredVersionRef;
  /** Dry-run only: consumers reached by each port's breaking changes (lineage stage). */
  impact?: Record<string, PortImpact>;
}

/** A stage of the publish pipeline. Later features (policies, lineage) plug in as more stages. */
export interface PublishStage {
  readonly name: string;
  run(ctx: PublishContext): Promise<void>;
}

export interface PublishResult {
  outcome: 'published' | 'unchanged' | 'dry-run';
  product: string;
  version: string;
  contentHash: string;
  requiredBump: PublishContext['requiredBump'];
  inputs: PublishContext['inputs'];
  compatibility: Record<string, unknown>;
  issues: PublishIssue[];
  impact?: Record<string, PortImpact>;
  governance?: GovernanceReport;
}
