import type {
  Bump,
  BumpVerdict,
  CompatibilityReport,
  DataProduct,
  DescriptorChange,
  GovernanceReport,
  UpstreamFacts,
} from '@dmesh/sdk';
import type { ErrorDetail } from '../common/registry-error.js';
import type { PortImpact } from '../common/impact.types.js';

// What the publish stages tell each other and the pipeline: one typed result per
// stage, written once by the pipeline from the stage's `check` and read by later
// stages through `PublishAttempt.result(name)`. Nothing here is mutable.

/** An error detail (code, where, message, fix) with the stage that found it and its severity. */
export interface PublishIssue extends ErrorDetail {
  severity: 'error' | 'warning';
  stage: string;
}

/** A stored version of the product being published. */
export interface StoredVersionRef {
  id: string;
  version: string;
  contentHash: string;
  descriptor: DataProduct;
  /** Output port name → contract hash. */
  portContracts: Readonly<Record<string, string>>;
}

export interface ResolvedInput {
  product: string;
  port: string;
  range: string;
  /** Highest published, non-retired upstream version in range. */
  resolved?: string;
}

export interface VersionsResult {
  /** Earlier versions of this product, oldest first. */
  existing: readonly StoredVersionRef[];
  /** Set when identical content is already stored: the publish is an idempotent success. */
  unchanged?: StoredVersionRef;
}

export interface InputsResult {
  inputs: readonly ResolvedInput[];
  /** What governance needs to know about each input. */
  upstreams: readonly UpstreamFacts[];
}

/** A port's contract compared with the earlier versions it was checked against. */
export type PortCompatibility = CompatibilityReport & { against: string[] };

export interface BreakingChange {
  port: string;
  code: string;
  path: string;
  message: string;
}

export interface CompatibilityResult {
  ports: Readonly<Record<string, PortCompatibility>>;
  /** Descriptor-level changes against the base version. */
  descriptor?: { against: string[]; changes: DescriptorChange[] };
  requiredBump: Bump;
  /** The version compared with and the verdict on the bump; judged by the compatibility policy. */
  bump?: { base: string; verdict: BumpVerdict; breaking: BreakingChange[] };
}

export interface LineageResult {
  /** A lineage cycle this version would close, first = last. */
  cycle?: string[];
  /** Dry-run only: consumers reached by each port's breaking changes. */
  impact?: Record<string, PortImpact>;
}

export interface GovernanceResult {
  report: GovernanceReport;
}

/** Discovery's search index stage checks nothing; it stores the product's search row with the version. */
export type SearchIndexResult = Record<string, never>;

/** Each stage's result by stage name, in pipeline order. */
export interface StageResults {
  versions: VersionsResult;
  inputs: InputsResult;
  compatibility: CompatibilityResult;
  lineage: LineageResult;
  governance: GovernanceResult;
  search: SearchIndexResult;
}

export type StageName = keyof StageResults;

/** The order stages run in; each may read the results of the stages before it. */
export const STAGE_ORDER: readonly StageName[] = [
  'versions',
  'inputs',
  'compatibility',
  'lineage',
  'governance',
  'search',
];
